import { describe, expect, it } from 'vitest'
import { buildReport } from '../../../src/report/build.js'
import { money, measured, percent, trendArrow } from '../../../src/report/format.js'
import { renderReport } from '../../../src/report/render.js'
import type { Trend } from '../../../src/report/types.js'
import { generate, options } from './fixtures.js'
import { SCENARIO } from './scenario.js'

/** Pipes that separate cells: not escaped by a backslash. */
const cells = (line: string): number => (line.match(/(?<!\\)\|/g) ?? []).length

/** Every markdown table: each row has as many cells as its header and is closed; headings stand apart. Returns the problems. */
function tableProblems(md: string): string[] {
  const problems: string[] = []
  let width = -1
  const lines = md.split('\n')
  for (const [n, line] of lines.entries()) {
    if (line.startsWith('#') && n > 1 && lines[n - 1] !== '')
      problems.push(`line ${n + 1}: heading not preceded by a blank line`)
    if (!line.startsWith('|')) {
      width = -1
      continue
    }
    if (!line.endsWith('|')) problems.push(`line ${n + 1} not closed: ${line.slice(-40)}`)
    if (width < 0) width = cells(line)
    else if (cells(line) !== width) problems.push(`line ${n + 1}: ${cells(line)} pipes, header has ${width}`)
  }
  return problems
}

describe('renderReport on the hand-worked history', () => {
  const md = renderReport(buildReport(SCENARIO, options()), {})

  it('starts with the hidden marker keyed by the window start', () => {
    expect(md.split('\n')[0]).toBe('<!-- incidentops:report:2026-11-18 -->')
  })
  it.each([
    '| Incidents | 4 | 1 | ↑ +3 · worse |',
    '| Mean time to resolve (MTTR) | 3h 30m | 2h 00m | ↑ +1h 30m · worse |',
    '| Recovery rate | 50% | 100% | ↓ −50 pp · worse |',
    '| Availability | 95.2% | 99.405% | ↓ −4.2 pp · worse |',
    '| Estimated cost | €2,600 | €1,000 | ↑ +€1,600 · worse |',
    '| Dismissed (noise) | 1 | 1 | → same |',
    '| Time to resolve (started → resolved) | 2 | 2 | 3h 30m | 3h 30m | 4h 00m | 4h 00m | ≥ 18h 30m · ≥ 4h 00m · ≥ 2d 15h · ≥ 2d 15h |',
    '| Time to acknowledge (declared → acknowledged) | 3 | 1 | 18m | 20m | 30m | 30m | ≥ 15h 58m · ≥ 25m · ≥ 2d 15h · ≥ 2d 15h |',
    '| Error budget (SLO 99%) | 1h 40m in the window; **overspent by 6h 19m** |',
    '| P(at least one P1/P2 in the next 7 days) | 34.1% = 1 − e^(−λt), λ = 0.42 per week (5 in 12 weeks), t = 7 days |',
    '| MTBF (mean time between incidents) | 12d: λ = 0.58 per week (7 incidents in 12 weeks) |',
    '| Noise | 1 dismissed of 5 declared (20%) |',
    '| Postmortems | 33.3% done (1 of 3 required; 1 in progress, 1 missing) |',
    '| db | 2 | 0 | 0 |',
    '| _(no service)_ | 1 | 0 | 1 |',
  ])('shows %s', (row) => {
    expect(md).toContain(row)
  })
  it('shows open incidents with their time so far, never dropped', () => {
    const three = md.split('\n').find((l) => l.startsWith('| [#3]('))!
    expect(three).toContain('| 20m | ≥ 4h 00m so far | ≥ 4h 00m so far | acknowledged |')
    expect(md.split('\n').find((l) => l.startsWith('| [#8]('))).toContain('(from before the window)')
  })
  it('charts incidents per week, stacked as cumulative bars, and the MTTR trend', () => {
    expect(md).toContain(
      '  bar [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 4]\n  bar [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 4]\n  bar [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 3]\n  bar [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]',
    )
    expect(md).toContain('  x-axis ["09-30", "11-11", "11-18"]\n  y-axis "Hours" 0 --> 4\n  line [2, 2, 3.5]')
  })
  it('has one collapsed definitions section before the incident list', () => {
    expect(md.match(/<details>/g)).toHaveLength(1)
    expect(md.indexOf('</details>')).toBeLessThan(md.indexOf('### Incidents'))
  })
  it('has well-formed tables', () => {
    expect(tableProblems(md)).toEqual([])
  })
})

describe('renderReport on an empty history', () => {
  const md = renderReport(buildReport([], options({ costPerHour: null, slo: null })), {})
  it('shows "—", never NaN, undefined or Infinity', () => {
    expect(md).not.toMatch(/NaN|undefined|Infinity/)
    expect(md).toContain('| Mean time to resolve (MTTR) | — | — | — |')
    expect(md).toContain('No incidents in this window, and none open from before.')
    expect(md).toContain('No incident resolved in the history')
    expect(md).toContain('no incident in 12 weeks (λ < 0.25 per week at 95% confidence)')
    expect(md).not.toContain('Estimated cost')
    expect(tableProblems(md)).toEqual([])
  })
})

describe('the 65,536-character bound', () => {
  const data = buildReport(generate(10_000, 5, true), options())
  const total = data.incidents.length

  it.each([undefined, 65_536, 20_000, 5_000, 1_000])(
    'maxChars %s: fits, whole rows only, and counts what it left out',
    (maxChars) => {
      const md = renderReport(data, maxChars === undefined ? {} : { maxChars })
      expect(md.length).toBeLessThanOrEqual(maxChars ?? 60_000)
      expect(md.length).toBeLessThan(65_536)
      expect(md.startsWith('<!-- incidentops:report:2026-11-18 -->\n')).toBe(true)
      expect(tableProblems(md)).toEqual([])
      const shown = md.split('\n').filter((l) => l.startsWith('| [#')).length
      const more = /… and ([\d,]+) more incidents \(of ([\d,]+)\), see the JSON file\./.exec(md)
      if (shown > 0 || more) {
        expect(more).not.toBeNull()
        expect(Number(more![1]!.replace(/,/g, '')) + shown).toBe(total)
        expect(Number(more![2]!.replace(/,/g, ''))).toBe(total)
      }
      expect(md).not.toMatch(/NaN|undefined/)
    },
  )
  it('hostile titles cannot ping, smuggle our marker or open HTML', () => {
    const md = renderReport(data, {})
    expect(md.match(/<!--/g)).toHaveLength(1)
    expect(md.match(/incidentops:/g)).toHaveLength(1)
    expect(md).not.toMatch(/@alice/)
    expect(md).not.toContain('<details><script')
    expect(md.match(/<details>/g)).toHaveLength(1)
  })
  it('titles with images, hidden links and #references are listed defused, their URLs shown', () => {
    const incidents = generate(3, 11).map((i, k) => ({
      ...i,
      title:
        k === 0
          ? 'Down ![px](https://evil.example/px.png) [Status page](https://evil.example/phish) #4242 GH-4244'
          : i.title,
    }))
    const md = renderReport(buildReport(incidents, options()), {})
    expect(md).not.toContain('![px]')
    expect(md).not.toContain('[Status page](')
    expect(md).not.toMatch(/(^|[^\u200b])#4242/)
    expect(md).not.toMatch(/GH-4244/)
    expect(md).toContain('https://evil.example/phish')
  })
  it('an organisation report names the repository of each incident', () => {
    const org = generate(50, 9).map((i, k) => ({ ...i, repo: k % 2 ? 'acme/shop' : 'acme/api' }))
    const md = renderReport(buildReport(org, options({ scope: 'org acme' })), {})
    expect(md).toMatch(/\| \[acme\/(shop|api)#\d+\]\(https:/)
    expect(md).toContain('## Reliability report: org acme,')
  })
  it('refuses a bound too small to say anything', () => {
    expect(() => renderReport(data, { maxChars: 999 })).toThrow(RangeError)
  })
})

describe('formatting', () => {
  it.each([
    [0.99952, '99.952%'],
    [0.0082, '0.82%'],
    [0.865, '86.5%'],
    [1, '100%'],
    [0.9999999, '> 99.999%'],
    [0.00001, '< 0.01%'],
    [0, '0%'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('percent(%s) = %s', (v, out) => {
    expect(percent(v)).toBe(out)
  })
  it('money in the configured currency, and a fallback for unknown codes', () => {
    expect(money(1234.5, 'EUR')).toBe('€1,235')
    expect(money(86_466.47, 'USD')).toBe('$86,466')
    expect(money(10, 'not a code')).toBe('10 notacode')
  })
  it('open durations read as lower bounds', () => {
    expect(measured({ ms: 3 * 3_600_000 + 10 * 60_000, open: true })).toBe('≥ 3h 10m so far')
    expect(measured(null)).toBe('—')
  })
  const tr = (over: Partial<Trend>): Trend => ({
    key: 'incidents',
    unit: 'count',
    better: 'lower',
    current: 1,
    previous: 1,
    delta: 0,
    ...over,
  })
  it.each([
    [tr({ delta: 2 }), '↑ +2 · worse'],
    [tr({ delta: -2 }), '↓ −2 · better'],
    [tr({ delta: 0 }), '→ same'],
    [tr({ delta: null }), '—'],
    [tr({ unit: 'ratio', better: 'higher', delta: 0.0005 }), '↑ +0.05 pp · better'],
    [tr({ unit: 'ms', delta: -90 * 60_000 }), '↓ −1h 30m · better'],
  ])('trend %j', (t, out) => {
    expect(trendArrow(t, 'EUR')).toBe(out)
  })
})
