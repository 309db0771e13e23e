/*
 * Where the installed package is, found from the running script (process.argv[1]) rather than
 * import.meta.url: ncc follows `new URL(…, import.meta.url)` and would copy what it points at into
 * the bundle. Works through npm's bin symlink (global install, npx, node_modules/.bin) and from a
 * source checkout (tsx src/cli/bin.ts).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The directory holding incidentops' package.json, walking up from the script; null if none. */
export function packageRoot(script: string | undefined = process.argv[1]): string | null {
  if (!script) return null
  let dir: string
  try {
    dir = dirname(realpathSync(script))
  } catch {
    return null
  }
  for (;;) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'incidentops') return dir
      } catch {
        // dist/package.json and the like: not ours, keep walking up.
      }
    }
    const up = dirname(dir)
    if (up === dir) return null
    dir = up
  }
}

/** The action bundle (dist/index.js) next to the running CLI, or a message saying what is missing. */
export function actionBundle(script?: string): { path: string } | { error: string } {
  const root = packageRoot(script)
  if (root === null)
    return {
      error: 'Cannot find the incidentops package around the running script, so not its action bundle (dist/index.js).',
    }
  const path = join(root, 'dist', 'index.js')
  if (!existsSync(path))
    return {
      error: `${path} is missing: in a source checkout, run \`npm run bundle\` first (npm start does); an installed package ships it.`,
    }
  return { path }
}
