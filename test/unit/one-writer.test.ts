import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { ESLint } from 'eslint'
import { WRITE_METHODS } from '../../eslint.config.js'

/** The methods an interface declares, from its source text (`name(` at the start of a member line). */
function methodsOf(file: string, name: string): string[] {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
  const body = text.slice(text.indexOf(`export interface ${name} {`))
  const block = body.slice(0, body.indexOf('\n}\n'))
  return [...block.matchAll(/^ {2}(?:async )?([a-zA-Z]+)\(/gm)].map((m) => m[1]!)
}

/** Port methods that only read. A new port method must be put here or among the write methods. */
const READS = [
  'serverTime',
  'incidentPages',
  'orgRepositories',
  'loadIssueContext',
  'readConfig',
  'readFile',
  'getRole',
  'pullBody',
  'recentChanges',
  'changeHistory',
  'read',
]

describe('one writer: only the executor calls the ports write methods', () => {
  it('every port method is classified as a read or a write', () => {
    const methods = [...methodsOf('src/github/port.ts', 'GitHubPort'), ...methodsOf('src/github/board.ts', 'BoardPort')]
    expect(methods.length).toBeGreaterThan(15)
    const unclassified = methods.filter((m) => !READS.includes(m) && !WRITE_METHODS.includes(m))
    expect(unclassified).toEqual([])
    // And nothing is listed that the ports do not have (a renamed method would escape the rule).
    expect(WRITE_METHODS.filter((m) => !methods.includes(m))).toEqual([])
  })

  it('the lint rule refuses a write outside src/apply.ts and allows it inside', async () => {
    const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname })
    const code =
      'export async function f(port: { createComment(n: number, b: string): Promise<void> }): Promise<void> {\n  await port.createComment(1, "hi")\n}\n'
    const [outside] = await eslint.lintText(code, { filePath: 'src/events/sneaky.ts' })
    expect(outside!.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax')
    expect(outside!.messages.find((m) => m.ruleId === 'no-restricted-syntax')!.message).toMatch(/Only the executor/)
    const [inside] = await eslint.lintText(code, { filePath: 'src/apply.ts' })
    expect(inside!.messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([])
  }, 60_000)
})
