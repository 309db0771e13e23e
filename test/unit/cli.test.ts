import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/index.js'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, (s) => (out += s + '\n'), (s) => (err += s + '\n'))
  return { code, out, err }
}

describe('incidentops validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'incidentops-cli-'))
  it('accepts a valid file', async () => {
    const f = join(dir, 'ok.yml')
    writeFileSync(f, 'priorities:\n  P1: { ack: 10m }\n')
    const r = await cli(['validate', f])
    expect(r.code).toBe(0)
    expect(r.out).toContain('valid')
    expect(r.out).toContain('P1 ack 10m')
  })
  it('prints file:line:column problems and exits 1', async () => {
    const f = join(dir, 'bad.yml')
    writeFileSync(f, 'priorities:\n  P1: { ack: soon }\n')
    const r = await cli(['validate', f])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`${f}:2:14: \`priorities.P1.ack\` is not a duration`)
  })
  it('says what to do when the file is missing', async () => {
    const r = await cli(['validate', join(dir, 'nope.yml')])
    expect(r.code).toBe(1)
    expect(r.err).toContain('no such file')
  })
  it('has help and rejects unknown commands with exit 2', async () => {
    expect((await cli(['--help'])).out).toContain('incidentops validate')
    expect((await cli(['validate', '--help'])).out).toContain('file:line:column')
    expect((await cli(['frobnicate'])).code).toBe(2)
  })
})
