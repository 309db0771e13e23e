/*
 * Paging phones, as the bundle runs: stand-in ntfy, Pushover, Twilio (HTTP) and SMTP servers on
 * 127.0.0.1; a P1 escalation pages each channel exactly once across re-runs of the sweep (the same
 * run id, and new ones), and a failing channel is reported while the incident's writes still happen.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttp, startSmtp, type Hit } from './receivers.js'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { commentPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'

let emu: Emulator
let http: Awaited<ReturnType<typeof startHttp>> | undefined
let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined
let httpBase = ''
let smtpPort = 0
const hits: Hit[] = []
const mails: { to: string[]; data: string }[] = []
/** Paths answered with a 500 (a provider that is down). */
const failing = new Set<string>()
let seq = 0

const SECRETS = {
  NTFY_ALICE: 'alice-topic-s3cret',
  NTFY_DOWN: 'down-topic-s3cret',
  PUSHOVER_TOKEN: 'app-token-s3cret',
  PUSHOVER_ALICE: 'alice-user-key-s3cret',
  TWILIO_SID: 'AC0123456789abcdef',
  TWILIO_TOKEN: 'twilio-auth-s3cret',
  ALICE_PHONE: '+4915112345678',
}

function config(person: string): string {
  return `oncall:
  schedules:
    - name: platform
      time_zone: Europe/Berlin
      layers:
        - name: primary
          members: [alice, bob]
          rotation: weekly
          start: "2026-11-23 09:00"
  paging:
    people:
${person}
    ntfy: { server: "${httpBase}/ntfy" }
    pushover: { api_url: "${httpBase}/pushover", app_token_env: PUSHOVER_TOKEN }
    smtp: { host: 127.0.0.1, port: ${smtpPort}, from: "incidentops@example.com" }
    twilio:
      api_url: "${httpBase}/twilio"
      from: "+15005550006"
      account_sid_env: TWILIO_SID
      auth_token_env: TWILIO_TOKEN
services:
  - name: checkout
    owners: ["schedule:platform"]
escalation:
  - mention: ["schedule:platform"]
`
}

const ALL_CHANNELS = `      alice:
        ntfy: { topic_env: NTFY_ALICE }
        pushover: { user_key_env: PUSHOVER_ALICE }
        email: { to: alice@example.com }
        sms: { to_env: ALICE_PHONE }
        voice: { to_env: ALICE_PHONE }`

const bot = (repo: string, n: number) =>
  emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const record = (repo: string, n: number) =>
  decodeRecord(bot(repo, n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!)!

async function at(time: string, fn: () => Promise<ActionRun>): Promise<ActionRun> {
  emu.clock.set(time)
  const r = await fn()
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

const sweep = (repo: string, time: string, runId?: string) =>
  at(time, () =>
    runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/5 * * * *', ...example('watch'), action: undefined },
      env: SECRETS,
      ...(runId ? { runId } : {}),
    }),
  )

async function open(repo: string, time: string, title: string): Promise<number> {
  emu.clock.set(time)
  const body = renderIssueForm(
    {
      summary: 'Checkout down',
      impact: 'Full outage',
      users_affected: 'All users (100%)',
      services: 'checkout',
      exposure: [],
      detection: 'Monitoring alert',
    },
    INCIDENT_FORM,
  )
  const n = emu.createIssue(repo, { title, body, labels: ['incident'], user: 'carol' }).number
  await at(time, () =>
    runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'carol'), env: SECRETS }),
  )
  return n
}

function newRepo(person: string): string {
  const repo = `acme/paging-${++seq}`
  emu.addRepo(repo, {
    collaborators: { alice: 'write', bob: 'triage', carol: 'write' },
    files: { '.github/incidents.yml': config(person) },
  })
  return repo
}

const sent = (prefix: string) => hits.filter((h) => h.path.startsWith(prefix))

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  for (const u of ['alice', 'bob', 'carol']) emu.addUser(u)
  http = await startHttp(hits, (hit, res) => {
    const down = [...failing].some((f) => hit.path.startsWith(f) || hit.body.includes(f))
    res.writeHead(down ? 500 : 200, { 'content-type': 'application/json' })
    res.end(down ? '{"error":"internal error"}' : '{"status":1,"sid":"SM1","id":"x"}')
  })
  httpBase = http.base
  smtp = await startSmtp(mails)
  smtpPort = smtp.port
})
afterAll(async () => {
  await emu?.close()
  await http?.close()
  await smtp?.close()
})

describe('paging phones, as the bundle runs', { timeout: 240_000 }, () => {
  it('a P1 escalation pages ntfy, Pushover, e-mail, SMS and a call exactly once across three re-runs of the sweep', async () => {
    const repo = newRepo(ALL_CHANNELS)
    const n = await open(repo, '2026-11-25T14:00:00Z', 'Checkout down @everyone <!-- incidentops:card --> <b>x</b>')
    // Before the ack deadline (P1: 15 minutes) nothing is paged.
    await sweep(repo, '2026-11-25T14:14:00Z')
    expect(hits.filter((h) => h.body.includes(`#${n}`) || h.path.includes(SECRETS.TWILIO_SID))).toHaveLength(0)

    const first = await sweep(repo, '2026-11-25T14:15:00Z', 'sweep-run-1')
    // The GitHub mention is kept: the escalation comment calls @alice.
    const escalation = bot(repo, n).filter((c) => c.body!.startsWith('<!-- incidentops:escalation:1 -->'))
    expect(escalation).toHaveLength(1)
    expect(escalation[0]!.body).toContain('@alice: please take command')
    // The record holds the page, with its channels, written before it was sent.
    expect(record(repo, n).pages).toEqual([
      {
        key: 'L1:@alice',
        at: '2026-11-25T14:15:00.000Z',
        level: 1,
        who: 'alice',
        channels: ['ntfy', 'pushover', 'email', 'sms', 'voice'],
      },
    ])
    const plan = JSON.parse(first.outputs.actions!) as { kind: string; status: string; description: string }[]
    expect(plan.filter((a) => a.kind === 'page').map((a) => [a.status, a.description])).toEqual(
      ['ntfy', 'pushover', 'email', 'sms', 'voice'].map((c) => ['done', `#${n}: page @alice by ${c} (L1)`]),
    )

    // A re-run of the same run, and two later sweeps, page nobody again.
    await sweep(repo, '2026-11-25T14:15:30Z', 'sweep-run-1')
    await sweep(repo, '2026-11-25T14:20:00Z')
    await sweep(repo, '2026-11-25T14:25:00Z')
    // A later run that rewrites the card (a `/note`) carries the recorded pages and sends none of them again.
    emu.clock.set('2026-11-25T14:26:00Z')
    const note = emu.createComment(repo, n, { body: '/note looking at the database', user: 'carol' })
    const noted = await at('2026-11-25T14:26:00Z', () =>
      runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, note), env: SECRETS }),
    )
    expect(JSON.parse(noted.outputs.actions!).map((a: { description: string }) => a.description)).toContain(
      `#${n}: update card`,
    )

    const ntfy = sent('/ntfy')
    expect(ntfy).toHaveLength(1)
    const push = JSON.parse(ntfy[0]!.body) as Record<string, unknown>
    expect(push.topic).toBe(SECRETS.NTFY_ALICE)
    expect(push.priority).toBe(5)
    expect(push.click).toBe(emu.getIssue(repo, n).html_url)
    expect(push.title).toBe(`P1 incident #${n} not acknowledged (level 1)`)
    // Defused: no mention that pings, no marker, no tag; bounded.
    const message = String(push.message)
    expect(message).toContain('Checkout down @\u200beveryone ‹!-- incidentops:card --› ‹b›x‹/b›')
    expect(message).not.toMatch(/@everyone|<!--|<b>/)

    const pushover = sent('/pushover/1/messages.json')
    expect(pushover).toHaveLength(1)
    const po = new URLSearchParams(pushover[0]!.body)
    expect([po.get('token'), po.get('user'), po.get('priority')]).toEqual([
      SECRETS.PUSHOVER_TOKEN,
      SECRETS.PUSHOVER_ALICE,
      '1',
    ])

    const sms = sent(`/twilio/2010-04-01/Accounts/${SECRETS.TWILIO_SID}/Messages.json`)
    const call = sent(`/twilio/2010-04-01/Accounts/${SECRETS.TWILIO_SID}/Calls.json`)
    expect(sms).toHaveLength(1)
    expect(call).toHaveLength(1)
    expect(sms[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SECRETS.TWILIO_SID}:${SECRETS.TWILIO_TOKEN}`).toString('base64')}`,
    )
    expect(new URLSearchParams(sms[0]!.body).get('To')).toBe(SECRETS.ALICE_PHONE)
    const twiml = new URLSearchParams(call[0]!.body).get('Twiml')!
    expect(twiml).toMatch(/^<Response><Say loop="2">IncidentOps\. P1 incident #\d+ not acknowledged/)
    expect(twiml).not.toContain('<b>')

    const mail = mails.filter((m) => m.data.includes(`#${n} not acknowledged`))
    expect(mail).toHaveLength(1)
    expect(mail[0]!.to).toEqual(['alice@example.com'])

    // Every secret the config names is masked (the runner hides it from then on), and none is printed otherwise.
    const masked = first.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'))
    const printed = first.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    for (const [k, v] of Object.entries(SECRETS)) {
      if (k === 'NTFY_DOWN') continue // not named by this config
      expect(masked).toContain(`::add-mask::${v}`)
      expect(printed.join('\n')).not.toContain(v)
    }
  })

  it('the weekly report shows the load per person: hours on call, pages, out-of-hours pages', async () => {
    const repo = newRepo(ALL_CHANNELS)
    // Friday 02:00 Berlin: the page at 02:15 is out of hours.
    const n = await open(repo, '2026-11-27T01:00:00Z', 'Search down')
    await sweep(repo, '2026-11-27T01:15:00Z')
    expect(record(repo, n).pages?.map((p) => p.at)).toEqual(['2026-11-27T01:15:00.000Z'])
    emu.clock.set('2026-11-30T06:00:00Z')
    const r = await runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '0 6 * * 1' },
      inputs: { mode: 'report' },
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const report = emu.listIssues(repo).find((i) => i.title.startsWith('Reliability report'))!.body!
    expect(report).toContain('### On-call load')
    // The window is Mon 11-23 00:00 to Mon 11-30 00:00 UTC; alice's week starts at 09:00 Berlin (08:00 UTC): 160 h.
    expect(report).toContain('| `alice` | 160.0 | 1 | 1 | 0 |')
    // The calendars are written next to the report's JSON, one per schedule, for a later step to publish.
    const dir = r.outputs['oncall-ics']!
    expect(dir).toBe(join(dirname(r.outputs['report-json']!), 'oncall-ics'))
    const ics = readFileSync(join(dir, 'platform.ics'), 'utf8')
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(ics).toContain('DTSTART:20261130T080000Z') // bob's week, from the report's end
  })

  it('a channel that fails (HTTP 500) is reported in the log and the summary; the incident is escalated all the same', async () => {
    const repo = newRepo(`      alice:
        ntfy: { topic_env: NTFY_DOWN }
        pushover: { user_key_env: PUSHOVER_ALICE }`)
    failing.add(SECRETS.NTFY_DOWN)
    const n = await open(repo, '2026-11-26T10:00:00Z', 'Payments down')
    const before = sent('/pushover').length
    const r = await sweep(repo, '2026-11-26T10:15:00Z')
    // The incident's writes happened: the escalation comment and the record.
    expect(bot(repo, n).filter((c) => c.body!.startsWith('<!-- incidentops:escalation:1 -->'))).toHaveLength(1)
    expect(record(repo, n).pages?.map((p) => p.key)).toEqual(['L1:@alice'])
    // The other channel was paged; the failure is in the job log (a warning) and the summary.
    expect(sent('/pushover').length).toBe(before + 1)
    expect(r.stdout).toMatch(/::warning::#\d+: page @alice by ntfy \(L1\) failed: HTTP 500/)
    // (the summary's cells are neutralised: `\#`, and a zero-width space after `@`)
    expect(r.summary).toContain(`| failed | \\#\u200b${n}: page @\u200balice by ntfy (L1): HTTP 500`)
    expect(r.summary).toContain(`| done | \\#\u200b${n}: page @\u200balice by pushover (L1) |`)
    const printed = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    expect(printed.join('\n') + r.summary).not.toContain(SECRETS.NTFY_DOWN)
    // Not retried by a later run: at most once.
    const downHits = hits.filter((h) => h.body.includes(SECRETS.NTFY_DOWN)).length
    await sweep(repo, '2026-11-26T10:20:00Z')
    expect(hits.filter((h) => h.body.includes(SECRETS.NTFY_DOWN)).length).toBe(downHits)
  })
})
