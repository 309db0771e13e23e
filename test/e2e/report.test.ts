/**
 * The weekly report end to end: the built bundle (`mode: report`) against the emulator with a
 * seeded history. Every figure of the published issue and of the JSON file is checked against a
 * computation written here, from the seed's own truth and docs/metrics.md (not src/report).
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { formatDuration } from '../../src/config/duration.js'
import { CARD_MARKER, encodeRecord } from '../../src/domain/record.js'
import { TWIN_SCALE, runAction, type ActionRun } from './harness.js'
import { BOT, seedHistory, type SeededIncident } from '../../src/demo/seed.js'
import { decodeIndex, HISTORY_BRANCH, HISTORY_PATH } from '../../src/history/index-file.js'

const PRESENT = '2026-11-30T09:00:00Z' // a Monday, 09:00 UTC: the weekly cron ran late
const END = Date.parse('2026-11-30T00:00:00Z') // the window ends at 00:00 UTC of the run's day
const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEK = 7 * DAY
const PRI = ['P1', 'P2', 'P3', 'P4'] as const
type P = (typeof PRI)[number]
const COST: Record<P, number | null> = { P1: 1000, P2: 200, P3: 50, P4: null }
const SLO = 0.999
const CONFIG = [
  'report:',
  `  slo_target: ${SLO}`,
  '  cost_per_hour: { P1: 1000, P2: 200, P3: 50 }',
  '  currency: USD',
].join('\n')

// ---------- the independent computation (docs/metrics.md) ----------

interface N {
  x: SeededIncident
  rank: number
  d: number
  started: number
  ack: number | null
  mit: number | null
  res: number | null
}

function norm(x: SeededIncident): N | null {
  const d = Date.parse(x.declaredAt)
  if (d > END) return null
  const at = (s: string | null): number | null => (s !== null && Date.parse(s) <= END ? Date.parse(s) : null)
  const res = at(x.resolvedAt) ?? (x.state === 'closed' ? at(x.closedAt) : null)
  const mit = at(x.mitigatedAt) ?? res
  const ack = at(x.acknowledgedAt) ?? mit
  return { x, rank: PRI.indexOf(x.priority), d, started: Math.min(Date.parse(x.startedAt), END), ack, mit, res }
}

interface Stats {
  n: number
  mean: number | null
  median: number | null
  p90: number | null
  max: number | null
}
function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b)
  const n = s.length
  if (n === 0) return { n, mean: null, median: null, p90: null, max: null }
  return {
    n,
    mean: s.reduce((a, b) => a + b, 0) / n,
    median: n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2,
    p90: s[Math.ceil(0.9 * n) - 1]!,
    max: s[n - 1]!,
  }
}
function metric(live: N[], from: (n: N) => number, to: (n: N) => number | null) {
  const done: number[] = []
  const all: number[] = []
  for (const n of live) {
    const t = to(n)
    const v = Math.max(0, (t ?? END) - from(n))
    all.push(v)
    if (t !== null) done.push(v)
  }
  return { completed: stats(done), open: all.length - done.length, lowerBound: stats(all) }
}

/** Milliseconds per priority rank of [from, to) covered, each instant charged to the most severe active: elementary segments, no sweep. */
function attributed(iv: { s: number; e: number; rank: number }[], from: number, to: number): number[] {
  const clipped = iv
    .map((i) => ({ s: Math.max(i.s, from), e: Math.min(i.e, to), rank: i.rank }))
    .filter((i) => i.e > i.s)
  const cuts = [...new Set(clipped.flatMap((i) => [i.s, i.e]))].sort((a, b) => a - b)
  const out = [0, 0, 0, 0]
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!
    const b = cuts[k + 1]!
    let best = 9
    for (const i of clipped) if (i.s <= a && i.e >= b && i.rank < best) best = i.rank
    if (best < 9) out[best]! += b - a
  }
  return out
}

function windowOf(ns: N[], from: number, to: number, all: N[]) {
  const inW = ns.filter((n) => n.d > from && n.d <= to)
  const live = inW.filter((n) => !n.x.dismissed)
  const byPriority = Object.fromEntries(PRI.map((p) => [p, live.filter((n) => n.x.priority === p).length])) as Record<
    P,
    number
  >
  const resolved = live.filter((n) => n.res !== null).length
  const pmOf = (n: N): string => {
    const required = n.x.priority === 'P1' || n.x.priority === 'P2'
    if (!required) return 'not-required'
    if (!n.x.carded) return 'missing'
    return n.x.stage === 'closed' ? 'done' : n.x.stage === 'postmortem' ? 'open' : 'missing'
  }
  const pm = { required: 0, done: 0, open: 0, missing: 0 }
  for (const n of live) {
    const s = pmOf(n)
    if (s !== 'not-required') {
      pm.required++
      pm[s as 'done' | 'open' | 'missing']++
    }
  }
  const liveAll = all.filter((n) => !n.x.dismissed)
  const down = attributed(
    liveAll.filter((n) => n.rank <= 1).map((n) => ({ s: n.started, e: n.mit ?? END, rank: n.rank })),
    from,
    to,
  )
  const costMs = attributed(
    liveAll.filter((n) => COST[n.x.priority] !== null).map((n) => ({ s: n.started, e: n.mit ?? END, rank: n.rank })),
    from,
    to,
  )
  const hours = (to - from) / HOUR
  const downtimeHours = down.reduce((a, b) => a + b, 0) / HOUR
  const costByPriority = PRI.map((p, r) => (costMs[r]! / HOUR) * (COST[p] ?? 0))
  const budgetHours = (1 - SLO) * hours
  return {
    inW,
    live,
    declared: inW.length,
    incidents: live.length,
    dismissed: inW.length - live.length,
    noise: inW.length ? (inW.length - live.length) / inW.length : null,
    byPriority,
    unresolved: live.length - resolved,
    resolved,
    recovery: live.length ? resolved / live.length : null,
    acknowledge: metric(
      live,
      (n) => n.d,
      (n) => n.ack,
    ),
    mitigate: metric(
      live,
      (n) => n.started,
      (n) => n.mit,
    ),
    resolve: metric(
      live,
      (n) => n.started,
      (n) => n.res,
    ),
    pm,
    completion: pm.required ? pm.done / pm.required : null,
    hours,
    downtimeHours,
    availability: 1 - downtimeHours / hours,
    budgetHours,
    budgetLeftHours: budgetHours - downtimeHours,
    budgetLeft: 1 - downtimeHours / budgetHours,
    costHours: costMs.map((v) => v / HOUR),
    costByPriority,
    cost: costByPriority.reduce((a, b) => a + b, 0),
  }
}

function expected(seeded: SeededIncident[], weeks = 12) {
  const all = seeded.map(norm).filter((n): n is N => n !== null)
  const start = END - WEEK
  const cur = windowOf(all, start, END, all)
  const prev = windowOf(all, start - WEEK, start, all)
  const hist = END - weeks * WEEK
  const obsHours = (END - hist) / HOUR
  const observed = all.filter((n) => !n.x.dismissed && n.d > hist)
  const severe = observed.filter((n) => n.rank <= 1).length
  const lambdaAll = observed.length / obsHours
  const lambdaSevere = severe / obsHours
  const liveAll = all.filter((n) => !n.x.dismissed)
  const obsDown = attributed(
    liveAll.filter((n) => n.rank <= 1).map((n) => ({ s: n.started, e: n.mit ?? END, rank: n.rank })),
    hist,
    END,
  )
  const obsCost = attributed(
    liveAll.filter((n) => COST[n.x.priority] !== null).map((n) => ({ s: n.started, e: n.mit ?? END, rank: n.rank })),
    hist,
    END,
  )
  const weeksOut = Array.from({ length: weeks }, (_, i) => {
    const e = END - (weeks - 1 - i) * WEEK
    const inW = all.filter((n) => n.d > e - WEEK && n.d <= e)
    const live = inW.filter((n) => !n.x.dismissed)
    const done = live.filter((n) => n.res !== null).map((n) => Math.max(0, n.res! - n.started))
    const s = stats(done)
    return {
      start: new Date(e - WEEK).toISOString(),
      byPriority: Object.fromEntries(PRI.map((p) => [p, live.filter((n) => n.x.priority === p).length])) as Record<
        P,
        number
      >,
      dismissed: inW.length - live.length,
      mttr: { n: done.length, open: live.length - done.length, meanMs: s.mean, medianMs: s.median },
    }
  })
  const rowsOf = (key: (n: N) => string[]) => {
    const m = new Map<string, { key: string; current: number; previous: number; dismissed: number }>()
    const row = (k: string) => m.get(k) ?? m.set(k, { key: k, current: 0, previous: 0, dismissed: 0 }).get(k)!
    for (const n of cur.inW) {
      for (const k of key(n)) {
        if (n.x.dismissed) row(k).dismissed++
        else row(k).current++
      }
    }
    for (const n of prev.live) for (const k of key(n)) row(k).previous++
    return [...m.values()].sort(
      (a, b) =>
        b.current - a.current || b.previous - a.previous || b.dismissed - a.dismissed || (a.key < b.key ? -1 : 1),
    )
  }
  const order = (a: N, b: N) => a.rank - b.rank || b.d - a.d || a.x.number - b.x.number
  const carried = liveAll.filter((n) => n.d <= start && n.res === null)
  return {
    all,
    ignored: seeded.length - all.length,
    withoutCard: seeded.filter((x) => !x.carded).length,
    cur,
    prev,
    obsHours,
    lambdaAll,
    lambdaSevere,
    observedAll: observed.length,
    observedSevere: severe,
    pSevere: 1 - Math.exp(-lambdaSevere * 168),
    expectedDowntimeHours: (obsDown.reduce((a, b) => a + b, 0) / HOUR / obsHours) * 168,
    expectedCost: PRI.reduce((s, p, r) => s + (obsCost[r]! / HOUR / obsHours) * 168 * (COST[p] ?? 0), 0),
    weeks: weeksOut,
    service: rowsOf((n) => (n.x.services.length ? n.x.services : ['(no service)'])),
    source: rowsOf((n) => [n.x.source]),
    list: [
      ...cur.inW.sort(order).map((n) => ({ n, carried: false })),
      ...carried.sort(order).map((n) => ({ n, carried: true })),
    ],
  }
}

// ---------- formatting, as docs/metrics.md and the report's legend describe it ----------

const NONE = '—'
const int = (v: number | null) =>
  v === null ? NONE : new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(v)
const dec = (v: number | null, digits = 2) =>
  v === null ? NONE : new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v)
const dur = (ms: number | null) => (ms === null ? NONE : formatDuration(ms))
const hrs = (h: number | null) => (h === null ? NONE : formatDuration(h * HOUR))
const money = (v: number | null) =>
  v === null
    ? NONE
    : new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      }).format(v)
function pct(v: number | null): string {
  if (v === null) return NONE
  const p = v * 100
  if (p === 0 || p === 100) return `${p}%`
  if (p > 99.9995) return '> 99.999%'
  if (p < 0.005 && p > 0) return '< 0.01%'
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: p > 99 ? 3 : p < 1 ? 2 : 1 }).format(p)}%`
}
type Unit = 'count' | 'ms' | 'hours' | 'ratio' | 'money'
const fmt = (u: Unit, v: number | null) =>
  u === 'count' ? int(v) : u === 'ms' ? dur(v) : u === 'hours' ? hrs(v) : u === 'ratio' ? pct(v) : money(v)
function arrow(u: Unit, better: 'lower' | 'higher', c: number | null, p: number | null): string {
  if (c === null || p === null) return NONE
  const delta = c - p
  if (Math.abs(delta) < 1e-12) return '→ same'
  const up = delta > 0
  const mag = Math.abs(delta)
  const text = u === 'ratio' ? `${dec(mag * 100, mag * 100 < 1 ? 3 : 1)} pp` : fmt(u, mag)
  return `${up ? '↑' : '↓'} ${up ? '+' : '−'}${text} · ${up === (better === 'higher') ? 'better' : 'worse'}`
}
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
const measured = (from: number, to: number | null) =>
  to === null ? `≥ ${formatDuration(Math.max(0, END - from))} so far` : formatDuration(Math.max(0, to - from))

// ---------- the scenario ----------

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ now: PRESENT })
  emu.addUser('alice')
  emu.addUser('bob')
  emu.addUser('mallory')
})
afterAll(async () => emu?.close())

/** The weekly report's run, whatever its outcome. */
const attempt = (repo: string, inputs: Record<string, string> = {}): Promise<ActionRun> =>
  runAction({ emu, repo, event: 'schedule', payload: { schedule: '0 6 * * 1' }, inputs: { mode: 'report', ...inputs } })

/** The weekly report's run, which must succeed. */
async function report(repo: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const r = await attempt(repo, inputs)
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}
/** The incident cell: a link when the issue's address is https (the emulator's is http: plain). */
const link = (repo: string, n: number): string => {
  const url = emu.getIssue(repo, n).html_url
  return /^https:\/\//.test(url) ? `[#${n}](${url})` : `#${n}`
}
const reportIssues = (repo: string) =>
  emu
    .listIssues(repo)
    .filter((i) => i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'reliability-report'))

describe('the weekly report on a seeded history', () => {
  const repo = 'acme/shop'
  let seeded: SeededIncident[] = []
  let first: ActionRun

  it(
    'publishes an issue and a JSON file whose every figure matches an independent computation',
    { timeout: 120_000 * TWIN_SCALE },
    async () => {
      emu.addRepo(repo, { files: { '.github/incidents.yml': CONFIG }, collaborators: { alice: 'write', bob: 'write' } })
      seeded = seedHistory(emu, repo, { now: PRESENT, count: 520, seed: 7, forged: 0.02, old: 0.02 })
      emu.resetCounters()
      first = await report(repo)
      const e = expected(seeded)

      // The scenario has what it should: open, dismissed, carried-over, ignored and forged ones.
      expect(e.cur.unresolved).toBeGreaterThan(0)
      expect(e.cur.dismissed).toBeGreaterThan(0)
      expect(e.list.some((l) => l.carried)).toBe(true)
      expect(e.ignored).toBeGreaterThan(0)
      expect(e.withoutCard).toBeGreaterThan(0)

      // Cost: ⌈520/100⌉ = 6 GraphQL pages (config and report issues ride on the first), 1 write;
      // and, the first time, the history index (its branch, file and label: 3 writes, 2 reads).
      const counts = emu.counts()
      expect(counts.byRoute).toEqual({
        'POST /graphql IncidentsPage': 6,
        'POST /repos/{owner}/{repo}/issues': 1,
        // The history index (#20, docs/history.md), the first time: our branch, the file, its label.
        'GET /repos/{owner}/{repo}': 1,
        'GET /repos/{owner}/{repo}/git/ref/{ref}': 1,
        'POST /repos/{owner}/{repo}/git/refs': 1,
        'PUT /repos/{owner}/{repo}/contents/{path}': 1,
        'POST /graphql CreateLabels': 1,
      })

      const issues = reportIssues(repo)
      expect(issues).toHaveLength(1)
      const issue = issues[0]!
      expect(first.outputs['report-issue']).toBe(String(issue.number))
      expect(issue.title).toBe(`Reliability report ${repo}: 2026-11-23 → 2026-11-30`)
      const body = issue.body!
      expect(body.startsWith('<!-- incidentops:report:2026-11-23 -->\n')).toBe(true)
      expect(body.length).toBeLessThanOrEqual(60_000)
      expect(first.summary).toContain(body.split('\n')[1]!)
      const json = JSON.parse(readFileSync(first.outputs['report-json']!, 'utf8'))

      // ----- the JSON file -----
      const close = (a: number | null, b: number | null) =>
        b === null ? expect(a).toBeNull() : expect(a).toBeCloseTo(b, 6)
      expect(json.input).toEqual({ received: seeded.length, ignored: e.ignored, withoutCard: e.withoutCard })
      expect(json.generatedAt).toBe('2026-11-30T00:00:00.000Z')
      for (const [w, x] of [
        [json.current, e.cur],
        [json.previous, e.prev],
      ] as const) {
        expect({
          declared: w.declared,
          incidents: w.incidents,
          dismissed: w.dismissed,
          unresolved: w.unresolved,
          byPriority: w.byPriority,
        }).toEqual({
          declared: x.declared,
          incidents: x.incidents,
          dismissed: x.dismissed,
          unresolved: x.unresolved,
          byPriority: x.byPriority,
        })
        close(w.noise.value, x.noise)
        close(w.recovery.value, x.recovery)
        for (const k of ['acknowledge', 'mitigate', 'resolve'] as const) {
          expect(w.response[k].open).toBe(x[k].open)
          for (const part of ['completed', 'lowerBound'] as const) {
            const got = w.response[k][part]
            const want = x[k][part]
            expect(got.n).toBe(want.n)
            close(got.meanMs, want.mean)
            close(got.medianMs, want.median)
            close(got.p90Ms, want.p90)
            close(got.maxMs, want.max)
          }
        }
        expect({ ...w.postmortems, completion: undefined }).toEqual({ ...x.pm, completion: undefined })
        close(w.postmortems.completion.value, x.completion)
        close(w.downtimeHours, x.downtimeHours)
        close(w.availability, x.availability)
        close(w.slo.budgetHours, x.budgetHours)
        close(w.slo.budgetLeftHours, x.budgetLeftHours)
        close(w.slo.budgetLeft, x.budgetLeft)
        close(w.cost.total, x.cost)
        PRI.forEach((p, r) => {
          close(w.cost.byPriority[p], x.costByPriority[r]!)
          close(w.cost.hoursByPriority[p], x.costHours[r]!)
        })
      }
      expect(json.risk.observation.hours).toBe(e.obsHours)
      expect(json.risk.all.incidents).toBe(e.observedAll)
      expect(json.risk.severe.incidents).toBe(e.observedSevere)
      close(json.risk.all.perHour, e.lambdaAll)
      close(json.risk.all.perWeek, e.lambdaAll * 168)
      close(json.risk.all.mtbfHours, 1 / e.lambdaAll)
      close(json.risk.severe.perHour, e.lambdaSevere)
      close(json.risk.severe.mtbfHours, 1 / e.lambdaSevere)
      close(json.risk.pSevereWithinHorizon, e.pSevere)
      close(json.risk.expectedSevereWithinHorizon, e.lambdaSevere * 168)
      close(json.risk.expectedDowntimeHours, e.expectedDowntimeHours)
      close(json.risk.expectedCost, e.expectedCost)
      expect(
        json.history.weeks.map(
          (w: { start: string; byPriority: unknown; dismissed: number; mttr: { n: number; open: number } }) => ({
            start: w.start,
            byPriority: w.byPriority,
            dismissed: w.dismissed,
            n: w.mttr.n,
            open: w.mttr.open,
          }),
        ),
      ).toEqual(
        e.weeks.map((w) => ({
          start: w.start,
          byPriority: w.byPriority,
          dismissed: w.dismissed,
          n: w.mttr.n,
          open: w.mttr.open,
        })),
      )
      json.history.weeks.forEach((w: { mttr: { meanMs: number | null; medianMs: number | null } }, i: number) => {
        close(w.mttr.meanMs, e.weeks[i]!.mttr.meanMs)
        close(w.mttr.medianMs, e.weeks[i]!.mttr.medianMs)
      })
      expect(json.breakdown.service).toEqual(e.service)
      expect(json.breakdown.source).toEqual(e.source)
      expect(json.breakdown.priority).toEqual(
        PRI.map((p) => ({
          key: p,
          current: e.cur.byPriority[p],
          previous: e.prev.byPriority[p],
          dismissed: e.cur.inW.filter((n) => n.x.dismissed && n.x.priority === p).length,
        })),
      )
      expect(json.incidents.map((i: { number: number; carriedOver: boolean }) => [i.number, i.carriedOver])).toEqual(
        e.list.map((l) => [l.n.x.number, l.carried]),
      )
      expect(json.followupBacklog).toEqual({ open: 0, closed: 0 })

      // ----- the issue body -----
      const c = e.cur
      const p = e.prev
      const mean = (w: typeof c, k: 'acknowledge' | 'mitigate' | 'resolve') => w[k].completed.mean
      const trends: [string, Unit, 'lower' | 'higher', (w: typeof c) => number | null][] = [
        ['Incidents', 'count', 'lower', (w) => w.incidents],
        ['P1 + P2 incidents', 'count', 'lower', (w) => w.byPriority.P1 + w.byPriority.P2],
        ['Dismissed (noise)', 'count', 'lower', (w) => w.dismissed],
        ['Still unresolved', 'count', 'lower', (w) => w.unresolved],
        ['Mean time to acknowledge', 'ms', 'lower', (w) => mean(w, 'acknowledge')],
        ['Mean time to mitigate', 'ms', 'lower', (w) => mean(w, 'mitigate')],
        ['Mean time to resolve (MTTR)', 'ms', 'lower', (w) => mean(w, 'resolve')],
        ['Median time to resolve', 'ms', 'lower', (w) => w.resolve.completed.median],
        ['Downtime', 'hours', 'lower', (w) => w.downtimeHours],
        ['Availability', 'ratio', 'higher', (w) => w.availability],
        ['Recovery rate', 'ratio', 'higher', (w) => w.recovery],
        ['Postmortems done', 'ratio', 'higher', (w) => w.completion],
        ['Estimated cost', 'money', 'lower', (w) => w.cost],
      ]
      const want: string[] = []
      for (const [label, unit, better, f] of trends)
        want.push(row([label, fmt(unit, f(c)), fmt(unit, f(p)), arrow(unit, better, f(c), f(p))]))
      for (const [label, k] of [
        ['Time to acknowledge (declared → acknowledged)', 'acknowledge'],
        ['Time to mitigate (started → mitigated)', 'mitigate'],
        ['Time to resolve (started → resolved)', 'resolve'],
      ] as const) {
        const m = c[k]
        const s = m.completed
        const lb = m.lowerBound
        const bound = (v: number | null) => (v === null ? NONE : m.open > 0 ? `≥ ${dur(v)}` : dur(v))
        want.push(
          row([
            label,
            int(s.n),
            int(m.open),
            dur(s.mean),
            dur(s.median),
            dur(s.p90),
            dur(s.max),
            m.open === 0 ? 'same (none open)' : [lb.mean, lb.median, lb.p90, lb.max].map(bound).join(' · '),
          ]),
        )
      }
      const weeksObs = dec(e.obsHours / 168, 1)
      want.push(
        row([
          'Availability',
          `${pct(c.availability)}: ${hrs(c.downtimeHours)} down of ${hrs(c.hours)} (P1, P2; overlapping incidents counted once)`,
        ]),
      )
      want.push(
        row([
          `Error budget (SLO ${pct(SLO)})`,
          `${hrs(c.budgetHours)} in the window; ${c.budgetLeftHours >= 0 ? `${hrs(c.budgetLeftHours)} left (${pct(c.budgetLeft)})` : `**overspent by ${hrs(-c.budgetLeftHours)}**`}`,
        ]),
      )
      want.push(
        row([
          'MTBF (mean time between incidents)',
          `${hrs(1 / e.lambdaAll)}: λ = ${dec(e.lambdaAll * 168)} per week (${int(e.observedAll)} incidents in ${weeksObs} weeks)`,
        ]),
      )
      want.push(
        row([
          'P(at least one P1/P2 in the next 7 days)',
          `${pct(e.pSevere)} = 1 − e^(−λt), λ = ${dec(e.lambdaSevere * 168)} per week (${int(e.observedSevere)} in ${weeksObs} weeks), t = 7 days`,
        ]),
      )
      want.push(
        row([
          'Expected downtime, next 7 days',
          `${hrs(e.expectedDowntimeHours)} (the share of time down over ${weeksObs} weeks × 7 days)`,
        ]),
      )
      want.push(row(['Recovery rate', `${pct(c.recovery)} (${int(c.resolved)} of ${int(c.incidents)} resolved)`]))
      want.push(
        row([
          'Postmortems',
          `${pct(c.completion)} done (${int(c.pm.done)} of ${int(c.pm.required)} required; ${int(c.pm.open)} in progress, ${int(c.pm.missing)} missing)`,
        ]),
      )
      want.push(row(['Follow-ups', 'this window: 0 open, 0 closed · all incidents: 0 open, 0 closed']))
      want.push(row(['Noise', `${int(c.dismissed)} dismissed of ${int(c.declared)} declared (${pct(c.noise)})`]))
      const parts = PRI.map((q, r) => [q, r] as const)
        .filter(([, r]) => c.costHours[r]! > 0)
        .map(([q, r]) => `${q} ${money(c.costByPriority[r]!)} for ${hrs(c.costHours[r]!)}`)
      want.push(row(['Estimated cost', `${money(c.cost)}${parts.length ? ` (${parts.join(', ')})` : ''}`]))
      want.push(row(['Expected cost, next 7 days', money(e.expectedCost)]))
      for (const q of PRI)
        want.push(
          row([
            q,
            int(c.byPriority[q]),
            int(p.byPriority[q]),
            int(c.inW.filter((n) => n.x.dismissed && n.x.priority === q).length),
          ]),
        )
      for (const r of [...e.service, ...e.source])
        want.push(
          row([r.key === '(no service)' ? '_(no service)_' : r.key, int(r.current), int(r.previous), int(r.dismissed)]),
        )
      // The charts: incidents per week (cumulative series, tallest first) and the MTTR line.
      want.push(`  x-axis [${e.weeks.map((w) => `"${w.start.slice(5, 10)}"`).join(', ')}]`)
      for (let r = 3; r >= 0; r--)
        want.push(
          `  bar [${e.weeks.map((w) => PRI.slice(0, r + 1).reduce((s, q) => s + w.byPriority[q], 0)).join(', ')}]`,
        )
      want.push(
        `  line [${e.weeks
          .filter((w) => w.mttr.meanMs !== null)
          .map((w) => Math.round((w.mttr.meanMs! / HOUR) * 100) / 100)
          .join(', ')}]`,
      )
      want.push(`### Incidents (${int(e.list.length)})`)
      want.push(`_${e.withoutCard} incidents have no IncidentOps card among the comments read`)
      want.push(
        `_${e.ignored} incidents were ignored: unreadable declaration time, or declared after the report time._`,
      )
      const missing = want.filter((w) => !body.includes(w))
      expect(missing).toEqual([])

      // Every incident row shown, in order, with its figures; the rest are counted.
      const rows = body.split('\n').filter((l) => /^\| (\[#\d+\]|#\d+ )/.test(l))
      expect(rows.length).toBeGreaterThan(20)
      rows.forEach((line, k) => {
        const { n, carried } = e.list[k]!
        const x = n.x
        const live = !x.dismissed
        const status = !live
          ? 'dismissed'
          : (n.res !== null
              ? 'resolved'
              : n.mit !== null
                ? 'mitigated'
                : n.ack !== null
                  ? 'acknowledged'
                  : 'not acknowledged') + (carried ? ' (from before the window)' : '')
        const pm =
          !live || !(x.priority === 'P1' || x.priority === 'P2')
            ? 'not-required'
            : !x.carded
              ? 'missing'
              : x.stage === 'closed'
                ? 'done'
                : x.stage === 'postmortem'
                  ? 'open'
                  : 'missing'
        const services = x.services.length ? [...x.services].sort().join(', ') : NONE
        expect(line).toBe(
          row([
            link(repo, x.number),
            x.priority,
            // A reporter's `#123` in a title is quoted without cross-referencing that issue (issue #14).
            x.title.replace(/#(?=\d)/g, '#\u200b'),
            services,
            x.source,
            utc(n.d),
            live ? measured(n.d, n.ack) : NONE,
            live ? measured(n.started, n.mit) : NONE,
            live ? measured(n.started, n.res) : NONE,
            status,
            pm,
          ]),
        )
      })
      if (rows.length < e.list.length)
        expect(body).toContain(
          `_… and ${int(e.list.length - rows.length)} more incidents (of ${int(e.list.length)}), see the JSON file._`,
        )
    },
  )

  it(
    'a re-run finds the same issue: no write when nothing changed, one edit when the data did',
    { timeout: 60_000 * TWIN_SCALE },
    async () => {
      const number = Number(first.outputs['report-issue'])
      emu.resetCounters()
      const again = await report(repo)
      // The history index's blob sha came with the first page: found unchanged, no read and no write.
      expect(emu.counts().byRoute).toEqual({
        'POST /graphql IncidentsPage': 6,
      })
      expect(again.outputs['report-issue']).toBe(String(number))
      expect(JSON.parse(again.outputs.actions!)).toEqual([])

      // A new incident, declared and acknowledged yesterday: the window's figures change.
      const before = emu.getIssue(repo, number).body!
      emu.clock.set('2026-11-29T10:00:00Z')
      const n = emu.createIssue(repo, {
        title: 'late arrival',
        labels: ['incident', 'priority/P1', 'stage/investigating'],
        user: 'alice',
      }).number
      const record = {
        v: 1 as const,
        number: n,
        declaredAt: '2026-11-29T10:00:00Z',
        startedAt: '2026-11-29T09:50:00Z',
        priority: 'P1' as const,
        prioritySource: 'rules' as const,
        priorityReason: 'seeded',
        stage: 'investigating' as const,
        impactDigest: 'x',
        events: [
          { at: '2026-11-29T10:00:00Z', kind: 'declared' as const, actor: 'alice', via: 'form' as const, to: 'P1' },
          {
            at: '2026-11-29T10:05:00Z',
            kind: 'stage' as const,
            actor: 'bob',
            via: 'command' as const,
            from: 'triage',
            to: 'investigating',
          },
        ],
      }
      emu.createComment(repo, n, { body: `${CARD_MARKER}\n${encodeRecord(record)}`, user: BOT })
      emu.clock.set(PRESENT)
      emu.resetCounters()
      const changed = await report(repo)
      expect(emu.counts().byRoute).toEqual({
        'POST /graphql IncidentsPage': 6,
        // The report's edit and the history index's new commit (one more incident), in ONE request.
        'POST /graphql WriteTogether': 1,
      })
      expect(JSON.parse(changed.outputs.actions!)).toMatchObject([
        { kind: 'edit-issue', issue: number, status: 'done' },
        { kind: 'put-file', status: 'done' },
      ])
      const index = decodeIndex(emu.getFile(repo, HISTORY_PATH, HISTORY_BRANCH)!)
      expect(index?.incidents.map((i) => i.number)).toContain(n)
      expect(changed.outputs['report-issue']).toBe(String(number))
      expect(reportIssues(repo)).toHaveLength(1)
      const after = emu.getIssue(repo, number).body!
      expect(after).not.toBe(before)
      expect(after).toContain(
        `| ${link(repo, n)} | P1 | late arrival | — | form | 2026-11-29 10:00 UTC | 5m | ≥ 14h 10m so far | ≥ 14h 10m so far | acknowledged | missing |`,
      )
    },
  )

  it(
    'a batch of writes that fails (lost, or refused because the index moved) is repaired by the next run',
    { timeout: 60_000 * TWIN_SCALE },
    async () => {
      const number = Number(first.outputs['report-issue'])
      const addIncident = (title: string): number => {
        emu.clock.set('2026-11-29T11:00:00Z')
        const n = emu.createIssue(repo, { title, labels: ['incident', 'priority/P3'], user: 'alice' }).number
        emu.clock.set(PRESENT)
        return n
      }
      const indexed = (): number[] =>
        decodeIndex(emu.getFile(repo, HISTORY_PATH, HISTORY_BRANCH)!)!.incidents.map((i) => i.number)

      // 1. GitHub applies the batch but its answer is lost: the run fails, nothing is retried blind.
      const a = addIncident('lost answer')
      emu.faults.failOn(/WriteTogether/, 1, 'lost-502')
      emu.resetCounters()
      const lost = await attempt(repo)
      expect(lost.code).not.toBe(0)
      expect(emu.counts().byRoute['POST /graphql WriteTogether']).toBe(1)
      expect(lost.stdout + lost.stderr).toMatch(/502/)
      expect(indexed()).toContain(a)
      // The next run finds both writes done: it writes nothing.
      emu.resetCounters()
      const after = await report(repo)
      expect(JSON.parse(after.outputs.actions!)).toEqual([])
      expect(emu.counts().writes).toBe(0)

      // 2. Someone moved the index's branch between the report's read and its write: GitHub runs
      //    the batch's mutations in order, so the report's edit is done and the commit is refused
      //    (STALE_DATA); the run fails and says why, the next run writes the index.
      const b = addIncident('moved branch')
      const bodyBefore = emu.getIssue(repo, number).body
      emu.beforeRequest((route) => {
        if (/WriteTogether/.test(route)) emu.setFile(repo, 'notes.txt', 'a person was here', HISTORY_BRANCH)
      })
      const stale = await attempt(repo)
      emu.beforeRequest(null)
      expect(stale.code).not.toBe(0)
      expect(stale.stdout + stale.stderr).toMatch(/Expected branch to point to/)
      expect(emu.getIssue(repo, number).body).not.toBe(bodyBefore)
      expect(indexed()).not.toContain(b)
      emu.resetCounters()
      const repaired = await report(repo)
      expect(JSON.parse(repaired.outputs.actions!)).toMatchObject([{ kind: 'put-file', status: 'done' }])
      expect(emu.counts().writes).toBe(1)
      expect(indexed()).toContain(b)
      expect(emu.getFile(repo, 'notes.txt', HISTORY_BRANCH)).toBe('a person was here')
    },
  )

  it('dry-run plans the write and writes nothing', { timeout: 60_000 * TWIN_SCALE }, async () => {
    const fresh = 'acme/dry'
    emu.addRepo(fresh)
    seedHistory(emu, fresh, { now: PRESENT, count: 30, seed: 3 })
    emu.resetCounters()
    const r = await report(fresh, { 'dry-run': 'true' })
    expect(emu.counts().writes).toBe(0)
    expect(reportIssues(fresh)).toHaveLength(0)
    expect(JSON.parse(r.outputs.actions!)).toMatchObject([
      { kind: 'create-issue', status: 'planned' },
      { kind: 'put-file', status: 'planned' },
      { kind: 'create-labels', status: 'planned' },
    ])
    expect(r.outputs['report-issue']).toBe('')
    expect(JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')).input.received).toBe(30)
  })
})

describe('the report at scale', () => {
  it(
    'reads 10,000 incidents with ⌈N/100⌉ requests and publishes with one write (and, the first time, the history index)',
    { timeout: 300_000 * TWIN_SCALE },
    async () => {
      const repo = 'acme/big'
      emu.addRepo(repo)
      const seeded = seedHistory(emu, repo, { now: PRESENT, count: 10_000, seed: 11, chatter: 0 })
      emu.resetCounters()
      const r = await report(repo)
      const counts = emu.counts()
      expect(counts.byRoute).toEqual({
        'POST /graphql IncidentsPage': 100,
        'POST /repos/{owner}/{repo}/issues': 1,
        // The history index (#20, docs/history.md), the first time: our branch, the file, its label.
        'GET /repos/{owner}/{repo}': 1,
        'GET /repos/{owner}/{repo}/git/ref/{ref}': 1,
        'POST /repos/{owner}/{repo}/git/refs': 1,
        'PUT /repos/{owner}/{repo}/contents/{path}': 1,
        'POST /graphql CreateLabels': 1,
      })
      expect(counts.total).toBeLessThanOrEqual(101 + 5)
      const json = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'))
      expect(json.input.received).toBe(seeded.length)
      expect(emu.getIssue(repo, Number(r.outputs['report-issue'])).body!.length).toBeLessThanOrEqual(60_000)
    },
  )
})

describe('organisation scope and the CLI', () => {
  it(
    'reads every repository of the organisation that has incidents: one listing, then ⌈n/100⌉ per repository',
    { timeout: 120_000 * TWIN_SCALE },
    async () => {
      const org = 'globex'
      emu.addRepo(`${org}/ops`, {
        owner_type: 'Organization',
        files: { '.github/incidents.yml': 'report:\n  scope: organization\n' },
      })
      emu.addRepo(`${org}/web`, { owner_type: 'Organization' })
      emu.addRepo(`${org}/quiet`, { owner_type: 'Organization' })
      emu.addRepo(`${org}/api`, { owner_type: 'Organization' })
      const web = seedHistory(emu, `${org}/web`, { now: PRESENT, count: 150, seed: 21 })
      const api = seedHistory(emu, `${org}/api`, { now: PRESENT, count: 40, seed: 22 })
      emu.resetCounters()
      const r = await report(`${org}/ops`)
      // ops (no incidents): 1 page with the config; the listing: 1; web: 2; api: 1; quiet: nothing; the issue: 1.
      expect(emu.counts().byRoute).toEqual({
        'POST /graphql IncidentsPage': 4,
        'POST /graphql OrgRepositories': 1,
        'POST /repos/{owner}/{repo}/issues': 1,
      })
      const json = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'))
      expect(json.scope).toBe(`org ${org}`)
      expect(json.input.received).toBe(web.length + api.length)
      const body = emu.getIssue(`${org}/ops`, Number(r.outputs['report-issue'])).body!
      expect(body).toContain(`## Reliability report: org ${org}, 2026-11-23 → 2026-11-30`)
      expect(body).toMatch(new RegExp(`\\| ${org}/(web|api)#\\d+ \\|`))
    },
  )

  it(
    '`incidentops report` prints the same report from a laptop and writes nothing',
    { timeout: 60_000 * TWIN_SCALE },
    async () => {
      const { reportCommand } = await import('../../src/cli/report.js')
      const out: string[] = []
      const err: string[] = []
      emu.resetCounters()
      const code = await reportCommand(
        ['--repo', 'acme/shop', '--api-url', emu.url, '--since', '7d'],
        (s) => out.push(s),
        (s) => err.push(s),
        { GITHUB_TOKEN: emu.botToken },
      )
      expect(code, err.join('\n')).toBe(0)
      expect(emu.counts().writes).toBe(0)
      const issue = reportIssues('acme/shop')[0]!
      expect(out.join('\n')).toBe(issue.body)
      expect(
        await reportCommand(
          ['--repo', 'nope'],
          () => {},
          () => {},
          {},
        ),
      ).toBe(2)
      expect(
        await reportCommand(
          ['--repo', 'acme/shop', '--since', 'soon'],
          () => {},
          () => {},
          {},
        ),
      ).toBe(2)
    },
  )
})

describe('a report rebuilt later shows what was known at the end of its window', () => {
  it('an incident closed before the window ends and reopened after it counts as resolved (state rebuilt from the timeline)', async () => {
    const repo = 'acme/reopened'
    emu.addRepo(repo, { collaborators: { alice: 'write' } })
    emu.clock.set('2026-11-28T10:00:00Z')
    const n = emu.createIssue(repo, {
      title: '[Incident]: Login fails',
      labels: ['incident', 'priority/P2', 'stage/investigating'],
      user: 'alice',
    }).number
    // Resolved and closed on Saturday 12:00, reopened on Monday 08:00 (after the window's end, 00:00).
    const record = {
      v: 1 as const,
      number: n,
      declaredAt: '2026-11-28T10:00:00Z',
      startedAt: '2026-11-28T10:00:00Z',
      priority: 'P2' as const,
      prioritySource: 'rules' as const,
      priorityReason: '',
      stage: 'investigating' as const,
      impactDigest: '',
      commander: 'alice',
      events: [
        { at: '2026-11-28T10:00:00Z', kind: 'declared' as const, actor: 'alice', via: 'form' as const, to: 'P2' },
        {
          at: '2026-11-28T10:30:00Z',
          kind: 'stage' as const,
          from: 'triage',
          to: 'investigating',
          actor: 'alice',
          via: 'command' as const,
        },
        {
          at: '2026-11-28T12:00:00Z',
          kind: 'stage' as const,
          from: 'investigating',
          to: 'resolved',
          actor: 'alice',
          via: 'command' as const,
        },
        {
          at: '2026-11-28T12:00:00Z',
          kind: 'stage' as const,
          from: 'resolved',
          to: 'closed',
          actor: 'alice',
          via: 'close' as const,
        },
        {
          at: '2026-11-30T08:00:00Z',
          kind: 'stage' as const,
          from: 'closed',
          to: 'investigating',
          actor: 'alice',
          via: 'reopen' as const,
        },
      ],
    }
    emu.createComment(repo, n, { body: `${CARD_MARKER}\n${encodeRecord(record)}`, user: BOT })
    emu.clock.set(PRESENT)
    const r = await report(repo)
    const json = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8'))
    expect(json.current.period.end).toBe('2026-11-30T00:00:00.000Z')
    expect(json.current.unresolved).toBe(0)
    expect(json.current.recovery).toMatchObject({ numerator: 1, denominator: 1, value: 1 })
    // Started 10:00, resolved 12:00: 2h, a completed duration (not an open lower bound).
    expect(json.current.response.resolve.completed).toMatchObject({ n: 1, meanMs: 2 * HOUR })
    expect(json.current.response.resolve.open).toBe(0)
  })
})
