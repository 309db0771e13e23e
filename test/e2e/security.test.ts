// Attacks from issue #14 that the action's own output must survive, run as the bundle against the
// emulator: exponential config regexes (item 4), workflow-command injection through a title (item 5),
// images, hidden links and #references from issue text (gap), chat previews of an outsider's URL (gap).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { commentPayload, issuesPayload, runAction, type ActionRun } from './harness.js'

const BOT = 'github-actions[bot]'
let emu: Emulator
let repo = ''
let seq = 0

const labelsOf = (n: number) =>
  emu
    .getIssue(repo, n)
    .labels.map((l) => (typeof l === 'string' ? l : l.name!))
    .sort()
const cardOf = (n: number) =>
  emu.listComments(repo, n).find((c) => c.user?.login === BOT && c.body!.startsWith(CARD_MARKER))!.body!

function form(summary: string, impact = 'Major degradation', links: string | null = null): string {
  return renderIssueForm(
    {
      summary,
      impact,
      users_affected: 'Many users (10–49%)',
      services: 'search',
      exposure: [],
      detection: 'Customer report',
      links,
    },
    INCIDENT_FORM,
  )
}

async function opened(title: string, body: string, user = 'alice'): Promise<{ n: number; run: ActionRun }> {
  const n = emu.createIssue(repo, { title, body, labels: ['incident'], user }).number
  return {
    n,
    run: await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', user) }),
  }
}

async function say(n: number, text: string, user = 'alice'): Promise<ActionRun> {
  const c = emu.createComment(repo, n, { body: text, user })
  return runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c) })
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
  emu.addUser('mallory')
})
afterAll(async () => emu?.close())
beforeEach(() => {
  repo = `acme/sec-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write' } })
})

describe('config regexes run in linear time (RE2)', () => {
  it('(aa?)+$ and ^.*a.*a.*a.*b$ are accepted, a hostile 50-character summary is classified (the default priority), and the rules still match', async () => {
    emu.setFile(
      repo,
      '.github/incidents.yml',
      'classification:\n  rules:\n    - name: doubled\n      priority: P1\n      when: { field: summary, matches: "(aa?)+$" }\n    - name: spread\n      priority: P3\n      when: { field: summary, matches: "^.*a.*a.*a.*b$" }\n',
    )
    const hostile = await opened('[Incident]: aaaa', form(`${'a'.repeat(49)}!`))
    expect(hostile.run.code, hostile.run.stdout).toBe(0)
    // A backtracking engine spends minutes to hours on this text, past this test's 60 s timeout; RE2
    // a few milliseconds (measured by `npm run bench -- --only=compute`, not timed here).
    expect(labelsOf(hostile.n)).toContain('priority/P2') // neither rule matches: the default applies
    const doubled = await opened('[Incident]: doubled', form('aaaa'))
    expect(labelsOf(doubled.n)).toContain('priority/P1')
    const spread = await opened('[Incident]: spread', form('xaxaxab'))
    expect(labelsOf(spread.n)).toContain('priority/P3')
  }, 60_000)

  it('a backreference RE2 cannot run is refused at file:line:column with what to write instead, and nothing is written', async () => {
    emu.setFile(
      repo,
      '.github/incidents.yml',
      'classification:\n  rules:\n    - priority: P1\n      when: { field: summary, matches: "(down)\\\\1" }\n',
    )
    emu.resetCounters()
    const { run } = await opened('[Incident]: down', form('downdown'))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::.*\.github\/incidents\.yml:4:40: `classification\.rules\[0\]\.when\.matches` uses a backreference .*repeat the group instead/,
    )
    expect(emu.counts().writes).toBe(0)
  })
})

describe('workflow-command injection through an issue title', () => {
  it('a title with a line break and ::error title=x::boom: no log line of the whole life cycle starts a workflow command from it', async () => {
    const title = '[Incident]: Checkout down\n::error title=x::boom\r\n::add-mask::alice ##[warning]smuggled'
    const runs: ActionRun[] = []
    const { n, run } = await opened(title, form('Checkout returns 502'))
    runs.push(run)
    runs.push(await say(n, '/ack'))
    runs.push(await say(n, '/followup Check ::error the\u2028retry budget'))
    // Resolving a P2 opens the postmortem issue, whose title (and the log line that names it) carries the incident title.
    runs.push(await say(n, '/resolve'))
    const pm = emu.listIssues(repo).find((i) => i.title?.startsWith('Postmortem:'))
    expect(pm, 'the postmortem issue was opened').toBeDefined()
    for (const r of runs) {
      expect(r.code, r.stdout).toBe(0)
      const lines = r.stdout.split(/\r?\n/)
      // The runner reads `::cmd::` at the start of a line (after spaces) and `##[cmd]` anywhere.
      // No ::error at all (the runs succeed); no other command carrying their words (our own ::add-mask:: of the token is fine).
      expect(lines.filter((l) => /^\s*::error\b/.test(l))).toEqual([])
      expect(
        lines.filter(
          (l) => /^\s*::/.test(l) && /boom|alice|smuggled|retry budget/.test(l) && !/^::(group|notice|debug)::/.test(l),
        ),
      ).toEqual([])
      expect(lines.filter((l) => l.includes('##['))).toEqual([])
    }
    // The title is still told, on one line, its break written as \n.
    const all = runs.map((r) => r.stdout).join('\n')
    expect(all).toContain(
      'open issue "Postmortem: Checkout down\\n::error title=x::boom\\r\\n::add-mask::alice #\\#[warning]sm" (postmortem)',
    )
  }, 60_000)
})

describe('images, links and #references from issue text', () => {
  const SUMMARY =
    'Search fails ![px](https://evil.example/px.png) see [status page](https://evil.example/phish) like #1 and acme/other#2 GH-3'

  /** Text we wrote from theirs: no image, no link hiding its URL, no live reference; the URLs still shown. */
  function defused(raw: string): void {
    // Our own link to the incident (`acme/sec-N#1`) is a reference on purpose.
    const text = raw.replaceAll(`${repo}#`, '')
    expect(text).not.toContain('![px]')
    expect(text).not.toMatch(/\[status page\]\(/)
    expect(text).not.toMatch(/(^|[^&])#1\b/m)
    expect(text).not.toContain('acme/other#2')
    expect(text).not.toMatch(/\bGH-3/)
    expect(text).toContain('https://evil.example/phish')
    expect(text).toContain('https://evil.example/px.png')
  }

  it('the card and the postmortem (as a comment) quote them defused', async () => {
    emu.setFile(repo, '.github/incidents.yml', 'postmortem:\n  as: comment\n')
    const { n, run } = await opened(
      '[Incident]: Search ![t](https://evil.example/t.png) [x](https://evil.example/x) #1',
      form(SUMMARY, 'Major degradation', '[Dashboard](https://evil.example/d)\n![graph](https://evil.example/g.png)'),
    )
    expect(run.code, run.stdout).toBe(0)
    defused(cardOf(n))
    expect(
      (await say(n, '/update see ![x](https://evil.example/u.png) and [here](https://evil.example/h) re #1')).code,
    ).toBe(0)
    expect((await say(n, '/resolve fixed, see #1')).code).toBe(0)
    const card = cardOf(n)
    defused(card)
    expect(card).not.toContain('![x]')
    expect(card).not.toMatch(/\[here\]\(/)
    const pm = emu
      .listComments(repo, n)
      .find((c) => c.user?.login === BOT && c.body!.includes('incidentops:postmortem'))
    expect(pm, 'the postmortem comment').toBeDefined()
    const body = pm!.body!
    defused(body)
    for (const bad of ['![t]', '[x](', '![graph]', '[Dashboard](', '![x]', '[here](']) expect(body).not.toContain(bad)
    expect(body).toContain('https://evil.example/d')
    expect(decodeRecord(card)?.stage).toBe('postmortem')
  }, 60_000)
})

describe('chat: no preview of a URL from text we did not write', () => {
  let receiver: Server
  let url = ''
  const received: { path: string; body: Record<string, unknown> }[] = []
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let raw = ''
      req.on('data', (c: Buffer) => (raw += c.toString()))
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(raw || '{}') as Record<string, unknown> })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
  })
  afterAll(async () => new Promise((r) => receiver.close(r)))

  it('Discord gets their URL wrapped in <…>, Slack gets unfurl_links and unfurl_media off', async () => {
    received.length = 0
    const n = emu.createIssue(repo, {
      title: '[Incident]: Down, details at https://evil.example/landing_page.',
      body: form('Search is down, see https://evil.example/img.png', 'Full outage'),
      labels: ['incident'],
      user: 'mallory',
    }).number
    const run = await runAction({
      emu,
      repo,
      event: 'issues',
      payload: issuesPayload(emu, repo, n, 'opened', 'mallory'),
      inputs: { 'notify-discord': `${url}/discord`, 'notify-slack': `${url}/slack` },
    })
    expect(run.code, run.stdout).toBe(0)
    const discord = received.find((r) => r.path === '/discord')!.body as {
      content: string
      embeds: { url?: string; title: string }[]
      flags?: number
    }
    const slack = received.find((r) => r.path === '/slack')!.body
    expect(discord.content).toContain('<https://evil.example/landing_page>.')
    // No bare URL of theirs in the content (the only thing Discord unfurls); the embed links to the incident, ours.
    expect(discord.content.replace(/<https?:\/\/[^>\s]+>/g, '')).not.toMatch(/https?:\/\//)
    expect(discord.embeds[0]!.url).toMatch(new RegExp(`/${repo}/issues/${n}$`))
    expect(slack).toMatchObject({ unfurl_links: false, unfurl_media: false })
  }, 60_000)
})
