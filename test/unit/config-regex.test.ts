// Config regexes run on reporters' text: matched with RE2 in linear time (issue #14, item 4).
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { classify } from '../../src/domain/classify.js'
import { regexProblem } from '../../src/config/regex.js'
import { ATTACKS } from '../fixtures/regex-attacks.js'

const F = '.github/incidents.yml'
const ruleConfig = (re: string) =>
  loadConfig(
    `classification:\n  rules:\n    - name: hostile\n      priority: P1\n      when: { field: summary, matches: ${JSON.stringify(re)} }\n`,
    F,
  )

/** Classifies `summary` with a one-rule config; returns whether the rule matched. */
function classified(re: string, summary: string): { matched: boolean } {
  const c = classify({ summary }, ruleConfig(re))
  return { matched: c.rule === 'hostile' }
}

// The hostile patterns and texts are shared with the bench (test/fixtures/regex-attacks.ts).

describe('config regexes are matched in linear time (RE2)', () => {
  it.each(ATTACKS)('%s is accepted and a hostile summary is classified (not matched)', (re, text) => {
    expect(regexProblem(re)).toBeUndefined()
    expect(classified(re, text).matched).toBe(false)
  })

  it('matches what the pattern says (case-insensitive, anywhere in the text)', () => {
    expect(classified('(aa?)+$', 'AAAA').matched).toBe(true)
    expect(classified('^.*a.*a.*a.*b$', 'xaxaxab').matched).toBe(true)
    expect(classified('\\bdb\\b', 'the DB is down').matched).toBe(true)
    expect(classified('\\bdb\\b', 'dbs are down').matched).toBe(false)
    expect(classified('payments|checkout', 'Checkout fails').matched).toBe(true)
    expect(classified('café', 'CAFÉ closed').matched).toBe(true)
    expect(classified('\\x{00e9}t\\x{00e9}', 'Été').matched).toBe(true)
  })

  it('accepts a repeated alternation like (eu|us)+ (a deliberate change: the old heuristic refused it)', () => {
    expect(regexProblem('(eu|us)+-west')).toBeUndefined()
    expect(classified('(eu|us)+-west', 'region euus-west is down').matched).toBe(true)
  })

  it.each([
    ['(a)\\1', /backreference .*repeat the group instead/],
    ['(?<n>a)\\k<n>', /backreference/],
    ['db(?=-primary)', /lookaround .*`all:` and `not:`/],
    ['(?!x)y', /lookaround/],
    ['(?<=x)y', /lookaround/],
    ['(?<!x)y', /lookaround/],
    ['caf\\u00e9', /write `\\x\{00e9\}` instead of `\\u00e9`/],
    ['a++', /possessive quantifier .*write `a\+`/],
    ['a{1,2000}', /repeat counts go up to 1000/],
    ['(\\w{1,1000}){1,1000}', /too large .*smaller repeat counts/],
    ['([', /not a valid regular expression \(missing closing \]/],
  ])('refuses %s, which RE2 cannot run, saying what to write instead', (re, why) => {
    expect(regexProblem(re)).toMatch(why)
  })

  it('an escaped backslash before a digit or a parenthesis is not a backreference or a lookaround', () => {
    expect(regexProblem('\\\\1')).toBeUndefined()
    expect(regexProblem('\\(?=x')).toBeUndefined()
  })
})
