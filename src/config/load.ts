import { resolveChanges, type RawChanges } from '../changes/config.js'
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node, type Document } from 'yaml'
import { ConfigError, type ConfigProblem } from '../errors.js'
import { CONFIG_SCHEMA } from './schema.js'
import { closest, validateAgainstSchema, type Path, type SchemaProblem } from './validate.js'
import { parseDuration } from './duration.js'
import { DEFAULT_RULES } from './defaults.js'
import { STAGES, type Stage } from '../domain/stages.js'
import { PRIORITIES, type Condition, type Config, type Priority, type PriorityPolicy } from './types.js'
import { coverageProblems, oncallProblems, resolveOncall, target, type RawOncallConfig } from '../oncall/config.js'
import { resolveStatus, type RawStatusConfig } from '../status/config.js'
import { subscribersProblems } from '../subscriptions/config.js'

/** Config files larger than this are refused: a config is a few KB, a huge one is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 256 * 1024

const TESTS = ['equals', 'one_of', 'at_least', 'at_most', 'above', 'below', 'matches', 'present'] as const

/**
 * Parses and validates a configuration file. `text` null means there is no file: the defaults apply.
 * Throws ConfigError listing every problem with file:line:column and what to change.
 */
export function loadConfig(text: string | null, file: string): Config {
  if (text === null) return resolveConfig({}, 'defaults')
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
    throw configError(file, [
      {
        file,
        line: 1,
        column: 1,
        message: `the file is larger than ${MAX_CONFIG_BYTES / 1024} KB; a configuration is a few KB`,
      },
    ])
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true })
  const problems: ConfigProblem[] = []
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0])
    problems.push({ file, line: pos.line, column: pos.col, message: `invalid YAML: ${firstLine(e.message)}` })
  }
  if (problems.length) throw configError(file, problems)

  let value: unknown
  try {
    // A small alias budget defuses "billion laughs" alias bombs.
    value = doc.toJS({ maxAliasCount: 50 })
  } catch (error: unknown) {
    throw configError(file, [
      { file, line: 1, column: 1, message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` },
    ])
  }
  if (value === null || value === undefined) return resolveConfig({}, file)

  const found = validateAgainstSchema(CONFIG_SCHEMA, value)
  const semantic = [
    ...semanticProblems(value as RawConfig),
    ...(found.length ? [] : oncallProblems(value as RawConfig)),
    ...(found.length ? [] : subscribersProblems(value)),
  ]
  const place = (p: SchemaProblem): ConfigProblem => {
    const pos = positionOf(doc, lineCounter, p.path, p.atKey ?? false)
    return {
      file,
      line: pos.line,
      column: pos.col,
      message: p.atKey ? p.message : `${describePath(p.path)} ${p.message}`,
    }
  }
  problems.push(...[...found, ...semantic].map(place))
  if (problems.length) throw configError(file, problems)
  const config = resolveConfig(value as RawConfig, file)
  // Coverage needs the resolved schedules: gaps are warnings, a chain that can call nobody an error.
  const coverage = coverageProblems(config)
  if (coverage.errors.length) throw configError(file, coverage.errors.map(place))
  config.warnings = coverage.warnings.map(place)
  return config
}

type RawConfig = RawOncallConfig & {
  status?: RawStatusConfig
  labels?: { incident?: string; services?: boolean; allowed_services?: string[] }
  intake?: { hold_unconfirmed?: boolean }
  priorities?: Partial<Record<Priority, Partial<Record<keyof PriorityPolicy, unknown>>>>
  classification?: {
    default?: Priority
    score?: Config['classification']['score']
    rules?: Config['classification']['rules']
  }
  crisis?: { mention?: string[]; checklist?: string[] }
  form?: { headings?: Record<string, string> }
  report?: {
    window_days?: number
    history_weeks?: number
    slo_target?: number
    cost_per_hour?: Partial<Record<Priority, number>>
    currency?: string
    downtime_priorities?: Priority[]
    label?: string
    json?: string
    scope?: 'repository' | 'organization'
  }
  stages?: Partial<Record<Stage, { name?: string; column?: string }>>
  notify?: { events?: Config['notify']['events']; priorities?: Priority[] }
  postmortem?: {
    as?: 'issue' | 'comment' | 'pull_request'
    directory?: string
    template?: string
    label?: string
    followup_label?: string
    chase_after?: string
  }
  response_team?: string[]
  sweep?: { budget?: number; auto_resolve_alerts?: string; auto_resolve_people?: string; interval?: string }
  heartbeats?: { name: string; period: string; grace?: string; priority?: Priority; service?: string }[]
  changes?: RawChanges
  alerts?: {
    event_types?: string[]
    resolved_stage?: 'monitoring' | 'resolved'
    reopen_window?: string
    comment_interval?: string
    coalesce?: string
  }
  project?: {
    owner?: string
    number: number
    status_field?: string
    priority_field?: string
    started_field?: string
    resolved_field?: string
    service_field?: string
  }
}

/**
 * The fields a rule or score term can test: the form's (src/intake/facts.ts `fieldsOf`), the score,
 * and an alert's (src/domain/alert-facts.ts `alertFields`, plus `labels.<name>`). Any other name
 * would never match, silently: it is refused with the closest known name.
 */
export const RULE_FIELDS = [
  'impact',
  'users_affected',
  'data_loss',
  'security',
  'services',
  'detection',
  'summary',
  'score',
  'severity',
  'service',
  'source',
] as const

function fieldProblem(field: unknown, path: Path, allowed: readonly string[]): SchemaProblem | null {
  if (typeof field !== 'string' || allowed.includes(field) || /^labels\.[^.\s]+$/.test(field)) return null
  const hint = closest(field, [...allowed])
  return {
    path,
    message: `is \`${field}\`, which is not a field${hint ? `; did you mean \`${hint}\`?` : ''} (fields: ${allowed.join(', ')}, or \`labels.<name>\` for an alert's labels)`,
  }
}

function semanticProblems(raw: RawConfig): SchemaProblem[] {
  const out: SchemaProblem[] = []
  const visit = (c: Condition | undefined, path: Path): void => {
    if (!c || typeof c !== 'object') return
    if ('field' in c) {
      const bad = fieldProblem(c.field, [...path, 'field'], RULE_FIELDS)
      if (bad) out.push(bad)
      const tests = TESTS.filter((t) => t in c)
      if (tests.length === 0) out.push({ path, message: `tests nothing: add one of ${TESTS.join(', ')}` })
      if (tests.length > 1)
        out.push({ path, message: `has several tests (${tests.join(', ')}); use \`all\` to combine them` })
    } else if ('all' in c && Array.isArray(c.all)) c.all.forEach((x, i) => visit(x, [...path, 'all', i]))
    else if ('any' in c && Array.isArray(c.any)) c.any.forEach((x, i) => visit(x, [...path, 'any', i]))
    else if ('not' in c) visit(c.not, [...path, 'not'])
  }
  const names = new Map<string, string>()
  for (const st of STAGES) {
    const n = raw?.stages?.[st]?.name ?? st
    if (names.has(n))
      out.push({
        path: ['stages', st, 'name'],
        message: `repeats the name "${n}" of stage ${names.get(n)}; stage names must differ`,
      })
    names.set(n, st)
  }
  const beats = raw?.heartbeats
  if (Array.isArray(beats)) {
    const seen = new Map<string, number>()
    beats.forEach((h, i) => {
      const n = (h as { name?: unknown } | null)?.name
      if (typeof n !== 'string') return
      if (seen.has(n))
        out.push({
          path: ['heartbeats', i, 'name'],
          message: `repeats the name "${n}" of heartbeats[${seen.get(n)}]; heartbeat names must differ`,
        })
      else seen.set(n, i)
    })
  }
  const rules = raw?.classification?.rules
  if (Array.isArray(rules)) rules.forEach((r, i) => visit(r?.when, ['classification', 'rules', i, 'when']))
  const terms = raw?.classification?.score
  if (Array.isArray(terms)) {
    terms.forEach((t, i) => {
      // A score term cannot use the score it adds up to.
      const bad = fieldProblem(
        (t as { field?: unknown } | null)?.field,
        ['classification', 'score', i, 'field'],
        RULE_FIELDS.filter((f) => f !== 'score'),
      )
      if (bad) out.push(bad)
    })
  }
  return out
}

/** Merges a validated raw config over the defaults. */
export function resolveConfig(raw: RawConfig, source: string): Config {
  const props = CONFIG_SCHEMA.properties!
  const pDefaults = props.priorities!.properties!
  const priorities = {} as Record<Priority, PriorityPolicy>
  for (const p of PRIORITIES) {
    const d = pDefaults[p]!.properties!
    const r = raw.priorities?.[p] ?? {}
    const pick = <T>(k: keyof PriorityPolicy): T => (r[k] ?? d[k]!.default) as T
    priorities[p] = {
      description: pick<string>('description'),
      ack: parseDuration(pick<string>('ack'))!,
      update: parseDuration(pick<string>('update'))!,
      postmortem: pick<PriorityPolicy['postmortem']>('postmortem'),
      crisis: pick<boolean>('crisis'),
    }
  }
  const crisisDefaults = props.crisis!.properties!
  return {
    source,
    labels: {
      incident: raw.labels?.incident ?? 'incident',
      services: raw.labels?.services ?? true,
      allowedServices: raw.labels?.allowed_services ?? [],
    },
    intake: { holdUnconfirmed: raw.intake?.hold_unconfirmed ?? false },
    priorities,
    classification: {
      default: raw.classification?.default ?? 'P2',
      score: raw.classification?.score ?? [],
      rules: raw.classification?.rules ?? DEFAULT_RULES,
    },
    crisis: {
      mention: (raw.crisis?.mention ?? (crisisDefaults.mention!.default as string[])).map((m) =>
        m.startsWith('@') ? m : `@${m}`,
      ),
      checklist: raw.crisis?.checklist ?? (crisisDefaults.checklist!.default as string[]),
    },
    form: { headings: raw.form?.headings ?? {} },
    report: {
      windowDays: raw.report?.window_days ?? 7,
      historyWeeks: raw.report?.history_weeks ?? 12,
      sloTarget: raw.report?.slo_target ?? null,
      costPerHour: raw.report?.cost_per_hour ?? null,
      currency: raw.report?.currency ?? 'USD',
      downtimePriorities: raw.report?.downtime_priorities ?? ['P1', 'P2'],
      label: raw.report?.label ?? 'reliability-report',
      json: raw.report?.json ?? 'incidentops-report.json',
      scope: raw.report?.scope ?? 'repository',
    },
    stages: Object.fromEntries(
      STAGES.map((st) => {
        const d = props.stages!.properties![st]!.properties!
        return [
          st,
          {
            name: raw.stages?.[st]?.name ?? (d.name!.default as string),
            column: raw.stages?.[st]?.column ?? (d.column!.default as string),
          },
        ]
      }),
    ) as Config['stages'],
    notify: {
      events: raw.notify?.events ?? ['declared', 'priority', 'escalation', 'resolved'],
      priorities: raw.notify?.priorities ?? [...PRIORITIES],
    },
    postmortem: {
      as: raw.postmortem?.as ?? 'issue',
      directory: (raw.postmortem?.directory ?? 'docs/postmortems').replace(/\/+$/, ''),
      template: raw.postmortem?.template ?? null,
      label: raw.postmortem?.label ?? 'postmortem',
      followupLabel: raw.postmortem?.followup_label ?? 'incident-followup',
      chaseAfter: parseDuration(raw.postmortem?.chase_after ?? '3d')!,
    },
    escalation: (raw.escalation ?? []).map((l) => ({
      mention: l.mention.map(target),
      after: l.after ? parseDuration(l.after) : null,
    })),
    ...resolveOncall(raw),
    status: resolveStatus(raw.status),
    warnings: [],
    responseTeam: (raw.response_team ?? []).map(at),
    sweep: {
      budget: raw.sweep?.budget ?? 50,
      autoResolveAlerts: offOr(raw.sweep?.auto_resolve_alerts ?? '1h'),
      autoResolvePeople: offOr(raw.sweep?.auto_resolve_people ?? 'off'),
      interval: offOr(raw.sweep?.interval ?? 'off'),
    },
    heartbeats: (raw.heartbeats ?? []).map((h) => ({
      name: h.name,
      period: parseDuration(h.period)!,
      grace: parseDuration(h.grace ?? '5m')!,
      priority: h.priority ?? 'P2',
      service: h.service ?? null,
    })),
    changes: resolveChanges(raw.changes),
    alerts: {
      eventTypes: raw.alerts?.event_types ?? ['alert', 'incident'],
      resolvedStage: raw.alerts?.resolved_stage ?? 'monitoring',
      reopenWindow: parseDuration(raw.alerts?.reopen_window ?? '1h')!,
      commentInterval: parseDuration(raw.alerts?.comment_interval ?? '30m')!,
      coalesce: parseDuration(raw.alerts?.coalesce ?? '1m')!,
    },
    project: raw.project
      ? {
          owner: raw.project.owner ?? null,
          number: raw.project.number,
          statusField: raw.project.status_field ?? 'Status',
          priorityField: raw.project.priority_field ?? null,
          startedField: raw.project.started_field ?? null,
          resolvedField: raw.project.resolved_field ?? null,
          serviceField: raw.project.service_field ?? null,
        }
      : null,
  }
}

const at = (m: string): string => (m.startsWith('@') ? m : `@${m}`)
const offOr = (v: string): number | null => (v === 'off' ? null : parseDuration(v))

function configError(file: string, problems: ConfigProblem[]): ConfigError {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)
  return new ConfigError(
    `Invalid configuration in ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    problems,
  )
}

function positionOf(doc: Document, lc: LineCounter, path: Path, atKey: boolean): { line: number; col: number } {
  let node: unknown = doc.contents
  let lastGood: Node | null = (doc.contents as Node | null) ?? null
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg))
      if (!pair) break
      if (atKey && i === path.length - 1 && isScalar(pair.key)) {
        lastGood = pair.key
        break
      }
      node = pair.value
    } else if (
      node &&
      typeof node === 'object' &&
      'items' in node &&
      Array.isArray((node as { items: unknown[] }).items)
    ) {
      node = (node as { items: unknown[] }).items[Number(seg)]
    } else break
    if (node && typeof node === 'object' && 'range' in node) lastGood = node as Node
  }
  const offset = lastGood?.range?.[0] ?? 0
  return lc.linePos(offset)
}

function describePath(path: Path): string {
  if (path.length === 0) return 'the file'
  return '`' + path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') + '`'
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s
}
