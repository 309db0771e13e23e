import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  linearFit,
  markdownTable,
  median,
  missed,
  pagesPlusOne,
  verdict,
  withoutMeasuredExtrapolations,
  type Row,
  type Target,
} from '../../bench/table.js'
import { BENCH_BEGIN, BENCH_END, RESULTS_FILE, readmeWithBenchTable } from '../../scripts/gen-bench-table.js'

/** A report row as bench/run.ts writes it. */
const reportRow = (size: string, peakRssMb: number, targets: Target[]): Row => ({
  scenario: 'report',
  size,
  available: true,
  requests: 101,
  rest: 1,
  graphql: 100,
  points: 400,
  writes: 1,
  wallMs: 6536,
  peakRssMb,
  min: 101,
  naive: { requests: 10_100, writes: 0, run: true },
  targets,
})
const extrapolated = (actual: number): Target => ({
  what: 'peak RSS at 50,000 (`--full` measures it)',
  limit: 200,
  actual,
  unit: 'MB',
  basis: 'extrapolated',
  at: '50,000',
})

describe('bench table helpers', () => {
  it('says a target is met, or by how much it is missed', () => {
    expect(verdict({ what: 'requests', limit: 6, actual: 4, unit: 'requests' })).toBe('requests ≤ 6 requests: met')
    expect(verdict({ what: 'requests', limit: 6, actual: 8, unit: 'requests' })).toBe(
      'requests ≤ 6 requests: MISSED by 2 requests (+33 %)',
    )
    expect(verdict({ what: 'cold start', limit: 91, actual: 151, unit: 'ms' })).toBe(
      'cold start ≤ 91 ms: MISSED by 60 ms (+66 %)',
    )
    expect(verdict({ what: 'peak RSS', limit: 200, actual: null, unit: 'MB' })).toBe('peak RSS: not measured')
    // Float noise never reaches the table.
    expect(verdict({ what: 'writes per due item', limit: 1, actual: 1.1, unit: '' })).toBe(
      'writes per due item ≤ 1: MISSED by 0.1 (+10 %)',
    )
  })

  it('bounds pages at ⌈N/100⌉ + 1, at least 2', () => {
    expect([0, 1, 100, 101, 10_000, 50_000].map(pagesPlusOne)).toEqual([2, 2, 2, 3, 101, 501])
  })

  it('fits a line and a median', () => {
    const fit = linearFit([
      [1000, 100],
      [10_000, 118],
      [50_000, 198],
    ])!
    expect(fit.b * 1000).toBeCloseTo(2, 1)
    expect(fit.r2).toBeGreaterThan(0.99)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
  })

  it('prints a "not available" row without figures', () => {
    const row: Row = {
      scenario: 'sweep',
      size: '10',
      available: false,
      requests: null,
      rest: null,
      graphql: null,
      points: null,
      writes: null,
      wallMs: null,
      peakRssMb: null,
      min: 1,
      naive: { requests: 11, writes: 0, run: true },
      targets: [],
      note: 'not wired',
    }
    expect(markdownTable([row]).split('\n')[2]).toBe(
      '| sweep | 10 | **not available** | – | – | – | – | 1 | 11 req, 0 writes | not wired |',
    )
  })

  it('never says met or MISSED of an extrapolated figure: it says it was not measured and what the extrapolation would do', () => {
    expect(verdict(extrapolated(226.4))).toBe(
      'peak RSS at 50,000 (`--full` measures it) ≤ 200 MB: not measured; extrapolated 226 MB, which would miss it by 26 MB (+13 %)',
    )
    expect(verdict(extrapolated(194))).toBe(
      'peak RSS at 50,000 (`--full` measures it) ≤ 200 MB: not measured; extrapolated 194 MB, which would meet it',
    )
    for (const actual of [0, 150, 199.6, 200, 200.4, 250, 1e6]) {
      const v = verdict(extrapolated(actual))
      expect(v).toContain('not measured; extrapolated')
      expect(v).not.toMatch(/: met\b|MISSED/)
      expect(missed(extrapolated(actual)), String(actual)).toBe(false)
    }
    // The same figure measured is a verdict.
    expect(missed({ ...extrapolated(226), basis: 'measured' })).toBe(true)
    expect(verdict({ what: 'peak RSS', limit: 200, actual: 226, unit: 'MB' })).toBe(
      'peak RSS ≤ 200 MB: MISSED by 26 MB (+13 %)',
    )
  })

  it('prints an extrapolation as such, and drops it once a row measures that size', () => {
    const quick = reportRow('10,000', 141.5, [
      { what: 'requests', limit: 101, actual: 101, unit: 'requests' },
      extrapolated(226),
    ])
    const alone = markdownTable([quick]).split('\n')[2]!
    expect(alone).toBe(
      '| report | 10,000 | 101 (1 + 100) | 400 | 1 | 6536 ms | 142 MB | 101 | 10100 req, 0 writes | requests ≤ 101 requests: met; peak RSS at 50,000 (`--full` measures it) ≤ 200 MB: not measured; extrapolated 226 MB, which would miss it by 26 MB (+13 %) |',
    )
    // The 50,000 row merged in (`--only=report --report=50000 --merge`): its measurement replaces the guess.
    const full = reportRow('50,000', 192.03, [{ what: 'peak RSS', limit: 200, actual: 192.03, unit: 'MB' }])
    const lines = markdownTable([quick, full]).split('\n')
    expect(lines[2]).toBe(
      '| report | 10,000 | 101 (1 + 100) | 400 | 1 | 6536 ms | 142 MB | 101 | 10100 req, 0 writes | requests ≤ 101 requests: met |',
    )
    expect(lines[3]).toContain('| 192 MB |')
    expect(lines[3]).toMatch(/peak RSS ≤ 200 MB: met \|$/)
    expect(withoutMeasuredExtrapolations([quick, full])[0]!.targets).toHaveLength(1)
    // A row of another scenario at that size, or one that is not available, measures nothing.
    expect(withoutMeasuredExtrapolations([quick, { ...full, scenario: 'sweep' }])[0]!.targets).toHaveLength(2)
    expect(withoutMeasuredExtrapolations([quick, { ...full, available: false }])[0]!.targets).toHaveLength(2)
  })

  it('prints rounded figures, and a total without its split when only the total was counted', () => {
    const row = reportRow('100', 101.25, [
      { what: 'compute (build + render)', limit: 1000, actual: 97.87586999999985, unit: 'ms' },
      { what: 'seconds per write', limit: 1.09, actual: 1.0090000000000001, unit: 's' },
    ])
    expect(markdownTable([row]).split('\n')[2]).toContain(
      'compute (build + render) ≤ 1000 ms: met; seconds per write ≤ 1.09 s: met |',
    )
    expect(markdownTable([{ ...row, requests: 3, rest: null, graphql: null }]).split('\n')[2]).toMatch(
      /^\| report \| 100 \| 3 \| 400 \|/,
    )
  })
})

describe("the README's performance table", () => {
  it('is the table of bench/results.json (run `npm run docs` after `npm run bench`)', () => {
    const readme = readFileSync('README.md', 'utf8')
    const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { rows: Row[] }
    expect(readme).toContain(BENCH_BEGIN)
    expect(readme).toContain(BENCH_END)
    expect(readme).toBe(readmeWithBenchTable(readme, results))
    // Every row of results.json is in it, and no figure in it is a bare float.
    const table = readme.slice(readme.indexOf(BENCH_BEGIN), readme.indexOf(BENCH_END))
    expect(table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| scenario'))).toHaveLength(
      results.rows.length,
    )
    expect(table).not.toMatch(/\d\.\d{4,}/)
    expect(table).not.toContain('null')
    expect(() => readmeWithBenchTable('no markers', results)).toThrow("lacks the performance table's markers")
  })
})
