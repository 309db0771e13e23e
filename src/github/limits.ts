import { ConfigError } from '../errors.js'

/**
 * The pace the action keeps with GitHub: GitHub's documented limits, as one object that the
 * `api-limits` input (GitHub Enterprise Server, where an administrator sets other limits), the
 * tests and the bench can change. Every wait the action makes comes from here.
 *
 * Sources (docs.github.com, "Rate limits for the REST API" and "Rate limits and node limits for the
 * GraphQL API", "Best practices for using the REST API"):
 * - make requests serially; reads need no spacing;
 * - "If you are making a large number of POST, PATCH, PUT, or DELETE requests … wait at least one
 *   second between each request";
 * - secondary limit: no more than 80 content-generating requests per minute and 500 per hour;
 * - secondary limit: no more than 2,000 GraphQL points per minute (a query costs 1, a mutation 5);
 * - after a 403/429, wait `retry-after` seconds, or until `x-ratelimit-reset` when
 *   `x-ratelimit-remaining` is 0.
 */
export interface ApiLimits {
  /** Least time between the starts of two mutations (ms). GitHub: 1,000. */
  mutationSpacingMs: number
  /** Content-creating requests (issues, comments, pull requests…) in any 60 s of the run. GitHub: 80. */
  creationsPerMinute: number
  /** The same in any hour of the run. GitHub: 500. */
  creationsPerHour: number
  /** GraphQL points in any 60 s of the run (query 1, mutation 5). GitHub: 2,000. */
  graphqlPointsPerMinute: number
  /** How long one second of `retry-after` or of a retry's back-off lasts (ms). 1,000 on GitHub; tests shorten it. */
  retryBaseMs: number
  /** The longest the run waits for a limit to clear before it stops with a clear error (ms). */
  maxWaitMs: number
  /**
   * After closing an issue that is on the board, how long to wait for the project's built-in
   * "item closed" workflow before putting the card in the right column (ms). GitHub runs those
   * workflows asynchronously, a second or two after the close.
   */
  boardSettleMs: number
}

/** GitHub.com's documented limits. */
export const GITHUB_LIMITS: Readonly<ApiLimits> = Object.freeze({
  mutationSpacingMs: 1000,
  creationsPerMinute: 80,
  creationsPerHour: 500,
  graphqlPointsPerMinute: 2000,
  retryBaseMs: 1000,
  maxWaitMs: 60_000,
  boardSettleMs: 3000,
})

const KEYS: Record<string, { field: keyof ApiLimits; kind: 'duration' | 'count' }> = {
  'mutation-spacing': { field: 'mutationSpacingMs', kind: 'duration' },
  'creations-per-minute': { field: 'creationsPerMinute', kind: 'count' },
  'creations-per-hour': { field: 'creationsPerHour', kind: 'count' },
  'graphql-points-per-minute': { field: 'graphqlPointsPerMinute', kind: 'count' },
  'retry-base': { field: 'retryBaseMs', kind: 'duration' },
  'max-wait': { field: 'maxWaitMs', kind: 'duration' },
  'board-settle': { field: 'boardSettleMs', kind: 'duration' },
}

/**
 * Reads the `api-limits` input: `key=value` pairs separated by spaces, commas or new lines, over
 * GitHub's limits; durations as `250ms`, `1s`, `2m` (a bare 0 is allowed). Empty → GitHub's.
 */
export function parseApiLimits(text: string): ApiLimits {
  const limits: ApiLimits = { ...GITHUB_LIMITS }
  for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^([a-z-]+)=(.+)$/.exec(pair)
    const key = m ? KEYS[m[1]!] : undefined
    if (!m || !key) {
      throw new ConfigError(
        `The \`api-limits\` input has "${pair}": write key=value pairs with the keys ${Object.keys(KEYS).join(', ')}.`,
      )
    }
    const value = m[2]!
    if (key.kind === 'count') {
      if (!/^[1-9][0-9]{0,6}$/.test(value))
        throw new ConfigError(`The \`api-limits\` input's ${m[1]} must be a whole number above 0; it is "${value}".`)
      limits[key.field] = Number(value)
    } else {
      const d = /^([0-9]{1,7})(ms|s|m)?$/.exec(value)
      if (!d || (d[2] === undefined && d[1] !== '0')) {
        throw new ConfigError(
          `The \`api-limits\` input's ${m[1]} must be a duration like 250ms, 1s or 2m (or 0); it is "${value}".`,
        )
      }
      limits[key.field] = Number(d[1]) * (d[2] === 'm' ? 60_000 : d[2] === 's' ? 1000 : 1)
    }
  }
  return limits
}

/** Prints limits the way the input takes them (for the log). */
export function formatApiLimits(l: ApiLimits): string {
  const ms = (v: number) =>
    v === 0 ? '0' : v % 60_000 === 0 ? `${v / 60_000}m` : v % 1000 === 0 ? `${v / 1000}s` : `${v}ms`
  return Object.entries(KEYS)
    .map(([k, { field, kind }]) => `${k}=${kind === 'duration' ? ms(l[field]) : l[field]}`)
    .join(' ')
}
