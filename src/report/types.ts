/**
 * The weekly reliability report: its input (incidents with their milestones, as
 * src/domain/milestones.ts defines them) and its output (`ReportData`, the whole report as data,
 * published as JSON and documented by docs/report.schema.json). docs/metrics.md defines every figure.
 */
import type { Priority } from '../config/types.js'
import type { Milestones } from '../domain/milestones.js'
import type { Cause } from '../changes/cause.js'
import type { DoraReport } from '../changes/dora.js'

/** One incident as the report sees it. Timestamps are ISO 8601; see src/domain/milestones.ts. */
/** The milestones (and `dismissed`: a false alarm, noise, kept out of response metrics) are milestones.ts's. */
export interface ReportIncident extends Milestones {
  /** `owner/name`. */
  repo: string
  number: number
  title: string
  url: string
  priority: Priority
  /** From `service/<name>` labels. */
  services: string[]
  /** `form` | `manual` | an alert source such as `alertmanager`, `grafana`. */
  source: string
  state: 'open' | 'closed'
  postmortem: 'not-required' | 'missing' | 'open' | 'done'
  followups: { open: number; closed: number }
  /** The cause confirmed with `/cause` (DORA's change failure rate and recovery time). */
  cause?: Cause
  /** Flagged at declaration as a possible recurrence of this past incident (src/history/similar.ts). */
  recurrenceOf?: number
}

export interface ReportOptions {
  /** ISO: the end of the window, and the instant everything is evaluated at. */
  now: string
  /** Default 7. */
  windowDays: number
  /** Default 12 (trends, charts, the rate λ). */
  historyWeeks: number
  /** Availability target over the window, e.g. 0.999. */
  slo: { target: number } | null
  /** Estimated cost of downtime per hour, by priority. */
  costPerHour: Partial<Record<Priority, number>> | null
  /** ISO 4217, e.g. `EUR`. */
  currency: string
  /** Priorities that count as downtime for availability (default P1, P2). */
  downtimePriorities: Priority[]
  /** `acme/shop` or `org acme`. */
  scope: string
  /**
   * Optional: when incidents started being recorded (ISO). When it falls inside the history, the
   * rate λ is estimated over [observedSince, now) instead of the whole history, so a fresh install
   * does not under-estimate how often things break.
   */
  observedSince?: string
}

/** An interval of time (start, end]: an instant on a boundary belongs to the earlier interval. */
export interface Period {
  start: string
  end: string
  hours: number
}

/** Summary of durations in milliseconds; every statistic is null when `n` is 0. */
export interface Summary {
  n: number
  meanMs: number | null
  medianMs: number | null
  p90Ms: number | null
  maxMs: number | null
}

/**
 * One response metric. `completed` summarises the incidents that reached the milestone;
 * `open` counts those that have not (right-censored), and `lowerBound` summarises completed and
 * open together, open ones at their time so far: every figure there is a lower bound of the
 * true statistic. See docs/metrics.md, "Open incidents".
 */
export interface ResponseMetric {
  from: 'declared' | 'started'
  to: 'acknowledged' | 'mitigated' | 'resolved'
  completed: Summary
  open: number
  lowerBound: Summary
}

export interface Ratio {
  numerator: number
  denominator: number
  /** numerator / denominator; null when the denominator is 0. */
  value: number | null
}

export type PriorityCounts = Record<Priority, number>

/** Every figure of one window. */
export interface WindowMetrics {
  period: Period
  /** Incidents declared in the window, dismissed ones included. */
  declared: number
  /** Declared in the window and not dismissed: what every metric below counts. */
  incidents: number
  dismissed: number
  /** dismissed / declared. */
  noise: Ratio
  byPriority: PriorityCounts
  /** Incidents of the window not resolved yet (at `now`). */
  unresolved: number
  response: { acknowledge: ResponseMetric; mitigate: ResponseMetric; resolve: ResponseMetric }
  /** Resolved / incidents. */
  recovery: Ratio
  postmortems: { required: number; done: number; open: number; missing: number; completion: Ratio }
  followups: { open: number; closed: number }
  /** Union of the downtime priorities' [started, mitigated or now) within the window, in hours. */
  downtimeHours: number
  /** 1 − downtime / window length. */
  availability: number
  /**
   * Error budget: (1 − target) × window hours. `budgetLeft` is the share of it left, 1 − downtime /
   * budget (negative when overspent; null when the target is 1 and there is no budget at all).
   */
  slo: { target: number; budgetHours: number; budgetLeftHours: number; budgetLeft: number | null } | null
  /** Downtime hours × cost per hour, each instant charged at the highest priority active then. */
  cost: { total: number; byPriority: PriorityCounts; hoursByPriority: PriorityCounts } | null
}

export type TrendKey =
  | 'incidents'
  | 'dismissed'
  | 'p1p2'
  | 'mttaMean'
  | 'ttmMean'
  | 'mttrMean'
  | 'mttrMedian'
  | 'unresolved'
  | 'downtimeHours'
  | 'availability'
  | 'recovery'
  | 'postmortemCompletion'
  | 'cost'

/** A headline figure, this window against the previous one. */
export interface Trend {
  key: TrendKey
  unit: 'count' | 'ms' | 'hours' | 'ratio' | 'money'
  /** Which way is good. */
  better: 'lower' | 'higher'
  current: number | null
  previous: number | null
  /** current − previous; null when either is. */
  delta: number | null
}

/** Incidents per key (a priority, service or source) in this window and the previous one. */
export interface BreakdownRow {
  key: string
  current: number
  previous: number
  /** Dismissed in this window (noise by key). */
  dismissed: number
}

/** A rate estimated from the history: k incidents over `hours` of observation. */
export interface RateEstimate {
  incidents: number
  perHour: number
  perWeek: number
  /** Per 730-hour month (8760 / 12). */
  perMonth: number
  /** 1 / λ in hours; null when no incident happened (no failure observed, not "never"). */
  mtbfHours: number | null
  /** With no incident observed: the 95% upper bound of λ per hour, −ln(0.05) / hours ≈ 3 / hours ("rule of three"). */
  upper95PerHour: number | null
}

export interface RiskData {
  hoursPerMonth: number
  /** Where λ is estimated: the history, or from `observedSince` when later. */
  observation: Period
  all: RateEstimate
  severe: RateEstimate & { priorities: Priority[] }
  horizonHours: number
  /** 1 − e^(−λ·t), λ the P1+P2 rate, t the horizon. */
  pSevereWithinHorizon: number
  /** λ·t for P1+P2. */
  expectedSevereWithinHorizon: number
  /** Historical downtime share (union, downtime priorities) × horizon, in hours. */
  expectedDowntimeHours: number
  /** Historical attributed downtime per priority × cost per hour × horizon share; null without costs. */
  expectedCost: number | null
}

export interface HistoryWeek {
  start: string
  end: string
  byPriority: PriorityCounts
  dismissed: number
  /** Started → resolved of the week's incidents (by declared time), evaluated at `now`. */
  mttr: { n: number; open: number; meanMs: number | null; medianMs: number | null }
}

/** A measured duration: `open` means not reached yet, and `ms` is then the time so far (a lower bound). */
export interface Measured {
  ms: number
  open: boolean
}

export interface ListedIncident {
  repo: string
  number: number
  title: string
  url: string
  priority: Priority
  services: string[]
  source: string
  state: 'open' | 'closed'
  dismissed: boolean
  /** Declared before the window and still unresolved: listed so it is never lost from view. */
  carriedOver: boolean
  startedAt: string
  declaredAt: string
  /** Null for dismissed incidents (not measured). */
  acknowledge: Measured | null
  mitigate: Measured | null
  resolve: Measured | null
  postmortem: ReportIncident['postmortem']
  followups: { open: number; closed: number }
}

/** The whole report as data. */
export interface ReportData {
  schemaVersion: 1
  scope: string
  generatedAt: string
  currency: string
  options: {
    windowDays: number
    historyWeeks: number
    downtimePriorities: Priority[]
    sloTarget: number | null
    costPerHour: Partial<Record<Priority, number>> | null
  }
  input: {
    received: number
    /** Unreadable `declaredAt`, or declared after `now`. */
    ignored: number
    /**
     * Incidents whose card was not among the comments read, counted with their issue's own dates:
     * set by the loader (src/report/load.ts); 0 from buildReport alone.
     */
    withoutCard: number
  }
  current: WindowMetrics
  previous: WindowMetrics
  trends: Trend[]
  breakdown: { priority: BreakdownRow[]; service: BreakdownRow[]; source: BreakdownRow[] }
  risk: RiskData
  history: { period: Period; weeks: HistoryWeek[] }
  /** Open follow-ups over every incident received, not only the window's. */
  followupBacklog: { open: number; closed: number }
  /** The window's incidents, then older ones still unresolved; P1 first, newest first. */
  incidents: ListedIncident[]
  /** DORA's four keys over the history (`changes.dora`, repository scope; docs/metrics.md, "Delivery (DORA)"); null when off. */
  dora: DoraReport | null
}
