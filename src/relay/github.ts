/**
 * One `repository_dispatch` to GitHub (POST /repos/{owner}/{repo}/dispatches, 204 on success) with
 * bounded retries of GitHub's transient failures: 5xx, network errors, and 403/429 rate limits that
 * say when to come back (`retry-after`, or `x-ratelimit-remaining: 0` with `x-ratelimit-reset`).
 * `sleep` is injected so tests do not wait.
 */
import { GitHubApiError, getErrorMessage } from '../errors.js'

export interface DispatchOptions {
  apiUrl: string
  token: string
  /** 'owner/name' */
  repo: string
  eventType: string
  clientPayload: Record<string, unknown>
  /** Retries after the first attempt (default 3). */
  retries?: number
  sleep?: (ms: number) => Promise<void>
  /** Per-attempt timeout (default 15 s). */
  timeoutMs?: number
}

export interface DispatchResult {
  status: number
  attempts: number
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Longest wait we honour from a `retry-after` before giving up on this delivery instead. */
const MAX_WAIT_MS = 60_000

/** `owner/name` with GitHub's characters only. */
export const REPO_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/

function retryDelay(res: Response | null, attempt: number): number | null {
  const backoff = Math.min(1000 * 2 ** attempt, 30_000)
  if (!res) return backoff
  if (res.status >= 500) return backoff
  if (res.status === 429 || res.status === 403) {
    const after = res.headers.get('retry-after')
    if (after && /^\d+$/.test(after.trim())) return Math.max(1000, Number(after) * 1000)
    if (res.headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(res.headers.get('x-ratelimit-reset'))
      if (Number.isFinite(reset)) return Math.max(1000, reset * 1000 - Date.now())
    }
    return res.status === 429 ? backoff : null
  }
  return null
}

/** Sends the dispatch; resolves with the final status, or throws GitHubApiError after the retries. */
export async function sendDispatch(o: DispatchOptions): Promise<DispatchResult> {
  const retries = Math.max(0, o.retries ?? 3)
  const sleep = o.sleep ?? defaultSleep
  const route = `POST /repos/${o.repo}/dispatches`
  const url = `${o.apiUrl.replace(/\/+$/, '')}/repos/${o.repo}/dispatches`
  const body = JSON.stringify({ event_type: o.eventType, client_payload: o.clientPayload })
  let last = ''
  let lastStatus = 0
  let attempts = 0
  for (let attempt = 0; attempt <= retries; attempt++) {
    attempts = attempt + 1
    let res: Response | null = null
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${o.token}`,
          accept: 'application/vnd.github+json',
          'content-type': 'application/json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'incidentops-relay',
        },
        body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
      })
    } catch (error: unknown) {
      last = `network error: ${getErrorMessage(error)}`
      lastStatus = 0
    }
    if (res) {
      if (res.ok) {
        await res.arrayBuffer().catch(() => undefined)
        return { status: res.status, attempts: attempt + 1 }
      }
      lastStatus = res.status
      const text = await res.text().catch(() => '')
      let message = text.slice(0, 300)
      try {
        const j = JSON.parse(text) as { message?: unknown }
        if (typeof j.message === 'string') message = j.message.slice(0, 300)
      } catch {
        // not JSON: keep the text
      }
      last = `HTTP ${res.status}${message ? `: ${message}` : ''}`
    }
    const wait = retryDelay(res, attempt)
    if (wait === null || attempt === retries || wait > MAX_WAIT_MS) break
    await sleep(wait)
  }
  throw new GitHubApiError(
    `${route} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${last}`,
    lastStatus,
    route,
  )
}
