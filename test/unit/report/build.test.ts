import { describe, expect, it } from 'vitest'
import { buildReport } from '../../../src/report/build.js'
import type { ReportData, ReportIncident } from '../../../src/report/types.js'
import { HOUR, MIN, NOW, generate, inc, options } from './fixtures.js'
import { SCENARIO } from './scenario.js'

/** Every number anywhere in the data is finite (no NaN, no Infinity). */
function finiteEverywhere(v: unknown, path = '$'): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path]
  if (Array.isArray(v)) return v.flatMap((x, i) => finiteEverywhere(x, `${path}[${i}]`))
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => finiteEverywhere(x, `${path}.${k}`))
  return []
}

describe('buildReport on a hand-worked history', () => {
  const d = buildReport(SCENARIO, options())
  const c = d.current
  const p = d.previous

  it('places the windows: (now − 7 days, now] and the 7 days before', () => {
    expect(c.period).toEqual({ start: '2026-11-18T00:00:00.000Z', end: NOW, hours: 168 })
    expect(p.period).toEqual({ start: '2026-11-11T00:00:00.000Z', end: '2026-11-18T00:00:00.000Z', hours: 168 })
    expect(d.input).toEqual({ received: 12, ignored: 2, withoutCard: 0 })
  })

  it('counts incidents, noise and priorities, dismissed apart', () => {
    expect([c.declared, c.incidents, c.dismissed]).toEqual([5, 4, 1])
    expect(c.noise).toEqual({ numerator: 1, denominator: 5, value: 0.2 })
    expect(c.byPriority).toEqual({ P1: 1, P2: 2, P3: 1, P4: 0 })
    expect([p.declared, p.incidents, p.dismissed]).toEqual([2, 1, 1])
  })

  it('time to acknowledge: 5m, 30m, 20m done; #4 open at 2d 15h so far, counted', () => {
    const m = c.response.acknowledge
    expect(m.completed).toEqual({ n: 3, meanMs: (55 / 3) * MIN, medianMs: 20 * MIN, p90Ms: 30 * MIN, maxMs: 30 * MIN })
    expect(m.open).toBe(1)
    expect(m.lowerBound).toEqual({
      n: 4,
      meanMs: ((55 + 63 * 60) / 4) * MIN,
      medianMs: 25 * MIN,
      p90Ms: 63 * HOUR,
      maxMs: 63 * HOUR,
    })
  })

  it('time to mitigate: 2h, 3h done; #3 (≥ 4h) and #4 (≥ 63h) open', () => {
    const m = c.response.mitigate
    expect(m.completed).toEqual({ n: 2, meanMs: 2.5 * HOUR, medianMs: 2.5 * HOUR, p90Ms: 3 * HOUR, maxMs: 3 * HOUR })
    expect(m.open).toBe(2)
    expect(m.lowerBound).toEqual({ n: 4, meanMs: 18 * HOUR, medianMs: 3.5 * HOUR, p90Ms: 63 * HOUR, maxMs: 63 * HOUR })
  })

  it('time to resolve (MTTR): 3h, 4h done; two open', () => {
    const m = c.response.resolve
    expect(m.completed).toEqual({ n: 2, meanMs: 3.5 * HOUR, medianMs: 3.5 * HOUR, p90Ms: 4 * HOUR, maxMs: 4 * HOUR })
    expect(m.open).toBe(2)
    expect(m.lowerBound).toEqual({ n: 4, meanMs: 18.5 * HOUR, medianMs: 4 * HOUR, p90Ms: 63 * HOUR, maxMs: 63 * HOUR })
    expect(c.unresolved).toBe(2)
    expect(c.recovery).toEqual({ numerator: 2, denominator: 4, value: 0.5 })
  })

  it('downtime: #1 [10:00, 12:00) and #2 [11:00, 14:00) overlap → 4h, not 5h; #3 is down 4h so far', () => {
    expect(c.downtimeHours).toBeCloseTo(8, 12)
    expect(c.availability).toBeCloseTo(1 - 8 / 168, 12)
    expect(p.downtimeHours).toBeCloseTo(1, 12)
    expect(p.availability).toBeCloseTo(1 - 1 / 168, 12)
  })

  it('error budget at 99%: 1.68h, overspent by 6.32h', () => {
    expect(c.slo!.target).toBe(0.99)
    expect(c.slo!.budgetHours).toBeCloseTo(1.68, 10)
    expect(c.slo!.budgetLeftHours).toBeCloseTo(-6.32, 10)
    expect(c.slo!.budgetLeft).toBeCloseTo(1 - 8 / 1.68, 10)
  })

  it('cost: the overlap hour is charged once, at P1: P1 2h × 1000 + P2 6h × 100', () => {
    expect(c.cost!.hoursByPriority.P1).toBeCloseTo(2, 12)
    expect(c.cost!.hoursByPriority.P2).toBeCloseTo(6, 12)
    expect(c.cost!.byPriority.P1).toBeCloseTo(2000, 9)
    expect(c.cost!.byPriority.P2).toBeCloseTo(600, 9)
    expect(c.cost!.total).toBeCloseTo(2600, 9)
    expect(p.cost!.total).toBeCloseTo(1000, 9)
  })

  it('postmortems and follow-ups', () => {
    expect(c.postmortems).toEqual({
      required: 3,
      done: 1,
      open: 1,
      missing: 1,
      completion: { numerator: 1, denominator: 3, value: 1 / 3 },
    })
    expect(c.followups).toEqual({ open: 3, closed: 2 })
    expect(d.followupBacklog).toEqual({ open: 8, closed: 3 })
    expect(p.postmortems.completion.value).toBe(1)
  })

  it('trends against the previous window, with deltas', () => {
    const t = Object.fromEntries(d.trends.map((x) => [x.key, x]))
    expect(t.incidents).toMatchObject({ current: 4, previous: 1, delta: 3, better: 'lower' })
    expect(t.p1p2).toMatchObject({ current: 3, previous: 1, delta: 2 })
    expect(t.dismissed).toMatchObject({ current: 1, previous: 1, delta: 0 })
    expect(t.mttrMean).toMatchObject({ current: 3.5 * HOUR, previous: 2 * HOUR, delta: 1.5 * HOUR })
    expect(t.mttaMean!.delta).toBeCloseTo((55 / 3 - 10) * MIN, 6)
    expect(t.availability!.delta).toBeCloseTo(-7 / 168, 12)
    expect(t.availability!.better).toBe('higher')
    expect(t.recovery).toMatchObject({ current: 0.5, previous: 1, delta: -0.5 })
    expect(t.cost!.delta).toBeCloseTo(1600, 9)
  })

  it('breakdowns by priority, service and source', () => {
    expect(d.breakdown.priority).toEqual([
      { key: 'P1', current: 1, previous: 1, dismissed: 0 },
      { key: 'P2', current: 2, previous: 0, dismissed: 0 },
      { key: 'P3', current: 1, previous: 0, dismissed: 0 },
      { key: 'P4', current: 0, previous: 0, dismissed: 1 },
    ])
    expect(d.breakdown.service).toEqual([
      { key: 'api', current: 2, previous: 1, dismissed: 0 },
      { key: 'db', current: 2, previous: 0, dismissed: 0 },
      { key: '(no service)', current: 1, previous: 0, dismissed: 1 },
    ])
    expect(d.breakdown.source).toEqual([
      { key: 'grafana', current: 2, previous: 0, dismissed: 1 },
      { key: 'alertmanager', current: 1, previous: 1, dismissed: 0 },
      { key: 'form', current: 1, previous: 0, dismissed: 0 },
    ])
  })

  it('risk: λ over 12 weeks (2016 h): 7 incidents, 5 of them P1/P2', () => {
    const r = d.risk
    expect(r.observation).toEqual({ start: '2026-09-02T00:00:00.000Z', end: NOW, hours: 2016 })
    expect(r.all.incidents).toBe(7)
    expect(r.all.perHour).toBeCloseTo(7 / 2016, 15)
    expect(r.all.mtbfHours).toBeCloseTo(288, 9)
    expect(r.severe.incidents).toBe(5)
    expect(r.severe.perWeek).toBeCloseTo(5 / 12, 12)
    expect(r.pSevereWithinHorizon).toBeCloseTo(1 - Math.exp(-5 / 12), 12)
    expect(r.pSevereWithinHorizon).toBeCloseTo(0.340759, 6)
    expect(r.expectedSevereWithinHorizon).toBeCloseTo(5 / 12, 12)
    // P1/P2 down 4h + 4h + 1h + 1h = 10h in 2016h → 10/12 h in the next 168h.
    expect(r.expectedDowntimeHours).toBeCloseTo(10 / 12, 12)
    // P1 4h × 1000 + P2 6h × 100 = 4600 over 2016h → 4600 / 12 in the next 168h.
    expect(r.expectedCost).toBeCloseTo(4600 / 12, 9)
  })

  it('observedSince shortens the observation of a fresh install', () => {
    const r = buildReport(SCENARIO, options({ observedSince: '2026-11-11T00:00:00Z' })).risk
    expect(r.observation.hours).toBe(336)
    expect(r.all.incidents).toBe(5) // #1 #2 #3 #4 #6 (#8 was declared on 11-10)
    expect(r.severe.incidents).toBe(4)
    expect(r.expectedDowntimeHours).toBeCloseTo((9 / 336) * 168, 12)
  })

  it('history: 12 weeks, oldest first, incidents per priority and MTTR per week', () => {
    const w = d.history.weeks
    expect(w).toHaveLength(12)
    expect(w[0]!.start).toBe('2026-09-02T00:00:00.000Z')
    expect(w[11]).toEqual({
      start: '2026-11-18T00:00:00.000Z',
      end: NOW,
      byPriority: { P1: 1, P2: 2, P3: 1, P4: 0 },
      dismissed: 1,
      mttr: { n: 2, open: 2, meanMs: 3.5 * HOUR, medianMs: 3.5 * HOUR },
    })
    expect(w[10]).toMatchObject({
      byPriority: { P1: 1, P2: 0, P3: 0, P4: 0 },
      dismissed: 1,
      mttr: { n: 1, open: 0, meanMs: 2 * HOUR },
    })
    expect(w[9]).toMatchObject({
      byPriority: { P1: 0, P2: 0, P3: 0, P4: 1 },
      mttr: { n: 0, open: 1, meanMs: null, medianMs: null },
    })
    expect(w[4]).toMatchObject({
      start: '2026-09-30T00:00:00.000Z',
      byPriority: { P1: 1, P2: 0, P3: 0, P4: 0 },
      mttr: { n: 1, meanMs: 2 * HOUR },
    })
    const total = w.reduce((s, x) => s + x.byPriority.P1 + x.byPriority.P2 + x.byPriority.P3 + x.byPriority.P4, 0)
    expect(total).toBe(7)
  })

  it('lists the window (P1 first, newest first), then unresolved older incidents', () => {
    expect(d.incidents.map((i) => [i.number, i.carriedOver])).toEqual([
      [1, false],
      [3, false],
      [2, false],
      [4, false],
      [5, false],
      [8, true],
    ])
    const three = d.incidents[1]!
    expect(three.acknowledge).toEqual({ ms: 20 * MIN, open: false })
    expect(three.mitigate).toEqual({ ms: 4 * HOUR, open: true })
    expect(d.incidents[4]!.resolve).toBeNull() // dismissed: not measured
  })

  it('is JSON-clean: no NaN or Infinity anywhere', () => {
    expect(finiteEverywhere(d)).toEqual([])
    expect(JSON.parse(JSON.stringify(d))).toEqual(d)
  })
})

describe('edge cases', () => {
  it('an empty history: zeros and nulls, never NaN', () => {
    const d = buildReport([], options())
    expect(finiteEverywhere(d)).toEqual([])
    expect(d.current.incidents).toBe(0)
    expect(d.current.response.resolve.completed.meanMs).toBeNull()
    expect(d.current.recovery.value).toBeNull()
    expect(d.current.noise.value).toBeNull()
    expect(d.current.postmortems.completion.value).toBeNull()
    expect(d.current.availability).toBe(1)
    expect(d.current.slo!.budgetLeft).toBe(1)
    expect(d.risk.all.mtbfHours).toBeNull()
    expect(d.risk.pSevereWithinHorizon).toBe(0)
    expect(d.trends.find((t) => t.key === 'mttrMean')).toMatchObject({ current: null, previous: null, delta: null })
    expect(d.incidents).toEqual([])
  })

  it('a single unresolved P1 incident: counted everywhere, down since it started', () => {
    const one = inc({
      number: 1,
      priority: 'P1',
      startedAt: '2026-11-24T22:00:00Z',
      declaredAt: '2026-11-24T22:30:00Z',
    })
    const d = buildReport([one], options({ slo: { target: 1 }, costPerHour: null }))
    expect(d.current.incidents).toBe(1)
    expect(d.current.response.acknowledge).toMatchObject({
      open: 1,
      completed: { n: 0 },
      lowerBound: { n: 1, meanMs: 90 * MIN },
    })
    expect(d.current.response.resolve.lowerBound.maxMs).toBe(2 * HOUR)
    expect(d.current.downtimeHours).toBeCloseTo(2, 12)
    expect(d.current.slo).toEqual({
      target: 1,
      budgetHours: 0,
      budgetLeftHours: -d.current.downtimeHours,
      budgetLeft: null,
    })
    expect(d.current.cost).toBeNull()
    expect(d.risk.expectedCost).toBeNull()
    expect(d.current.recovery.value).toBe(0)
    expect(finiteEverywhere(d)).toEqual([])
  })

  it('milestones stamped after `now` count as not reached (a report rebuilt for a past week)', () => {
    const i = inc({
      number: 1,
      priority: 'P2',
      declaredAt: '2026-11-24T00:00:00Z',
      acknowledgedAt: '2026-11-24T01:00:00Z',
      mitigatedAt: '2026-11-26T00:00:00Z',
      resolvedAt: '2026-11-26T01:00:00Z',
      state: 'closed',
      closedAt: '2026-11-26T01:00:00Z',
    })
    const d = buildReport([i], options())
    expect(d.current.response.mitigate.open).toBe(1)
    expect(d.current.response.resolve.open).toBe(1)
    expect(d.current.downtimeHours).toBeCloseTo(24, 12)
  })

  it('a dismissed P1 is noise: no response figure, no downtime, no rate', () => {
    const i = inc({ number: 1, priority: 'P1', declaredAt: '2026-11-24T00:00:00Z', dismissed: true })
    const d = buildReport([i], options())
    expect(d.current.dismissed).toBe(1)
    expect(d.current.incidents).toBe(0)
    expect(d.current.response.acknowledge.open).toBe(0)
    expect(d.current.downtimeHours).toBe(0)
    expect(d.risk.all.incidents).toBe(0)
    expect(d.incidents.map((x) => x.number)).toEqual([1])
  })

  it('windows are (start, end]: an incident on the boundary belongs to the earlier window only', () => {
    const i = inc({ number: 1, declaredAt: '2026-11-18T00:00:00Z' })
    const d = buildReport([i], options())
    expect(d.current.declared).toBe(0)
    expect(d.previous.declared).toBe(1)
  })

  it('a closed issue without a resolved stamp is resolved when closed; a resolve without mitigation mitigates then', () => {
    const i = inc({
      number: 1,
      priority: 'P2',
      declaredAt: '2026-11-24T00:00:00Z',
      state: 'closed',
      closedAt: '2026-11-24T03:00:00Z',
    })
    const d = buildReport([i], options())
    expect(d.current.response.resolve.completed.meanMs).toBe(3 * HOUR)
    expect(d.current.response.mitigate.completed.meanMs).toBe(3 * HOUR)
    expect(d.current.response.acknowledge.completed.meanMs).toBe(3 * HOUR)
    expect(d.current.downtimeHours).toBeCloseTo(3, 12)
  })

  it.each([
    [{ now: 'soon' }, /now/],
    [{ windowDays: 0 }, /windowDays/],
    [{ historyWeeks: 1.5 }, /historyWeeks/],
    [{ slo: { target: 99.9 } }, /slo.target/],
  ])('refuses unusable options %j', (over, msg) => {
    expect(() => buildReport([], options(over))).toThrow(msg)
  })
})

describe('against an independent computation on 3,000 generated incidents', () => {
  const incidents = generate(3000, 11)
  const now = Date.parse(NOW)
  const d: ReportData = buildReport(incidents, options({ windowDays: 7 }))

  // A separate, deliberately plain computation of the definitions (docs/metrics.md).
  const t = (s: string | null): number | null => (s === null || Date.parse(s) > now ? null : Date.parse(s))
  const inWindow = (i: ReportIncident, from: number, to: number): boolean =>
    Date.parse(i.declaredAt) > from && Date.parse(i.declaredAt) <= to
  const W = 7 * 24 * HOUR

  it.each([
    ['current', now - W, now],
    ['previous', now - 2 * W, now - W],
  ] as const)('%s window: counts, MTTR, recovery, downtime minute by minute', (which, from, to) => {
    const w = d[which]
    const mine = incidents.filter((i) => inWindow(i, from, to))
    const live = mine.filter((i) => !i.dismissed)
    expect(w.declared).toBe(mine.length)
    expect(w.incidents).toBe(live.length)
    for (const p of ['P1', 'P2', 'P3', 'P4'] as const)
      expect(w.byPriority[p]).toBe(live.filter((i) => i.priority === p).length)
    let sum = 0
    let n = 0
    let open = 0
    for (const i of live) {
      const r = t(i.resolvedAt)
      if (r === null) open++
      else {
        sum += r - Date.parse(i.startedAt)
        n++
      }
    }
    expect(w.response.resolve.completed.n).toBe(n)
    expect(w.response.resolve.open).toBe(open)
    expect(w.response.resolve.completed.meanMs).toBeCloseTo(sum / n, 3)
    expect(w.recovery.value).toBeCloseTo(n / live.length, 12)
    // Downtime: mark every minute of the window covered by a P1/P2 incident, from any window.
    const minutes = new Uint8Array(W / MIN)
    for (const i of incidents) {
      if (i.dismissed || (i.priority !== 'P1' && i.priority !== 'P2') || Date.parse(i.declaredAt) > now) continue
      const s = Date.parse(i.startedAt)
      const e = t(i.mitigatedAt) ?? t(i.resolvedAt) ?? now
      for (let m = Math.max(s, from); m < Math.min(e, to); m += MIN) minutes[(m - from) / MIN] = 1
    }
    const down = minutes.reduce((a, b) => a + b, 0) / 60
    expect(w.downtimeHours).toBeCloseTo(down, 9)
  })

  it('λ, MTBF and P(≥1 P1/P2 in 7 days) over the 12 weeks', () => {
    const hist = incidents.filter((i) => !i.dismissed && inWindow(i, now - 12 * W, now))
    const severe = hist.filter((i) => i.priority === 'P1' || i.priority === 'P2').length
    expect(d.risk.all.incidents).toBe(hist.length)
    expect(d.risk.all.mtbfHours).toBeCloseTo(2016 / hist.length, 9)
    expect(d.risk.pSevereWithinHorizon).toBeCloseTo(1 - Math.exp(-(severe / 2016) * 168), 12)
  })

  it('the weekly history sums to the history', () => {
    const hist = incidents.filter((i) => inWindow(i, now - 12 * W, now))
    const weeks = d.history.weeks
    expect(
      weeks.reduce(
        (s, w) => s + w.byPriority.P1 + w.byPriority.P2 + w.byPriority.P3 + w.byPriority.P4 + w.dismissed,
        0,
      ),
    ).toBe(hist.length)
  })

  // How fast: bench/run.ts measures build + render at 10,000 and 50,000 incidents (target < 1 s);
  // a timed assertion here would fail on a loaded machine without saying anything about the code.
  it('builds a report over 10,000 incidents, every one of them counted', () => {
    const big = generate(10_000, 3)
    const b = buildReport(big, options())
    const hist = big.filter((i) => inWindow(i, now - 12 * W, now))
    expect(
      b.history.weeks.reduce(
        (s, w) => s + w.byPriority.P1 + w.byPriority.P2 + w.byPriority.P3 + w.byPriority.P4 + w.dismissed,
        0,
      ),
    ).toBe(hist.length)
    expect(b.risk.all.incidents).toBe(big.filter((i) => !i.dismissed && inWindow(i, now - 12 * W, now)).length)
  })
})
