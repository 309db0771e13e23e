// Config regexes run on reporters' text: matched with RE2 in linear time (issue #14, item 4).
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { classify } from '../../src/domain/classify.js'
import { regexProblem } from '../../src/config/regex.js'

const F = '.github/incidents.yml'
const ruleConfig = (re: string) => loadConfig(`classification:\n  rules:\n    - name: hostile\n      priority: P1\n      when: { field: summary, matches: ${JSON.stringify(re)} }\n`, F)

/** Classifies `summary` with a one-rule config; returns whether the rule matched and the time it took. */
function timed(re: string, summary: string): { matched: boolean; ms: number } {
  const cfg = ruleConfig(re)
  const t0 = performance.now()
  const c = classify({ summary }, cfg)
  return { matched: c.rule === 'hostile', ms: performance.now() - t0 }
}

// Each pattern with a text that makes a backtracking engine take exponential or high-polynomial
// time. Before RE2, the first two passed validation and hung a run until the job timeout; the rest
// were refused by a nested-quantifier heuristic and are now accepted, because RE2 runs them fast.
const ATTACKS: [string, string][] = [
  ['(aa?)+$', `${'a'.repeat(49)}!`],
  ['^.*a.*a.*a.*b$', 'a'.repeat(10_000)],
  ['(a+)+$', `${'a'.repeat(49)}!`],
  ['(a|a)+$', `${'a'.repeat(49)}!`],
  ['(a|ab)*c', 'ab'.repeat(5_000)],
  ['((a+))+$', `${'a'.repeat(49)}!`],
  ['(a{1,})+$', `${'a'.repeat(49)}!`],
  ['(.*a){20}', `${'a'.repeat(19)}${'x'.repeat(9_000)}`],
  ['(\\w+\\s?)+$', `${'word '.repeat(1_900)}!`],
  ['(x+x+)+y', 'x'.repeat(10_000)],
]

describe('config regexes are matched in linear time (RE2)', () => {
  it.each(ATTACKS)('%s is accepted and a hostile summary is classified in under 250 ms', (re, text) => {
    expect(regexProblem(re)).toBeUndefined()
    const { matched, ms } = timed(re, text)
    expect(matched).toBe(false)
    expect(ms).toBeLessThan(250)
  })

  it('matches what the pattern says (case-insensitive, anywhere in the text)', () => {
    expect(timed('(aa?)+$', 'AAAA').matched).toBe(true)
    expect(timed('^.*a.*a.*a.*b$', 'xaxaxab').matched).toBe(true)
    expect(timed('\\bdb\\b', 'the DB is down').matched).toBe(true)
    expect(timed('\\bdb\\b', 'dbs are down').matched).toBe(false)
    expect(timed('payments|checkout', 'Checkout fails').matched).toBe(true)
    expect(timed('café', 'CAFÉ closed').matched).toBe(true)
    expect(timed('\\x{00e9}t\\x{00e9}', 'Été').matched).toBe(true)
  })

  it('accepts a repeated alternation like (eu|us)+ (a deliberate change: the old heuristic refused it)', () => {
    expect(regexProblem('(eu|us)+-west')).toBeUndefined()
    expect(timed('(eu|us)+-west', 'region euus-west is down').matched).toBe(true)
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
