const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * Reads "when did it start" as people write it, relative to when the issue was opened:
 * ISO 8601, `2026-11-25 14:05 UTC`, `14:05 UTC` (that day, or the day before if later than the report),
 * `20 minutes ago`, `2h ago`, `now`. A time without a zone is read as UTC and said so.
 * Returns null when the text is not understood or would be after the report.
 */
export function parseStartTime(text: string, reportedAt: Date): { at: Date; assumedUtc: boolean } | null {
  const r = readTime(text, reportedAt)
  return r ? valid(r.at, reportedAt, r.assumedUtc) : null
}

/** Why a start time was not used: not understood, in the future, after the report, or implausibly old. */
export type StartProblem = 'not-understood' | 'future' | 'after-report' | 'too-old'

/**
 * Like {@link parseStartTime}, but says why a start is refused, so the reply can say what to fix:
 * a start later than `now` (GitHub's clock) is in the future; one later than the report is after
 * the declaration (an incident starts before it is reported).
 */
export function checkStartTime(
  text: string,
  reportedAt: Date,
  now: Date,
): { at: Date; assumedUtc: boolean } | { problem: StartProblem; at?: Date } {
  const r = readTime(text, reportedAt)
  if (!r || Number.isNaN(r.at.getTime())) return { problem: 'not-understood' }
  if (r.at.getTime() > now.getTime() + 60_000) return { problem: 'future', at: r.at }
  if (r.at.getTime() > reportedAt.getTime() + 60_000) return { problem: 'after-report', at: r.at }
  return valid(r.at, reportedAt, r.assumedUtc) ?? { problem: 'too-old', at: r.at }
}

function readTime(text: string, reportedAt: Date): { at: Date; assumedUtc: boolean } | null {
  const t = text.trim().toLowerCase().slice(0, 100)
  if (!t) return null
  if (/^(now|just now|right now)$/.test(t)) return { at: reportedAt, assumedUtc: false }
  const ago =
    /^(?:about |around |~)?(\d{1,4}(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\s+ago$/.exec(
      t,
    )
  if (ago) {
    const unit = ago[2]!.startsWith('mi') || ago[2] === 'm' ? 'm' : ago[2]![0]!
    return { at: new Date(reportedAt.getTime() - Number(ago[1]) * UNIT_MS[unit]!), assumedUtc: false }
  }
  const full = /^(\d{4}-\d{2}-\d{2})[t ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/.exec(
    t,
  )
  if (full) {
    const [, date, hh, mm, ss, zone] = full
    return { at: new Date(`${date}T${hh!.padStart(2, '0')}:${mm}:${ss ?? '00'}${zoneSuffix(zone)}`), assumedUtc: !zone }
  }
  const timeOnly = /^(\d{1,2}):(\d{2})\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/.exec(t)
  if (timeOnly) {
    const [, hh, mm, zone] = timeOnly
    const day = reportedAt.toISOString().slice(0, 10)
    let at = new Date(`${day}T${hh!.padStart(2, '0')}:${mm}:00${zoneSuffix(zone)}`)
    if (at.getTime() > reportedAt.getTime()) at = new Date(at.getTime() - 86_400_000)
    return { at, assumedUtc: !zone }
  }
  return null
}

function zoneSuffix(zone: string | undefined): string {
  if (!zone || zone === 'z' || zone === 'utc' || zone === 'gmt') return 'Z'
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
}

function valid(at: Date, reportedAt: Date, assumedUtc: boolean): { at: Date; assumedUtc: boolean } | null {
  if (Number.isNaN(at.getTime())) return null
  // A start after the report is a typo (or a zone mix-up); a start years back is one too.
  if (at.getTime() > reportedAt.getTime() + 60_000) return null
  if (reportedAt.getTime() - at.getTime() > 90 * 86_400_000) return null
  return { at, assumedUtc }
}
