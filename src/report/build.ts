/**
 * The whole weekly report as data, from the incidents and the clock. Pure: no I/O, and `now` is
 * the only clock. docs/metrics.md defines every figure; docs/report.schema.json documents the shape.
 *
 * Rules that hold throughout:
 * - everything is evaluated as of `now`: a milestone stamped after `now` counts as not reached yet,
 *   so a report rebuilt later for the same `now` gives the same figures;
 * - an incident belongs to the window its `declaredAt` falls in; windows are (start, end], so an
 *   incident declared exactly on a boundary belongs to the earlier window and never to two;
 * - dismissed incidents are noise: counted (in total, by source, per week) and kept out of every
 *   response, downtime, rate and cost figure;
 * - open incidents are never dropped: see src/report/stats.ts.
 * Cost: one pass to normalise, one sort per summary and per sweep: O(n log n), no pairwise work.
 */
import { PRIORITIES, type Priority } from '../config/types.js'
import { attribute, type RankedInterval } from './intervals.js'
import {
  HOURS_PER_MONTH,
  HOURS_PER_WEEK,
  MS_PER_HOUR,
  estimateRate,
  expectedDowntime,
  expectedIncidents,
  pAtLeastOne,
} from './risk.js'
import { measure, medianSorted, mean, responseMetric } from './stats.js'
import type {
  BreakdownRow,
  HistoryWeek,
  ListedIncident,
  Period,
  PriorityCounts,
  Ratio,
  ReportData,
  ReportIncident,
  ReportOptions,
  RiskData,
  Trend,
  WindowMetrics,
} from './types.js'

const DAY = 86_400_000
const WEEK = 7 * DAY
/** The P(≥1) horizon: the next 7 days, whatever the window length. */
const HORIZON_HOURS = HOURS_PER_WEEK
const SEVERE: Priority[] = ['P1', 'P2']
/** The key used for incidents without any `service/<name>` label. */
export const NO_SERVICE = '(no service)'

/** An incident with its times as epoch ms, as of `now` (null: not reached by `now`). */
interface Norm {
  src: ReportIncident
  rank: number
  declared: number
  started: number
  ack: number | null
  mit: number | null
  res: number | null
}

const rankOf = (p: Priority): number => PRIORITIES.indexOf(p)
const iso = (ms: number): string => new Date(ms).toISOString()
const period = (start: number, end: number): Period => ({
  start: iso(start),
  end: iso(end),
  hours: (end - start) / MS_PER_HOUR,
})
const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
})
const zeroes = (): PriorityCounts => ({ P1: 0, P2: 0, P3: 0, P4: 0 })

function normalize(i: ReportIncident, now: number): Norm | null {
  const declared = Date.parse(i.declaredAt)
  const rank = rankOf(i.priority)
  if (!Number.isFinite(declared) || declared > now || rank < 0) return null
  const at = (s: string | null): number | null => {
    if (s === null) return null
    const t = Date.parse(s)
    return Number.isFinite(t) && t <= now ? t : null
  }
  const s = Date.parse(i.startedAt)
  const started = Number.isFinite(s) ? Math.min(s, now) : declared
  // Defensive fallbacks, all implied by milestones.ts: a closed incident is resolved by its closing;
  // resolved without passing Monitoring is mitigated when resolved; mitigated implies acknowledged.
  const res = at(i.resolvedAt) ?? (i.state === 'closed' ? at(i.closedAt) : null)
  const mit = at(i.mitigatedAt) ?? res
  const ack = at(i.acknowledgedAt) ?? mit
  return { src: i, rank, declared, started, ack, mit, res }
}

function validate(opts: ReportOptions): { now: number; windowMs: number; weeks: number } {
  const now = Date.parse(opts.now)
  if (!Number.isFinite(now)) throw new RangeError(`report: now must be an ISO date, got ${JSON.stringify(opts.now)}`)
  if (!(opts.windowDays > 0) || !Number.isFinite(opts.windowDays))
    throw new RangeError(`report: windowDays must be a positive number, got ${opts.windowDays}`)
  if (!Number.isInteger(opts.historyWeeks) || opts.historyWeeks < 1)
    throw new RangeError(`report: historyWeeks must be a whole number ≥ 1, got ${opts.historyWeeks}`)
  if (opts.slo && !(opts.slo.target > 0 && opts.slo.target <= 1))
    throw new RangeError(`report: slo.target must be in (0, 1], e.g. 0.999, got ${opts.slo.target}`)
  return { now, windowMs: opts.windowDays * DAY, weeks: opts.historyWeeks }
}

/** The configured cost per hour by rank, or null for priorities without a (valid) cost. */
function ratesByRank(opts: ReportOptions): (number | null)[] | null {
  if (!opts.costPerHour) return null
  const rates = PRIORITIES.map((p) => {
    const v = opts.costPerHour?.[p]
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null
  })
  return rates.some((r) => r !== null) ? rates : null
}

/** Downtime interval: [started, mitigated or now). */
const downInterval = (n: Norm, now: number): RankedInterval => ({ start: n.started, end: n.mit ?? now, rank: n.rank })

function windowMetrics(
  inWindow: readonly Norm[],
  from: number,
  to: number,
  now: number,
  opts: ReportOptions,
  downIntervals: readonly RankedInterval[],
  costIntervals: readonly RankedInterval[],
  rates: (number | null)[] | null,
): WindowMetrics {
  const live = inWindow.filter((n) => !n.src.dismissed)
  const byPriority = zeroes()
  const pm = { required: 0, done: 0, open: 0, missing: 0 }
  const followups = { open: 0, closed: 0 }
  let resolved = 0
  for (const n of live) {
    byPriority[n.src.priority]++
    if (n.res !== null) resolved++
    if (n.src.postmortem !== 'not-required') {
      pm.required++
      pm[n.src.postmortem]++
    }
  }
  // Follow-ups count dismissed incidents too: tuning a noisy alert is real work.
  for (const n of inWindow) {
    followups.open += n.src.followups.open
    followups.closed += n.src.followups.closed
  }
  const windowHours = (to - from) / MS_PER_HOUR
  const downtimeHours = attribute(downIntervals, from, to, PRIORITIES.length).reduce((a, b) => a + b, 0) / MS_PER_HOUR
  const budgetHours = opts.slo ? (1 - opts.slo.target) * windowHours : 0
  let cost: WindowMetrics['cost'] = null
  if (rates) {
    const ms = attribute(costIntervals, from, to, PRIORITIES.length)
    const hoursByPriority = zeroes()
    const byPriority = zeroes()
    let total = 0
    PRIORITIES.forEach((p, r) => {
      hoursByPriority[p] = ms[r]! / MS_PER_HOUR
      byPriority[p] = hoursByPriority[p] * (rates[r] ?? 0)
      total += byPriority[p]
    })
    cost = { total, byPriority, hoursByPriority }
  }
  return {
    period: period(from, to),
    declared: inWindow.length,
    incidents: live.length,
    dismissed: inWindow.length - live.length,
    noise: ratio(inWindow.length - live.length, inWindow.length),
    byPriority,
    unresolved: live.length - resolved,
    response: {
      acknowledge: responseMetric(
        'declared',
        'acknowledged',
        live.map((n) => measure(n.declared, n.ack, now)),
      ),
      mitigate: responseMetric(
        'started',
        'mitigated',
        live.map((n) => measure(n.started, n.mit, now)),
      ),
      resolve: responseMetric(
        'started',
        'resolved',
        live.map((n) => measure(n.started, n.res, now)),
      ),
    },
    recovery: ratio(resolved, live.length),
    postmortems: { ...pm, completion: ratio(pm.done, pm.required) },
    followups,
    downtimeHours,
    availability: windowHours > 0 ? 1 - downtimeHours / windowHours : 1,
    slo: opts.slo
      ? {
          target: opts.slo.target,
          budgetHours,
          budgetLeftHours: budgetHours - downtimeHours,
          budgetLeft: budgetHours > 0 ? 1 - downtimeHours / budgetHours : null,
        }
      : null,
    cost,
  }
}

function trends(c: WindowMetrics, p: WindowMetrics): Trend[] {
  const t = (
    key: Trend['key'],
    unit: Trend['unit'],
    better: Trend['better'],
    f: (w: WindowMetrics) => number | null,
  ): Trend => {
    const current = f(c)
    const previous = f(p)
    return {
      key,
      unit,
      better,
      current,
      previous,
      delta: current !== null && previous !== null ? current - previous : null,
    }
  }
  return [
    t('incidents', 'count', 'lower', (w) => w.incidents),
    t('p1p2', 'count', 'lower', (w) => w.byPriority.P1 + w.byPriority.P2),
    t('dismissed', 'count', 'lower', (w) => w.dismissed),
    t('unresolved', 'count', 'lower', (w) => w.unresolved),
    t('mttaMean', 'ms', 'lower', (w) => w.response.acknowledge.completed.meanMs),
    t('ttmMean', 'ms', 'lower', (w) => w.response.mitigate.completed.meanMs),
    t('mttrMean', 'ms', 'lower', (w) => w.response.resolve.completed.meanMs),
    t('mttrMedian', 'ms', 'lower', (w) => w.response.resolve.completed.medianMs),
    t('downtimeHours', 'hours', 'lower', (w) => w.downtimeHours),
    t('availability', 'ratio', 'higher', (w) => w.availability),
    t('recovery', 'ratio', 'higher', (w) => w.recovery.value),
    t('postmortemCompletion', 'ratio', 'higher', (w) => w.postmortems.completion.value),
    t('cost', 'money', 'lower', (w) => w.cost?.total ?? null),
  ]
}

function breakdown(cur: readonly Norm[], prev: readonly Norm[], keys: (n: Norm) => string[]): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>()
  const row = (k: string): BreakdownRow => {
    let r = rows.get(k)
    if (!r) rows.set(k, (r = { key: k, current: 0, previous: 0, dismissed: 0 }))
    return r
  }
  for (const n of cur) {
    for (const k of keys(n)) {
      if (n.src.dismissed) row(k).dismissed++
      else row(k).current++
    }
  }
  for (const n of prev) if (!n.src.dismissed) for (const k of keys(n)) row(k).previous++
  return [...rows.values()].sort(
    (a, b) =>
      b.current - a.current ||
      b.previous - a.previous ||
      b.dismissed - a.dismissed ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
}

const uniq = (xs: string[]): string[] => [...new Set(xs)]

function listed(n: Norm, carriedOver: boolean, now: number): ListedIncident {
  const i = n.src
  const live = !i.dismissed
  return {
    repo: i.repo,
    number: i.number,
    title: i.title,
    url: i.url,
    priority: i.priority,
    services: [...i.services],
    source: i.source,
    state: i.state,
    dismissed: i.dismissed,
    carriedOver,
    startedAt: iso(n.started),
    declaredAt: iso(n.declared),
    acknowledge: live ? measure(n.declared, n.ack, now) : null,
    mitigate: live ? measure(n.started, n.mit, now) : null,
    resolve: live ? measure(n.started, n.res, now) : null,
    postmortem: i.postmortem,
    followups: { ...i.followups },
  }
}

/**
 * Builds the report for the window ending at `opts.now`: this window and the previous one with
 * trends, breakdowns, response metrics with open incidents counted, availability and error budget,
 * cost, the rate λ, MTBF and P(≥1 P1/P2 in the next 7 days), a weekly history and the incident list.
 * Throws RangeError when the options are unusable (an unreadable `now`, a non-positive window).
 */
export function buildReport(incidents: ReportIncident[], opts: ReportOptions): ReportData {
  const { now, windowMs, weeks } = validate(opts)
  const start = now - windowMs
  const prevStart = start - windowMs
  const histStart = now - weeks * WEEK
  const since = opts.observedSince !== undefined ? Date.parse(opts.observedSince) : NaN
  const obsStart = Number.isFinite(since) && since > histStart && since < now ? since : histStart
  const rates = ratesByRank(opts)
  const downRanks = new Set(opts.downtimePriorities.map(rankOf))

  const all: Norm[] = []
  for (const i of incidents) {
    const n = normalize(i, now)
    if (n) all.push(n)
  }

  const cur: Norm[] = []
  const prev: Norm[] = []
  const carried: Norm[] = []
  const downIntervals: RankedInterval[] = []
  const costIntervals: RankedInterval[] = []
  const weekly: { counts: PriorityCounts; dismissed: number; done: number[]; open: number }[] = Array.from(
    { length: weeks },
    () => ({
      counts: zeroes(),
      dismissed: 0,
      done: [],
      open: 0,
    }),
  )
  const followupBacklog = { open: 0, closed: 0 }
  let obsAll = 0
  let obsSevere = 0
  for (const n of all) {
    const d = n.declared
    followupBacklog.open += n.src.followups.open
    followupBacklog.closed += n.src.followups.closed
    if (d > start) cur.push(n)
    else if (d > prevStart) prev.push(n)
    const live = !n.src.dismissed
    if (live && d <= start && n.res === null) carried.push(n)
    const w = Math.floor((now - d) / WEEK)
    if (w < weeks) {
      const b = weekly[weeks - 1 - w]!
      if (!live) b.dismissed++
      else {
        b.counts[n.src.priority]++
        if (n.res === null) b.open++
        else b.done.push(Math.max(0, n.res - n.started))
      }
    }
    if (!live) continue
    if (d > obsStart) {
      obsAll++
      if (SEVERE.includes(n.src.priority)) obsSevere++
    }
    if (downRanks.has(n.rank)) downIntervals.push(downInterval(n, now))
    if (rates && rates[n.rank] !== null) costIntervals.push(downInterval(n, now))
  }

  const current = windowMetrics(cur, start, now, now, opts, downIntervals, costIntervals, rates)
  const previous = windowMetrics(prev, prevStart, start, now, opts, downIntervals, costIntervals, rates)

  const obsHours = (now - obsStart) / MS_PER_HOUR
  const severe = estimateRate(obsSevere, obsHours)
  const obsDown = attribute(downIntervals, obsStart, now, PRIORITIES.length).reduce((a, b) => a + b, 0) / MS_PER_HOUR
  let expectedCost: number | null = null
  if (rates) {
    const ms = attribute(costIntervals, obsStart, now, PRIORITIES.length)
    expectedCost = ms.reduce(
      (sum, v, r) => sum + expectedDowntime(v / MS_PER_HOUR, obsHours, HORIZON_HOURS) * (rates[r] ?? 0),
      0,
    )
  }
  const risk: RiskData = {
    hoursPerMonth: HOURS_PER_MONTH,
    observation: period(obsStart, now),
    all: estimateRate(obsAll, obsHours),
    severe: { ...severe, priorities: [...SEVERE] },
    horizonHours: HORIZON_HOURS,
    pSevereWithinHorizon: pAtLeastOne(severe.perHour, HORIZON_HOURS),
    expectedSevereWithinHorizon: expectedIncidents(severe.perHour, HORIZON_HOURS),
    expectedDowntimeHours: expectedDowntime(obsDown, obsHours, HORIZON_HOURS),
    expectedCost,
  }

  const history: HistoryWeek[] = weekly.map((b, i) => {
    const end = now - (weeks - 1 - i) * WEEK
    const sorted = Array.from(Float64Array.from(b.done).sort())
    return {
      start: iso(end - WEEK),
      end: iso(end),
      byPriority: b.counts,
      dismissed: b.dismissed,
      mttr: { n: sorted.length, open: b.open, meanMs: mean(sorted), medianMs: medianSorted(sorted) },
    }
  })

  const order = (a: Norm, b: Norm): number =>
    a.rank - b.rank ||
    b.declared - a.declared ||
    (a.src.repo < b.src.repo ? -1 : a.src.repo > b.src.repo ? 1 : 0) ||
    a.src.number - b.src.number
  const list = [
    ...cur.sort(order).map((n) => listed(n, false, now)),
    ...carried.sort(order).map((n) => listed(n, true, now)),
  ]

  return {
    schemaVersion: 1,
    scope: opts.scope,
    generatedAt: iso(now),
    currency: opts.currency,
    options: {
      windowDays: opts.windowDays,
      historyWeeks: weeks,
      downtimePriorities: PRIORITIES.filter((p) => downRanks.has(rankOf(p))),
      sloTarget: opts.slo?.target ?? null,
      costPerHour: opts.costPerHour ? { ...opts.costPerHour } : null,
    },
    input: { received: incidents.length, ignored: incidents.length - all.length, withoutCard: 0 },
    current,
    previous,
    trends: trends(current, previous),
    breakdown: {
      priority: PRIORITIES.map((p) => ({
        key: p,
        current: current.byPriority[p],
        previous: previous.byPriority[p],
        dismissed: cur.filter((n) => n.src.dismissed && n.src.priority === p).length,
      })),
      service: breakdown(cur, prev, (n) => (n.src.services.length ? uniq(n.src.services) : [NO_SERVICE])),
      source: breakdown(cur, prev, (n) => [n.src.source || 'unknown']),
    },
    risk,
    history: { period: period(histStart, now), weeks: history },
    followupBacklog,
    incidents: list,
    // Set by the report run when `changes.dora` is on (src/changes/report.ts): it needs the changes read.
    dora: null,
  }
}
