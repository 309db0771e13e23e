/* `incidentops oncall`: who is on call, from the schedules in the configuration file. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '../config/load.js'
import { ConfigError, getErrorMessage } from '../errors.js'
import { parseCommand, type CommandSpec } from './args.js'
import { usage } from './index.js'
import { iso, localTime, upcoming, type Override, type Resolution, type Schedule } from '../oncall/schedule.js'
import { scheduleIcs } from '../oncall/ics.js'

export const ONCALL_HELP = `incidentops oncall [--schedule S] [--at ISO] [--next N] [--json] [--config FILE]
incidentops oncall --ics [--schedule S] [--at ISO] [--days N] [--out DIR] [--config FILE]

Who is on call, computed from the schedules under \`oncall.schedules\` in the configuration
(default .github/incidents.yml), with the overrides written there. Overrides made with \`/cover\`
live in the repository's on-call issue; \`/oncall\` in any issue answers with them included.

  --schedule S   Only this schedule (default: all).
  --at ISO       The instant asked about (default: now), e.g. 2026-12-06T09:00:00Z.
  --next N       Also the next N changes (hand-offs, overrides, gaps).
  --json         JSON: a list with, per schedule, {schedule, time, who, layer, until, override,
                 next}; override is null or {who, from, to, source, by, reason}; times are ISO UTC.
  --ics          An iCalendar file of the schedule (one event per shift) from --at for --days
                 (default 56): printed, or with --out DIR written as DIR/<schedule>.ics.

Exit 0 success, 1 the configuration is invalid or the schedule unknown, 2 usage error.`

const SPEC = {
  options: {
    schedule: { type: 'string' },
    at: { type: 'string' },
    next: { type: 'string' },
    json: { type: 'boolean' },
    ics: { type: 'boolean' },
    days: { type: 'string' },
    out: { type: 'string' },
    config: { type: 'string' },
  },
  maxPositionals: 0,
} satisfies CommandSpec<{
  schedule: { type: 'string' }
  at: { type: 'string' }
  next: { type: 'string' }
  json: { type: 'boolean' }
  ics: { type: 'boolean' }
  days: { type: 'string' }
  out: { type: 'string' }
  config: { type: 'string' }
}>

type Print = (s: string) => void

/** The JSON form of an override (documented in the help and docs/oncall.md). */
export function overrideJson(o: Override | null): Record<string, string | null> | null {
  return o
    ? { who: o.who, from: iso(o.from), to: iso(o.to), source: o.source, by: o.by ?? null, reason: o.reason ?? null }
    : null
}

const answerJson = (r: Resolution) => ({
  time: r.time,
  who: r.who,
  layer: r.layer,
  until: r.until,
  override: overrideJson(r.override),
})

/** Runs `incidentops oncall`; `now` (the machine's clock) and `write` (raw stdout, for the CRLF calendar) are injectable. */
export function oncallCommand(
  args: string[],
  out: Print,
  err: Print,
  now: () => number = Date.now,
  write: Print = (t) => process.stdout.write(t),
): number {
  const parsed = parseCommand(args, SPEC)
  if (parsed.kind === 'help') {
    out(ONCALL_HELP)
    return 0
  }
  if (parsed.kind === 'usage') return usage(err, parsed.message, ONCALL_HELP)
  const v = parsed.values
  const count = (name: string, text: string | undefined, def: number, max: number): number | string => {
    if (text === undefined) return def
    const n = Number(text)
    return Number.isInteger(n) && n >= 0 && n <= max
      ? n
      : `--${name} must be a whole number from 0 to ${max}, not "${text}".`
  }
  const next = count('next', v.next, 0, 500)
  const days = count('days', v.days, 56, 800)
  if (typeof next === 'string') return usage(err, next, ONCALL_HELP)
  if (typeof days === 'string') return usage(err, days, ONCALL_HELP)
  const at = v.at === undefined ? now() : Date.parse(v.at)
  if (Number.isNaN(at) || (v.at !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(v.at)))
    return usage(err, `--at must be an ISO date and time, e.g. 2026-12-06T09:00:00Z, not "${v.at}".`, ONCALL_HELP)
  if (v.out !== undefined && !v.ics) return usage(err, '--out goes with --ics.', ONCALL_HELP)

  const file = v.config ?? '.github/incidents.yml'
  if (!existsSync(file)) {
    err(
      `${file}: no such file. On-call schedules are read from the configuration; pass --config FILE for another path.`,
    )
    return 1
  }
  let schedules: Schedule[]
  try {
    schedules = loadConfig(readFileSync(file, 'utf8'), file).oncall.schedules
  } catch (error: unknown) {
    err(error instanceof ConfigError ? error.message : `${file}: ${getErrorMessage(error)}`)
    return 1
  }
  if (schedules.length === 0) {
    err(`${file} has no schedules: add them under \`oncall.schedules\` (docs/oncall.md).`)
    return 1
  }
  if (v.schedule !== undefined) {
    schedules = schedules.filter((s) => s.name === v.schedule)
    if (schedules.length === 0) {
      err(`There is no schedule "${v.schedule}" in ${file}.`)
      return 1
    }
  }

  if (v.ics) {
    const to = at + days * 86_400_000
    if (v.out === undefined) {
      if (schedules.length > 1)
        return usage(
          err,
          `--ics prints one schedule: pick it with --schedule (${schedules.map((s) => s.name).join(', ')}), or write them all with --out DIR.`,
          ONCALL_HELP,
        )
      write(scheduleIcs(schedules[0]!, at, to))
      return 0
    }
    mkdirSync(v.out, { recursive: true })
    for (const s of schedules) {
      const path = join(v.out, `${s.name}.ics`)
      writeFileSync(path, scheduleIcs(s, at, to))
      out(`wrote ${path}`)
    }
    return 0
  }

  const answers = schedules.map((s) => {
    const [first, ...rest] = upcoming(s, at, next + 1)
    return { s, first: first!, rest }
  })
  if (v.json) {
    out(
      JSON.stringify(
        answers.map((a) => ({ schedule: a.s.name, ...answerJson(a.first), next: a.rest.map(answerJson) })),
        null,
        2,
      ),
    )
    return 0
  }
  for (const a of answers) {
    out(`${a.s.name} (${a.s.timeZone}):`)
    for (const r of [a.first, ...a.rest]) out(`  ${describeAnswer(r, a.s.timeZone, r === a.first)}`)
  }
  return 0
}

function describeAnswer(r: Resolution, zone: string, first: boolean): string {
  const when = first ? 'now' : `from ${localTime(Date.parse(r.time), zone)}`
  const who = r.who ? `@${r.who}` : 'nobody'
  const why = r.override
    ? `override${r.override.by ? ` by @${r.override.by}` : ''}${r.override.reason ? `: ${r.override.reason}` : ''}`
    : r.layer
      ? `layer ${r.layer}`
      : 'a gap'
  return `${when}: ${who} (${why})${r.until ? `, until ${localTime(Date.parse(r.until), zone)}` : ''}`
}
