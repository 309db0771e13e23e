/*
 * The README's performance table, generated from bench/results.json (what `npm run bench` wrote)
 * by bench/table.ts, between the markers below. `npm run docs` rewrites it; test/unit/bench-table.test.ts
 * fails when the README's table is not the one results.json gives.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { markdownTable, type Row } from '../bench/table.js'

export const README_FILE = 'README.md'
export const RESULTS_FILE = 'bench/results.json'
export const BENCH_BEGIN =
  '<!-- BEGIN generated from bench/results.json by scripts/gen-bench-table.ts: run `npm run bench`, then `npm run docs` -->'
export const BENCH_END = '<!-- END generated from bench/results.json -->'

/** The README with its performance table replaced by the one of `results`; throws if the markers are missing. */
export function readmeWithBenchTable(readme: string, results: { rows: Row[] }): string {
  const a = readme.indexOf(BENCH_BEGIN)
  const b = readme.indexOf(BENCH_END)
  if (a < 0 || b < a)
    throw new Error(`${README_FILE} lacks the performance table's markers:\n${BENCH_BEGIN}\n${BENCH_END}`)
  return `${readme.slice(0, a + BENCH_BEGIN.length)}\n${markdownTable(results.rows)}\n${readme.slice(b)}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { rows: Row[] }
  writeFileSync(README_FILE, readmeWithBenchTable(readFileSync(README_FILE, 'utf8'), results))
  process.stdout.write(
    `wrote the performance table of ${README_FILE} from ${RESULTS_FILE} (${results.rows.length} rows)\n`,
  )
}
