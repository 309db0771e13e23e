/**
 * A seeded incident history on the emulator, built with its in-process helpers (no API requests):
 * issues with the labels and the bot-authored card the action would have written, whose record is
 * encoded with encodeRecord. Deterministic for a given seed. Used by the report e2e tests and the
 * benchmarks.
 *
 * Each incident also comes back as `truth`: its milestones as the generator made them (not as
 * src/domain/milestones.ts derives them), so tests can compute every figure independently.
 */
import type { Emulator } from '../emulator/index.js'
import { CARD_MARKER, encodeRecord, type IncidentRecord, type TimelineEvent } from '../domain/record.js'
import type { Priority } from '../config/types.js'
import type { Stage } from '../domain/stages.js'
import { mulberry32 } from '../emulator/faults.js'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const WEEK = 7 * DAY
export const BOT = 'github-actions[bot]'

export interface SeedOptions {
  /** The present: the emulator clock is left here. Incidents are declared over the `weeks` before it. */
  now: string
  count: number
  /** Default 12. */
  weeks?: number
  /** Default 1. */
  seed?: number
  /** Share of incidents whose only card is a forgery by a user (not trusted: counted from the issue's dates). Default 0.01. */
  forged?: number
  /** Share of incidents declared 13–20 weeks before `now` and still unresolved (carried over). Default 0.01. */
  old?: number
  /** Comments people add per incident (0–n, uniform); default 2. A few incidents get 30 to page past the card. */
  chatter?: number
}

/** What the generator made: the milestones as of `now` (null: not reached). */
export interface SeededIncident {
  number: number
  title: string
  priority: Priority
  services: string[]
  /** The source a reader should report: record.source, or what the declaration implies. */
  source: string
  state: 'open' | 'closed'
  stage: string
  startedAt: string
  declaredAt: string
  acknowledgedAt: string | null
  mitigatedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  dismissed: boolean
  /** False for the forged-card incidents (their figures come from the issue's dates). */
  carded: boolean
}

/** mulberry32 (the emulator's, for its fault dice): a small, fast, seedable PRNG. */
export const prng = mulberry32

const SERVICES = ['api', 'checkout', 'search', 'auth', 'db', 'web']
const SOURCES: [string, number][] = [
  ['form', 0.45],
  ['manual', 0.15],
  ['alertmanager', 0.25],
  ['grafana', 0.15],
]
const PRIORITIES: [Priority, number][] = [
  ['P1', 0.1],
  ['P2', 0.25],
  ['P3', 0.35],
  ['P4', 0.3],
]

/** ISO without milliseconds (GitHub's timestamps have whole seconds). */
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/**
 * Seeds `count` incidents into `repo` (which must exist) and returns them with their truth.
 * The emulator clock is moved while seeding (so comments and closes carry the right times) and
 * left at `now`.
 */
export function seedHistory(emu: Emulator, repo: string, o: SeedOptions): SeededIncident[] {
  const rnd = prng(o.seed ?? 1)
  const present = Date.parse(o.now)
  const weeks = o.weeks ?? 12
  const pick = <T>(table: [T, number][]): T => {
    let x = rnd()
    for (const [v, w] of table) if ((x -= w) < 0) return v
    return table[table.length - 1]![0]
  }
  const between = (lo: number, hi: number): number => lo + rnd() * (hi - lo)
  // Response times with a long tail: most quick, some slow.
  const tail = (median: number): number => median * Math.exp((rnd() - 0.5) * 3)
  const out: SeededIncident[] = []

  for (let k = 0; k < o.count; k++) {
    const old = rnd() < (o.old ?? 0.01)
    const declared = Math.floor(old ? present - between(13, 20) * WEEK : present - rnd() * weeks * WEEK)
    // The old ones still open are minor (a forgotten P1 would be down for months).
    const priority = old ? (rnd() < 0.5 ? 'P3' : 'P4') : pick(PRIORITIES)
    const source = pick(SOURCES)
    const nServices = Math.floor(rnd() * 3)
    const services = [
      ...new Set(Array.from({ length: nServices }, () => SERVICES[Math.floor(rnd() * SERVICES.length)]!)),
    ]
    const started = rnd() < 0.7 ? declared - Math.floor(rnd() * 90 * MIN) : declared
    const forged = rnd() < (o.forged ?? 0.01)
    const dismissed = !old && rnd() < 0.08
    const title = `${services[0] ?? 'site'} ${['errors', 'latency', 'outage', 'timeouts'][k % 4]} #${k + 1}`
    const author = source === 'alertmanager' || source === 'grafana' ? BOT : 'alice'

    const events: TimelineEvent[] = [
      {
        at: iso(declared),
        kind: 'declared',
        actor: author === BOT ? source : 'alice',
        via: source === 'form' ? 'form' : source === 'manual' ? 'label' : 'alert',
        to: priority,
      },
    ]
    let stage: Stage = 'triage'
    const t: Omit<
      SeededIncident,
      'number' | 'title' | 'priority' | 'services' | 'source' | 'state' | 'stage' | 'carded'
    > = {
      startedAt: iso(started),
      declaredAt: iso(declared),
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      closedAt: null,
      dismissed: false,
    }
    let closeAt: number | null = null
    let closeReason: 'completed' | 'not_planned' = 'completed'
    const move = (at: number, to: Stage, via: TimelineEvent['via'] = 'command'): boolean => {
      if (at > present) return false
      events.push({ at: iso(at), kind: 'stage', actor: 'bob', via, from: stage, to })
      stage = to
      return true
    }

    if (dismissed) {
      const at = declared + between(5 * MIN, 3 * HOUR)
      if (at <= present) {
        events.push({ at: iso(at), kind: 'dismissed', actor: 'bob', via: 'command', text: 'false alarm' })
        move(at, 'closed')
        t.dismissed = true
        // As the milestones define them: leaving Triage acknowledges, entering Closed resolves.
        t.acknowledgedAt = t.mitigatedAt = t.resolvedAt = t.closedAt = iso(at)
        closeAt = at
        closeReason = 'not_planned'
      }
    } else {
      // 15% of the P3/P4 ones are never acknowledged (still open); P1/P2 always are, soon.
      const neglected = (priority === 'P3' || priority === 'P4') && rnd() < 0.15
      const ack = declared + (neglected ? 200 * DAY : tail(priority === 'P1' ? 10 * MIN : 40 * MIN))
      const viaAck = rnd() < 0.5
      if (ack <= present) {
        if (viaAck) events.push({ at: iso(ack), kind: 'ack', actor: 'bob', via: 'command' })
        move(ack, 'investigating', viaAck ? 'command' : 'label')
        t.acknowledgedAt = iso(ack)
        const fixing = ack + between(2 * MIN, HOUR)
        const skipMonitoring = rnd() < 0.15
        const bounce = !skipMonitoring && rnd() < 0.15
        let mitigated = fixing + tail(old ? 60 * DAY : 2 * HOUR)
        if (move(fixing, 'fixing')) {
          let ok = true
          if (!skipMonitoring) {
            ok = move(mitigated, 'monitoring')
            if (ok) t.mitigatedAt = iso(mitigated)
            if (ok && bounce) {
              const back = mitigated + between(10 * MIN, HOUR)
              const again = back + between(10 * MIN, 2 * HOUR)
              if (move(back, 'investigating')) {
                t.mitigatedAt = null
                ok = move(again, 'monitoring')
                mitigated = again
                if (ok) t.mitigatedAt = iso(again)
              }
            }
          }
          const resolved = mitigated + (skipMonitoring ? 0 : tail(3 * HOUR))
          if (ok && move(resolved, 'resolved')) {
            t.resolvedAt = iso(resolved)
            if (skipMonitoring) t.mitigatedAt = iso(resolved)
            closeAt = resolved
            const required = priority === 'P1' || priority === 'P2'
            if (!required) {
              move(resolved, 'closed')
              t.closedAt = iso(resolved)
            } else if (rnd() < 0.6) {
              const pm = resolved + between(DAY, 3 * DAY)
              if (move(pm, 'postmortem') && rnd() < 0.6) {
                const closed = pm + between(DAY, 3 * DAY)
                if (move(closed, 'closed')) t.closedAt = iso(closed)
              }
            }
          }
        }
      }
    }

    const labels = ['incident', `priority/${priority}`, `stage/${stage}`, ...services.map((s) => `service/${s}`)]
    emu.clock.set(iso(declared))
    const issue = emu.createIssue(repo, {
      title,
      body: `### What is broken\n\n${title}`,
      labels,
      user: author,
      createdAt: iso(declared),
    })
    const record: IncidentRecord = {
      v: 1,
      number: issue.number,
      declaredAt: iso(declared),
      startedAt: iso(started),
      priority,
      prioritySource: 'rules',
      priorityReason: 'seeded',
      stage,
      impactDigest: 'seed',
      events,
      commander: null,
      processed: [],
    }
    // Half the records carry `source` (as the alerts work writes it); the others leave it to be inferred.
    if (rnd() < 0.5) record.source = source
    const card = `${CARD_MARKER}\n### ${priority} incident · ${stage}\n\n${encodeRecord(record)}`
    emu.createComment(repo, issue.number, forged ? { body: card, user: 'mallory' } : { body: card, user: BOT })
    const chatter = k % 97 === 0 ? 30 : Math.floor(rnd() * ((o.chatter ?? 2) + 1))
    for (let c = 0; c < chatter; c++) {
      emu.clock.set(iso(Math.min(present, declared + (c + 1) * MIN)))
      emu.createComment(repo, issue.number, { body: `looking (${c + 1})`, user: 'carol' })
    }
    if (closeAt !== null) {
      emu.clock.set(iso(closeAt))
      emu.editIssue(repo, issue.number, { state: 'closed', state_reason: closeReason }, 'bob')
    }
    const state: 'open' | 'closed' = closeAt !== null ? 'closed' : 'open'
    const seeded: SeededIncident = {
      number: issue.number,
      title,
      priority,
      services,
      source,
      state,
      stage,
      carded: !forged,
      ...t,
    }
    if (forged) {
      // Nothing of the forged record is trusted: the issue's own dates.
      const closedAt = closeAt !== null ? iso(closeAt) : null
      Object.assign(seeded, {
        source: 'unknown',
        startedAt: iso(declared),
        acknowledgedAt: null,
        mitigatedAt: null,
        resolvedAt: closedAt,
        closedAt,
        dismissed: closeReason === 'not_planned' && closeAt !== null,
      })
    }
    out.push(seeded)
  }
  emu.clock.set(o.now)
  return out
}
