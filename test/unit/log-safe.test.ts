// Lines the action logs cannot become workflow commands (issue #14, item 5).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { logSafe } from '../../src/log-safe.js'

/** What the runner would treat as a workflow command in one printed line (v2 at line start, v1 anywhere). */
const isCommand = (line: string): boolean => line.trimStart().startsWith('::') || line.includes('##[')

describe('logSafe', () => {
  it.each([
    ['Checkout down\n::error title=x::boom', 'Checkout down\\n::error title=x::boom'],
    ['a\r\n::add-mask::secret', 'a\\r\\n::add-mask::secret'],
    ['::stop-commands::tok', '\\::stop-commands::tok'],
    ['   ::warning::x', '   \\::warning::x'],
    ['x ##[error]boom', 'x #\\#[error]boom'],
    [
      'bell\u0007 esc\u001b[31m nel\u0085 ls\u2028 rlo\u202e',
      'bell\\u0007 esc\\u001b[31m nel\\u0085 ls\\u2028 rlo\\u202e',
    ],
    ['tab\there', 'tab\\there'],
    ['%0A::error::x', '%0A::error::x'],
    ['ordinary line: #12 post card', 'ordinary line: #12 post card'],
  ])('%j → %j', (input, want) => {
    expect(logSafe(input)).toBe(want)
  })

  it('any text, however hostile, prints as one line that is no workflow command', () => {
    const pieces = fc.constantFrom(
      '::',
      '##[',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\t',
      'error',
      'title=x',
      '%0A',
      '%25',
      '\u2028',
      '\u0085',
      '\u000b',
      '\u000c',
      'a',
      '@',
      ']',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')),
        ),
        (s) => {
          const out = logSafe(s)
          expect(out.split(/\r\n|\r|\n/)).toHaveLength(1)
          expect(isCommand(out)).toBe(false)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('bounds the length', () => {
    expect(logSafe('x'.repeat(5000), 100)).toBe(`${'x'.repeat(100)}… (4900 more characters)`)
  })
})
