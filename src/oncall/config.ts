/*
 * The `oncall` and `services` sections: checks a schema cannot make (time zones, times that parse,
 * schedules that exist, names that repeat), their resolution into the typed config, and the
 * warnings `validate` prints (an hour of the week with nobody on call).
 */
import type { Path, SchemaProblem } from '../config/validate.js'
import { parseDuration } from '../config/duration.js'
import type { Config, Service } from '../config/types.js'
import {
  gaps,
  isValidZone,
  localTime,
  parseClock,
  parseLocal,
  parseRotation,
  WEEKDAYS,
  type Override,
  type Schedule,
  type Segment,
  type Weekday,
} from './schedule.js'

type RawRestriction = { days?: Weekday[]; from: string; to: string }
type RawLayer = { name?: string; members: string[]; rotation: string; start: string; restrictions?: RawRestriction[] }
type RawOverride = { who: string; from: string; to: string; reason?: string }
type RawSchedule = { name: string; time_zone: string; layers: RawLayer[]; overrides?: RawOverride[]; channel?: string }
type RawLevel = { mention: string[]; after?: string }
type RawService = {
  name: string
  aliases?: string[]
  owners?: string[]
  runbook?: string
  paths?: string[]
  channel?: string
  escalation?: RawLevel[]
  display_name?: string
  group?: string
  order?: number
}

/** The raw (validated against the schema) sections this module reads. */
export interface RawOncallConfig {
  oncall?: { label?: string; schedules?: RawSchedule[] }
  services?: RawService[]
  escalation?: RawLevel[]
}

const arr = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : [])
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const login = (m: string): string => m.replace(/^@/, '')

/** The schedule a target names (`schedule:<name>` or `schedule:<name>/<layer>`), or null. */
export function scheduleTarget(target: string): { schedule: string; layer: string | null } | null {
  const m = /^schedule:([a-z0-9][a-z0-9-]*)(?:\/(.+))?$/.exec(target)
  return m ? { schedule: m[1]!, layer: m[2] ?? null } : null
}

/** Problems in the on-call and services sections that the schema cannot see, each at its path. */
export function oncallProblems(raw: RawOncallConfig): SchemaProblem[] {
  const out: SchemaProblem[] = []
  const schedules = arr(raw?.oncall?.schedules).filter(obj) as RawSchedule[]
  const layersOf = new Map<string, string[]>()
  schedules.forEach((s, i) => {
    const at = (...p: (string | number)[]): Path => ['oncall', 'schedules', i, ...p]
    if (typeof s.name === 'string') {
      if (layersOf.has(s.name))
        out.push({ path: at('name'), message: `repeats the schedule name "${s.name}"; schedule names must differ` })
      layersOf.set(
        s.name,
        arr(s.layers).map((l, j) => (obj(l) && typeof l.name === 'string' ? l.name : `layer-${j + 1}`)),
      )
    }
    const zoneOk = typeof s.time_zone === 'string' && isValidZone(s.time_zone)
    if (typeof s.time_zone === 'string' && !zoneOk)
      out.push({
        path: at('time_zone'),
        message: `is "${s.time_zone}", which is not an IANA time zone; write it like Europe/Berlin, America/New_York or UTC`,
      })
    const zone = zoneOk ? s.time_zone : 'UTC'
    const names = new Set<string>()
    arr(s.layers).forEach((l, j) => {
      if (!obj(l)) return
      const name = typeof l.name === 'string' ? l.name : `layer-${j + 1}`
      if (names.has(name))
        out.push({
          path: at('layers', j, 'name'),
          message: `repeats the layer name "${name}"; layer names in a schedule must differ`,
        })
      names.add(name)
      if (typeof l.start === 'string' && !parseLocal(l.start, zone))
        out.push({
          path: at('layers', j, 'start'),
          message: `is "${l.start}", which is not a date: write it like 2026-11-30 09:00`,
        })
      arr(l.restrictions).forEach((r, k) => {
        if (obj(r) && typeof r.from === 'string' && r.from === r.to)
          out.push({
            path: at('layers', j, 'restrictions', k),
            message:
              'starts and ends at the same time; for the whole day write `from: "00:00"`, `to: "24:00"`, or leave the restriction out',
          })
        if (obj(r) && r.from === '24:00')
          out.push({ path: at('layers', j, 'restrictions', k, 'from'), message: 'cannot be 24:00; write 00:00' })
      })
    })
    arr(s.overrides).forEach((o, k) => {
      if (!obj(o) || typeof o.from !== 'string' || typeof o.to !== 'string') return
      const from = parseLocal(o.from, zone)
      const to = parseLocal(o.to, zone)
      if (!from)
        out.push({
          path: at('overrides', k, 'from'),
          message: `is "${o.from}", which is not a date: write it like 2026-12-06 09:00`,
        })
      if (!to)
        out.push({
          path: at('overrides', k, 'to'),
          message: `is "${o.to}", which is not a date: write it like 2026-12-06 09:00`,
        })
      if (from && to && to.toMillis() <= from.toMillis())
        out.push({
          path: at('overrides', k, 'to'),
          message: `(${o.to}) is not after \`from\` (${o.from}): an override must end after it starts`,
        })
    })
  })
  const checkTargets = (targets: unknown, path: Path): void => {
    arr(targets as string[]).forEach((t, i) => {
      if (typeof t !== 'string') return
      const st = scheduleTarget(t)
      if (!st) return
      const layers = layersOf.get(st.schedule)
      if (!layers)
        out.push({
          path: [...path, i],
          message: `names the schedule "${st.schedule}", which is not under \`oncall.schedules\`${layersOf.size ? ` (schedules: ${[...layersOf.keys()].join(', ')})` : ''}`,
        })
      else if (st.layer && !layers.includes(st.layer))
        out.push({
          path: [...path, i],
          message: `names the layer "${st.layer}", which schedule "${st.schedule}" does not have (layers: ${layers.join(', ')})`,
        })
    })
  }
  arr(raw?.escalation).forEach((l, i) => obj(l) && checkTargets(l.mention, ['escalation', i, 'mention']))
  const seen = new Map<string, string>()
  arr(raw?.services).forEach((s, i) => {
    if (!obj(s)) return
    checkTargets(s.owners, ['services', i, 'owners'])
    arr(s.escalation).forEach((l, j) => obj(l) && checkTargets(l.mention, ['services', i, 'escalation', j, 'mention']))
    for (const [n, path] of [
      [s.name, ['services', i, 'name']] as const,
      ...arr(s.aliases).map((a, k) => [a, ['services', i, 'aliases', k]] as const),
    ]) {
      if (typeof n !== 'string') continue
      const key = n.toLowerCase()
      if (seen.has(key))
        out.push({
          path,
          message: `"${n}" is already the name or an alias of service ${seen.get(key)}; each name must lead to one service`,
        })
      else seen.set(key, String(s.name))
    }
  })
  return out
}

/** The typed on-call and services sections (after oncallProblems found nothing). */
export function resolveOncall(raw: RawOncallConfig): Pick<Config, 'oncall' | 'services'> {
  const schedules: Schedule[] = arr(raw.oncall?.schedules).map((s) => ({
    name: s.name,
    timeZone: s.time_zone,
    layers: s.layers.map((l, j) => ({
      name: l.name ?? `layer-${j + 1}`,
      members: l.members.map(login),
      rotation: parseRotation(l.rotation)!,
      start: l.start,
      restrictions: arr(l.restrictions).map((r) => ({
        days: r.days ?? [...WEEKDAYS],
        from: parseClock(r.from)!,
        to: parseClock(r.to, true)!,
      })),
    })),
    overrides: arr(s.overrides).map((o): Override => ({
      who: login(o.who),
      from: parseLocal(o.from, s.time_zone)!.toMillis(),
      to: parseLocal(o.to, s.time_zone)!.toMillis(),
      source: 'config',
      ...(o.reason ? { reason: o.reason } : {}),
    })),
    ...(s.channel ? { channel: s.channel } : {}),
  }))
  const level = (l: RawLevel): { mention: string[]; after: number | null } => ({
    mention: l.mention.map(target),
    after: l.after ? parseDuration(l.after) : null,
  })
  const services: Service[] = arr(raw.services).map((s) => ({
    name: s.name,
    aliases: arr(s.aliases),
    owners: arr(s.owners).map(target),
    runbook: s.runbook ?? null,
    paths: arr(s.paths),
    channel: s.channel ?? null,
    // Only the status page reads these: present when written, as the schedules' channel.
    ...(s.display_name ? { displayName: s.display_name } : {}),
    ...(s.group ? { group: s.group } : {}),
    ...(s.order !== undefined ? { order: s.order } : {}),
    escalation: s.escalation ? s.escalation.map(level) : null,
  }))
  return { oncall: { label: raw.oncall?.label ?? 'incidentops-oncall', schedules }, services }
}

/** A target as the rest of the code expects it: schedules as written, `team:org/t` as `@org/t`, people with their `@`. */
export function target(t: string): string {
  if (t.startsWith('schedule:')) return t
  if (t.startsWith('team:')) return `@${t.slice(5)}`
  return t.startsWith('@') ? t : `@${t}`
}

/** How far the coverage check looks: two weeks from the last layer's start (restrictions repeat weekly). */
const CHECK_DAYS = 14

function coverageWindow(s: Schedule): [number, number] {
  const start = Math.max(...s.layers.map((l) => parseLocal(l.start, s.timeZone)!.toMillis()))
  return [start, start + CHECK_DAYS * 86_400_000]
}

function describeGap(g: Segment, zone: string): string {
  return `from ${localTime(g.from, zone)} to ${localTime(g.to, zone)}`
}

/**
 * Warnings (the file is still valid): a schedule with an uncovered stretch in the two weeks after
 * its last layer starts. Errors (returned apart): an escalation chain made only of schedules that
 * can all be uncovered at once, which would page nobody.
 */
export function coverageProblems(config: Pick<Config, 'oncall' | 'services' | 'escalation'>): {
  warnings: SchemaProblem[]
  errors: SchemaProblem[]
} {
  const warnings: SchemaProblem[] = []
  const errors: SchemaProblem[] = []
  const gapsOf = new Map<string, Segment[]>()
  config.oncall.schedules.forEach((s, i) => {
    // Config overrides are temporary: coverage is judged on the layers alone.
    const bare: Schedule = { ...s, overrides: [] }
    const [from, to] = coverageWindow(bare)
    const g = gaps(bare, from, to)
    gapsOf.set(s.name, g)
    if (g.length) {
      const shown = g.slice(0, 3).map((x) => describeGap(x, s.timeZone))
      warnings.push({
        path: ['oncall', 'schedules', i, 'layers'],
        message: `leave nobody on call ${shown.join('; ')}${g.length > 3 ? ` (and ${g.length - 3} more stretches in the two weeks checked)` : ''}: an escalation to schedule:${s.name} then calls nobody. Add a layer or widen a restriction.`,
      })
    }
  })
  const chains: { path: Path; levels: { mention: string[] }[] }[] = [
    { path: ['escalation'], levels: config.escalation },
    ...config.services.flatMap((s, i) =>
      s.escalation ? [{ path: ['services', i, 'escalation'] as Path, levels: s.escalation }] : [],
    ),
  ]
  for (const c of chains) {
    const targets = c.levels.flatMap((l) => l.mention)
    if (!targets.length || targets.some((t) => !scheduleTarget(t))) continue
    const names = [...new Set(targets.map((t) => scheduleTarget(t)!.schedule))]
    let common: [number, number][] | null = null
    for (const n of names) {
      const g = (gapsOf.get(n) ?? []).map((x): [number, number] => [x.from, x.to])
      common = common === null ? g : intersect(common, g)
    }
    if (common && common.length) {
      const s = config.oncall.schedules.find((x) => x.name === names[0])!
      errors.push({
        path: c.path,
        message: `can call nobody: every level names a schedule, and ${names.map((n) => `"${n}"`).join(', ')} ${names.length > 1 ? 'are all' : 'is'} uncovered ${describeGap({ from: common[0]![0], to: common[0]![1], who: null, layer: null, override: null }, s.timeZone)}. Add a person or team to a level, or cover the gap.`,
      })
    }
  }
  return { warnings, errors }
}

function intersect(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = []
  for (const [x1, y1] of a)
    for (const [x2, y2] of b) if (Math.max(x1, x2) < Math.min(y1, y2)) out.push([Math.max(x1, x2), Math.min(y1, y2)])
  return out.sort((p, q) => p[0] - q[0])
}
