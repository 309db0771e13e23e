// Fault injection: deterministic (failNext, failOn), seeded-random, and latency. The server asks
// `pick()` once per API request, before any handler runs: a faulted write is never applied,
// except with 'lost-502', where the write is applied and its response lost (a 502 in its place),
// as when GitHub's front end times out on a write that its back end finished.

export type FaultKind = 500 | 502 | 'secondary-403' | 429 | 'timeout' | 'lost-502'

export interface Faults {
  /** The next `n` API requests fail with `kind`. */
  failNext(n: number, kind: FaultKind): void
  /** The next `n` API requests whose route (`POST /repos/{owner}/{repo}/issues`, `POST /graphql Name`) matches fail with `kind`. */
  failOn(route: RegExp, n: number, kind: FaultKind): void
  /** Each API request fails with probability `rate`, kind drawn from `kinds`; `null` turns it off. */
  random(opts: { rate: number; seed: number; kinds: FaultKind[] } | null): void
  /** Delay every API response by `ms`. */
  latency(ms: number): void
  /** How many faults were injected so far. */
  injected(): number
  /** True while a fault is queued, targeted, random or a latency is set. */
  armed(): boolean
}

/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class FaultInjector implements Faults {
  private queue: { left: number; kind: FaultKind }[] = []
  private targeted: { route: RegExp; left: number; kind: FaultKind }[] = []
  private rng: { next: () => number; rate: number; kinds: FaultKind[] } | null = null
  private delayMs = 0
  private count = 0

  failNext(n: number, kind: FaultKind): void {
    if (n > 0) this.queue.push({ left: n, kind })
  }

  failOn(route: RegExp, n: number, kind: FaultKind): void {
    if (n > 0) this.targeted.push({ route, left: n, kind })
  }

  random(opts: { rate: number; seed: number; kinds: FaultKind[] } | null): void {
    if (opts && (!opts.kinds.length || opts.rate < 0 || opts.rate > 1))
      throw new Error('faults.random: rate must be in [0, 1] and kinds non-empty')
    this.rng = opts ? { next: mulberry32(opts.seed), rate: opts.rate, kinds: [...opts.kinds] } : null
  }

  latency(ms: number): void {
    this.delayMs = Math.max(0, ms)
  }

  injected(): number {
    return this.count
  }

  armed(): boolean {
    return this.queue.length > 0 || this.targeted.length > 0 || this.rng !== null || this.delayMs > 0
  }

  get delay(): number {
    return this.delayMs
  }

  /** The fault for this request, if any (deterministic queue first, then the seeded dice). */
  pick(route = ''): FaultKind | null {
    const t = this.targeted.find((x) => x.route.test(route))
    if (t) {
      if (--t.left <= 0) this.targeted.splice(this.targeted.indexOf(t), 1)
      this.count++
      return t.kind
    }
    const head = this.queue[0]
    if (head) {
      if (--head.left <= 0) this.queue.shift()
      this.count++
      return head.kind
    }
    if (this.rng && this.rng.next() < this.rng.rate) {
      this.count++
      const kinds = this.rng.kinds
      return kinds[Math.floor(this.rng.next() * kinds.length)] ?? kinds[0] ?? null
    }
    return null
  }
}
