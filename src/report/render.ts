/**
 * The report as markdown, for the report issue's body and the job summary. Pure: it renders only
 * from `ReportData`, so the same data gives the same bytes, and a re-run finds its issue by the
 * hidden marker on the first line.
 *
 * Size: GitHub refuses bodies over 65,536 characters. The output never exceeds `maxChars`
 * (default 60,000): long tables (services, sources) are capped, and the incident list, which comes
 * last, takes whole rows while they fit, then says how many it left out. A row is never cut.
 */
import { PRIORITIES } from '../config/types.js'
import { marker } from '../domain/record.js'
import { inline } from '../render/markdown.js'
import { utc } from '../render/time.js'
import { NO_SERVICE } from './build.js'
import { NONE, count, decimal, duration, hours, measured, money, percent, trendArrow, trendValue } from './format.js'
import { incidentsChart, mttrChart } from './mermaid.js'
import type { BreakdownRow, ListedIncident, ReportData, ResponseMetric, Summary, TrendKey } from './types.js'

export const DEFAULT_MAX_CHARS = 60_000
/** Below this the report cannot say anything useful. */
export const MIN_MAX_CHARS = 1_000

/** The hidden marker a re-run searches for: `<!-- incidentops:report:<window-start-date> -->`. */
export const reportMarker = (data: Pick<ReportData, 'current'>): string =>
  marker('report', data.current.period.start.slice(0, 10))

const TREND_LABEL: Record<TrendKey, string> = {
  incidents: 'Incidents',
  p1p2: 'P1 + P2 incidents',
  dismissed: 'Dismissed (noise)',
  unresolved: 'Still unresolved',
  mttaMean: 'Mean time to acknowledge',
  ttmMean: 'Mean time to mitigate',
  mttrMean: 'Mean time to resolve (MTTR)',
  mttrMedian: 'Median time to resolve',
  downtimeHours: 'Downtime',
  availability: 'Availability',
  recovery: 'Recovery rate',
  postmortemCompletion: 'Postmortems done',
  cost: 'Estimated cost',
}

const date = (iso: string): string => iso.slice(0, 10)
const cell = (text: string, max = 80): string => inline(text, max) || NONE
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
const sep = (aligns: readonly ('l' | 'r')[]): string => `|${aligns.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`

function headlines(d: ReportData): string[] {
  const lines = ['### Headlines', '', row(['', 'This window', 'Previous window', 'Trend']), sep(['l', 'r', 'r', 'l'])]
  for (const t of d.trends) {
    if (t.key === 'cost' && !d.current.cost) continue
    lines.push(
      row([
        TREND_LABEL[t.key],
        trendValue(t, t.current, d.currency),
        trendValue(t, t.previous, d.currency),
        trendArrow(t, d.currency),
      ]),
    )
  }
  return lines
}

const bound = (v: number | null, open: number): string =>
  v === null ? NONE : open > 0 ? `≥ ${duration(v)}` : duration(v)
const stats = (s: Summary): string[] => [duration(s.meanMs), duration(s.medianMs), duration(s.p90Ms), duration(s.maxMs)]

function response(d: ReportData): string[] {
  const r = d.current.response
  const metrics: [string, ResponseMetric][] = [
    ['Time to acknowledge (declared → acknowledged)', r.acknowledge],
    ['Time to mitigate (started → mitigated)', r.mitigate],
    ['Time to resolve (started → resolved)', r.resolve],
  ]
  const lines = [
    '### Response',
    '',
    row([
      '',
      'Done',
      'Not yet',
      'Mean',
      'Median',
      'p90',
      'Max',
      'With open ones as lower bounds: mean · median · p90 · max',
    ]),
    sep(['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
  ]
  for (const [name, m] of metrics) {
    const lb = m.lowerBound
    const lower =
      m.open === 0
        ? 'same (none open)'
        : [lb.meanMs, lb.medianMs, lb.p90Ms, lb.maxMs].map((v) => bound(v, m.open)).join(' · ')
    lines.push(row([name, count(m.completed.n), count(m.open), ...stats(m.completed), lower]))
  }
  lines.push(
    '',
    `_Incidents not yet acknowledged, mitigated or resolved are counted under "Not yet" and never dropped. The first columns summarise the incidents that reached the milestone; the last one adds the open ones at their time so far, so each figure there is a lower bound (≥) of the true one. Dismissed incidents are noise and are left out._`,
  )
  return lines
}

function reliability(d: ReportData): string[] {
  const c = d.current
  const k = d.risk
  const down = d.options.downtimePriorities.join(', ') || 'none'
  const obsWeeks = decimal(k.observation.hours / 168, 1)
  const rows: [string, string][] = [
    [
      'Availability',
      `${percent(c.availability)}: ${hours(c.downtimeHours)} down of ${hours(c.period.hours)} (${down}; overlapping incidents counted once)`,
    ],
  ]
  if (c.slo) {
    const s = c.slo
    const left =
      s.budgetLeftHours >= 0
        ? `${hours(s.budgetLeftHours)} left (${percent(s.budgetLeft)})`
        : `**overspent by ${hours(-s.budgetLeftHours)}**`
    rows.push([`Error budget (SLO ${percent(s.target)})`, `${hours(s.budgetHours)} in the window; ${left}`])
  }
  const all = k.all
  rows.push([
    'MTBF (mean time between incidents)',
    all.mtbfHours !== null
      ? `${hours(all.mtbfHours)}: λ = ${decimal(all.perWeek)} per week (${count(all.incidents)} incidents in ${obsWeeks} weeks)`
      : `no incident in ${obsWeeks} weeks (λ < ${decimal((all.upper95PerHour ?? 0) * 168)} per week at 95% confidence)`,
  ])
  rows.push([
    `P(at least one ${k.severe.priorities.join('/')} in the next 7 days)`,
    `${percent(k.pSevereWithinHorizon)} = 1 − e^(−λt), λ = ${decimal(k.severe.perWeek)} per week (${count(k.severe.incidents)} in ${obsWeeks} weeks), t = 7 days`,
  ])
  rows.push([
    'Expected downtime, next 7 days',
    `${hours(k.expectedDowntimeHours)} (the share of time down over ${obsWeeks} weeks × 7 days)`,
  ])
  rows.push([
    'Recovery rate',
    `${percent(c.recovery.value)} (${count(c.recovery.numerator)} of ${count(c.recovery.denominator)} resolved)`,
  ])
  const pm = c.postmortems
  rows.push([
    'Postmortems',
    `${percent(pm.completion.value)} done (${count(pm.done)} of ${count(pm.required)} required; ${count(pm.open)} in progress, ${count(pm.missing)} missing)`,
  ])
  rows.push([
    'Follow-ups',
    `this window: ${count(c.followups.open)} open, ${count(c.followups.closed)} closed · all incidents: ${count(d.followupBacklog.open)} open, ${count(d.followupBacklog.closed)} closed`,
  ])
  rows.push(['Noise', `${count(c.dismissed)} dismissed of ${count(c.declared)} declared (${percent(c.noise.value)})`])
  if (c.cost) {
    const parts = PRIORITIES.filter((p) => c.cost!.hoursByPriority[p] > 0).map(
      (p) => `${p} ${money(c.cost!.byPriority[p], d.currency)} for ${hours(c.cost!.hoursByPriority[p])}`,
    )
    rows.push(['Estimated cost', `${money(c.cost.total, d.currency)}${parts.length ? ` (${parts.join(', ')})` : ''}`])
    rows.push(['Expected cost, next 7 days', money(k.expectedCost, d.currency)])
  }
  return ['### Reliability and risk', '', row(['', '']), sep(['l', 'l']), ...rows.map(([a, b]) => row([a, b]))]
}

function breakdownTable(title: string, rows: readonly BreakdownRow[], cap: number, what: string): string[] {
  const lines = [`### ${title}`, '']
  if (rows.length === 0) return [...lines, '_No incidents in either window._']
  lines.push(row(['', 'This window', 'Previous', 'Dismissed']), sep(['l', 'r', 'r', 'r']))
  for (const r of rows.slice(0, cap)) {
    const key = r.key === NO_SERVICE ? `_${NO_SERVICE}_` : cell(r.key, 60)
    lines.push(row([key, count(r.current), count(r.previous), count(r.dismissed)]))
  }
  if (rows.length > cap) lines.push('', `_… and ${count(rows.length - cap)} more ${what}, see the JSON file._`)
  return lines
}

function charts(d: ReportData): string[] {
  const weeks = d.history.weeks
  const lines = [`### The last ${count(weeks.length)} weeks`, '', incidentsChart(weeks), '']
  const mttr = mttrChart(weeks)
  const open = weeks.reduce((s, w) => s + w.mttr.open, 0)
  if (mttr) {
    lines.push(mttr, '')
    if (open > 0)
      lines.push(
        `_Unresolved incidents are not in the MTTR line (${count(open)} still open), so recent weeks may read low until they resolve._`,
      )
  } else {
    lines.push('_No incident resolved in the history: no MTTR trend yet._')
  }
  return lines
}

function definitions(d: ReportData): string[] {
  return [
    '<details><summary>Definitions</summary>',
    '',
    '- **Window**: the ' +
      `${decimal(d.options.windowDays)} days ending at generation time; an incident belongs to the window in which it was declared (the issue opened). Trends compare with the ${decimal(d.options.windowDays)} days before.`,
    '- **Started**: when impact began (form field or alert), else when declared. **Acknowledged**: the first `/ack` or move out of Triage. **Mitigated**: the start of the final stretch in Monitoring or later. **Resolved**: the last entry into Resolved or later.',
    '- **Time to acknowledge**: declared → acknowledged (nobody can acknowledge before the report; detection delay shows in time to mitigate). **Time to mitigate**: started → mitigated. **Time to resolve (MTTR)**: started → resolved.',
    '- **Mean, median, p90, max**: p90 is the nearest-rank percentile (the value at rank ⌈0.9·n⌉ of the sorted durations); the median averages the two middle values when n is even.',
    '- **Open incidents**: counted under "Not yet" and shown with their time so far (≥). The main columns cover completed incidents; the lower-bound column includes the open ones at their time so far.',
    '- **Dismissed**: false alarms (`/dismiss`): counted as noise, left out of every response, downtime, rate and cost figure.',
    `- **Downtime**: the union of [started, mitigated or now) of ${d.options.downtimePriorities.join(', ') || 'no'} incidents within the window: overlapping incidents count once. **Availability** = 1 − downtime / window. **Error budget** = (1 − SLO target) × window.`,
    '- **λ (rate)**: incidents per unit of time over the history; **MTBF** = 1/λ, the mean time *between* incidents (not a response time). **P(at least one in t)** = 1 − e^(−λt); expected incidents λt.',
    '- **Expected downtime** (next 7 days): the share of time down over the history × 7 days. **Cost**: downtime hours × cost per hour, each hour charged at the most severe incident open then.',
    '- **Recovery rate**: resolved / incidents of the window. **Postmortems done**: done / required.',
    '',
    'Full definitions and formulas: `docs/metrics.md`.',
    '',
    '</details>',
  ]
}

function statusOf(i: ListedIncident): string {
  if (i.dismissed) return 'dismissed'
  const s =
    i.resolve && !i.resolve.open
      ? 'resolved'
      : i.mitigate && !i.mitigate.open
        ? 'mitigated'
        : i.acknowledge && !i.acknowledge.open
          ? 'acknowledged'
          : 'not acknowledged'
  return i.carriedOver ? `${s} (from before the window)` : s
}

function incidentRow(i: ListedIncident, org: boolean): string {
  const ref = org ? `${inline(i.repo, 60)}#${i.number}` : `#${i.number}`
  const link = /^https:\/\/[^\s()<>[\]]+$/.test(i.url) ? `[${ref}](${i.url})` : ref
  const services = i.services.length
    ? i.services
        .slice(0, 3)
        .map((s) => inline(s, 30))
        .join(', ') + (i.services.length > 3 ? ` +${i.services.length - 3}` : '')
    : NONE
  return row([
    link,
    i.priority,
    cell(i.title, 100),
    services,
    cell(i.source, 30),
    utc(i.declaredAt),
    measured(i.acknowledge),
    measured(i.mitigate),
    measured(i.resolve),
    statusOf(i),
    i.postmortem,
  ])
}

/** Options of `renderReport`. */
export interface RenderOptions {
  /** Upper bound of the output length in characters (UTF-16 code units, as GitHub counts). Default 60,000; at least 1,000. */
  maxChars?: number
}

/**
 * Renders the report as markdown: a hidden marker keyed by the window's start date, the headline
 * figures with trend arrows, response, reliability and risk tables, breakdowns by priority, service
 * and source, Mermaid charts of the history, collapsed definitions, and the incident list.
 * Always at most `maxChars` characters; long lists are shortened whole rows at a time, with a count.
 */
export function renderReport(data: ReportData, opts: RenderOptions = {}): string {
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS
  if (!(max >= MIN_MAX_CHARS))
    throw new RangeError(`renderReport: maxChars must be at least ${MIN_MAX_CHARS}, got ${max}`)
  const c = data.current
  const top = [
    reportMarker(data),
    `## Reliability report: ${inline(data.scope, 100) || 'incidents'}, ${date(c.period.start)} → ${date(c.period.end)}`,
    '',
    `_${decimal(data.options.windowDays)} days to ${utc(c.period.end)}, compared with the ${decimal(data.options.windowDays)} days before. Incidents still open are counted and shown with their time so far (≥), never dropped; dismissed ones are reported as noise. See the definitions below._`,
  ]
  if (data.input.ignored > 0)
    top.push(
      '',
      `_${count(data.input.ignored)} incidents were ignored: unreadable declaration time, or declared after the report time._`,
    )

  // From the fullest form to the barest, the first whose fixed part leaves room for the list.
  const levels = [
    { cap: 20, charts: true, defs: true, detail: true },
    { cap: 5, charts: false, defs: true, detail: true },
    { cap: 0, charts: false, defs: false, detail: false },
  ]
  for (const level of levels) {
    const parts = [...top, '', ...headlines(data)]
    if (level.detail) {
      parts.push('', ...response(data), '', ...reliability(data), '')
      parts.push(...breakdownTable('By priority', data.breakdown.priority, 4, 'priorities'), '')
      if (level.cap > 0) {
        parts.push(...breakdownTable('By service', data.breakdown.service, level.cap, 'services'), '')
        parts.push(...breakdownTable('By source', data.breakdown.source, level.cap, 'sources'), '')
      }
    }
    if (level.charts) parts.push(...charts(data), '')
    if (level.defs) parts.push(...definitions(data))
    // A blank line ends the last table before the incident list's heading.
    const head = [...parts, ''].join('\n')
    const body = incidentList(data, max - head.length - 1)
    if (body !== null) return `${head}\n${body}`
  }
  const bare = [...top, '', `_The report does not fit in ${count(max)} characters; see the JSON file._`].join('\n')
  return bare.length <= max ? bare : reportMarker(data)
}

/** The incident list within `budget` characters, whole rows only; null when not even its header fits. */
function incidentList(data: ReportData, budget: number): string | null {
  const list = data.incidents
  const org = new Set(list.map((i) => i.repo)).size > 1 || data.scope.startsWith('org ')
  const header = [
    `### Incidents (${count(list.length)})`,
    '',
    row([
      'Incident',
      'Priority',
      'Title',
      'Services',
      'Source',
      'Declared',
      'Acknowledge',
      'Mitigate',
      'Resolve',
      'Status',
      'Postmortem',
    ]),
    sep(['l', 'l', 'l', 'l', 'l', 'l', 'r', 'r', 'r', 'l', 'l']),
  ].join('\n')
  if (list.length === 0) {
    const none = '### Incidents\n\n_No incidents in this window, and none open from before._'
    return none.length <= budget ? none : null
  }
  const more = (n: number): string =>
    `\n\n_… and ${count(n)} more incidents (of ${count(list.length)}), see the JSON file._`
  // Reserve room for the longest possible "more" line before adding rows.
  const reserve = more(list.length).length
  let used = header.length
  if (used + reserve > budget) return null
  const out = [header]
  let shown = 0
  for (const i of list) {
    const line = incidentRow(i, org)
    if (used + 1 + line.length + reserve > budget) break
    out.push(line)
    used += 1 + line.length
    shown++
  }
  if (shown < list.length) out.push(more(list.length - shown).slice(1))
  return out.join('\n')
}
