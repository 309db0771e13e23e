import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/index.js'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(
    args,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  )
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

/** Writes a file into a fresh temporary folder; returns its path. */
function file(name: string, text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'incidentops-cli-')), name)
  writeFileSync(f, text)
  return f
}

describe('incidentops (top level)', () => {
  it('prints the version of package.json', async () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    for (const flag of ['--version', '-v']) {
      const r = await cli([flag])
      expect(r.code).toBe(0)
      expect(r.out.trim()).toBe(`incidentops ${version}`)
    }
  })
  it('rejects an unknown flag and an unknown command with exit 2 and the usage', async () => {
    const flag = await cli(['--bogus'])
    expect(flag.code).toBe(2)
    expect(flag.err).toContain('Unknown option "--bogus"')
    expect(flag.err).toContain('Usage:')
    const cmd = await cli(['frobnicate'])
    expect(cmd.code).toBe(2)
    expect(cmd.err).toContain('Unknown command "frobnicate"')
    expect(cmd.err).toContain('Usage:')
  })
  it('gives the real default of report --since (7d) in the global help', async () => {
    const r = await cli(['--help'])
    expect(r.out).toContain('report --repo owner/name [--since 7d]')
    expect(r.out).not.toContain('30d')
  })
  it("has --help (and -h) on every command, printing that command's usage", async () => {
    const usages: Record<string, string> = {
      validate: 'incidentops validate [file ...]',
      demo: 'incidentops demo [--out dir]',
      emulator: 'incidentops emulator [--port N] [--seed demo]',
      relay: 'incidentops relay --repo owner/name',
      alert: 'incidentops alert --repo owner/name --key KEY',
      report: 'incidentops report --repo owner/name [--since 7d]',
    }
    for (const [cmd, usage] of Object.entries(usages)) {
      for (const flag of ['--help', '-h']) {
        const r = await cli([cmd, flag])
        expect(r.code, `${cmd} ${flag}`).toBe(0)
        expect(r.out.startsWith(usage), `${cmd} ${flag}: ${r.out}`).toBe(true)
      }
    }
  })
})

describe('incidentops validate: bad input', () => {
  it('reads --strict as an unknown option (exit 2 with the usage), not as a file', async () => {
    const f = file('x.yml', 'priorities:\n  P1: { ack: 10m }\n')
    const r = await cli(['validate', '--strict', f])
    expect(r.code).toBe(2)
    expect(r.err).toContain('Unknown option "--strict"')
    expect(r.err).toContain('incidentops validate [file ...]')
    expect(r.out).toBe('')
  })
  it('checks every file it is given and fails if one is invalid', async () => {
    const good = file('good.yml', 'priorities:\n  P1: { ack: 10m }\n')
    const bad = file('bad.yml', 'priorities:\n  P1: { ack: soon }\n')
    const both = await cli(['validate', good, bad])
    expect(both.code).toBe(1)
    expect(both.out).toContain(`${good}: valid.`)
    expect(both.err).toContain(`${bad}:2:14: \`priorities.P1.ack\` is not a duration`)
    const reversed = await cli(['validate', bad, good])
    expect(reversed.code).toBe(1)
    expect(reversed.out).toContain(`${good}: valid.`)
    const twoGood = await cli(['validate', good, file('other.yml', 'priorities:\n  P2: { ack: 1h }\n')])
    expect(twoGood.code).toBe(0)
    expect(twoGood.out.trim().split('\n')).toHaveLength(2)
  })
  it('names a missing file among good ones', async () => {
    const good = file('good.yml', 'priorities:\n  P1: { ack: 10m }\n')
    const missing = join(dirname(good), 'missing.yml')
    const r = await cli(['validate', good, missing])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`${missing}: no such file.`)
  })
  it('reports bad YAML with its line and column (exit 1)', async () => {
    const f = file('bad-yaml.yml', 'priorities:\n  P1: { ack: [10m\n')
    const r = await cli(['validate', f])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML`))
  })
  it('reports a value of the wrong type with what it must be (exit 1)', async () => {
    const f = file('type.yml', 'priorities:\n  P1: { ack: 10 }\n')
    const r = await cli(['validate', f])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`${f}:2:14: \`priorities.P1.ack\` must be a string, not a number (10)`)
  })
  it('prints durations the way the configuration writes them', async () => {
    const f = file('d.yml', 'priorities:\n  P1: { ack: 1h30m }\n  P2: { ack: 1d }\n')
    const r = await cli(['validate', f])
    expect(r.code).toBe(0)
    // P3 keeps its default of 240 minutes, written 4h.
    expect(r.out).toContain('P1 ack 1h30m, P2 ack 1d, P3 ack 4h')
    expect(r.out).not.toMatch(/\d{3}m/)
  })
})

describe('incidentops demo, relay, alert, report: bad input (exit 2 with the usage)', () => {
  const cases: { args: string[]; message: string; usage: string }[] = [
    { args: ['demo', '--fast'], message: 'Unknown option "--fast"', usage: 'incidentops demo [--out dir]' },
    {
      args: ['emulator', '--bogus'],
      message: 'Unknown option "--bogus"',
      usage: 'incidentops emulator [--port N] [--seed demo]',
    },
    {
      args: ['emulator', 'extra'],
      message: 'Unexpected argument "extra": this command takes no arguments',
      usage: 'incidentops emulator [--port N]',
    },
    { args: ['emulator', '--port'], message: '--port needs a value', usage: 'incidentops emulator [--port N]' },
    {
      args: ['demo', 'extra'],
      message: 'Unexpected argument "extra": this command takes no arguments',
      usage: 'incidentops demo [--out dir]',
    },
    { args: ['demo', '--out'], message: '--out needs a value', usage: 'incidentops demo [--out dir]' },
    {
      args: ['relay', '--repo', 'acme/shop', '--bogus', '1'],
      message: 'Unknown option "--bogus"',
      usage: 'incidentops relay --repo owner/name',
    },
    {
      args: ['relay', '--repo', 'acme/shop', 'extra'],
      message: 'Unexpected argument "extra"',
      usage: 'incidentops relay --repo owner/name',
    },
    { args: ['relay', '--repo'], message: '--repo needs a value', usage: 'incidentops relay --repo owner/name' },
    {
      args: ['alert', '--repo', 'acme/shop', '--key', 'k', '--title', 't', '--bogus'],
      message: 'Unknown option "--bogus"',
      usage: 'incidentops alert --repo owner/name',
    },
    {
      args: ['alert', '--repo', 'acme/shop', '--key', 'k', '--title', 't', 'extra'],
      message: 'Unexpected argument "extra"',
      usage: 'incidentops alert --repo owner/name',
    },
    {
      args: ['alert', '--repo', 'acme/shop', '--key', '--title', 't'],
      message: '--key needs a value',
      usage: 'incidentops alert --repo owner/name',
    },
    {
      args: ['report', '--repo', 'acme/shop', '--days', '7'],
      message: 'Unknown option "--days"',
      usage: 'incidentops report --repo owner/name',
    },
    {
      args: ['report', '--repo', 'acme/shop', 'extra'],
      message: 'Unexpected argument "extra"',
      usage: 'incidentops report --repo owner/name',
    },
    {
      args: ['report', '--repo', 'acme/shop', '--since'],
      message: '--since needs a value',
      usage: 'incidentops report --repo owner/name',
    },
  ]
  for (const c of cases) {
    it(c.args.join(' '), async () => {
      const r = await cli(c.args)
      expect(r.code).toBe(2)
      expect(r.err).toContain(c.message)
      expect(r.err).toContain(c.usage)
      expect(r.out).toBe('')
    })
  }

  it('rejects values of the wrong type with what they must be (exit 2)', async () => {
    const wrong: [string[], string][] = [
      [['relay', '--repo', 'acme/shop', '--port', 'http'], '--port must be a port number (0-65535); it is "http"'],
      [['relay', '--repo', 'acme'], '--repo must look like owner/name; it is "acme"'],
      [['emulator', '--port', 'http'], '--port must be a port number (0-65535); it is "http"'],
      [['emulator', '--port', '70000'], '--port must be a port number (0-65535); it is "70000"'],
      [['emulator', '--seed', 'prod'], '--seed must be demo (the one seed there is); it is "prod"'],
      [
        ['alert', '--repo', 'acme/shop', '--key', 'k', '--title', 't', '--status', 'down'],
        '--status must be firing or resolved; it is "down"',
      ],
      [
        ['alert', '--repo', 'acme/shop', '--key', 'k', '--title', 't', '--api-url', 'ftp://x'],
        '--api-url must be an http(s) URL',
      ],
      [
        ['report', '--repo', 'acme/shop', '--since', 'soon'],
        '--since must be a duration of at least an hour, like 7d, 30d or 2w; it is "soon"',
      ],
      [['report', '--repo', 'not a repo'], '"not a repo" is not owner/name'],
    ]
    for (const [args, message] of wrong) {
      const r = await cli(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err, args.join(' ')).toContain(message)
    }
  })
  it('report reads its --json file argument as a value, not a flag', async () => {
    const r = await cli(['report', '--repo', 'acme/shop', '--json=--x', 'extra'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('Unexpected argument "extra"')
  })
})
