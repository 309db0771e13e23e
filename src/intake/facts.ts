import type { Fields } from '../domain/classify.js'
import { slug } from '../domain/classify.js'
import type { ParsedForm } from './issue-form.js'
import type { FormFieldSpec } from './form-spec.js'
import { checkStartTime, type StartProblem } from './start-time.js'
import { utc } from '../render/time.js'

/** What we know about an incident's impact, from the form (or, later, from alerts). */
export interface IncidentFacts {
  summary: string | null
  /** ISO time the incident started, or null when unknown (then the creation counts). */
  startedAt: string | null
  impact: string | null
  usersAffected: number | null
  services: string[]
  dataLoss: boolean
  security: boolean
  detection: string | null
  links: string | null
  fromForm: boolean
  /** Human-readable notes on what was missing or not understood, for the card. */
  notes: string[]
  /** A start time written in the form but not used, and why (the reply and the card say so). */
  startRefused?: { text: string; problem: StartProblem; message: string }
}

const FIELD_NAMES: Record<string, string> = {
  summary: 'what is broken',
  started_at: 'when it started',
  impact: 'customer impact',
  users_affected: 'share of users affected',
  services: 'affected services',
  detection: 'how it was detected',
}

/** Reads "All users (100%)", "Very few users (under 1%)", "30%", "about 5 %" as a percentage (lower bound). */
export function parseShare(text: string | null): number | null {
  if (!text) return null
  const m =
    /(under|<|less than)?\s*(\d{1,3}(?:\.\d+)?)\s*(?:[–-]\s*\d{1,3}\s*)?%/i.exec(text) ??
    /^\s*(under|<)?\s*(\d{1,3}(?:\.\d+)?)\s*$/.exec(text)
  if (!m) return null
  const n = Number(m[2])
  if (!(n >= 0 && n <= 100)) return null
  return m[1] ? 0 : n
}

/** Splits "api, checkout / web" into service names fit for a `service/<name>` label. */
export function parseServices(text: string | null): string[] {
  if (!text) return []
  const out: string[] = []
  for (const part of text.split(/[,;\n/]+/)) {
    const s = slug(part).slice(0, 40)
    if (s && !out.includes(s)) out.push(s)
    if (out.length >= 10) break
  }
  return out
}

/** Turns the parsed form into facts, noting what was missing so the card can say it. */
export function factsFromForm(
  form: ParsedForm,
  spec: readonly FormFieldSpec[],
  reportedAt: Date,
  now?: Date,
): IncidentFacts {
  const str = (id: string): string | null => {
    const v = form.values[id]
    return typeof v === 'string' && v.trim() ? v.trim() : null
  }
  const notes: string[] = []
  if (!form.fromForm)
    notes.push(
      'Written without the incident form: impact unknown, so the default priority applies. Set it with `/priority P1`…`P4`, or edit the issue.',
    )
  else {
    const missing = form.missing.filter((id) => FIELD_NAMES[id])
    if (missing.length) notes.push(`Not stated: ${missing.map((id) => FIELD_NAMES[id]).join(', ')}.`)
  }
  let startedAt: string | null = null
  let startRefused: IncidentFacts['startRefused']
  const startText = str('started_at')
  if (startText) {
    // Relative times ("20 minutes ago") count from the report, so an edit later reads them the same.
    const parsed = checkStartTime(startText, reportedAt, now ?? reportedAt)
    if ('problem' in parsed) {
      const message =
        parsed.problem === 'future'
          ? `The start time (${utc(parsed.at!.toISOString())}) is in the future: the report time is used. Edit the form with when it started.`
          : parsed.problem === 'after-report'
            ? `The start time (${utc(parsed.at!.toISOString())}) is after the incident was reported (${utc(reportedAt.toISOString())}); an incident starts before it is reported: the report time is used. Edit the form with when it started.`
            : parsed.problem === 'too-old'
              ? 'The start time is more than 90 days before the report: the report time is used. Edit the form with when it started.'
              : 'The start time was not understood (write e.g. `2026-11-25 14:05 UTC` or `20 minutes ago`): the report time is used.'
      notes.push(message)
      startRefused = { text: startText, problem: parsed.problem, message }
    } else {
      startedAt = parsed.at.toISOString()
      if (parsed.assumedUtc) notes.push('The start time had no time zone: read as UTC.')
    }
  }
  const exposure = form.values.exposure
  const ticked = Array.isArray(exposure) ? exposure : []
  const options = spec.find((f) => f.id === 'exposure')?.options ?? []
  const impact = str('impact')
  const share = str('users_affected')
  const usersAffected = parseShare(share)
  if (share && usersAffected === null && slug(share) !== 'unknown')
    notes.push('The share of users affected was not understood.')
  return {
    summary: str('summary'),
    startedAt,
    impact: impact && slug(impact) !== 'none' ? slug(impact) : null,
    usersAffected,
    services: parseServices(str('services')),
    dataLoss: ticked.some((t) => slug(t) === slug(options[0] ?? 'data may have been lost')),
    security: ticked.some((t) => slug(t) === slug(options[1] ?? 'security')),
    detection: str('detection') ? slug(str('detection')!) : null,
    links: str('links'),
    fromForm: form.fromForm,
    notes,
    ...(startRefused ? { startRefused } : {}),
  }
}

/** The fields rules can test (see the docs' field list). */
export function fieldsOf(f: IncidentFacts): Fields {
  return {
    summary: f.summary,
    impact: f.impact,
    users_affected: f.usersAffected,
    services: f.services,
    data_loss: f.dataLoss,
    security: f.security,
    detection: f.detection,
  }
}
