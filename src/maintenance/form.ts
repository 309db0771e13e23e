/**
 * The scheduled-maintenance issue form (`.github/ISSUE_TEMPLATE/maintenance.yml`) as data, and the
 * checks of what it holds (pure). Liberal in what it accepts (a UTC time as `2026-12-10 14:00`,
 * with or without `UTC`/`Z`, or any ISO 8601 time with an offset; components by name, alias or
 * display name, in any case, separated by commas, spaces or lines), strict in what it refuses:
 * every problem is said at once, with what to write instead.
 */
import type { Service } from '../config/types.js'
import { parseIssueForm } from '../intake/issue-form.js'
import type { FormFieldSpec } from '../intake/form-spec.js'
import { defuseUserText } from '../render/markdown.js'

/** Mirrors .github/ISSUE_TEMPLATE/maintenance.yml (a unit test fails if they drift apart). */
export const MAINTENANCE_FORM: readonly FormFieldSpec[] = Object.freeze([
  { id: 'title', label: 'Public title', type: 'input', required: true },
  { id: 'start', label: 'Window start (UTC)', type: 'input', required: true },
  { id: 'end', label: 'Window end (UTC)', type: 'input', required: true },
  { id: 'components', label: 'Components', type: 'input', required: true },
  { id: 'text', label: 'Text for customers', type: 'textarea', required: true },
])

/**
 * Whether a body came from the maintenance form (at least one of its headings): a `maintenance`
 * label is common for chores, and an issue that never was a maintenance form is left alone.
 */
export function isMaintenanceForm(body: string | null | undefined): boolean {
  return parseIssueForm(body, MAINTENANCE_FORM).fromForm
}

/** Longest title and text, longest window (the record lives in one comment; a window of weeks is a project, not a maintenance). */
export const MAINTENANCE_LIMITS = Object.freeze({ title: 120, text: 2000, windowDays: 14 })

/** What a valid form holds. */
export interface MaintenanceFields {
  title: string
  /** ISO 8601 UTC. */
  start: string
  end: string
  /** Catalog service names, in the order written. */
  components: string[]
  text: string
}

const EXAMPLE = '`2026-12-10 14:00` (read as UTC) or ISO 8601 such as `2026-12-10T14:00:00Z`'

/**
 * A time as people write a maintenance window: `YYYY-MM-DD HH:MM[:SS]` (UTC, with or without
 * `UTC`, `GMT` or `Z`), or ISO 8601 with `T` and an optional offset (`+01:00`, `+0100`, `Z`).
 * Returns null when it is not one of these or names a day or hour that does not exist.
 */
export function parseWindowTime(text: string): Date | null {
  const t = text.trim().replace(/\s+/g, ' ').slice(0, 60)
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?\s*(z|Z|utc|UTC|gmt|GMT|[+-]\d{2}:?\d{2})?$/.exec(
      t,
    )
  if (!m) return null
  const [, y, mo, d, h, mi, s = '00', zone] = m
  const hh = h!.padStart(2, '0')
  if (Number(hh) > 23 || Number(mi) > 59 || Number(s) > 59) return null
  const z =
    !zone || /^(z|utc|gmt)$/i.test(zone) ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
  const at = new Date(`${y}-${mo}-${d}T${hh}:${mi}:${s}${z}`)
  if (Number.isNaN(at.getTime())) return null
  // `2026-02-30` is not refused by Date: check that the day written is the day read (in its own zone).
  const local = new Date(at.getTime() + offsetMs(z))
  if (local.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null
  return at
}

function offsetMs(z: string): number {
  if (z === 'Z') return 0
  const sign = z.startsWith('-') ? -1 : 1
  return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(4, 6))) * 60_000
}

/** The catalog service a word names: by name, alias or display name, case and spacing ignored. */
function serviceNamed(word: string, catalog: readonly Service[]): Service | undefined {
  const w = word.toLowerCase().trim()
  return catalog.find(
    (s) =>
      s.name === w || s.aliases.some((a) => a.toLowerCase() === w) || (s.displayName ?? '').toLowerCase().trim() === w,
  )
}

/**
 * Reads the components answer: by display name when it is written whole (`Public API`), else
 * split on commas, semicolons, new lines and spaces. Unknown names are returned apart.
 */
export function parseComponents(text: string, catalog: readonly Service[]): { names: string[]; unknown: string[] } {
  const names: string[] = []
  const unknown: string[] = []
  const add = (s: Service): void => {
    if (!names.includes(s.name)) names.push(s.name)
  }
  for (const part of text
    .split(/[,;\n]/)
    .map((p) => p.replace(/^\s*[-*]\s+(\[[ xX]\]\s*)?/, '').trim())
    .filter(Boolean)) {
    const whole = serviceNamed(part, catalog)
    if (whole) {
      add(whole)
      continue
    }
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const s = serviceNamed(word, catalog)
      if (s) add(s)
      else if (!unknown.includes(word)) unknown.push(word)
    }
  }
  return { names, unknown }
}

/**
 * Checks a maintenance issue's body. `now` (GitHub's clock) refuses a window that has already
 * ended. Returns the fields, or every problem found, each saying what to write instead.
 */
export function readMaintenanceForm(
  body: string,
  catalog: readonly Service[],
  now: Date,
): { fields: MaintenanceFields } | { problems: string[] } {
  const parsed = parseIssueForm(body, MAINTENANCE_FORM)
  const v = (id: string): string => {
    const x = parsed.values[id]
    return typeof x === 'string' ? x.trim() : ''
  }
  const problems: string[] = []
  const title = v('title').replace(/\s+/g, ' ')
  if (!title) problems.push('**Public title** is empty: write the title customers will read, e.g. `Database upgrade`.')
  else if (title.length > MAINTENANCE_LIMITS.title)
    problems.push(`**Public title** has ${title.length} characters: write at most ${MAINTENANCE_LIMITS.title}.`)
  const times: Record<'start' | 'end', Date | null> = { start: null, end: null }
  for (const [id, what] of [
    ['start', 'Window start (UTC)'],
    ['end', 'Window end (UTC)'],
  ] as const) {
    const raw = v(id)
    if (!raw) {
      problems.push(`**${what}** is empty: write it as ${EXAMPLE}.`)
      continue
    }
    times[id] = parseWindowTime(raw)
    if (!times[id]) problems.push(`**${what}**: \`${shown(raw)}\` is not a time I can read; write it as ${EXAMPLE}.`)
  }
  const { start, end } = times
  if (start && end) {
    if (end.getTime() <= start.getTime())
      problems.push(
        `The window ends (${utc(end)}) before it starts (${utc(start)}): **Window end (UTC)** must be after **Window start (UTC)**.`,
      )
    else if (end.getTime() - start.getTime() > MAINTENANCE_LIMITS.windowDays * 86_400_000)
      problems.push(
        `The window lasts more than ${MAINTENANCE_LIMITS.windowDays} days (${utc(start)} to ${utc(end)}): split it into several maintenances.`,
      )
    else if (end.getTime() <= now.getTime())
      problems.push(
        `The window has already ended (${utc(end)}; it is now ${utc(now)}): correct the dates, or close this issue.`,
      )
  }
  const comp = v('components')
  let components: string[] = []
  if (catalog.length === 0)
    problems.push(
      'The config (`.github/incidents.yml`) has no `services:`: the status page has no component to put under maintenance. Add the services first.',
    )
  else if (!comp)
    problems.push(
      `**Components** is empty: name one or more of ${catalog.map((s) => `\`${s.name}\``).join(', ')}, separated by commas.`,
    )
  else {
    const r = parseComponents(comp, catalog)
    components = r.names
    if (r.unknown.length)
      problems.push(
        `**Components**: ${r.unknown
          .slice(0, 10)
          .map((u) => `\`${shown(u)}\``)
          .join(
            ', ',
          )} ${r.unknown.length === 1 ? 'is' : 'are'} not in the services catalog; write one or more of ${catalog.map((s) => `\`${s.name}\``).join(', ')}.`,
      )
    else if (!components.length) problems.push('**Components** names no service.')
  }
  const text = v('text')
  if (!text) problems.push('**Text for customers** is empty: say what will happen and what customers will notice.')
  else if (text.length > MAINTENANCE_LIMITS.text)
    problems.push(`**Text for customers** has ${text.length} characters: write at most ${MAINTENANCE_LIMITS.text}.`)
  if (problems.length) return { problems }
  return {
    fields: { title, start: start!.toISOString(), end: end!.toISOString(), components, text },
  }
}

/** A time as the replies and the card show it: `2026-12-10 14:00 UTC`. */
export const utc = (t: Date | string): string => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/** What someone wrote, quoted back in a code span: one line, bounded, no backtick to break out of it. */
function shown(text: string): string {
  const t = text.replace(/\s+/g, ' ').replace(/`/g, "'")
  return defuseUserText(t.length > 60 ? `${t.slice(0, 60)}…` : t)
}
