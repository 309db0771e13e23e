/**
 * Regular expressions from the config (`matches:` in classification rules) run on text that anyone
 * who can open an issue writes. JavaScript's RegExp backtracks, so a pattern like `(aa?)+$` or
 * `^.*a.*a.*a.*b$` takes exponential or high-polynomial time on a crafted 49-character summary and
 * holds the run until the job times out. They are therefore compiled and matched only with RE2
 * (the `re2js` port), whose time is linear in the text: no pattern is "dangerous" any more, and
 * the only patterns refused are those RE2 cannot run at all (backreferences, lookarounds).
 */
import { RE2JS, RE2JSException } from 're2js'

/** A compiled config pattern: case-insensitive, Unicode-aware, matched anywhere in the text. */
export interface ConfigRegex {
  test(text: string): boolean
}

const compiled = new Map<string, ConfigRegex>()

/**
 * Compiles a config pattern with RE2, case-insensitively (as `matches:` is documented), once per
 * source. Throws the engine's error for a pattern it cannot run; validation refuses those first.
 */
export function compileConfigRegex(source: string): ConfigRegex {
  let re = compiled.get(source)
  if (!re) {
    const p = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE)
    re = { test: (text: string) => p.test(text) }
    compiled.set(source, re)
  }
  return re
}

/** Skips escaped characters so that `\\(?=` (a literal backslash) is not read as a lookahead. */
const unescaped = (pattern: string): RegExp => new RegExp(`(?<!\\\\)(?:\\\\\\\\)*${pattern}`)

/** What RE2 cannot run, recognised in the source, with what to write instead. */
const UNSUPPORTED: { test: RegExp; message: string }[] = [
  {
    test: unescaped('\\\\(?:[1-9]|k<)'),
    message:
      'uses a backreference (`\\1` or `\\k<name>`), which the linear-time matcher (RE2) cannot run; repeat the group instead (`(ab)\\1` → `(ab)(ab)`), or test the field twice with `all:`',
  },
  {
    test: unescaped('\\(\\?<?[=!]'),
    message:
      'uses a lookaround (`(?=…)`, `(?!…)`, `(?<=…)` or `(?<!…)`), which the linear-time matcher (RE2) cannot run; match the text itself, or combine conditions with `all:` and `not:` (for "contains a but not b": `all: [{ field: f, matches: a }, { not: { field: f, matches: b } }]`)',
  },
  {
    test: unescaped('\\\\u(?:[0-9a-fA-F]{4}|\\{)'),
    message:
      'uses a `\\u` escape, which RE2 does not know; write `\\x{00e9}` instead of `\\u00e9`, or the character itself',
  },
  {
    test: unescaped('[+*?}][+]'),
    message:
      'uses a possessive quantifier (`a++`, `a*+`), which RE2 does not know; write `a+` or `a*` (RE2 never backtracks, so it is not needed)',
  },
]

/**
 * Why a config pattern cannot be used, as the end of a sentence starting with the key's name;
 * undefined when RE2 compiles it. Every pattern RE2 compiles matches in linear time, so nothing is
 * refused for being slow: `(eu|us)+`, `(aa?)+$` and `^.*a.*a.*a.*b$` are all fine.
 */
export function regexProblem(source: string): string | undefined {
  try {
    compileConfigRegex(source)
    return undefined
  } catch (error: unknown) {
    const known = UNSUPPORTED.find((u) => u.test.test(source))
    if (known) return known.message
    const why = error instanceof RE2JSException ? error.message.replace(/^error parsing regexp: /, '') : String(error)
    if (/too large/.test(why))
      return `is too large for the matcher (${why}); use smaller repeat counts or split it into several rules`
    if (/repeat count/.test(why)) return `is not a valid regular expression (${why}); repeat counts go up to 1000`
    return `is not a valid regular expression (${why}); see the RE2 syntax (https://github.com/google/re2/wiki/Syntax)`
  }
}
