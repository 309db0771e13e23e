/**
 * Suspect changes of an incident: the pull requests merged to the default branch, the deployments
 * and the releases of the window before its start, ranked with the reasons that put them there.
 * Pure: the same changes, incident and config give the same list.
 */
import picomatch from 'picomatch'
import ignore from 'ignore'
import type { ChangeDeployment, ChangePull, ChangeRelease, ChangeSet } from './types.js'

/** Why a change is a suspect. The render (src/render/suspects.ts) words them; `detail` is data, never markdown. */
export type Reason =
  /** Merged/deployed/released `minutes` before the start. */
  | { kind: 'time'; minutes: number }
  /** Touches the service's code paths: `detail` is the first matching file, `count` how many match. */
  | { kind: 'paths'; detail: string; count: number }
  /** Touches files CODEOWNERS gives to the service's owners: `detail` is the first such file. */
  | { kind: 'owners'; detail: string; count: number }
  /** Reverted by pull request `number`, merged at `at`. */
  | { kind: 'reverted'; number: number; at: string }
  /** Carries a hotfix label (`detail`). */
  | { kind: 'hotfix'; detail: string }
  /** Shipped to the affected environment by deployment `id` at `at` (its latest state `detail`). */
  | { kind: 'deployed'; id: number; at: string; detail: string }

export interface Suspect {
  kind: 'pr' | 'deployment' | 'release'
  /** The pull request's number, the deployment's id, or null for a release. */
  id: number | null
  /** A release's tag. */
  tag?: string
  /** The commit: a pull request's merge commit, a deployment's or a release's. */
  sha: string | null
  /** The pull request's title, the deployment's environment, the release's name (user text: defuse when shown). */
  title: string
  /** When it landed: merged, deployed, released. */
  at: string
  score: number
  reasons: Reason[]
}

export interface SuspectQuery {
  startedAt: string
  /** Milliseconds before the start. */
  window: number
  /** The incident's service code paths (globs), from the catalog; empty when none. */
  paths: readonly string[]
  /** The service's owners (`@org/team`, `@user`), matched against CODEOWNERS when it has no paths. */
  owners: readonly string[]
  environment: string
  hotfixLabels: readonly string[]
  /** Until when reverts count (GitHub's clock now). */
  now: string
}

/** How many suspects the card and the record keep. */
export const MAX_SUSPECTS = 5

const WEIGHT = { paths: 40, owners: 30, reverted: 30, deployed: 15, hotfix: 15, time: 20 } as const

/** `Reverts #12`, `Revert "…" … #12`, or "This reverts commit <sha>": what a revert's title and body say. */
export function revertTargets(pull: Pick<ChangePull, 'title' | 'body'>): { numbers: number[]; shas: string[] } {
  const text = `${pull.title}\n${pull.body}`
  const numbers = [...text.matchAll(/\breverts?\s+(?:[\w.-]+\/[\w.-]+)?#(\d{1,9})\b/gi)].map((m) => Number(m[1]))
  const shas = [...text.matchAll(/\bthis reverts commit ([0-9a-f]{7,40})\b/gi)].map((m) => m[1]!.toLowerCase())
  return { numbers: [...new Set(numbers)], shas: [...new Set(shas)] }
}

/** The pull request a revert undoes, among `pulls` (by number, else by merge sha prefix). */
export function revertedPull(revert: ChangePull, pulls: readonly ChangePull[]): ChangePull | undefined {
  const t = revertTargets(revert)
  return pulls.find(
    (p) =>
      p.number !== revert.number &&
      (t.numbers.includes(p.number) || (p.mergeSha !== null && t.shas.some((s) => p.mergeSha!.startsWith(s)))),
  )
}

/** A file matcher for the service: its catalog globs, else the CODEOWNERS rules that name its owners. */
function serviceMatcher(
  q: SuspectQuery,
  codeowners: string | null,
): { kind: 'paths' | 'owners'; test: (f: string) => boolean } | null {
  if (q.paths.length) {
    const m = picomatch([...q.paths], { dot: true })
    return { kind: 'paths', test: (f) => m(f) }
  }
  const owners = new Set(q.owners.map((o) => o.toLowerCase().replace(/^@?/, '@')))
  if (!codeowners || owners.size === 0) return null
  // CODEOWNERS: the LAST matching line wins, so a file is the service's only when that line names it.
  const rules = codeowners
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [pattern, ...who] = l.split(/\s+/)
      return { match: ignore().add(pattern!), mine: who.some((w) => owners.has(w.toLowerCase())) }
    })
    .reverse()
  return {
    kind: 'owners',
    test: (f) => {
      const hit = rules.find((r) => {
        try {
          return r.match.ignores(f)
        } catch {
          return false
        }
      })
      return hit?.mine ?? false
    },
  }
}

const minutesBefore = (at: string, start: string): number => Math.round((Date.parse(start) - Date.parse(at)) / 60_000)

/** The deployments to `environment` that shipped `sha` (exact merge commit), oldest first. */
function deploymentsOf(sha: string | null, deployments: readonly ChangeDeployment[], env: string): ChangeDeployment[] {
  if (!sha) return []
  return deployments
    .filter((d) => d.sha === sha && d.environment.toLowerCase() === env.toLowerCase())
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
}

const latestState = (d: ChangeDeployment): string => d.statuses[d.statuses.length - 1]?.state.toLowerCase() ?? 'pending'

/**
 * Ranks the changes of the window before the start. A pull request absorbs the deployments and the
 * release that shipped its merge commit (one suspect, not three); the others stand alone. Reverts
 * merged since the start (until `now`) mark what they undo. Highest score first; ties: closest to
 * the start first, then by number/id.
 */
export function rankSuspects(changes: ChangeSet, q: SuspectQuery): Suspect[] {
  const start = Date.parse(q.startedAt)
  const from = start - q.window
  const inWindow = (at: string): boolean => Date.parse(at) >= from && Date.parse(at) <= start
  const pulls = changes.pulls.filter((p) => inWindow(p.mergedAt))
  const matcher = serviceMatcher(q, changes.codeowners)
  const hotfix = new Set(q.hotfixLabels.map((l) => l.toLowerCase()))
  const reverts = changes.pulls.filter(
    (p) => Date.parse(p.mergedAt) > start && Date.parse(p.mergedAt) <= Date.parse(q.now),
  )
  const shipped = new Set<number>()
  const taggedShas = new Set<string>()
  const timeScore = (at: string): number => Math.max(0, 1 - (start - Date.parse(at)) / Math.max(1, q.window))

  const out: Suspect[] = []
  for (const p of pulls) {
    const reasons: Reason[] = [{ kind: 'time', minutes: minutesBefore(p.mergedAt, q.startedAt) }]
    let score = WEIGHT.time * timeScore(p.mergedAt)
    if (matcher) {
      const hits = p.files.filter((f) => matcher.test(f))
      if (hits.length) {
        reasons.push({ kind: matcher.kind, detail: hits[0]!, count: hits.length })
        score += WEIGHT[matcher.kind]
      }
    }
    const revert = reverts.find((r) => revertedPull(r, [p]) !== undefined)
    if (revert) {
      reasons.push({ kind: 'reverted', number: revert.number, at: revert.mergedAt })
      score += WEIGHT.reverted
    }
    const hot = p.labels.find((l) => hotfix.has(l.toLowerCase()))
    if (hot) {
      reasons.push({ kind: 'hotfix', detail: hot })
      score += WEIGHT.hotfix
    }
    const deps = deploymentsOf(p.mergeSha, changes.deployments, q.environment).filter(
      (d) => Date.parse(d.createdAt) <= start,
    )
    for (const d of deps) shipped.add(d.id)
    const dep = deps[deps.length - 1]
    if (dep) {
      reasons.push({ kind: 'deployed', id: dep.id, at: dep.createdAt, detail: latestState(dep) })
      score += WEIGHT.deployed
    }
    if (p.mergeSha) taggedShas.add(p.mergeSha)
    out.push({ kind: 'pr', id: p.number, sha: p.mergeSha, title: p.title, at: p.mergedAt, score, reasons })
  }
  for (const d of changes.deployments) {
    if (shipped.has(d.id) || !inWindow(d.createdAt)) continue
    const reasons: Reason[] = [{ kind: 'time', minutes: minutesBefore(d.createdAt, q.startedAt) }]
    let score = WEIGHT.time * timeScore(d.createdAt)
    if (d.environment.toLowerCase() === q.environment.toLowerCase()) {
      reasons.push({ kind: 'deployed', id: d.id, at: d.createdAt, detail: latestState(d) })
      score += WEIGHT.deployed
    }
    out.push({ kind: 'deployment', id: d.id, sha: d.sha, title: d.environment, at: d.createdAt, score, reasons })
  }
  for (const r of changes.releases as ChangeRelease[]) {
    if (!inWindow(r.at) || (r.sha && taggedShas.has(r.sha))) continue
    const reasons: Reason[] = [{ kind: 'time', minutes: minutesBefore(r.at, q.startedAt) }]
    out.push({
      kind: 'release',
      id: null,
      tag: r.tag,
      sha: r.sha,
      title: r.name ?? r.tag,
      at: r.at,
      score: WEIGHT.time * timeScore(r.at),
      reasons,
    })
  }
  const rounded = out.map((s) => ({ ...s, score: Math.round(s.score * 10) / 10 }))
  return rounded
    .sort(
      (a, b) =>
        b.score - a.score ||
        Date.parse(b.at) - Date.parse(a.at) ||
        (a.id ?? 0) - (b.id ?? 0) ||
        a.kind.localeCompare(b.kind),
    )
    .slice(0, MAX_SUSPECTS)
}

/**
 * Reverts merged since the start whose target is among the suspects (or any merged pull request of
 * the changes): proposed as the cause (the reverted change) and a mitigation (the revert).
 */
export function revertsDuring(
  changes: ChangeSet,
  startedAt: string,
  now: string,
): { revert: ChangePull; reverted: ChangePull }[] {
  const start = Date.parse(startedAt)
  const out: { revert: ChangePull; reverted: ChangePull }[] = []
  for (const r of changes.pulls) {
    const at = Date.parse(r.mergedAt)
    if (at <= start || at > Date.parse(now)) continue
    const target = revertedPull(r, changes.pulls)
    if (target) out.push({ revert: r, reverted: target })
  }
  return out
}
