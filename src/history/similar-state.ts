/**
 * What the incident's record keeps of its similar past incidents: found once at declaration (or
 * again on `/similar`), so every later rendering of the card shows them without reading the index.
 */
import type { Reason } from './similar.js'

export interface SimilarEntry {
  number: number
  title: string
  reasons: Reason[]
  end: 'open' | 'resolved' | 'dismissed'
  minutes: number | null
  cause: string | null
  postmortem: number | null
  followups: { open: number[]; closed: number }
}

export interface SimilarState {
  /** When they were looked up (GitHub's clock), ISO. */
  at: string
  matches: SimilarEntry[]
  /** A possible recurrence of this incident (src/history/similar.ts, recurrenceOf). */
  recurrenceOf: number | null
  /** Why fewer matches than the history may hold: no index yet, an unreadable or a stale one. */
  note: string | null
}
