/*
 * Hand-off notices: at each change of who is on call, the sweep posts "now on call: @x" on the
 * on-call issue, with the open incidents the schedule's escalation leads to. Pure.
 *
 * Once per hand-off whatever the sweep's timing: the on-call issue's record keeps, per schedule,
 * the person last announced. A sweep compares it with who is on call NOW, so a run that comes late,
 * or after dropped runs, announces only the latest hand-off (never a burst of the ones it missed),
 * and a re-run finds the record already saying so. The record is written before the notice: a run
 * that dies between the two loses that notice, never posts it twice.
 */
import type { Config } from '../config/types.js'
import type { IncidentRecord } from '../domain/record.js'
import { code, inline, neutralizeMentions } from '../render/markdown.js'
import { escalationChain } from './resolve.js'
import { scheduleTarget } from './config.js'
import { localTime, resolveAt } from './schedule.js'
import type { OncallRecord } from './store.js'

/** An open incident as the sweep read it. */
export interface OpenIncident {
  number: number
  title: string
  record: IncidentRecord | null
}

export interface HandoffNotice {
  schedule: string
  marker: string
  body: string
}

/** At most this many inherited incidents are listed in one notice (the rest are counted). */
const MAX_LISTED = 20

/**
 * The notices due at `now`, and the record with the hand-offs announced. A schedule seen for the
 * first time is recorded without a notice: its first notice is its first hand-off.
 */
export function planHandoffs(
  config: Pick<Config, 'oncall' | 'services' | 'escalation'>,
  previous: OncallRecord | null,
  now: string,
  open: readonly OpenIncident[],
): { record: OncallRecord; notices: HandoffNotice[]; changed: boolean } {
  const record: OncallRecord = structuredClone(previous ?? { v: 1, overrides: [], processed: [] })
  const handoffs = { ...(record.handoffs ?? {}) }
  const notices: HandoffNotice[] = []
  const t = Date.parse(now)
  let changed = false
  for (const s of config.oncall.schedules) {
    if (!s.channel) continue
    const r = resolveAt(
      s,
      t,
      record.overrides.filter((o) => o.schedule === s.name),
    )
    const last = handoffs[s.name]
    if (last && (last.who ?? null) === (r.who ?? null)) continue
    handoffs[s.name] = { who: r.who, at: now }
    changed = true
    if (!last) continue
    const mk = `<!-- incidentops:handoff:${s.name}:${now} -->`
    const theirs = open.filter(
      (i) =>
        i.record &&
        escalationChain(i.record.service, config).some((l) =>
          l.mention.some((m) => scheduleTarget(m)?.schedule === s.name),
        ),
    )
    const who = r.who ? `@${r.who}` : '_nobody_'
    const why = r.override
      ? `override${r.override.by ? ` asked by ${neutralizeMentions(`@${r.override.by}`)}` : ''}`
      : r.layer
        ? `layer ${code(r.layer, 40)}`
        : 'a gap in the schedule'
    const lines = [
      mk,
      `🔁 **Hand-off** · schedule ${code(s.name, 40)} · chat ${code(s.channel, 100)}`,
      '',
      `**Now on call: ${who}** (${why})${r.until ? ` until ${localTime(Date.parse(r.until), s.timeZone)}` : ''}, after ${last.who ? neutralizeMentions(`@${last.who}`) : '_nobody_'}.`,
      '',
    ]
    if (!theirs.length) lines.push(`No open incident escalates to ${code(`schedule:${s.name}`, 60)}.`)
    else {
      lines.push(`Open incidents ${r.who ? 'you inherit' : 'left without anyone on call'}:`)
      for (const i of theirs.slice(0, MAX_LISTED)) {
        const rec = i.record!
        lines.push(
          `- #${i.number} ${inline(i.title, 120)} · ${rec.priority} · ${rec.stage}${rec.commander ? ` · commander ${neutralizeMentions(`@${rec.commander}`)}` : ' · nobody in command'}`,
        )
      }
      if (theirs.length > MAX_LISTED) lines.push(`- and ${theirs.length - MAX_LISTED} more`)
    }
    notices.push({ schedule: s.name, marker: mk, body: lines.join('\n') })
  }
  if (changed) record.handoffs = handoffs
  return { record, notices, changed }
}
