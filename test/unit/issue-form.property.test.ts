import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INCIDENT_FORM, type FormFieldSpec } from '../../src/intake/form-spec.js'
import { parseIssueForm, renderIssueForm } from '../../src/intake/issue-form.js'
import { runs } from '../fast-check-setup.js'

/*
 * The round-trip domain, stated as generators (see the header of src/intake/issue-form.ts).
 * A text answer is a sequence of blocks joined by `\n`, trimmed, non-empty and not `_No response_`
 * or `None` (any case). A block is one of:
 *  - a plain line: no line break, first character neither whitespace nor one of # ` ~ <;
 *  - an indented line: four spaces or more, then anything (indented code: never a heading);
 *  - a `#` line that is not a section heading: `# x`, `##### x`, `###### x`, `#x`, `##x`, or a
 *    `####` sub-heading whose text is not a known label;
 *  - a fenced block: 0-3 spaces, 3-6 backticks or tildes (a backtick fence's info string has no
 *    backtick), lines that do not close it (anything else: `### Customer impact`, `<!--`,
 *    shorter or other fences), then a closing run of the same character at least as long;
 *  - an HTML comment: `<!--` on a line, lines without `-->`, then a line containing `-->`.
 * Dropdown answers are an option as spelled in the spec or a text answer that does not match an
 * option ignoring case and spacing; checkboxes are any subset of the options, in form order.
 * The pieces a value may not contain are exactly what would end its section when rendered:
 * a `##`/`###` heading or a known label's heading outside fences/comments, or a fence or
 * comment left open; `\r` (a line break to us) and untrimmed ends are normalised away.
 */

const NULL_TOKENS = ['_no response_', 'none']
const key = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
const KNOWN = new Set(INCIDENT_FORM.map((f) => key(f.label)))

const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
)
/** Any single line: everything but the line breaks we split on. */
const anyLine = anyText.map((s) => s.replace(/[\r\n]/g, ' '))
const firstChar = fc
  .oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
  .filter((c) => c.trim() === c && c.length > 0 && !'#`~<\r\n'.includes(c))

const plainLine = fc.tuple(firstChar, anyLine).map(([c, rest]) => c + rest)
const indentedLine = fc.tuple(fc.integer({ min: 4, max: 8 }), anyLine).map(([n, rest]) => ' '.repeat(n) + rest)
const hashLine = fc.oneof(
  anyLine.map((t) => `# ${t}`),
  anyLine.map((t) => `##### ${t}`),
  anyLine.map((t) => `###### ${t}`),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('x', 'Customer', '1', 'é'), anyLine)
    .map(([n, c, t]) => '#'.repeat(n) + c + t),
  anyLine.filter((t) => !KNOWN.has(key(t)) && !KNOWN.has(key(t.replace(/[#\s]+$/, '')))).map((t) => `#### ${t}`),
)

/** Lines that look like structure, to put inside fences and comments where they must not count. */
const trickyLine = fc.oneof(
  anyLine,
  fc.constantFrom(
    '### Customer impact',
    '## What is broken?',
    '### Links',
    '#### Unknown',
    '<!--',
    '-->',
    '- [x] Data may have been lost or corrupted',
    '```',
    '~~~',
    '````',
    '```js',
    '  ~~~~~',
  ),
)

const fenceBlock = fc
  .record({
    indent: fc.integer({ min: 0, max: 3 }),
    char: fc.constantFrom('`', '~'),
    length: fc.integer({ min: 3, max: 6 }),
    info: anyLine,
    inner: fc.array(trickyLine, { maxLength: 5 }),
    closeIndent: fc.integer({ min: 0, max: 3 }),
    closeExtra: fc.integer({ min: 0, max: 2 }),
    closeSpaces: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ indent, char, length, info, inner, closeIndent, closeExtra, closeSpaces }) => {
    // The info string may not continue the fence run, nor hold a backtick after backticks.
    const safeInfo = (char === '`' ? info.replace(/`/g, "'") : info).replace(/^~+/, '')
    const closes = (l: string): boolean => {
      const m = /^( {0,3})(`+|~+)[ \t]*$/.exec(l)
      return m !== null && m[2]![0] === char && m[2]!.length >= length
    }
    return [
      ' '.repeat(indent) + char.repeat(length) + safeInfo,
      ...inner.filter((l) => !closes(l)),
      ' '.repeat(closeIndent) + char.repeat(length + closeExtra) + ' '.repeat(closeSpaces),
    ]
  })

const commentBlock = fc.oneof(
  anyLine.map((t) => [`<!-- ${t.replace(/-->/g, '')} -->`]),
  fc
    .tuple(anyLine, fc.array(trickyLine, { maxLength: 4 }), anyLine)
    .map(([a, inner, z]) => [`<!--${a.replace(/>/g, ')')}`, ...inner.filter((l) => !l.includes('-->')), `${z}-->`]),
)

const textValue = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: plainLine.map((l) => [l]) },
      indentedLine.map((l) => [l]),
      hashLine.map((l) => [l]),
      fc.constant(['']),
      fenceBlock,
      commentBlock,
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((blocks) => blocks.flat().join('\n'))
  .filter((v) => v.length > 0 && v === v.trim() && !NULL_TOKENS.includes(v.toLowerCase()))

function valueFor(f: FormFieldSpec): fc.Arbitrary<string | string[] | null> {
  if (f.type === 'checkboxes') return fc.subarray([...(f.options ?? [])])
  if (f.type === 'dropdown') {
    const optionKeys = new Set((f.options ?? []).map(key))
    return fc.option(
      fc.oneof(
        fc.constantFrom(...(f.options ?? [])),
        textValue.filter((v) => !optionKeys.has(key(v))),
      ),
      { nil: null },
    )
  }
  return fc.option(textValue, { nil: null })
}

const formValues = fc.record(Object.fromEntries(INCIDENT_FORM.map((f) => [f.id, valueFor(f)]))) as fc.Arbitrary<
  Record<string, string | string[] | null>
>

describe('parseIssueForm ∘ renderIssueForm', () => {
  it('gives back every value in the domain, with \\n or \\r\\n line endings', () => {
    fc.assert(
      fc.property(formValues, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (values, eol) => {
        const parsed = parseIssueForm(renderIssueForm(values, INCIDENT_FORM, { eol }), INCIDENT_FORM)
        expect(parsed.values).toEqual(values)
        expect(parsed.fromForm).toBe(true)
        expect(parsed.extra).toEqual([])
        expect(parsed.missing).toEqual(
          INCIDENT_FORM.filter((f) => f.type !== 'checkboxes' && values[f.id] === null).map((f) => f.id),
        )
      }),
      runs(400),
    )
  })

  it('gives back a render: textarea whose lines never close its ``` fence, headings and all', () => {
    const spec: FormFieldSpec[] = [
      { id: 'logs', label: 'Relevant log output', type: 'textarea', render: 'shell' },
      { id: 'impact', label: 'Customer impact', type: 'dropdown', options: ['Full outage'] },
    ]
    // Code keeps indentation, so the domain is: first line not blank, no trailing whitespace.
    const code = fc
      .array(trickyLine, { minLength: 1, maxLength: 6 })
      .map((ls) => ls.filter((l) => !/^ {0,3}`{3,}[ \t]*$/.test(l)).join('\n'))
      .filter((v) => v === v.trimEnd() && /[^ \t]/.test(v.split('\n')[0]!))
    fc.assert(
      fc.property(code, (logs) => {
        const parsed = parseIssueForm(renderIssueForm({ logs, impact: 'Full outage' }, spec), spec)
        expect(parsed.values).toEqual({ logs, impact: 'Full outage' })
      }),
      runs(300),
    )
  })
})

describe('parseIssueForm on anything', () => {
  const markdownish = fc
    .array(
      fc.oneof(
        anyText,
        fc.constantFrom(
          '\n',
          '\r\n',
          '\r',
          '### ',
          '## ',
          '#### ',
          '```',
          '~~~',
          '````',
          '<!--',
          '-->',
          '- [x] ',
          '- [ ] ',
          '* [X] ',
          '_No response_',
          'None',
          '\u0000',
          '\uFEFF',
          '\ud800',
          '\t',
        ),
        fc.constantFrom(...INCIDENT_FORM.map((f) => f.label)),
        fc.constantFrom(...INCIDENT_FORM.flatMap((f) => f.options ?? [])),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''))

  it('never throws, and always answers with the spec ids and consistent missing/fromForm', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 400 })), (body) => {
        const r = parseIssueForm(body, INCIDENT_FORM)
        expect(Object.keys(r.values)).toEqual(INCIDENT_FORM.map((f) => f.id))
        for (const f of INCIDENT_FORM) {
          const v = r.values[f.id]
          if (f.type === 'checkboxes') expect(Array.isArray(v)).toBe(true)
          else expect(v === null || (typeof v === 'string' && v === v.trim() && v !== '')).toBe(true)
        }
        expect(r.missing).toEqual(
          INCIDENT_FORM.filter((f) => f.type !== 'checkboxes' && r.values[f.id] === null).map((f) => f.id),
        )
        if (!r.fromForm) expect(r.missing.length).toBe(INCIDENT_FORM.filter((f) => f.type !== 'checkboxes').length)
      }),
      runs(1000),
    )
  })

  it('parses 65 KB bodies built from the worst-case pieces (single pass: no timing asserted)', () => {
    // The scanner reads each line once and every per-line check is a forward scan; this only
    // guards against a quadratic regex creeping back in, through vitest's test timeout.
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('#', ' ', '`', '~', '\n', '### ', '- [', 'x] ', '<!--', '-->', 'Links'), {
          minLength: 1,
          maxLength: 20,
        }),
        (unit) => {
          const piece = unit.join('')
          const body = piece.repeat(Math.ceil(65_536 / piece.length)).slice(0, 65_536)
          expect(Object.keys(parseIssueForm(body, INCIDENT_FORM).values)).toHaveLength(INCIDENT_FORM.length)
        },
      ),
      runs(50),
    )
  })
})
