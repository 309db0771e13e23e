import { describe, expect, it } from 'vitest'
import { WIDTHS, plural, stepRow, wrapWords } from '../../src/demo/console-table.js'

describe("the demo's console table", () => {
  it('says 1 write, 2 writes', () => {
    expect(plural(1, 'write')).toBe('1 write')
    expect(plural(0, 'write')).toBe('0 writes')
    expect(plural(2, 'write')).toBe('2 writes')
  })

  it('wraps at spaces and never cuts a word, even one longer than the column', () => {
    const text = 'Set Started = 2026-11-26T14:02:00Z on the board item of #1; comment the card on service auth'
    const lines = wrapWords(text, 20)
    expect(lines.join(' ')).toBe(text)
    for (const l of lines) expect(l.length <= 20 || !l.includes(' ')).toBe(true)
    expect(lines).toContain('2026-11-26T14:02:00Z')
    expect(wrapWords('supercalifragilistic', 5)).toEqual(['supercalifragilistic'])
    expect(wrapWords('', 5)).toEqual([''])
  })

  it('keeps the columns: continuation lines put each cell under its column, and every word survives', () => {
    const what = '#2 the alert fires again and again while the on-call engineer is still asleep'
    const did =
      'comment the card (alert repeated 3 times); set label priority/P1; Started = 2026-11-26T14:02:00Z; +2 more'
    const rows = stepRow({ time: '14:05', what, requests: 12, writes: 1, ms: 1234, did })
    expect(rows.length).toBeGreaterThan(1)
    expect(rows[0]).toMatch(/^14:05 {2}#2 the alert/)
    expect(rows[0]).toContain('12 req, 1 write ')
    expect(rows[0]).not.toContain('1 writes')
    const whatStart = WIDTHS.time + 2
    const didStart = whatStart + WIDTHS.what + 1 + WIDTHS.cost + 1 + WIDTHS.secs + 2
    expect(rows[0]!.indexOf('comment the card')).toBe(didStart)
    for (const r of rows.slice(1)) {
      expect(r.slice(0, whatStart).trim()).toBe('')
      // A continuation line's did text starts exactly at the did column.
      if (r.length > didStart) expect(r.slice(didStart - 1, didStart + 1)).toMatch(/^ \S/)
    }
    const whatText = rows
      .map((r) => r.slice(whatStart, whatStart + WIDTHS.what).trim())
      .filter(Boolean)
      .join(' ')
    const didText = rows
      .map((r) => r.slice(didStart).trim())
      .filter(Boolean)
      .join(' ')
    expect(whatText).toBe(what)
    expect(didText).toBe(did)
  })
})
