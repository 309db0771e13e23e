// Property-based tests (fast-check) that extend test/unit: markdown escaping, durations, the
// command parser beyond "never throws", and the card built from any issue body.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inline, quote, neutralizeMentions } from '../../src/render/markdown.js'
import { formatDuration, parseDuration } from '../../src/config/duration.js'
import { parseCommands } from '../../src/domain/commands.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { check, unsafe } from './corpus.js'
import { runs } from '../fast-check-setup.js'

/** Strings that mix the pieces markdown, mentions and our markers are made of with arbitrary text. */
const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        '@',
        'a',
        'Z',
        '9',
        '/',
        '-',
        '<',
        '!--',
        '-->',
        '>',
        '|',
        '\\',
        '`',
        '```',
        '~~~',
        '\n',
        '\r',
        ' ',
        '\t',
        '#',
        '&#64;',
        '&commat;',
        '&#x40;',
        'incidentops:',
        'card',
        '\u0000',
        '\u202e',
        '\u2066',
        '\u200b',
        '\ud800',
        'é',
        '[x](y)',
        '<script>',
        '&lt;',
      ),
      { maxLength: 40 },
    )
    .map((a) => a.join('')),
)

const liveMention = /(^|[^A-Za-z0-9_`\u200b])@(?!\u200b)[A-Za-z0-9]/m
const entityMention = /&(#0*64|#x0*40|commat);[A-Za-z0-9]/i

describe('markdown escaping: inline() and quote() for any input', () => {
  it('inline: one line, no live @mention (plain or as an entity), no `<!--`, no raw `<`, no unescaped `|`, no controls or bidi overrides', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 300 }), (s, max) => {
        const out = inline(s, max)
        expect(out).not.toMatch(/[\r\n]/)
        expect(out).not.toMatch(liveMention)
        expect(out).not.toMatch(entityMention)
        expect(out).not.toContain('<!--')
        expect(out).not.toContain('<')
        expect(out).not.toMatch(/incidentops:/i)
        // Every `|` is escaped by an odd number of backslashes: it cannot end a table cell.
        expect(out).not.toMatch(/(^|[^\\])(\\\\)*\|/)
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/)
      }),
      runs(2000),
    )
  })

  it('inline: a table row made of inline() cells always has its two columns', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const problems = unsafe(['| | |', '|---|---|', `| ${inline(a)} | ${inline(b)} |`].join('\n'))
        expect(problems).toEqual([])
      }),
      runs(1000),
    )
  })

  it('quote: every line is quoted, nothing can open a fence, a comment or HTML, and nobody is pinged', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = quote(s)
        for (const line of out.split('\n')) expect(line.startsWith('>')).toBe(true)
        expect(out).not.toMatch(liveMention)
        expect(out).not.toMatch(entityMention)
        expect(out).not.toContain('<!--')
        expect(out).not.toContain('<')
        expect(out).not.toMatch(/incidentops:/i)
        expect(unsafe(out)).toEqual([])
      }),
      runs(2000),
    )
  })

  it('neutralizeMentions only inserts zero-width spaces, and leaves no mention', () => {
    fc.assert(
      fc.property(
        hostile.map((s) => s.replace(/\u200b/g, '')),
        (s) => {
          const out = neutralizeMentions(s)
          expect(out.replace(/\u200b/g, '')).toBe(s)
          expect(out).not.toMatch(/@[A-Za-z0-9]/)
          expect(out).not.toMatch(entityMention)
        },
      ),
      runs(1000),
    )
  })
})

describe('durations', () => {
  const UNIT = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const
  const parts = fc.record(
    { w: fc.nat(999), d: fc.nat(999), h: fc.nat(999), m: fc.nat(999), s: fc.nat(999) },
    { requiredKeys: [] },
  )

  it('parses any combination of w d h m s, in order, whatever the case and surrounding spaces', () => {
    fc.assert(
      fc.property(parts, fc.boolean(), fc.constantFrom('', ' ', '\t', '  '), (p, upper, pad) => {
        const keys = (['w', 'd', 'h', 'm', 's'] as const).filter((k) => p[k] !== undefined)
        const text = keys.map((k) => `${p[k]}${upper ? k.toUpperCase() : k}`).join('')
        const ms = keys.reduce((t, k) => t + p[k]! * UNIT[k], 0)
        expect(parseDuration(`${pad}${text}${pad}`)).toBe(ms > 0 ? ms : null)
      }),
      runs(1000),
    )
  })

  it('never throws; anything else is null, and a result is a positive whole number of milliseconds', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[0-9wdhms .-]{0,12}$/), fc.string({ unit: 'binary' })),
        (s) => {
          const v = parseDuration(s)
          if (v !== null) {
            expect(Number.isSafeInteger(v)).toBe(true)
            expect(v).toBeGreaterThan(0)
            expect(s.trim().toLowerCase()).toMatch(/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/)
          }
        },
      ),
      runs(1000),
    )
  })

  it('formatDuration never throws and reads back to within its precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 400 * 86_400_000 }), (ms) => {
        const text = formatDuration(ms)
        const back = parseDuration(text.replace(/ /g, '').replace(/^(\d+)d(\d+)h$/, '$1d$2h'))
        expect(back).not.toBeNull()
        // Days keep hours, hours keep minutes, minutes drop seconds: never off by more than the dropped unit.
        const precision = ms >= 86_400_000 ? 3_600_000 : ms >= 60_000 ? 60_000 : 1000
        expect(Math.abs(back! - ms)).toBeLessThan(precision)
      }),
      runs(1000),
    )
    for (const x of [Number.NaN, Infinity, -Infinity, -5, 0]) expect(typeof formatDuration(x)).toBe('string')
  })
})

describe('the command parser', () => {
  const commandLine = fc.constantFrom(
    '/ack',
    '/resolve',
    '/dismiss',
    '/priority P1 x',
    '/stage fixing',
    '/commander @bob',
    '/update x',
    '/note y',
    '/help',
    '/followup z',
    '/postmortem',
  )
  const noise = fc.oneof(
    hostile.map((s) => s.replace(/[\r\n]/g, ' ')),
    commandLine,
  )

  it('never runs a command inside a fence, an HTML comment or a quote, whatever the content', () => {
    fc.assert(
      fc.property(
        fc.array(noise, { maxLength: 8 }),
        fc.constantFrom('```', '~~~', '````', '~~~~~'),
        fc.constantFrom('fence', 'comment', 'quote'),
        (inner, fence, kind) => {
          const lines = inner.map((l) => (kind === 'quote' ? `> ${l}` : l))
          // Inner lines that would close the block are not part of the domain.
          const ok =
            kind === 'fence'
              ? lines.filter((l) => !l.trim().startsWith(fence[0]!.repeat(3)))
              : kind === 'comment'
                ? lines.filter((l) => !l.includes('-->'))
                : lines
          const body =
            kind === 'fence'
              ? [fence, ...ok, fence].join('\n')
              : kind === 'comment'
                ? ['<!--', ...ok, '-->'].join('\n')
                : ok.join('\n')
          expect(parseCommands(body).commands).toEqual([])
        },
      ),
      runs(1000),
    )
  })

  it('reads the same commands with \\n or \\r\\n, and every command it returns is well-formed and bounded', () => {
    fc.assert(
      fc.property(fc.array(noise, { maxLength: 30 }), (lines) => {
        const lf = parseCommands(lines.join('\n'))
        expect(parseCommands(lines.join('\r\n'))).toEqual(lf)
        expect(lf.commands.length).toBeLessThanOrEqual(20)
        for (const c of lf.commands) {
          if (c.name === 'priority') {
            expect(['P1', 'P2', 'P3', 'P4']).toContain(c.priority)
            expect(c.reason.length).toBeLessThanOrEqual(500)
          }
          // A commander is a GitHub login: never a team, never an email, never a second word.
          if (c.name === 'commander') expect(c.user).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/)
          if (c.name === 'update' || c.name === 'note') expect(c.text.length).toBeLessThanOrEqual(2000)
          if (c.name === 'followup') expect(c.title).not.toMatch(/[\r\n]/)
        }
      }),
      runs(1000),
    )
  })
})

describe('the form parser feeding the card', () => {
  const labels = INCIDENT_FORM.map((f) => `### ${f.label}`)
  const body = fc
    .array(
      fc.oneof(
        hostile,
        fc.constantFrom(...labels),
        fc.constantFrom(
          'Full outage',
          'Major degradation',
          '- [x] Data may have been lost or corrupted',
          '_No response_',
          '\n\n',
        ),
      ),
      { maxLength: 30 },
    )
    .map((a) => a.join('\n'))

  it('whatever the issue body, the card and every reply we would post are neutralised and carry our record', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(check({ kind: 'body', name: 'property', input: b, expect: 'neutralised' })).toEqual([])
      }),
      runs(300),
    )
  })

  it("whatever the comment, a writer's commands leave a neutralised card and at most two replies", () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(
              hostile,
              fc.constantFrom(
                '/ack',
                '/help',
                '/note ',
                '/update ',
                '/priority P1 ',
                '/commander @',
                '/stage ',
                '/followup ',
                '> ',
                '```',
              ),
            ),
            { maxLength: 20 },
          )
          .map((a) => a.join('')),
        (c) => {
          expect(check({ kind: 'comment', name: 'property', input: c, expect: 'neutralised' })).toEqual([])
        },
      ),
      runs(300),
    )
  })
})
