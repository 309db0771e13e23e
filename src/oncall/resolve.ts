/*
 * From config and overrides to people: which service an incident belongs to, which escalation
 * chain it follows, and who a target (`schedule:<name>`, `@team`, `@person`) means at an instant.
 * Pure: the overrides recorded in the on-call issue are passed in.
 */
import type { Config, Service } from '../config/types.js'
import { layersAt, resolveAt, type Override } from './schedule.js'
import { scheduleTarget } from './config.js'

/** An override recorded for one schedule (a `/cover` command, or one from the config). */
export interface ScheduleOverride extends Override {
  schedule: string
}

/** What the pure core knows of the on-call state beyond the config: the `/cover` overrides. */
export interface OncallView {
  overrides: ScheduleOverride[]
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** The first catalog service that one of these names (form answers, an alert's service) means, by name or alias. */
export function serviceFor(names: readonly string[], config: Pick<Config, 'services'>): Service | null {
  for (const n of names) {
    const k = norm(n)
    const s = config.services.find((x) => norm(x.name) === k || x.aliases.some((a) => norm(a) === k))
    if (s) return s
  }
  return null
}

/**
 * The escalation chain of an incident of this service: the service's own, else the top-level one,
 * else (both empty) one level calling the service's owners. Empty: the assignees are called.
 */
export function escalationChain(
  service: string | undefined,
  config: Pick<Config, 'services' | 'escalation'>,
): { mention: string[]; after: number | null }[] {
  const s = service ? config.services.find((x) => x.name === service) : undefined
  if (s?.escalation?.length) return s.escalation
  if (config.escalation.length) return config.escalation
  return s?.owners.length ? [{ mention: s.owners, after: null }] : []
}

/** Whether any level an incident could reach names a schedule (only then may the overrides be needed). */
export function chainNamesSchedule(
  service: string | undefined,
  config: Pick<Config, 'services' | 'escalation'>,
): boolean {
  return escalationChain(service, config).some((l) => l.mention.some((m) => scheduleTarget(m) !== null))
}

export interface ResolvedTargets {
  /** `@login` and `@org/team` mentions, each once. */
  mentions: string[]
  /** One line per schedule: who it resolved to and why, for the comment and the log. */
  notes: string[]
  /** Each whole schedule named (not `schedule:<name>/<layer>`) and who it resolved to: its own paging channels apply. */
  schedules: { name: string; who: string | null }[]
}

/**
 * Resolves targets at `now`: people and teams stay as they are; `schedule:<name>` becomes whoever
 * is on call then (overrides included), `schedule:<name>/<layer>` that layer's person. A schedule
 * with nobody on call adds no mention, only a note saying so.
 */
export function resolveTargets(
  targets: readonly string[],
  config: Pick<Config, 'oncall'>,
  now: string,
  view: OncallView | null,
): ResolvedTargets {
  const mentions: string[] = []
  const notes: string[] = []
  const schedules: { name: string; who: string | null }[] = []
  const t = Date.parse(now)
  const add = (m: string): void => {
    if (!mentions.some((x) => x.toLowerCase() === m.toLowerCase())) mentions.push(m)
  }
  for (const target of targets) {
    const st = scheduleTarget(target)
    if (!st) {
      add(target)
      continue
    }
    const s = config.oncall.schedules.find((x) => x.name === st.schedule)
    if (!s) {
      notes.push(`schedule ${st.schedule}: not in the configuration`)
      continue
    }
    if (st.layer) {
      const who = layersAt(s, t).find((l) => l.layer === st.layer)?.who ?? null
      if (who) add(`@${who}`)
      notes.push(`schedule ${s.name}, layer ${st.layer}: ${who ? `@${who}` : 'nobody on call'}`)
      continue
    }
    const r = resolveAt(
      s,
      t,
      (view?.overrides ?? []).filter((o) => o.schedule === s.name),
    )
    if (r.who) add(`@${r.who}`)
    if (!schedules.some((x) => x.name === s.name)) schedules.push({ name: s.name, who: r.who })
    notes.push(
      `schedule ${s.name}: ${r.who ? `@${r.who}` : 'nobody on call'}${r.override ? ` (override${r.override.by ? ` asked by ${r.override.by}` : ''})` : r.layer ? ` (layer ${r.layer})` : ''}`,
    )
  }
  return { mentions, notes, schedules }
}
