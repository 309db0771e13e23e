import type { Stage } from '../domain/stages.js'
import type { ConfigProblem } from '../errors.js'
import type { Schedule } from '../oncall/schedule.js'
import type { StatusConfig } from '../status/config.js'

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const
export type Priority = (typeof PRIORITIES)[number]

export type Scalar = string | number | boolean

/** A test on an incident field, or a combination of tests. */
export type Condition =
  | {
      field: string
      equals?: Scalar
      one_of?: Scalar[]
      at_least?: number
      at_most?: number
      above?: number
      below?: number
      matches?: string
      present?: boolean
    }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }

export interface Rule {
  name?: string
  priority: Priority
  when: Condition
}

export interface ScoreTerm {
  field: string
  weight?: number
  values?: Record<string, number>
}

export interface PriorityPolicy {
  description: string
  /** Milliseconds. */
  ack: number
  /** Milliseconds. */
  update: number
  postmortem: 'required' | 'optional' | 'none'
  crisis: boolean
}

/** The configuration after validation and defaults: every key present, durations in milliseconds. */
export interface Config {
  /** Where it came from, for messages: a path, or `defaults`. */
  source: string
  labels: { incident: string; services: boolean; allowedServices: string[] }
  intake: { holdUnconfirmed: boolean }
  priorities: Record<Priority, PriorityPolicy>
  classification: { default: Priority; score: ScoreTerm[]; rules: Rule[] }
  crisis: { mention: string[]; checklist: string[] }
  form: { headings: Record<string, string> }
  /** Per stage (fixed order, see domain/stages.ts): its name in labels and commands, and its board column. */
  stages: Record<Stage, { name: string; column: string }>
  project: ProjectConfig | null
  report: ReportConfig
  alerts: AlertsConfig
  /** Levels of the escalation chain: who to mention, and the wait after the previous level (ms; null = the ack window). */
  escalation: { mention: string[]; after: number | null }[]
  responseTeam: string[]
  /** `interval` (ms): the sweep's schedule, watched by every other run; null when not watched. */
  sweep: { budget: number; autoResolveAlerts: number | null; autoResolvePeople: number | null; interval: number | null }
  /** Dead man's switches watched by the sweep (docs/monitoring.md, Heartbeats). */
  heartbeats: HeartbeatConfig[]
  postmortem: {
    as: 'issue' | 'comment' | 'pull_request'
    directory: string
    template: string | null
    label: string
    followupLabel: string
    chaseAfter: number
  }
  notify: { events: ('declared' | 'priority' | 'escalation' | 'resolved')[]; priorities: Priority[] }
  /** On-call schedules (docs/oncall.md) and the label of the issue that records `/cover` overrides. */
  oncall: { label: string; schedules: Schedule[] }
  services: Service[]
  /** The public status page (docs/status-page.md). */
  status: StatusConfig
  /** What `validate` warns about without refusing the file (a schedule with an uncovered hour). */
  warnings: ConfigProblem[]
}

/** One entry of the services catalog. */
export interface Service {
  name: string
  aliases: string[]
  /** Targets: `@person`, `@org/team`, `schedule:<name>`. */
  owners: string[]
  runbook: string | null
  paths: string[]
  channel: string | null
  /** Its own chain, instead of the top-level `escalation`; null: the top-level one. */
  escalation: { mention: string[]; after: number | null }[] | null
  /** On the status page: its name for customers, its group and its place (lower first); null: the name, no group, catalog order. */
  displayName?: string | null
  group?: string | null
  order?: number | null
}

export interface HeartbeatConfig {
  /** `[a-z0-9][a-z0-9._-]{0,62}`: safe in markers and keys as it is. */
  name: string
  /** Milliseconds between expected pings. */
  period: number
  /** Milliseconds a ping may be late before the heartbeat counts as stopped. */
  grace: number
  priority: Priority
  service: string | null
}

export interface AlertsConfig {
  eventTypes: string[]
  resolvedStage: 'monitoring' | 'resolved'
  /** Milliseconds. */
  reopenWindow: number
  /** Milliseconds. */
  commentInterval: number
  /** Milliseconds. */
  coalesce: number
}

export interface ProjectConfig {
  /** Owner login; null means the repository owner. */
  owner: string | null
  number: number
  statusField: string
  priorityField: string | null
  startedField: string | null
  resolvedField: string | null
  serviceField: string | null
}

/** The weekly reliability report (docs/metrics.md defines the figures). */
export interface ReportConfig {
  windowDays: number
  historyWeeks: number
  /** Availability target over the window, e.g. 0.999; null: no SLO figures. */
  sloTarget: number | null
  /** Estimated cost of downtime per hour, by priority; null: no cost figures. */
  costPerHour: Partial<Record<Priority, number>> | null
  /** ISO 4217 code. */
  currency: string
  downtimePriorities: Priority[]
  /** The label of the report issues. */
  label: string
  /** The JSON file: relative to RUNNER_TEMP when set, else to the workspace. */
  json: string
  scope: 'repository' | 'organization'
}
