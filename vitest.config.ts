import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

// Tiers (vitest projects), run together by `npm test`:
// - unit: pure modules and the emulator in-process; CPU-bound.
// - e2e: the built dist/index.js spawned as a runner runs it, against the emulator, at the tests'
//   pace (zero spacing, see test/e2e/harness.ts TEST_LIMITS); mostly waiting on child processes.
// - pace: the bundle at GitHub's own limits, asserting the spacing from the emulator's side.
// Workers: more than the 2 cores, since e2e files spend most of their time waiting on the bundle.
const TWIN_SCALE = process.env.INCIDENTOPS_DRY_TWIN === '1' ? 4 : 1

export default defineConfig({
  plugins: [
    {
      // @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }` (Node refuses),
      // so vitest inlines it; its source maps point at files the package does not ship.
      name: 'workflow-parser-without-sourcemaps',
      load(id) {
        if (!/[\\/]@actions[\\/]workflow-parser[\\/].*\.js$/.test(id)) return null
        return readFileSync(id, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
      },
    },
  ],
  test: {
    setupFiles: ['test/fast-check-setup.ts'],
    // The dry-run twin (`npm run test:dry-twin`) runs every e2e run twice: four times the time allowed.
    testTimeout: 60_000 * TWIN_SCALE,
    hookTimeout: 60_000 * TWIN_SCALE,
    pool: 'forks',
    maxWorkers: 4,
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/emulator/**/*.test.ts', 'src/**/*.test.ts'] },
      },
      // A scenario drives the bundle 20–40 times; on 2 shared cores the longest take about a minute.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/hardening/**/*.test.ts'],
          testTimeout: 180_000 * TWIN_SCALE,
          hookTimeout: 180_000 * TWIN_SCALE,
        },
      },
      { extends: true, test: { name: 'pace', include: ['test/pace/**/*.test.ts'] } },
    ],
  },
})
