/**
 * The demo's console lines: one row per step in fixed columns (time, step, cost, duration, what
 * was written). A cell too long for its column wraps at spaces onto continuation lines in the same
 * column, so no word is cut and the columns stay aligned.
 */

export const WIDTHS = { time: 5, what: 44, cost: 20, secs: 6, did: 64 } as const

/** `1 write`, `2 writes`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * Splits text into lines of at most `width` characters at spaces. A single word longer than the
 * width gets a line of its own, whole (it overflows rather than being cut).
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (word === '') continue
    if (line === '') line = word
    else if (line.length + 1 + word.length <= width) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line)
  return lines
}

/** One step's row, as one or more console lines. */
export function stepRow(cells: {
  time: string
  what: string
  requests: number
  writes: number
  ms: number
  did: string
}): string[] {
  const what = wrapWords(cells.what, WIDTHS.what)
  const did = wrapWords(cells.did, WIDTHS.did)
  const cost = `${cells.requests} req, ${plural(cells.writes, 'write')}`
  const secs = `${(cells.ms / 1000).toFixed(1)} s`
  const rows: string[] = []
  for (let i = 0; i < Math.max(what.length, did.length); i++) {
    const first = i === 0
    const time = (first ? cells.time : '').padEnd(WIDTHS.time)
    const costCell = (first ? cost : '').padEnd(WIDTHS.cost)
    const secsCell = (first ? secs : '').padStart(WIDTHS.secs)
    rows.push(`${time}  ${(what[i] ?? '').padEnd(WIDTHS.what)} ${costCell} ${secsCell}  ${did[i] ?? ''}`.trimEnd())
  }
  return rows
}
