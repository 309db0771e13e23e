/** `2026-11-25 14:05 UTC`: times in cards are absolute, so re-rendering later changes nothing. */
export function utc(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(d.getTime())) return '—'
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** `14:05 UTC` when on the same day as `ref`, the full form otherwise. */
export function utcShort(iso: string, ref: string): string {
  return iso.slice(0, 10) === ref.slice(0, 10) ? `${iso.slice(11, 16)} UTC` : utc(iso)
}
