import { throttling } from '@octokit/plugin-throttling'
import { GitHubApiError } from '../errors.js'
import type { ApiLimits } from './limits.js'

/** What a request costs against GitHub's limits. */
export interface RequestKind {
  resource: 'core' | 'graphql' | 'search'
  /** POST/PATCH/PUT/DELETE, or a GraphQL mutation: spaced `mutationSpacingMs` apart. */
  mutation: boolean
  /** Creates content (an issue, a comment, a pull request…): counted against 80/min and 500/h. */
  creation: boolean
  /** GraphQL points for the per-minute secondary limit: a query 1, a mutation 5. */
  points: number
}

/**
 * Classifies a request from Octokit's endpoint options (URL template, method, GraphQL query).
 * Content creation follows plugin-throttling's own list of routes that create content and send
 * notifications (issues, comments, pull requests, reviews, releases…).
 */
export function classifyRequest(method: string, url: string, query?: unknown): RequestKind {
  const m = method.toUpperCase()
  const path = new URL(url, 'http://github.test').pathname
  if (path.endsWith('/graphql') && m === 'POST') {
    const mutation = typeof query === 'string' && /^\s*(?:#[^\n]*\n\s*)*mutation\b/.test(query)
    // A mutation that creates an issue, a comment or a pull request counts as content creation,
    // as the REST routes that do the same (a batch of writes may hold one: `writeTogether`).
    const creation = mutation && /\b(?:createIssue|addComment|createPullRequest|createDiscussion)\s*\(/.test(query)
    return { resource: 'graphql', mutation, creation, points: mutation ? 5 : 1 }
  }
  const mutation = m !== 'GET' && m !== 'HEAD'
  const creation =
    mutation &&
    m === 'POST' &&
    (throttling as unknown as { triggersNotification: (p: string) => boolean }).triggersNotification(path)
  return { resource: path.startsWith('/search/') ? 'search' : 'core', mutation, creation, points: 0 }
}

/** A wait that GitHub's limits require but that is longer than the run may wait (`max-wait`). */
export class RateLimitError extends GitHubApiError {
  override name = 'RateLimitError'
}

export interface LimiterClock {
  /** Monotonic milliseconds, for spacing and windows. */
  monotonic(): number
  /** Wall-clock epoch milliseconds, to compare with GitHub's `x-ratelimit-reset`. */
  epoch(): number
  sleep(ms: number): Promise<void>
}

export const realClock: LimiterClock = {
  monotonic: () => performance.now(),
  epoch: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}

const MINUTE = 60_000
const HOUR = 3_600_000

/**
 * Paces one token's requests: serial, reads unspaced, mutations `mutationSpacingMs` apart (end
 * to start), content creation and GraphQL points in sliding windows over the run, and no request
 * to a resource whose primary limit is spent until it resets. One limiter per token: GitHub counts
 * per identity, so the board's token has its own.
 */
export class RequestLimiter {
  private tail: Promise<unknown> = Promise.resolve()
  private lastMutation = Number.NEGATIVE_INFINITY
  private readonly creations: number[] = []
  private readonly points: { at: number; points: number }[] = []
  private readonly exhausted = new Map<RequestKind['resource'], number>()
  /** Total milliseconds spent waiting, for the log and the bench. */
  waitedMs = 0

  constructor(
    readonly limits: ApiLimits,
    private readonly clock: LimiterClock = realClock,
  ) {}

  /** Runs `send` when the limits allow, one request at a time. */
  schedule<T>(kind: RequestKind, send: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.runOne(kind, send))
    this.tail = run.catch(() => undefined)
    return run
  }

  /** Notes what a response says of the primary limit (`x-ratelimit-remaining`, `x-ratelimit-reset`). */
  observe(resource: RequestKind['resource'], headers: Record<string, unknown> | undefined): void {
    if (!headers) return
    const remaining = headers['x-ratelimit-remaining']
    const reset = Number(headers['x-ratelimit-reset'])
    const res = (
      typeof headers['x-ratelimit-resource'] === 'string' ? headers['x-ratelimit-resource'] : resource
    ) as RequestKind['resource']
    if (String(remaining) === '0' && Number.isFinite(reset)) this.exhausted.set(res, reset * 1000)
    else if (remaining !== undefined) this.exhausted.delete(res)
  }

  private async runOne<T>(kind: RequestKind, send: () => Promise<T>): Promise<T> {
    for (;;) {
      const wait = this.waitFor(kind)
      if (wait.ms <= 0) break
      if (wait.ms > this.limits.maxWaitMs) {
        const at = new Date(this.clock.epoch() + wait.ms).toISOString().slice(0, 19).replace('T', ' ')
        throw new RateLimitError(
          `GitHub's ${wait.why} allows the next request only at ${at} UTC, in ${Math.ceil(wait.ms / 1000)} s, longer than this run waits ` +
            `(max-wait ${Math.round(this.limits.maxWaitMs / 1000)} s). This request was not sent; what the run wrote before it is complete, and the next run carries on from there.`,
          429,
          'limiter',
        )
      }
      this.waitedMs += wait.ms
      await this.clock.sleep(wait.ms)
    }
    const now = this.clock.monotonic()
    if (kind.creation) this.creations.push(now)
    if (kind.points > 0) this.points.push({ at: now, points: kind.points })
    try {
      return await send()
    } finally {
      // "Wait at least one second between each request": from the end of one write to the start of
      // the next, so that GitHub, which sees arrivals, never sees two closer than that.
      if (kind.mutation) this.lastMutation = this.clock.monotonic()
    }
  }

  /** How long until `kind` may be sent, and which limit holds it. */
  private waitFor(kind: RequestKind): { ms: number; why: string } {
    const now = this.clock.monotonic()
    let best = { ms: 0, why: '' }
    const need = (ms: number, why: string) => {
      if (ms > best.ms) best = { ms, why }
    }
    const reset = this.exhausted.get(kind.resource)
    if (reset !== undefined) {
      // GitHub: retry after the reset time; one second more, as its docs ask.
      const ms = reset - this.clock.epoch() + 1000
      if (ms > 0) need(ms, `primary rate limit (${kind.resource})`)
      else this.exhausted.delete(kind.resource)
    }
    if (kind.mutation) need(this.lastMutation + this.limits.mutationSpacingMs - now, 'spacing between writes')
    if (kind.creation) {
      while (this.creations.length && this.creations[0]! <= now - HOUR) this.creations.shift()
      const lastMinute = this.creations.filter((t) => t > now - MINUTE)
      if (lastMinute.length >= this.limits.creationsPerMinute) {
        need(
          lastMinute[lastMinute.length - this.limits.creationsPerMinute]! + MINUTE - now,
          `content-creation limit (${this.limits.creationsPerMinute} a minute)`,
        )
      }
      if (this.creations.length >= this.limits.creationsPerHour) {
        need(
          this.creations[this.creations.length - this.limits.creationsPerHour]! + HOUR - now,
          `content-creation limit (${this.limits.creationsPerHour} an hour)`,
        )
      }
    }
    if (kind.points > 0) {
      while (this.points.length && this.points[0]!.at <= now - MINUTE) this.points.shift()
      let sum = kind.points
      for (const p of this.points) sum += p.points
      // Drop the oldest entries until the new request fits; wait until the last dropped one leaves the window.
      let i = 0
      while (sum > this.limits.graphqlPointsPerMinute && i < this.points.length) sum -= this.points[i++]!.points
      if (i > 0)
        need(
          this.points[i - 1]!.at + MINUTE - now,
          `GraphQL limit (${this.limits.graphqlPointsPerMinute} points a minute)`,
        )
    }
    return best
  }
}

type RequestOptions = { method: string; url: string; query?: unknown }
type HookedOctokit = {
  hook: {
    wrap: (
      name: 'request',
      fn: (
        request: (o: RequestOptions) => Promise<{ headers: Record<string, unknown> }>,
        options: RequestOptions,
      ) => Promise<unknown>,
    ) => void
  }
}

/**
 * An Octokit plugin that sends every request through the limiter. Given to `getOctokit` before
 * plugin-throttling and plugin-retry, its wrap is the innermost one, so it paces every attempt,
 * retries included, not just the first.
 */
export function limiterPlugin(limiter: RequestLimiter): (octokit: unknown) => void {
  return (octokit) => {
    ;(octokit as HookedOctokit).hook.wrap('request', async (request, options) => {
      const kind = classifyRequest(options.method, options.url, options.query)
      return await limiter.schedule(kind, async () => {
        try {
          const response = await request(options)
          limiter.observe(kind.resource, response.headers)
          return response
        } catch (error: unknown) {
          const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers
          limiter.observe(kind.resource, headers)
          throw error
        }
      })
    })
  }
}
