// Flat config (ESLint 9). Deliberately light: no type-aware rules, so `npm run lint` stays a
// few seconds on CI's 2 cores; `tsc --noEmit` (npm run typecheck) already does the type work.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

// The few Node globals our plain .js files may touch. Spelled out rather than importing the
// `globals` package, which is not a direct dependency.
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
}

/** The write methods of GitHubPort and BoardPort (src/github/port.ts, src/github/board.ts). */
export const WRITE_METHODS = [
  'createLabels',
  'addLabels',
  'setLabels',
  'updateIssue',
  'createComment',
  'createIssue',
  'editIssue',
  'updateComment',
  'proposeFile',
  'putFile',
  'writeTogether',
  'editPullBody',
  'setWorkflowEnabled',
  'deleteLabel',
  'updateLabel',
  'addItem',
  'setFields',
]

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', '.ci/node24/', 'coverage/', '.tmp/', 'demo-output/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    rules: {
      // `_`-prefixed parameters and variables are intentionally unused (port stubs, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The action logs through @actions/core only (core.info/warning/debug and the job summary).
    // The CLI is a terminal program, so console is its output channel.
    files: ['src/**'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // One writer (docs/architecture.md): only the executor (src/apply.ts) calls the ports' write
    // methods; the GitHub adapters in src/github/ implement them. Everything else plans effects.
    // Not the action: src/emulator/ is the local GitHub itself, and src/demo/ acts as the people
    // using it (alice opens an issue, comments) through the emulator's in-process helpers.
    files: ['src/**/*.ts'],
    ignores: ['src/apply.ts', 'src/github/**', 'src/emulator/**', 'src/demo/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${WRITE_METHODS.join('|')})$/]`,
          message:
            "Only the executor (src/apply.ts) writes to GitHub: plan an Effect (src/plan.ts) and apply it with the run's Executor.",
        },
      ],
    },
  },
  {
    // The pure core knows the domain's snapshot types (src/domain/snapshot.ts), not the GitHub adapter.
    files: ['src/domain/**/*.ts', 'src/render/**/*.ts', 'src/plan.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/github/port.js', '**/github/octokit.js', '**/github/board.js', '**/github/limiter.js'],
              message: 'The pure core depends on src/domain/snapshot.ts, not on the GitHub adapter.',
            },
          ],
        },
      ],
    },
  },
)
