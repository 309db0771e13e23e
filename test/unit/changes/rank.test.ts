import { describe, expect, it } from 'vitest'
import { rankSuspects, revertTargets, revertsDuring, type SuspectQuery } from '../../../src/changes/rank.js'
import { parseCause } from '../../../src/changes/cause.js'
import type { ChangePull, ChangeSet } from '../../../src/changes/types.js'

const pull = (p: Partial<ChangePull> & { number: number; mergedAt: string }): ChangePull => ({
  title: `change ${p.number}`,
  body: '',
  author: 'dev',
  mergeSha: `sha${p.number}`.padEnd(40, '0'),
  labels: [],
  files: [],
  filesTotal: p.files?.length ?? 0,
  firstCommitAt: null,
  ...p,
})

const Q: SuspectQuery = {
  startedAt: '2026-11-25T14:00:00Z',
  window: 24 * 3_600_000,
  paths: ['src/checkout/**'],
  owners: [],
  environment: 'production',
  hotfixLabels: ['hotfix'],
  now: '2026-11-25T15:00:00Z',
}

const set = (c: Partial<ChangeSet>): ChangeSet => ({
  defaultBranch: 'main',
  pulls: [],
  deployments: [],
  releases: [],
  codeowners: null,
  ...c,
})

describe('rankSuspects', () => {
  it('puts a change to the service paths before a closer one elsewhere, and says why', () => {
    const s = rankSuspects(
      set({
        pulls: [
          pull({ number: 1, mergedAt: '2026-11-25T12:00:00Z', files: ['src/checkout/a.ts', 'src/checkout/b.ts'] }),
          pull({ number: 2, mergedAt: '2026-11-25T13:55:00Z', files: ['docs/x.md'] }),
          pull({ number: 3, mergedAt: '2026-11-24T13:00:00Z', files: ['src/checkout/a.ts'] }), // out of the window
          pull({ number: 4, mergedAt: '2026-11-25T14:30:00Z', files: ['src/checkout/a.ts'] }), // after the start
        ],
      }),
      Q,
    )
    expect(s.map((x) => x.id)).toEqual([1, 2])
    expect(s[0]!.reasons).toEqual([
      { kind: 'time', minutes: 120 },
      { kind: 'paths', detail: 'src/checkout/a.ts', count: 2 },
    ])
    expect(s[1]!.reasons).toEqual([{ kind: 'time', minutes: 5 }])
  })

  it('a revert merged during the incident, a hotfix label and a deploy to the affected environment each count', () => {
    const a = pull({ number: 1, mergedAt: '2026-11-25T13:00:00Z', labels: ['Hotfix'] })
    const b = pull({ number: 2, mergedAt: '2026-11-25T13:00:00Z' })
    const revert = pull({
      number: 9,
      mergedAt: '2026-11-25T14:20:00Z',
      title: 'Revert "change 2"',
      body: 'Reverts acme/shop#2',
    })
    const changes = set({
      pulls: [a, b, revert],
      deployments: [
        {
          id: 77,
          sha: b.mergeSha!,
          environment: 'production',
          createdAt: '2026-11-25T13:10:00Z',
          statuses: [{ state: 'success', at: '2026-11-25T13:12:00Z' }],
        },
      ],
    })
    const s = rankSuspects(changes, Q)
    expect(s[0]!.id).toBe(2)
    expect(s[0]!.reasons.map((r) => r.kind)).toEqual(['time', 'reverted', 'deployed'])
    expect(s[1]!.reasons.map((r) => r.kind)).toEqual(['time', 'hotfix'])
    // The deployment is folded into the pull request it shipped: not a suspect of its own.
    expect(s).toHaveLength(2)
    expect(revertsDuring(changes, Q.startedAt, Q.now).map((x) => [x.revert.number, x.reverted.number])).toEqual([
      [9, 2],
    ])
  })

  it('without catalog paths, CODEOWNERS decides: the last matching rule wins', () => {
    const codeowners =
      '# owners\n* @acme/everyone\n/src/checkout/ @acme/payments\n/src/checkout/vendor/ @acme/vendors\n'
    const s = rankSuspects(
      set({
        codeowners,
        pulls: [
          pull({ number: 1, mergedAt: '2026-11-25T13:00:00Z', files: ['src/checkout/vendor/x.js'] }),
          pull({ number: 2, mergedAt: '2026-11-25T12:00:00Z', files: ['src/checkout/pay.ts'] }),
        ],
      }),
      { ...Q, paths: [], owners: ['@acme/payments'] },
    )
    expect(s[0]!.id).toBe(2)
    expect(s[0]!.reasons[1]).toEqual({ kind: 'owners', detail: 'src/checkout/pay.ts', count: 1 })
    expect(s[1]!.reasons.map((r) => r.kind)).toEqual(['time'])
  })

  it('keeps at most five, best first; a release of a merged commit is not listed twice', () => {
    const pulls = Array.from({ length: 8 }, (_, i) => pull({ number: i + 1, mergedAt: `2026-11-25T0${i + 1}:00:00Z` }))
    const s = rankSuspects(
      set({ pulls, releases: [{ tag: 'v1', name: null, sha: pulls[7]!.mergeSha, at: '2026-11-25T09:00:00Z' }] }),
      Q,
    )
    expect(s.map((x) => x.id)).toEqual([8, 7, 6, 5, 4])
  })
})

describe('revertTargets and parseCause', () => {
  it('reads GitHub revert titles and bodies', () => {
    expect(revertTargets({ title: 'Revert "Add cache"', body: 'Reverts acme/shop#12' }).numbers).toEqual([12])
    expect(revertTargets({ title: 'x', body: 'This reverts commit 1a2b3c4d5e.' }).shas).toEqual(['1a2b3c4d5e'])
    expect(revertTargets({ title: 'Fix #12', body: 'no revert here' }).numbers).toEqual([])
  })
  it('parses each form of /cause, and says how to write it otherwise', () => {
    expect(parseCause('#12')).toEqual({ kind: 'pr', number: 12 })
    expect(parseCause('NONE')).toEqual({ kind: 'none' })
    expect(parseCause('4567')).toEqual({ kind: 'deployment', id: 4567 })
    expect(parseCause('1a2b3c4')).toEqual({ kind: 'sha', sha: '1a2b3c4' })
    expect(parseCause('yesterday')).toHaveProperty('message')
    expect(parseCause('')).toHaveProperty('message')
  })
})
