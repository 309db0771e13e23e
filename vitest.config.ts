import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

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
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/fast-check-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
})
