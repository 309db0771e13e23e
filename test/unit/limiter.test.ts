import { describe, expect, it } from 'vitest'
import { GITHUB_LIMITS, formatApiLimits, parseApiLimits, type ApiLimits } from '../../src/github/limits.js'
import {
  RateLimitError,
  RequestLimiter,
  classifyRequest,
  type LimiterClock,
  type RequestKind,
} from '../../src/github/limiter.js'
import { ConfigError } from '../../src/errors.js'

/** A clock that only moves when the limiter sleeps: waits are exact and cost no real time. */
function fakeClock(startEpoch = Date.parse('2026-12-01T00:00:00Z')): LimiterClock & { t: number; slept: number[] } {
  const c = {
    t: 0,
    slept: [] as number[],
    monotonic: () => c.t,
    epoch: () => startEpoch + c.t,
    sleep: async (ms: number) => {
      c.slept.push(ms)
      c.t += ms
    },
  }
  return c
}

const READ: RequestKind = { resource: 'core', mutation: false, creation: false, points: 0 }
const QUERY: RequestKind = { resource: 'graphql', mutation: false, creation: false, points: 1 }
const PATCH: RequestKind = { resource: 'core', mutation: true, creation: false, points: 0 }
const COMMENT: RequestKind = { resource: 'core', mutation: true, creation: true, points: 0 }

async function sendAll(l: RequestLimiter, clock: { t: number }, kinds: RequestKind[]): Promise<number[]> {
  const at: number[] = []
  for (const k of kinds) await l.schedule(k, async () => at.push(clock.t))
  return at
}

describe('classifyRequest', () => {
  it.each([
    [
      'GET',
      '/repos/{owner}/{repo}/issues',
      undefined,
      { resource: 'core', mutation: false, creation: false, points: 0 },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues',
      undefined,
      { resource: 'core', mutation: true, creation: true, points: 0 },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      undefined,
      { resource: 'core', mutation: true, creation: true, points: 0 },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      undefined,
      { resource: 'core', mutation: true, creation: false, points: 0 },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      undefined,
      { resource: 'core', mutation: true, creation: false, points: 0 },
    ],
    [
      'PUT',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      undefined,
      { resource: 'core', mutation: true, creation: false, points: 0 },
    ],
    ['POST', '/repos/{owner}/{repo}/pulls', undefined, { resource: 'core', mutation: true, creation: true, points: 0 }],
    ['GET', '/search/issues', undefined, { resource: 'search', mutation: false, creation: false, points: 0 }],
    [
      'POST',
      '/graphql',
      'query IncidentsPage { viewer { login } }',
      { resource: 'graphql', mutation: false, creation: false, points: 1 },
    ],
    [
      'POST',
      '/graphql',
      '\n  mutation CreateLabels { x }',
      { resource: 'graphql', mutation: true, creation: false, points: 5 },
    ],
    [
      'POST',
      '/graphql',
      '# a comment\nmutation M { x }',
      { resource: 'graphql', mutation: true, creation: false, points: 5 },
    ],
    [
      'POST',
      '/graphql',
      'mutation WriteTogether($w0: CreateIssueInput!) {\nw0: createIssue(input: $w0) { issue { number } }\n}',
      { resource: 'graphql', mutation: true, creation: true, points: 5 },
    ],
  ] as const)('%s %s', (method, url, query, want) => {
    expect(classifyRequest(method, url, query)).toEqual(want)
  })
})

describe('RequestLimiter', () => {
  it('sends reads one after another without waiting', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(GITHUB_LIMITS, c)
    expect(await sendAll(l, c, [READ, QUERY, READ, QUERY, READ])).toEqual([0, 0, 0, 0, 0])
    expect(c.slept).toEqual([])
  })

  it('spaces mutations one second apart, from the end of one to the start of the next, and lets reads through between them', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(GITHUB_LIMITS, c)
    const at = await sendAll(l, c, [PATCH, READ, PATCH, PATCH, READ])
    expect(at).toEqual([0, 0, 1000, 2000, 2000])
  })

  it('counts the spacing from the end of a slow write, so GitHub never sees two writes arrive closer than that', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(GITHUB_LIMITS, c)
    const starts: number[] = []
    for (let i = 0; i < 3; i++) {
      await l.schedule(PATCH, async () => {
        starts.push(c.t)
        c.t += 300 // the write takes 300 ms to answer
      })
    }
    expect(starts).toEqual([0, 1300, 2600])
  })

  it('runs requests strictly one at a time even when scheduled together', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(GITHUB_LIMITS, c)
    let inFlight = 0
    let most = 0
    await Promise.all(
      [PATCH, READ, PATCH, READ].map((k) =>
        l.schedule(k, async () => {
          most = Math.max(most, ++inFlight)
          await Promise.resolve()
          inFlight--
        }),
      ),
    )
    expect(most).toBe(1)
  })

  it('never lets more than creations-per-minute creations into any 60 s window', async () => {
    const c = fakeClock()
    const limits: ApiLimits = { ...GITHUB_LIMITS, mutationSpacingMs: 0, creationsPerMinute: 80 }
    const l = new RequestLimiter(limits, c)
    const at = await sendAll(
      l,
      c,
      Array.from({ length: 200 }, () => COMMENT),
    )
    for (let i = 80; i < at.length; i++) expect(at[i]! - at[i - 80]!).toBeGreaterThanOrEqual(60_000)
    // And it waits no longer than needed: the 81st goes exactly when the 1st leaves the window.
    expect(at[80]).toBe(60_000)
    expect(at[160]).toBe(120_000)
  })

  it('keeps the hourly creation limit over the run', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(
      {
        ...GITHUB_LIMITS,
        mutationSpacingMs: 0,
        creationsPerMinute: 1000,
        creationsPerHour: 500,
        maxWaitMs: 2 * 3_600_000,
      },
      c,
    )
    const at = await sendAll(
      l,
      c,
      Array.from({ length: 501 }, () => COMMENT),
    )
    expect(at[499]).toBe(0)
    expect(at[500]).toBe(3_600_000)
  })

  it('keeps GraphQL points under the per-minute limit (a mutation costs 5)', async () => {
    const c = fakeClock()
    const l = new RequestLimiter({ ...GITHUB_LIMITS, mutationSpacingMs: 0, graphqlPointsPerMinute: 10 }, c)
    const M: RequestKind = { resource: 'graphql', mutation: true, creation: false, points: 5 }
    const at = await sendAll(l, c, [QUERY, QUERY, QUERY, QUERY, QUERY, M, QUERY])
    // 5 points of queries, then a mutation (10), then one more query must wait for the first to leave.
    expect(at).toEqual([0, 0, 0, 0, 0, 0, 60_000])
  })

  it('waits for the primary limit to reset when a response says nothing remains, one second past the reset', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(GITHUB_LIMITS, c)
    const reset = Math.floor(c.epoch() / 1000) + 30
    await l.schedule(READ, async () =>
      l.observe('core', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }),
    )
    // GraphQL has its own budget: not held.
    expect(await sendAll(l, c, [QUERY])).toEqual([0])
    const [at] = await sendAll(l, c, [READ])
    expect(at).toBe(31_000)
  })

  it('fails clearly, without sending, when a limit needs a longer wait than max-wait', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(GITHUB_LIMITS, c)
    const reset = Math.floor(c.epoch() / 1000) + 1800
    await l.schedule(READ, async () =>
      l.observe('core', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
      }),
    )
    let sent = false
    const err = await l.schedule(PATCH, async () => (sent = true)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RateLimitError)
    expect(String((err as Error).message)).toMatch(
      /primary rate limit \(core\) allows the next request only at 2026-12-01 00:30:01 UTC, in 1801 s/,
    )
    expect(String((err as Error).message)).toMatch(/This request was not sent/)
    expect(sent).toBe(false)
    expect(c.slept).toEqual([])
    // The queue is not stuck: a GraphQL read still goes.
    expect(await sendAll(l, c, [QUERY])).toEqual([0])
  })

  it('a failed request does not stop the ones after it', async () => {
    const c = fakeClock()
    const l = new RequestLimiter(GITHUB_LIMITS, c)
    await expect(l.schedule(PATCH, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await sendAll(l, c, [PATCH])).toEqual([1000])
  })
})

describe('parseApiLimits', () => {
  it('is GitHub.com limits when empty', () => {
    expect(parseApiLimits('')).toEqual(GITHUB_LIMITS)
    expect(parseApiLimits('  \n ')).toEqual(GITHUB_LIMITS)
  })

  it('reads key=value pairs over the defaults, with units', () => {
    const l = parseApiLimits(
      'mutation-spacing=0 retry-base=1ms,\ncreations-per-minute=40 max-wait=2m board-settle=500ms',
    )
    expect(l).toEqual({
      ...GITHUB_LIMITS,
      mutationSpacingMs: 0,
      retryBaseMs: 1,
      creationsPerMinute: 40,
      maxWaitMs: 120_000,
      boardSettleMs: 500,
    })
    expect(parseApiLimits(formatApiLimits(l))).toEqual(l)
    expect(formatApiLimits(GITHUB_LIMITS)).toBe(
      'mutation-spacing=1s creations-per-minute=80 creations-per-hour=500 graphql-points-per-minute=2000 retry-base=1s max-wait=1m board-settle=3s',
    )
  })

  it.each([
    ['mutation-spacing', /key=value pairs with the keys mutation-spacing, /],
    ['spacing=1s', /has "spacing=1s"/],
    ['mutation-spacing=1', /must be a duration like 250ms, 1s or 2m \(or 0\); it is "1"/],
    ['mutation-spacing=-1s', /must be a duration/],
    ['creations-per-minute=0', /creations-per-minute must be a whole number above 0; it is "0"/],
    ['creations-per-hour=1.5', /whole number/],
  ])('refuses %j with a message that says what to write', (text, message) => {
    expect(() => parseApiLimits(text)).toThrow(ConfigError)
    expect(() => parseApiLimits(text)).toThrow(message)
  })
})
