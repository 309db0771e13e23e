import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/index.js'
import { oncallCommand } from '../../../src/cli/oncall.js'
import { fold, icsText } from '../../../src/oncall/ics.js'

const dir = mkdtempSync(join(tmpdir(), 'incidentops-oncall-'))
const CONFIG = join(dir, 'incidents.yml')
writeFileSync(
  CONFIG,
  `oncall:
  schedules:
    - name: platform
      time_zone: Europe/Berlin
      layers:
        - name: primary
          members: [alice, bob]
          rotation: weekly
          start: "2026-11-30 09:00"
      overrides:
        - who: carol
          from: "2026-12-05 18:00"
          to: "2026-12-06 09:00"
          reason: "swap with @bob <!-- incidentops:card -->"
    - name: secondary
      time_zone: America/New_York
      layers:
        - members: [dave]
          rotation: daily
          start: "2026-11-30 09:00"
          restrictions:
            - days: [mon, tue, wed, thu, fri]
              from: "09:00"
              to: "17:00"
`,
)

function run(args: string[]): { code: number; out: string; err: string; raw: string } {
  let out = ''
  let err = ''
  let raw = ''
  const code = oncallCommand(
    [...args, '--config', CONFIG],
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
    () => Date.parse('2026-12-02T10:00:00Z'),
    (s) => (raw += s),
  )
  return { code, out, err, raw }
}

describe('incidentops oncall', () => {
  it("prints who is on call now and the next changes, in each schedule's zone", () => {
    const r = run(['--next', '2'])
    expect(r.code).toBe(0)
    expect(r.out).toBe(
      [
        'platform (Europe/Berlin):',
        '  now: @alice (layer primary), until Sat 2026-12-05 18:00 +01:00',
        '  from Sat 2026-12-05 18:00 +01:00: @carol (override: swap with @bob <!-- incidentops:card -->), until Sun 2026-12-06 09:00 +01:00',
        '  from Sun 2026-12-06 09:00 +01:00: @alice (layer primary), until Mon 2026-12-07 09:00 +01:00',
        'secondary (America/New_York):',
        '  now: nobody (a gap), until Wed 2026-12-02 09:00 -05:00',
        '  from Wed 2026-12-02 09:00 -05:00: @dave (layer layer-1), until Wed 2026-12-02 17:00 -05:00',
        '  from Wed 2026-12-02 17:00 -05:00: nobody (a gap), until Thu 2026-12-03 09:00 -05:00',
        '',
      ].join('\n'),
    )
  })

  it('--json gives the documented fields', () => {
    const r = run(['--json', '--schedule', 'platform', '--at', '2026-12-05T20:00:00Z', '--next', '1'])
    expect(JSON.parse(r.out)).toEqual([
      {
        schedule: 'platform',
        time: '2026-12-05T20:00:00Z',
        who: 'carol',
        layer: null,
        until: '2026-12-06T08:00:00Z',
        override: {
          who: 'carol',
          from: '2026-12-05T17:00:00Z',
          to: '2026-12-06T08:00:00Z',
          source: 'config',
          by: null,
          reason: 'swap with @bob <!-- incidentops:card -->',
        },
        next: [
          {
            time: '2026-12-06T08:00:00Z',
            who: 'alice',
            layer: 'primary',
            until: '2026-12-07T08:00:00Z',
            override: null,
          },
        ],
      },
    ])
  })

  it('--ics prints an RFC 5545 calendar with CRLF lines, folded, text escaped and defused', () => {
    const r = run(['--ics', '--schedule', 'platform', '--at', '2026-11-30T00:00:00Z', '--days', '14'])
    expect(r.code).toBe(0)
    const lines = r.raw.split('\r\n')
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.at(-2)).toBe('END:VCALENDAR')
    expect(r.raw.replace(/\r\n/g, '')).not.toMatch(/\n/)
    const events = r.raw.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1)
    expect(
      events.map((e) => [/DTSTART:(\S+)/.exec(e)![1], /DTEND:(\S+)/.exec(e)![1], /SUMMARY:(.+)\r/.exec(e)![1]]),
    ).toEqual([
      ['20261130T080000Z', '20261205T170000Z', 'On call (platform): alice'],
      ['20261205T170000Z', '20261206T080000Z', 'On call (platform): carol'],
      ['20261206T080000Z', '20261207T080000Z', 'On call (platform): alice'],
      ['20261207T080000Z', '20261214T000000Z', 'On call (platform): bob'],
    ])
    const desc = /DESCRIPTION:(.+)\r/.exec(events[1]!)![1]!
    expect(desc).toBe('Override: swap with @\u200bbob &lt\\;!-- incidentops\u200b:card --&gt\\;')
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75)
    // The same window gives the same bytes: a published file changes only with the schedule.
    expect(run(['--ics', '--schedule', 'platform', '--at', '2026-11-30T00:00:00Z', '--days', '14']).raw).toBe(r.raw)
  })

  it('--ics --out writes one file per schedule', () => {
    const out = join(dir, 'cal')
    const r = run(['--ics', '--out', out])
    expect(r.out).toBe(`wrote ${join(out, 'platform.ics')}\nwrote ${join(out, 'secondary.ics')}\n`)
    expect(readFileSync(join(out, 'secondary.ics'), 'utf8')).toContain('SUMMARY:On call (secondary): dave')
  })

  it('says what is wrong: usage errors exit 2, an unknown schedule or a missing file 1', async () => {
    expect(run(['--next', 'many']).err).toContain('--next must be a whole number from 0 to 500, not "many".')
    expect(run(['--next', 'many']).code).toBe(2)
    expect(run(['--at', 'tomorrow']).code).toBe(2)
    expect(run(['--ics']).err).toContain('--ics prints one schedule: pick it with --schedule (platform, secondary)')
    expect(run(['--frobnicate']).code).toBe(2)
    expect(run(['--schedule', 'nope'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no schedule "nope"'),
    })
    let err = ''
    expect(
      await main(
        ['oncall', '--config', join(dir, 'missing.yml')],
        () => {},
        (s) => (err += s),
      ),
    ).toBe(1)
    expect(err).toContain('no such file')
    let help = ''
    expect(
      await main(
        ['oncall', '--help'],
        (s) => (help += s),
        () => {},
      ),
    ).toBe(0)
    expect(help).toContain('{schedule, time, who, layer, until, override')
  })

  it('validate prints the coverage warning at file:line:column and still exits 0', async () => {
    let out = ''
    expect(
      await main(
        ['validate', CONFIG],
        (s) => (out += s + '\n'),
        () => {},
      ),
    ).toBe(0)
    expect(out).toContain(`${CONFIG}: valid.`)
    expect(out).toContain('2 on-call schedules, 0 services')
    expect(out).toContain(
      `${CONFIG}:18:9: warning: \`oncall.schedules[1].layers\` leave nobody on call from Mon 2026-11-30 17:00 -05:00 to Tue 2026-12-01 09:00 -05:00`,
    )
  })
})

describe('iCalendar text', () => {
  it('escapes and folds as RFC 5545 says', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const long = `SUMMARY:${'é'.repeat(60)}`
    const folded = fold(long)
    expect(folded.split('\r\n ').join('')).toBe(long)
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75)
  })
})
