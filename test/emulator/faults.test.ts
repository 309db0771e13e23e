import { Octokit } from '@octokit/rest'
import { retry } from '@octokit/plugin-retry'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

const repo = 'acme/shop'
let emu: Emulator
let bot: Octokit

const log = { debug() {}, info() {}, warn() {}, error() {} }

/** Status and headers of a failed Octokit call; 0 when the connection itself failed. */
async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, unknown> }> {
  try {
    await p
  } catch (e) {
    const err = e as { status?: number; message: string; response?: { headers: Record<string, unknown> } }
    return { status: err.status ?? 0, message: err.message, headers: err.response?.headers ?? {} }
  }
  throw new Error('expected the request to fail')
}

beforeAll(async () => {
  emu = await startEmulator()
  emu.addRepo(repo)
  emu.createIssue(repo, { title: 'first', user: 'alice' })
  bot = new Octokit({ auth: emu.botToken, baseUrl: emu.url, log })
})
afterEach(() => {
  emu.faults.random(null)
  emu.faults.latency(0)
  emu.resetCounters()
})
afterAll(() => emu.close())

describe('faults', () => {
  it('failNext(1, 502) fails exactly one request, then the same call succeeds', async () => {
    const before = emu.faults.injected()
    emu.faults.failNext(1, 502)
    expect((await failure(bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 }))).status).toBe(502)
    expect((await bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 })).status).toBe(200)
    expect(emu.faults.injected()).toBe(before + 1)
  })

  it('a retrying client recovers from a 500', async () => {
    const Retrying = Octokit.plugin(retry)
    const client = new Retrying({
      auth: emu.botToken,
      baseUrl: emu.url,
      log,
      retry: { retryAfterBaseValue: 1 },
      request: { retries: 2 },
    })
    emu.faults.failNext(2, 500)
    expect((await client.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 })).status).toBe(200)
    expect(emu.counts().total).toBe(3)
  })

  it('secondary-403 carries retry-after and the secondary rate limit message; 429 too', async () => {
    emu.faults.failNext(1, 'secondary-403')
    const e = await failure(bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 }))
    expect(e.status).toBe(403)
    expect(e.headers['retry-after']).toBe('1')
    expect(e.message).toMatch(/secondary rate limit/)
    emu.faults.failNext(1, 429)
    const t = await failure(bot.graphql('{ viewer { login } }'))
    expect(t.status).toBe(429)
    expect(t.headers['retry-after']).toBe('1')
  })

  it('a faulted write is not applied', async () => {
    for (const kind of [500, 502, 'secondary-403', 429, 'timeout'] as const) {
      emu.faults.failNext(1, kind)
      await failure(
        bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: `during ${kind}` }),
      )
    }
    const { node_id } = emu.getIssue(repo, 1)
    emu.faults.failNext(1, 502)
    await failure(
      bot.graphql(`mutation($id: ID!) { addComment(input: {subjectId: $id, body: "x"}) { clientMutationId } }`, {
        id: node_id,
      }),
    )
    expect(emu.listComments(repo, 1)).toEqual([])
    const log = emu.requests.map((r) => [r.status, r.write, r.fault])
    expect(log).toEqual([
      [500, true, 500],
      [502, true, 502],
      [403, true, 'secondary-403'],
      [429, true, 429],
      [0, true, 'timeout'],
      [502, true, 502],
    ])
  })

  it("'lost-502' applies the write and answers 502; failOn targets one route only", async () => {
    const n = emu.createIssue(repo, { title: 'lost', user: 'alice' }).number
    emu.faults.failOn(/^POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments$/, 1, 'lost-502')
    expect((await bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: n })).status).toBe(200)
    expect(
      (
        await failure(
          bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: n, body: 'applied, answer lost' }),
        )
      ).status,
    ).toBe(502)
    expect(emu.listComments(repo, n).map((c) => c.body)).toEqual(['applied, answer lost'])
    expect(
      (await bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: n, body: 'second' })).status,
    ).toBe(201)
    expect(emu.requests.map((r) => [r.route, r.status, r.fault ?? null])).toEqual([
      ['GET /repos/{owner}/{repo}/issues/{issue_number}', 200, null],
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 502, 'lost-502'],
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 201, null],
    ])
  })

  it('random faults are reproducible from the seed', async () => {
    const run = async () => {
      emu.faults.random({ rate: 0.5, seed: 42, kinds: [500, 502] })
      const statuses: number[] = []
      for (let n = 0; n < 12; n++) {
        try {
          statuses.push((await bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 })).status)
        } catch (e) {
          statuses.push((e as { status: number }).status)
        }
      }
      emu.faults.random(null)
      return statuses
    }
    const a = await run()
    const b = await run()
    expect(a).toEqual(b)
    expect(a.some((s) => s !== 200)).toBe(true)
    expect(a.some((s) => s === 200)).toBe(true)
  })

  it('latency delays responses; in-process helpers are never faulted or counted', async () => {
    emu.faults.latency(120)
    const t0 = Date.now()
    await bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 })
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100)
    emu.faults.latency(0)
    emu.faults.failNext(1, 500)
    emu.createComment(repo, 1, { body: 'from the UI', user: 'alice' })
    expect(emu.listComments(repo, 1)).toHaveLength(1)
    expect(emu.counts().total).toBe(1)
    emu.faults.failNext(0, 500)
    // The queued fault still hits the next API request, not the helper.
    expect((await failure(bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 }))).status).toBe(500)
  })
})

describe('request accounting', () => {
  it('counts per templated route, separates REST from GraphQL, and flags writes', async () => {
    await bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: 'a' })
    await bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: 'b' })
    await bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 })
    await bot.graphql('query IncidentContext { viewer { login } }')
    await bot.graphql('query IncidentContext { viewer { login } }')
    await bot.graphql(
      `mutation AddNote($id: ID!) { addComment(input: {subjectId: $id, body: "c"}) { clientMutationId } }`,
      { id: emu.getIssue(repo, 1).node_id },
    )
    expect(emu.counts()).toEqual({
      total: 6,
      rest: 3,
      graphql: 3,
      writes: 3,
      byRoute: {
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': 2,
        'GET /repos/{owner}/{repo}/issues/{issue_number}': 1,
        'POST /graphql IncidentContext': 2,
        'POST /graphql AddNote': 1,
      },
    })
    expect(emu.requests[5]?.graphql).toEqual({ operationName: 'AddNote', mutation: true, cost: 1 })
    emu.resetCounters()
    expect(emu.counts().total).toBe(0)
  })
})
