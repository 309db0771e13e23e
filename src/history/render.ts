/**
 * Markdown for similar past incidents (the card's section and the `/similar` reply) and for the
 * report's forecast. Titles, causes, keys and services are user text: every piece goes through
 * inline() or code() (src/render/markdown.ts), so no mention pings, no marker or markdown escapes.
 */
import { formatDuration } from '../config/duration.js'
import { code, inline } from '../render/markdown.js'
import type { Forecast, SeriesForecast } from './forecast.js'
import type { ModelName } from './count-models.js'
import type { Match, PastIncident, Reason } from './similar.js'
import type { SimilarEntry, SimilarState } from './similar-state.js'

/** The record's entry for a match (what the card will keep showing). */
export function toEntry(m: Match): SimilarEntry {
  const p: PastIncident = m.incident
  return {
    number: p.number,
    title: p.title,
    reasons: m.reasons,
    end: p.end,
    minutes: p.minutes,
    cause: p.cause,
    postmortem: p.postmortem,
    followups: p.followups,
  }
}

function reasonText(r: Reason): string {
  switch (r.kind) {
    case 'alert-key':
      return `same alert key ${code(r.key, 80)}`
    case 'service':
      return `same service ${r.services.map((s) => code(s, 40)).join(', ')}`
    case 'terms':
      return `shared terms ${r.terms.map((t) => code(t, 30)).join(', ')}`
    case 'paths':
      return `same suspect paths ${r.paths.map((p) => code(p, 80)).join(', ')}`
  }
}

function endText(e: SimilarEntry): string {
  const parts: string[] = []
  if (e.end === 'dismissed') parts.push('dismissed as a false alarm')
  else if (e.end === 'open') parts.push('still open')
  else parts.push(e.minutes !== null ? `resolved in ${formatDuration(e.minutes * 60_000)}` : 'resolved')
  if (e.cause) parts.push(`last update: “${inline(e.cause, 140)}”`)
  parts.push(e.postmortem ? `postmortem #${e.postmortem}` : 'no postmortem')
  const fo = e.followups.open
  if (fo.length || e.followups.closed)
    parts.push(
      `follow-ups: ${fo.length ? `${fo.length} open (${fo.map((n) => `#${n}`).join(', ')})` : 'none open'}, ${e.followups.closed} closed`,
    )
  return parts.join(' · ')
}

/** The lines of the similar-incidents list (no heading). */
export function similarLines(s: SimilarState): string[] {
  const lines: string[] = []
  // Not searched (the note says why): "none found" would claim a search that did not happen.
  if (s.matches.length === 0 && !s.note)
    lines.push('_None found: no past incident shares an alert key, a service, a suspect path or a term with this one._')
  s.matches.forEach((e, i) => {
    lines.push(`${i + 1}. #${e.number} ${inline(e.title, 80)}`)
    lines.push(`   - **Why:** ${e.reasons.map(reasonText).join('; ')}`)
    lines.push(`   - **How it ended:** ${endText(e)}`)
  })
  if (s.recurrenceOf !== null) {
    const best = s.matches.find((m) => m.number === s.recurrenceOf)
    lines.push(
      '',
      `> [!WARNING]\n> **Possible recurrence** of #${s.recurrenceOf}: it happened less than 30 days before this one, and its follow-ups ${(best?.followups.open ?? []).map((n) => `#${n}`).join(', ')} are still open.`,
    )
  }
  if (s.note) lines.push(...(lines.length ? [''] : []), `_${s.note}_`)
  return lines
}

/** The card's section. */
export function similarSection(s: SimilarState): string[] {
  return ['#### Similar past incidents', '', ...similarLines(s), '']
}

const MODEL_TEXT: Record<ModelName, string> = {
  poisson: 'Poisson, constant rate',
  'poisson-trend': 'Poisson with a trend',
  negbin: 'negative binomial (over-dispersed)',
  'negbin-trend': 'negative binomial with a trend',
  'poisson-seasonal': 'Poisson with trend and a yearly season',
}

const pct = (x: number): string => `${Math.round(x * 100)} %`
const num = (x: number): string => (x < 10 ? x.toFixed(1) : String(Math.round(x)))
const range = (i: { lo: number; hi: number }): string => (i.lo === i.hi ? String(i.lo) : `${i.lo}–${i.hi}`)

function cell(s: SeriesForecast, w: number): string {
  const f = s.weeks[w]!
  return `${num(f.mean)} (${range(f.i80)}; ${range(f.i95)})`
}

/** The report's forecast section (markdown). */
export function renderForecast(f: Forecast): string {
  const lines = ['### Forecast: the next 4 weeks', '']
  if (f.status === 'not-enough-history') {
    lines.push(
      `_Not enough history: ${f.weeks} whole week${f.weeks === 1 ? '' : 's'} of incidents, and a forecast needs at least ${f.minWeeks}._`,
    )
    return lines.join('\n')
  }
  lines.push(
    `Expected incidents per week, with the 80 % and 95 % predictive intervals in brackets, from ${f.weeks} weeks of history. Counts are whole numbers, so each interval is the one whose probability is closest to its level.`,
    '',
    '| | week 1 | week 2 | week 3 | week 4 | model |',
    '|---|---|---|---|---|---|',
  )
  for (const s of f.series)
    lines.push(
      `| ${s.key === 'all' ? '**All**' : s.key} | ${[0, 1, 2, 3].map((w) => cell(s, w)).join(' | ')} | ${MODEL_TEXT[s.model]} |`,
    )
  lines.push('')
  lines.push(`- **P(at least one P1 next week):** ${pct(f.pP1NextWeek)}`)
  lines.push(
    `- **Expected on-call load next week:** ${num(f.load.incidents)} incidents (${num(f.load.severe)} P1/P2)${f.load.hours !== null ? `, about ${num(f.load.hours)} hours in incidents (mean started → resolved per priority)` : ''}`,
  )
  const all = f.series[0]!
  const c = all.calibration
  lines.push(
    c.weeks
      ? `- **Calibration:** ${c.inside80} of the last ${c.weeks} weeks (${pct(c.inside80 / c.weeks)}) fell inside their 80 % interval (their intervals' own probability: ${pct(c.nominal80)}); ${c.inside95} (${pct(c.inside95 / c.weeks)}) inside the 95 % one. One-step-ahead and out of sample: each week forecast from the weeks before it only.`
      : '- **Calibration:** no week to check yet.',
  )
  return lines.join('\n')
}
