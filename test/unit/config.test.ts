import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { ConfigError } from '../../src/errors.js'
import { parseDuration, formatDuration } from '../../src/config/duration.js'

const F = '.github/incidents.yml'

function problems(text: string): string[] {
  try {
    loadConfig(text, F)
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)
    throw error
  }
  return []
}

describe('loadConfig', () => {
  it('applies the PRODUCT.md defaults with no file at all', () => {
    const c = loadConfig(null, F)
    expect(c.source).toBe('defaults')
    expect(c.labels.incident).toBe('incident')
    const minutes = Object.fromEntries(
      Object.entries(c.priorities).map(([p, v]) => [p, [v.ack / 60_000, v.update / 60_000, v.postmortem, v.crisis]]),
    )
    expect(minutes).toEqual({
      P1: [15, 30, 'required', true],
      P2: [30, 60, 'required', false],
      P3: [240, 240, 'optional', false],
      P4: [1440, 1440, 'none', false],
    })
    expect(c.classification.default).toBe('P2')
  })

  it('treats an empty file like no file', () => {
    expect(loadConfig('', F).priorities.P1.ack).toBe(15 * 60_000)
    expect(loadConfig('# only a comment\n', F).classification.rules.length).toBeGreaterThan(0)
  })

  it('merges a partial file over the defaults', () => {
    const c = loadConfig('priorities:\n  P2:\n    ack: 10m\nlabels:\n  incident: outage\n', F)
    expect(c.priorities.P2.ack).toBe(600_000)
    expect(c.priorities.P2.update).toBe(3_600_000)
    expect(c.labels.incident).toBe('outage')
  })

  it.each([
    [
      'priorities:\n  P1:\n    ack: 15 minutes\n',
      '3:10: `priorities.P1.ack` is not a duration: "15 minutes"; write it like 15m, 1h30m, 2d or 1w',
    ],
    [
      'priorites: {}\n',
      '1:1: unknown key `priorites`; did you mean `priorities`? (allowed here: labels, priorities, classification, crisis, ',
    ],
    ['labels:\n  incident: 5\n', '2:13: `labels.incident` must be a string, not a number (5)'],
    ['priorities:\n  P5: {}\n', '2:3: unknown key `P5`; did you mean `P1`? (allowed here: P1, P2, P3, P4)'],
    [
      'classification:\n  default: P9\n',
      '2:12: `classification.default` must be one of "P1", "P2", "P3", "P4", not "P9"',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n      when: { field: impact }\n',
      '4:13: `classification.rules[0].when` tests nothing: add one of equals, one_of, at_least, at_most, above, below, matches, present',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n',
      '3:7: `classification.rules[0]` is missing the required key `when`',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n      when: { field: summary, matches: "(a)\\\\1" }\n',
      '4:40: `classification.rules[0].when.matches` uses a backreference (`\\1` or `\\k<name>`), which the linear-time matcher (RE2) cannot run; repeat the group instead',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n      when: { field: summary, matches: "db(?!-replica)" }\n',
      '4:40: `classification.rules[0].when.matches` uses a lookaround (`(?=…)`, `(?!…)`, `(?<=…)` or `(?<!…)`), which the linear-time matcher (RE2) cannot run; match the text itself, or combine conditions with `all:` and `not:`',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n      when: { field: summary, matches: "(?<!pre-)prod" }\n',
      '4:40: `classification.rules[0].when.matches` uses a lookaround',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n      when: { field: summary, matches: "caf\\\\u00e9" }\n',
      '4:40: `classification.rules[0].when.matches` uses a `\\u` escape, which RE2 does not know; write `\\x{00e9}` instead of `\\u00e9`',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n      when: { field: summary, matches: "([" }\n',
      '4:40: `classification.rules[0].when.matches` is not a valid regular expression',
    ],
    [
      'classification:\n  rules:\n    - priority: P1\n      when: { field: users_affeced, at_least: 50 }\n',
      '4:22: `classification.rules[0].when.field` is `users_affeced`, which is not a field; did you mean `users_affected`? (fields: impact, users_affected,',
    ],
    [
      'classification:\n  rules:\n    - priority: P2\n      when:\n        any:\n          - { field: title, matches: "db" }\n',
      '6:22: `classification.rules[0].when.any[0].field` is `title`, which is not a field',
    ],
    [
      'classification:\n  score:\n    - field: impcat\n      values: { full-outage: 100 }\n',
      '3:14: `classification.score[0].field` is `impcat`, which is not a field; did you mean `impact`?',
    ],
    ['crisis:\n  mention: "@team"\n', '2:12: `crisis.mention` must be a list, not a string ("@team")'],
    ['a: [\n', '2:1: invalid YAML'],
    ['a: 1\na: 2\n', 'invalid YAML: Map keys must be unique'],
  ])('reports %j at line:column with the fix', (text, expected) => {
    const found = problems(text)
    expect(found.length).toBeGreaterThan(0)
    expect(found.some((p) => p.includes(expected))).toBe(true)
  })

  it('formats the whole error with the file name on every line', () => {
    expect(() => loadConfig('priorities:\n  P1:\n    ack: soon\n    update: later\n', F)).toThrowError(
      /Invalid configuration in \.github\/incidents\.yml \(2 problems\):\n\.github\/incidents\.yml:3:10: .*\n\.github\/incidents\.yml:4:13: /,
    )
  })

  it('defuses alias bombs and refuses huge files', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n')
    expect(() => loadConfig(bomb, F)).toThrowError(ConfigError)
    expect(() => loadConfig('# ' + 'x'.repeat(300 * 1024), F)).toThrowError(/larger than 256 KB/)
  })
})

describe('durations', () => {
  it.each([
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['90s', 90_000],
  ])('%s = %d ms', (t, ms) => expect(parseDuration(t)).toBe(ms))

  it.each(['', '15', '15 minutes', '1.5h', '-1h', '0m', 'm', '1h 30m'])('%j is not a duration', (t) =>
    expect(parseDuration(t)).toBeNull(),
  )

  it('formats durations compactly', () => {
    expect(formatDuration(45_000)).toBe('45s')
    expect(formatDuration(15 * 60_000)).toBe('15m')
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m')
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000)).toBe('2d 4h')
  })
})
