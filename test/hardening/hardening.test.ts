// Hardening, measured (issue #10): replays, kills, faults, concurrency, access and hostile input,
// each asserted, with one summary line at the end whose every figure is asserted too.
//
// Every main scenario runs in five worlds, each on its own emulator so that faults and request
// logs never leak between them: plain (the reference end state), each event delivered three
// times, each event's run SIGKILLed right after its first write landed and then re-run, and 10%
// seeded random faults (two seeds) with failed runs re-run until they succeed. The others must end in
// exactly the reference state (issues, labels, comments, the record, board items).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import {
  TWIN_SCALE,
  commentPayload,
  dispatchPayload,
  issuesPayload,
  runAction,
  type ActionRun,
} from '../e2e/harness.js'
import { BOT, REPO, World, duplicates, pool, type Mode, type Snapshot } from './world.js'
import { SCENARIOS, formBody, recordOf, type Scenario } from './scenarios.js'
import { CONFIG_FILE, cases, check, unsafe } from './corpus.js'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'

const tally = {
  scenarios: 0,
  replays: 3,
  replayed: 0,
  faultsInjected: 0,
  randomFaults: 0,
  faultedRequests: 0,
  faultRuns: 0,
  failedRuns: 0,
  killed: 0,
  hostile: 0,
  lostOrDuplicated: 0,
}

const FAULT_RATE = 0.1
const results = new Map<
  string,
  { ref: Snapshot; worlds: { mode: Mode['kind']; snap: Snapshot; dup: string[]; problems: string[]; world: World }[] }
>()

async function runWorld(
  s: Scenario,
  mode: Mode,
): Promise<{ mode: Mode['kind']; snap: Snapshot; dup: string[]; problems: string[]; world: World }> {
  const w = await new World(`${s.name}-${mode.kind}`, mode, s.config, s.board).start()
  try {
    await s.drive(w)
    const snap = w.snapshot()
    return { mode: mode.kind, snap, dup: duplicates(snap), problems: s.check?.(w) ?? [], world: w }
  } finally {
    tally.faultsInjected += w.emu.faults.injected()
    if (mode.kind === 'faults') {
      tally.randomFaults += w.emu.faults.injected()
      tally.faultedRequests += w.emu.requests.length
    }
    await w.close()
  }
}

async function scenarios(): Promise<void> {
  const modes: Mode[] = [
    { kind: 'plain' },
    { kind: 'triple' },
    { kind: 'kill' },
    { kind: 'faults', seed: 10, rate: FAULT_RATE },
    { kind: 'faults', seed: 20, rate: FAULT_RATE },
  ]
  // A seed of its own for every scenario and fault world: the same seed everywhere would fault the same request positions.
  const seeded = (m: Mode, i: number): Mode => (m.kind === 'faults' ? { ...m, seed: m.seed * 1000 + i } : m)
  const tasks = SCENARIOS.flatMap((s, i) => modes.map((m) => async () => ({ s, r: await runWorld(s, seeded(m, i)) })))
  const done = await pool(tasks, 10)
  for (const s of SCENARIOS) {
    const worlds = done.filter((d) => d.s === s).map((d) => d.r)
    results.set(s.name, { ref: worlds.find((x) => x.mode === 'plain')!.snap, worlds })
  }
}

// Everything that drives the bundle starts at once (different emulators), and the tests below read the outcomes.
const outcome: Record<string, Promise<unknown>> = {}
beforeAll(async () => {
  outcome.scenarios = scenarios()
  outcome.bundle = bundleHostile()
  outcome.access = access()
  outcome.concurrency = concurrency()
  outcome.exhausted = exhausted()
  // Settle them all here (a rejection is reported by its own test).
  await Promise.allSettled(Object.values(outcome))
}, 300_000 * TWIN_SCALE)

describe.each(SCENARIOS.map((s) => [s.name]))('scenario %s', (name) => {
  const get = () => results.get(name)!
  it('ran', async () => {
    await outcome.scenarios
  })
  it('the fault-free run ends as the scenario says, with no duplicate', () => {
    const plain = get().worlds.find((w) => w.mode === 'plain')!
    expect(plain.problems).toEqual([])
    expect(plain.dup).toEqual([])
  })
  it('each event delivered three times: the identical end state', () => {
    const w = get().worlds.find((x) => x.mode === 'triple')!
    expect(w.dup).toEqual([])
    expect(w.snap).toEqual(get().ref)
    tally.replayed++
  })
  it('every run killed right after its first write, then run again: the identical end state', () => {
    const w = get().worlds.find((x) => x.mode === 'kill')!
    expect(w.world.stats.killed).toBeGreaterThan(0)
    expect(w.dup).toEqual([])
    expect(w.problems).toEqual([])
    expect(w.snap).toEqual(get().ref)
  })
  it('10% random faults (two seeds): converges to the fault-free end state; failed runs said why and were repaired', () => {
    for (const w of get().worlds.filter((x) => x.mode === 'faults')) {
      tally.failedRuns += w.world.stats.failedRuns
      tally.faultRuns += w.world.stats.runs
      expect(w.dup).toEqual([])
      expect(w.problems).toEqual([])
      expect(w.snap).toEqual(get().ref)
    }
  })
})

afterAll(() => {
  for (const r of results.values())
    for (const w of r.worlds) {
      tally.killed += w.world.stats.killed
      tally.lostOrDuplicated += w.dup.length + (JSON.stringify(w.snap) === JSON.stringify(r.ref) ? 0 : 1)
    }
  tally.scenarios = results.size
  const line = `hardening: ${tally.scenarios} scenarios × ${tally.replays} replays passed, ${tally.faultsInjected} faults injected and survived, ${tally.hostile} hostile cases handled, ${tally.lostOrDuplicated} lost or duplicated writes`
  console.log(
    `${line}\n  (${tally.randomFaults} of the faults at random over ${tally.faultedRequests} requests (10%), the rest past the retries; ${tally.failedRuns} of ${tally.faultRuns} runs under random faults failed with a clear error and were re-run; ${tally.killed} runs killed right after their first write and repaired)`,
  )
  expect(tally.replayed).toBe(SCENARIOS.length)
  expect(tally.scenarios).toBe(SCENARIOS.length)
  expect(tally.randomFaults).toBeGreaterThanOrEqual(5)
  expect(tally.randomFaults).toBeLessThanOrEqual(tally.faultedRequests * 0.2)
  expect(tally.faultsInjected).toBeGreaterThanOrEqual(tally.randomFaults + 3)
  expect(tally.killed).toBeGreaterThanOrEqual(SCENARIOS.length)
  expect(tally.hostile).toBeGreaterThanOrEqual(200)
  expect(tally.lostOrDuplicated).toBe(0)
})

// ---------- hostile input: the corpus in-process, a representative subset through the bundle ----------

const CORPUS = cases()
describe('hostile input corpus (in-process, against the pure functions)', () => {
  it(`has at least 200 cases, every kind represented (${CORPUS.length})`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200)
    for (const k of ['config', 'body', 'title', 'comment', 'dispatch'])
      expect(CORPUS.filter((c) => c.kind === k).length, k).toBeGreaterThanOrEqual(20)
  })
  it('each case gets a clear error or is neutralised', () => {
    const failures: string[] = []
    for (const c of CORPUS) {
      let problems: string[]
      try {
        problems = check(c)
      } catch (error: unknown) {
        problems = [`crashed: ${error instanceof Error ? error.stack : String(error)}`]
      }
      if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}`)
      else tally.hostile++
    }
    expect(failures).toEqual([])
  })
})

const HOSTILE_DIR = resolve(import.meta.dirname, '..', 'fixtures', 'hostile')
const fixture = (p: string) => readFileSync(resolve(HOSTILE_DIR, p), 'utf8')
const STACK_TRACE = /\n\s+at \S.*:\d+:\d+\)?/
const FORM = formBody('Major degradation', 'Search returns errors', 'Many users (10–49%)', 'search')

interface BundleCase {
  name: string
  /** The repository's config file, if any. */
  config?: string
  /** What happens: an incident opened with this body, a comment on an incident, a dispatch, or a raw event file. */
  body?: string
  comment?: string
  /** The incident's title (default: one with HTML and a mention). */
  title?: string
  dispatch?: unknown
  raw?: { event: string; text: string }
  /** reject: exit 1 with ::error:: (matching), nothing written; accept: exit 0 and every text we wrote is safe. */
  expect: 'reject' | 'accept' | 'any'
  error?: RegExp
}

const LOCATED = /::error::.*\.github\/incidents\.yml:\d+:\d+: /
let deep: unknown = 'x'
for (let i = 0; i < 3000; i++) deep = [deep]
const BUNDLE_CASES: BundleCase[] = [
  {
    name: 'config: alias bomb',
    config: fixture('configs/alias-bomb.yml'),
    body: FORM,
    expect: 'reject',
    error: LOCATED,
  },
  // Config regexes run on RE2: the patterns that hang a backtracking engine are accepted and stay fast on hostile summaries.
  {
    name: 'config: regex bomb in matches, hostile summary',
    config: fixture('configs/regex-nested-group.yml'),
    body: formBody('Major degradation', `${'a'.repeat(49)}!`, 'Many users (10–49%)', 'search'),
    expect: 'accept',
  },
  {
    name: 'config: (aa?)+$ and ^.*a.*a.*a.*b$, hostile summary',
    config: fixture('configs/regex-exponential-optional.yml'),
    body: formBody('Major degradation', 'a'.repeat(5_000), 'Many users (10–49%)', 'search'),
    expect: 'accept',
  },
  {
    name: 'config: a backreference RE2 cannot run',
    config: fixture('configs/regex-backreference.yml'),
    body: FORM,
    expect: 'reject',
    error: /::error::.*incidents\.yml:6:\d+: .*backreference/,
  },
  {
    name: 'config: 300 KB',
    config: `labels:\n  incident: incident\n# ${'x'.repeat(300 * 1024)}\n`,
    body: FORM,
    expect: 'reject',
    error: LOCATED,
  },
  { name: 'config: tabs', config: fixture('configs/tabs.yml'), body: FORM, expect: 'reject', error: LOCATED },
  {
    name: 'config: wrong type',
    config: 'sweep:\n  budget: many\n',
    body: FORM,
    expect: 'reject',
    error: /::error::.*incidents\.yml:2:11: /,
  },
  { name: 'body: forged card and record', body: fixture('bodies/forged-card-and-record.md'), expect: 'accept' },
  {
    name: 'title: a line break and ::error (workflow-command injection)',
    title: '[Incident]: Down\n::error title=x::boom\r\n::stop-commands::t ##[warning]y',
    body: FORM,
    expect: 'accept',
  },
  {
    name: 'body: images, hidden links and #refs',
    body: formBody(
      'Major degradation',
      'Down ![px](https://evil.example/px.png) [Status page](https://evil.example/phish) #4242 GH-4244',
      'Many users (10–49%)',
      'search',
    ),
    expect: 'accept',
  },
  { name: 'body: HTML and script', body: fixture('bodies/html-and-script.md'), expect: 'accept' },
  { name: 'body: RTL and invisible', body: fixture('bodies/rtl-and-invisible.md'), expect: 'accept' },
  { name: 'body: mention flood', body: fixture('bodies/mention-flood.md'), expect: 'accept' },
  {
    name: 'body: 65 KB with NULs',
    body: `${FORM}\n${'\u0000@x <!-- '.repeat(6500)}`.slice(0, 65_536),
    expect: 'accept',
  },
  { name: 'comment: record smuggling', comment: fixture('comments/record-smuggling.md'), expect: 'accept' },
  { name: 'comment: team as commander', comment: fixture('comments/team-commander.md'), expect: 'accept' },
  { name: 'comment: quoted and fenced', comment: fixture('comments/quoted-and-fenced.md'), expect: 'accept' },
  { name: 'comment: 1,000 commands', comment: '/note spam @everyone\n'.repeat(1000), expect: 'accept' },
  { name: 'comment: 50 helps', comment: '/help\n'.repeat(50), expect: 'accept' },
  {
    name: 'dispatch: hostile text',
    dispatch: (JSON.parse(fixture('payloads/hostile-text.json')) as { client_payload: unknown }).client_payload,
    expect: 'accept',
  },
  {
    name: 'dispatch: 11 top-level keys',
    dispatch: (JSON.parse(fixture('payloads/eleven-top-level-keys.json')) as { client_payload: unknown })
      .client_payload,
    expect: 'any',
  },
  {
    name: 'dispatch: 3,000 levels deep',
    dispatch: { incidentops: { version: 1, alerts: [{ status: 'firing', key: 'k', title: 't', labels: { deep } }] } },
    expect: 'reject',
    error: /::error::client_payload\.incidentops\.alerts\[0\]\.labels/,
  },
  {
    name: 'dispatch: wrong types',
    dispatch: { incidentops: { version: 1, alerts: [{ status: 1, key: ['k'], title: {} }] } },
    expect: 'reject',
    error: /::error::client_payload\.incidentops\.alerts\[0\]\.\w+/,
  },
  {
    name: 'dispatch: malformed fixture',
    dispatch: (
      JSON.parse(
        readFileSync(
          resolve(import.meta.dirname, '..', 'fixtures', 'alerts', 'malformed', 'alertmanager-labels-string.json'),
          'utf8',
        ),
      ) as { client_payload: unknown }
    ).client_payload,
    expect: 'reject',
    error: /::error::client_payload\./,
  },
  // (An event file that is not JSON at all crashes inside @actions/github's import-time context, before our code
  // runs; a runner always writes JSON there, so that case is reported rather than tested.)
  {
    name: 'event: JSON that is not an object',
    raw: { event: 'issues', text: '[{"action": "opened"}]' },
    expect: 'reject',
    error: /::error::The event payload is not a JSON object/,
  },
  {
    name: 'event: issue number is a string',
    raw: {
      event: 'issues',
      text: JSON.stringify({ action: 'opened', issue: { number: '2; DROP TABLE' }, sender: { login: 'alice' } }),
    },
    expect: 'reject',
    error: /::error::The event payload's `issue.number`/,
  },
]

interface BundleOutcome {
  name: string
  problems: string[]
}

async function bundleHostile(): Promise<BundleOutcome[]> {
  const emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
  let seq = 0
  try {
    return await pool(
      BUNDLE_CASES.map((c) => async (): Promise<BundleOutcome> => {
        const repo = `acme/hostile-${++seq}`
        emu.addRepo(repo, { collaborators: { alice: 'write' }, files: c.config ? { [CONFIG_FILE]: c.config } : {} })
        emu.createIssue(repo, { title: 'seed', user: 'alice', labels: [] })
        emu.addLabelsAs(repo, 1, ['incident'], 'alice')
        let run: ActionRun
        let before: unknown
        if (c.comment !== undefined) {
          const n = emu.createIssue(repo, {
            title: '[Incident]: Search is failing',
            body: FORM,
            labels: ['incident'],
            user: 'alice',
          }).number
          const first = await runAction({
            emu,
            repo,
            event: 'issues',
            payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
          })
          if (first.code !== 0) return { name: c.name, problems: [`intake failed: ${first.stdout}`] }
          const cm = emu.createComment(repo, n, { body: c.comment, user: 'alice' })
          before = snapshot2(emu, repo)
          run = await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, cm) })
        } else if (c.body !== undefined) {
          const n = emu.createIssue(repo, {
            title: c.title ?? '[Incident]: <script>x</script> @everyone',
            body: c.body,
            labels: ['incident'],
            user: 'alice',
          }).number
          before = snapshot2(emu, repo)
          run = await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') })
        } else if (c.dispatch !== undefined) {
          before = snapshot2(emu, repo)
          run = await runAction({
            emu,
            repo,
            event: 'repository_dispatch',
            payload: dispatchPayload(repo, 'alert', c.dispatch),
          })
        } else {
          before = snapshot2(emu, repo)
          run = await runAction({ emu, repo, event: c.raw!.event, payload: c.raw!.text })
        }
        const problems: string[] = []
        const out = run.stdout + run.stderr
        if (STACK_TRACE.test(out)) problems.push(`a stack trace in the output:\n${out}`)
        const rejected = run.code !== 0
        if (c.expect === 'reject' && !rejected) problems.push(`exit ${run.code}, expected 1`)
        if (c.expect === 'accept' && rejected) problems.push(`exit ${run.code}: ${out}`)
        if (rejected) {
          const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
          if (!error) problems.push(`exit ${run.code} with no ::error:: line`)
          if (c.error && !c.error.test(error)) problems.push(`the error does not say where: ${error.slice(0, 300)}`)
          if (JSON.stringify(snapshot2(emu, repo)) !== JSON.stringify(before))
            problems.push('something was written before the rejection')
        } else {
          // A successful run prints no workflow command made of outside text (issue #14: a title forged `::error`).
          const forged = run.stdout
            .split('\n')
            .filter((l) => /^\s*::(error|warning|stop-commands|add-mask::(?!ghs_))/.test(l) || l.includes('##['))
          if (forged.length) problems.push(`workflow commands in the log: ${forged.join(' | ').slice(0, 300)}`)
          // Everything the bot wrote anywhere in the repository: issues it opened, and its comments.
          for (const i of emu.listIssues(repo)) {
            if (i.user?.login === BOT)
              problems.push(
                ...unsafe(i.body ?? '', [
                  /^<!-- incidentops:[a-z-]+:[^\s>]+ -->(\n<!-- incidentops:opened-by:[A-Za-z0-9_.-]+ -->)?/,
                ]).map((p) => `#${i.number} body: ${p}`),
              )
            const mine = emu.listComments(repo, i.number).filter((x) => x.user?.login === BOT)
            if (mine.filter((x) => x.body!.startsWith(CARD_MARKER)).length > 1)
              problems.push(`#${i.number} has two cards`)
            if (mine.filter((x) => !x.body!.startsWith(CARD_MARKER)).length > 1)
              problems.push(`#${i.number}: ${mine.length - 1} replies to one comment`)
            for (const x of mine) {
              const own = x.body!.startsWith(CARD_MARKER)
                ? [new RegExp(`^${CARD_MARKER}`), /\n<!-- incidentops:record:v1:[A-Za-z0-9+/=]+ -->$/]
                : [/^<!-- incidentops:[a-z-]+(:[^\s>]+)? -->/]
              problems.push(...unsafe(x.body!, own).map((p) => `#${i.number} comment: ${p}`))
              if (x.body!.startsWith(CARD_MARKER) && decodeRecord(x.body!)?.number !== i.number)
                problems.push(`#${i.number}: the card lost its record`)
            }
          }
        }
        return { name: c.name, problems }
      }),
      3,
    )
  } finally {
    await emu.close()
  }
}

function snapshot2(emu: Emulator, repo: string): unknown {
  return {
    labels: emu
      .listLabels(repo)
      .map((l) => l.name)
      .sort(),
    issues: emu.listIssues(repo).map((i) => ({
      n: i.number,
      s: i.state,
      l: i.labels.map((l) => (typeof l === 'string' ? l : l.name)).sort(),
      c: emu.listComments(repo, i.number).map((c) => c.body),
    })),
  }
}

describe(`hostile input through the bundle (${BUNDLE_CASES.length} representative cases)`, () => {
  it('each is refused with a located ::error:: and nothing written, or accepted with everything we wrote neutralised; never a stack trace', async () => {
    const r = (await outcome.bundle) as BundleOutcome[]
    const failures = r.filter((x) => x.problems.length).map((x) => `${x.name}: ${x.problems.join('; ')}`)
    tally.hostile += r.length - failures.length
    expect(failures).toEqual([])
  })
})

// ---------- access ----------

interface AccessOutcome {
  before: unknown
  after: unknown
  denials: string[]
  botRequests: number
  cardBefore: string
  cardAfter: string
}

async function access(): Promise<AccessOutcome> {
  const w = await new World('access', { kind: 'plain' }, '', false).start()
  try {
    const n = w.openIncident(FORM, '[Incident]: Search is failing', '2026-11-25T14:00:00Z')
    await w.opened(n, '2026-11-25T14:00:00Z')
    const card = () => w.emu.listComments(REPO, n).find((c) => c.body?.startsWith(CARD_MARKER))!.body!
    const labels = () =>
      w.emu
        .getIssue(REPO, n)
        .labels.map((l) => (typeof l === 'string' ? l : l.name))
        .sort()
    const cardBefore = card()
    const before = {
      labels: labels(),
      state: w.emu.getIssue(REPO, n).state,
      assignees: w.emu.getIssue(REPO, n).assignees,
    }
    // Outsiders and read-only users, each twice and with every command; a bot with a command.
    const tries: [string, string][] = [
      ['mallory', '/ack\n/resolve\n/priority P4 nothing to see'],
      ['reader', '/dismiss\n/commander @reader'],
      ['mallory', '/stage fixing\n/followup leak the data'],
      ['reader', '/help'],
    ]
    let t = 0
    for (const [user, text] of tries) await w.say(n, user, text, `2026-11-25T14:1${t++}:00Z`)
    w.emu.clock.set('2026-11-25T14:20:00Z')
    const c = w.emu.createComment(REPO, n, { body: '/resolve\n/priority P4 bump', user: 'dependabot[bot]' })
    w.emu.resetCounters()
    const bot = await w.once('issue_comment', commentPayload(w.emu, REPO, n, c), 'bot-run')
    if (bot.code !== 0) throw new Error(bot.stdout)
    const botRequests = w.emu.counts().total
    const denials = w.emu
      .listComments(REPO, n)
      .filter((x) => x.user?.login === BOT && !x.body!.startsWith(CARD_MARKER))
      .map((x) => x.body!.split('\n')[0]!)
    return {
      before,
      after: { labels: labels(), state: w.emu.getIssue(REPO, n).state, assignees: w.emu.getIssue(REPO, n).assignees },
      denials,
      botRequests,
      cardBefore,
      cardAfter: card(),
    }
  } finally {
    await w.close()
  }
}

describe('access', () => {
  it('commands from read-only users, non-collaborators and bots change nothing; one reply per person, none for bots', async () => {
    const r = (await outcome.access) as AccessOutcome
    expect(r.after).toEqual(r.before)
    // The card people see is exactly as before. The record differs only in its list of handled
    // comments: the four refused comments are recorded, so none of them runs later once its author
    // is given access (issue #14). The bot's comment is not even read.
    const withoutRecord = (card: string): string =>
      card.replace(/\n<!-- incidentops:record:v1:[A-Za-z0-9+/=]+ -->$/, '')
    expect(withoutRecord(r.cardAfter)).toBe(withoutRecord(r.cardBefore))
    const [before, after] = [decodeRecord(r.cardBefore)!, decodeRecord(r.cardAfter)!]
    expect({ ...after, processed: before.processed }).toEqual(before)
    expect(after.processed!.length - (before.processed ?? []).length).toBe(4)
    expect(r.denials).toEqual(['<!-- incidentops:denied:mallory -->', '<!-- incidentops:denied:reader -->'])
    // A bot's comment is a no-op before any request.
    expect(r.botRequests).toBe(0)
  })
})

// ---------- concurrency ----------

interface ConcurrencyOutcome {
  commands: {
    cards: number
    record: ReturnType<typeof decodeRecord>
    labels: string[]
    board: number
    boardPriority: string | null | undefined
    ids: number[]
    lostBeforeCatchUp: number
  }
  alertAndCommand: { open: number; cards: number; record: ReturnType<typeof decodeRecord>; lostBeforeCatchUp: number }
}

async function concurrency(): Promise<ConcurrencyOutcome> {
  // Two commands at once on one incident, by two people; then the catch-up: both deliveries run again
  // (what a workflow re-run does; the one already recorded is a no-op).
  const w = await new World(
    'concurrency',
    { kind: 'plain' },
    ['project:', '  number: 1', '  priority_field: Priority'].join('\n'),
    true,
  ).start()
  const v = await new World('concurrency-alert', { kind: 'plain' }, '', false).start()
  try {
    const n = w.openIncident(FORM, '[Incident]: Search is failing', '2026-11-25T14:00:00Z')
    await w.opened(n, '2026-11-25T14:00:00Z')
    w.emu.clock.set('2026-11-25T14:10:00Z')
    const a = w.emu.createComment(REPO, n, { body: '/priority P1 checkout is affected too', user: 'alice' })
    const b = w.emu.createComment(REPO, n, { body: '/update rolling back the deploy', user: 'bob' })
    const pa = commentPayload(w.emu, REPO, n, a)
    const pb = commentPayload(w.emu, REPO, n, b)
    const race = await Promise.all([w.once('issue_comment', pa, 'ra'), w.once('issue_comment', pb, 'rb')])
    if (race.some((r) => r.code !== 0)) throw new Error(race.map((r) => r.stdout).join('\n'))
    const mid = recordOf(w, n)!
    const lost = [a.id, b.id].filter((id) => !mid.processed?.includes(Number(id))).length
    for (const [p, id] of [
      [pa, 'ra'],
      [pb, 'rb'],
    ] as const)
      if ((await w.once('issue_comment', p, id)).code !== 0) throw new Error('catch-up failed')
    const bot = w.emu.listComments(REPO, n).filter((c) => c.user?.login === BOT)
    const items = w.emu.projectItems('acme', 1).filter((i) => i.issue.number === n)

    // An alert repeat and a command at once on one alert incident; the same catch-up.
    const fire = {
      incidentops: {
        version: 1,
        alerts: [{ status: 'firing', key: 'db', title: 'DB latency high', severity: 'warning', source: 'grafana' }],
      },
    }
    await v.alert(fire, '2026-11-25T14:00:00Z')
    const m = v.emu.listIssues(REPO).find((i) => i.title.startsWith('[Alert]'))!.number
    v.emu.clock.set('2026-11-25T14:05:00Z')
    const ack = v.emu.createComment(REPO, m, { body: '/ack', user: 'alice' })
    const pAck = commentPayload(v.emu, REPO, m, ack)
    const pFire = dispatchPayload(REPO, 'alert', fire)
    const race2 = await Promise.all([
      v.once('repository_dispatch', pFire, 'fire-2'),
      v.once('issue_comment', pAck, 'ack-1'),
    ])
    if (race2.some((r) => r.code !== 0)) throw new Error(race2.map((r) => r.stdout).join('\n'))
    const mid2 = recordOf(v, m)!
    const lost2 =
      (mid2.alert?.deliveries.includes('fire-2:db') ? 0 : 1) + (mid2.processed?.includes(Number(ack.id)) ? 0 : 1)
    if (
      (await v.once('repository_dispatch', pFire, 'fire-2')).code !== 0 ||
      (await v.once('issue_comment', pAck, 'ack-1')).code !== 0
    )
      throw new Error('catch-up failed')
    return {
      commands: {
        cards: bot.filter((c) => c.body!.startsWith(CARD_MARKER)).length,
        record: recordOf(w, n),
        labels: w.emu
          .getIssue(REPO, n)
          .labels.map((l) => (typeof l === 'string' ? l : l.name!))
          .filter((l) => /^(priority|stage)\//.test(l))
          .sort(),
        board: items.length,
        boardPriority: items[0]?.fields.Priority,
        ids: [Number(a.id), Number(b.id)],
        lostBeforeCatchUp: lost,
      },
      alertAndCommand: {
        open: v.emu.listIssues(REPO).filter((i) => i.state === 'open' && i.title.startsWith('[Alert]')).length,
        cards: v.emu.listComments(REPO, m).filter((c) => c.user?.login === BOT && c.body!.startsWith(CARD_MARKER))
          .length,
        record: recordOf(v, m),
        lostBeforeCatchUp: lost2,
      },
    }
  } finally {
    await w.close()
    await v.close()
  }
}

describe('concurrency: parallel runs on one incident converge after one catch-up run of each delivery', () => {
  // What is asserted, and why: two runs that read the same card and both rewrite it race (last
  // writer wins the card), so one command's effect may be missing right after the race (the
  // example workflow's `concurrency:` group per issue prevents the race on GitHub). Each delivery
  // is keyed (comment id, alert run id), so running both again applies exactly the missing one:
  // the end state is the same whichever run won, with one card and one board item.
  it('two commands at once: one card, one board item, the record with both effects, labels and board agreeing with it', async () => {
    const r = ((await outcome.concurrency) as ConcurrencyOutcome).commands
    expect(r.cards).toBe(1)
    expect(r.board).toBe(1)
    expect(r.record!.processed).toEqual(expect.arrayContaining(r.ids))
    expect(r.record).toMatchObject({ priority: 'P1', prioritySource: 'human' })
    expect(r.record!.events.filter((e) => e.kind === 'update').map((e) => e.text)).toEqual(['rolling back the deploy'])
    expect(r.record!.events.filter((e) => e.kind === 'priority').map((e) => e.to)).toEqual(['P1'])
    expect(r.labels).toEqual(['priority/P1', `stage/${r.record!.stage}`])
    expect(r.boardPriority).toBe('P1')
    expect(r.lostBeforeCatchUp).toBeLessThanOrEqual(1)
  })
  it('an alert and a command at once: one open incident, one card, the ack and the repeat both recorded once', async () => {
    const r = ((await outcome.concurrency) as ConcurrencyOutcome).alertAndCommand
    expect(r.open).toBe(1)
    expect(r.cards).toBe(1)
    expect(r.record).toMatchObject({ commander: 'alice', stage: 'investigating' })
    expect(r.record!.alert).toMatchObject({ occurrences: 2 })
    expect(r.record!.alert!.deliveries.filter((d) => d === 'fire-2:db')).toHaveLength(1)
    expect(r.record!.events.filter((e) => e.kind === 'ack')).toHaveLength(1)
  })
})

// ---------- faults that outlast the retries ----------

interface ExhaustedOutcome {
  kind: string
  error: string
  stack: boolean
  equal: boolean
  injected: number
}

async function exhausted(): Promise<ExhaustedOutcome[]> {
  // After the first write of the intake run lands, every request fails (past the 4 retries): the run must fail
  // saying which GitHub call failed and its HTTP status; the next run repairs it to the fault-free state.
  const kinds = [502, 'timeout', 'secondary-403', 'lost-502'] as const
  const ref = await new World('exhausted-ref', { kind: 'plain' }, '', false).start()
  const n0 = ref.openIncident(FORM, '[Incident]: Search is failing', '2026-11-25T14:00:00Z')
  await ref.opened(n0, '2026-11-25T14:00:00Z')
  await ref.say(n0, 'alice', '/ack\n/update looking', '2026-11-25T14:05:00Z')
  const want = ref.snapshot()
  await ref.close()
  return Promise.all(
    kinds.map(async (kind) => {
      const w = await new World(`exhausted-${kind}`, { kind: 'plain' }, '', false).start()
      try {
        const n = w.openIncident(FORM, '[Incident]: Search is failing', '2026-11-25T14:00:00Z')
        await w.opened(n, '2026-11-25T14:00:00Z')
        w.emu.clock.set('2026-11-25T14:05:00Z')
        const c = w.emu.createComment(REPO, n, { body: '/ack\n/update looking', user: 'alice' })
        const payload = commentPayload(w.emu, REPO, n, c)
        const from = w.emu.requests.length
        const watch = setInterval(() => {
          if (w.emu.requests.slice(from).some((r) => r.write && r.status >= 200 && r.status < 300)) {
            w.emu.faults.failNext(25, kind)
            clearInterval(watch)
          }
        }, 2)
        const failed = await w.once('issue_comment', payload, 'run-x')
        clearInterval(watch)
        const injected = w.emu.faults.injected()
        // Drain what is left of the queue on reads that change nothing, then the repair run.
        while (w.emu.faults.injected() < 25 && injected > 0) {
          await fetch(`${w.emu.url}/rate_limit`, { headers: { authorization: `token ${w.emu.botToken}` } }).catch(
            () => undefined,
          )
        }
        const repaired = await w.once('issue_comment', payload, 'run-x')
        const error =
          failed.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? `exit ${failed.code}, no ::error::`
        return {
          kind: String(kind),
          error,
          stack: STACK_TRACE.test(failed.stdout + failed.stderr),
          equal: repaired.code === 0 && JSON.stringify(w.snapshot()) === JSON.stringify(want),
          injected,
        }
      } finally {
        tally.faultsInjected += w.emu.faults.injected()
        await w.close()
      }
    }),
  )
}

describe('faults that outlast the retries', () => {
  it('fail the run naming the GitHub call and its HTTP status, without a stack trace; the next run repairs to the fault-free state', async () => {
    const r = (await outcome.exhausted) as ExhaustedOutcome[]
    for (const x of r) {
      expect(x.injected, x.kind).toBeGreaterThan(0)
      expect(x.error, x.kind).toMatch(/^::error::IncidentOps failed: GitHub API .+ failed \(HTTP (4|5)\d\d\)/)
      expect(x.stack, x.kind).toBe(false)
      expect(x.equal, `${x.kind}: repaired to the fault-free state`).toBe(true)
    }
  })
})
