import { describe, expect, it } from 'vitest'
import { computeDora, failureRateBand, frequencyBand, leadTimeBand, recoveryBand } from '../../../src/changes/dora.js'
import type { ChangeSet } from '../../../src/changes/types.js'

const H = 3_600_000
const D = 24 * H

describe('DORA on fixed data', () => {
  const changes: ChangeSet = {
    defaultBranch: 'main',
    codeowners: null,
    releases: [],
    pulls: [
      {
        number: 1,
        title: 'a',
        body: '',
        author: null,
        mergedAt: '2026-11-10T10:00:00Z',
        mergeSha: 'm1',
        labels: [],
        files: ['src/pay/x.ts'],
        filesTotal: 1,
        firstCommitAt: '2026-11-09T10:00:00Z',
      },
      {
        number: 2,
        title: 'b',
        body: '',
        author: null,
        mergedAt: '2026-11-11T10:00:00Z',
        mergeSha: 'm2',
        labels: [],
        files: ['docs/y.md'],
        filesTotal: 1,
        firstCommitAt: '2026-11-11T06:00:00Z',
      },
      {
        number: 3,
        title: 'c',
        body: '',
        author: null,
        mergedAt: '2026-11-12T10:00:00Z',
        mergeSha: 'm3',
        labels: [],
        files: ['src/pay/z.ts'],
        filesTotal: 1,
        firstCommitAt: '2026-11-12T09:00:00Z',
      },
    ],
    deployments: [
      // m1 deployed at 12:00, m2's deployment failed, m3's at 11:00 the next day ships m2 too.
      {
        id: 11,
        sha: 'm1',
        environment: 'production',
        createdAt: '2026-11-10T11:50:00Z',
        statuses: [{ state: 'success', at: '2026-11-10T12:00:00Z' }],
      },
      {
        id: 12,
        sha: 'm2',
        environment: 'production',
        createdAt: '2026-11-11T11:00:00Z',
        statuses: [{ state: 'failure', at: '2026-11-11T11:05:00Z' }],
      },
      {
        id: 13,
        sha: 'm3',
        environment: 'production',
        createdAt: '2026-11-12T10:50:00Z',
        statuses: [{ state: 'success', at: '2026-11-12T11:00:00Z' }],
      },
      {
        id: 14,
        sha: 'm3',
        environment: 'staging',
        createdAt: '2026-11-12T10:00:00Z',
        statuses: [{ state: 'success', at: '2026-11-12T10:10:00Z' }],
      },
    ],
  }
  const d = computeDora({
    changes,
    incidents: [
      {
        number: 50,
        services: ['pay'],
        startedAt: '2026-11-12T12:00:00Z',
        resolvedAt: '2026-11-12T12:40:00Z',
        dismissed: false,
        cause: { kind: 'pr', number: 3, by: 'a', at: '2026-11-12T12:10:00Z' },
      },
      {
        number: 51,
        services: [],
        startedAt: '2026-11-13T12:00:00Z',
        resolvedAt: null,
        dismissed: false,
        cause: { kind: 'none', by: 'a', at: '2026-11-13T12:10:00Z' },
      },
    ],
    start: '2026-11-01T00:00:00Z',
    end: '2026-11-29T00:00:00Z',
    environment: 'production',
    frequency: 'auto',
    services: [{ name: 'pay', paths: ['src/pay/**'] }],
  })

  // Half a deployment a week: between once a week and once a month, DORA's Medium.
  it('overall: two successful production deployments in 28 days, one failed by a confirmed cause', () => {
    expect(d.overall.source).toBe('deployments')
    expect(d.overall.deploymentFrequency).toMatchObject({ numerator: 2, denominator: 28, band: 'medium' })
    expect(d.overall.deploymentFrequency.perWeek).toBeCloseTo(0.5, 9)
    // Lead times: #1 26 h (first commit 11-09 10:00 → 11-10 12:00); #2 29 h (→ shipped by 13 at 11-12 11:00); #3 2 h.
    expect(d.overall.leadTime).toMatchObject({ n: 3, medianMs: 26 * H, band: 'high' })
    expect(d.overall.changeFailureRate).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, band: 'low' })
    expect(d.overall.recoveryTime).toMatchObject({ n: 1, open: 0, medianMs: 40 * 60_000, band: 'elite' })
  })

  it('per service: only the deployments that shipped its paths', () => {
    const pay = d.services.find((s) => s.service === 'pay')!
    expect(pay.deploymentFrequency.numerator).toBe(2)
    expect(pay.leadTime).toMatchObject({ n: 2, medianMs: (26 * H + 2 * H) / 2 })
    expect(pay.changeFailureRate).toMatchObject({ numerator: 1, denominator: 2 })
  })

  it('falls back to releases, then merges, when there are no deployments', () => {
    const none = computeDora({
      changes: { ...changes, deployments: [] },
      incidents: [],
      start: '2026-11-01T00:00:00Z',
      end: '2026-11-29T00:00:00Z',
      environment: 'production',
      frequency: 'auto',
      services: [],
    })
    expect(none.overall.source).toBe('merges')
    expect(none.overall.deploymentFrequency.numerator).toBe(3)
  })

  it('bands at their edges (DORA 2023)', () => {
    expect([
      frequencyBand(1),
      frequencyBand(0.99),
      frequencyBand(1 / 7),
      frequencyBand(1 / 30),
      frequencyBand(0.01),
    ]).toEqual(['elite', 'high', 'high', 'medium', 'low'])
    expect([leadTimeBand(D - 1), leadTimeBand(D), leadTimeBand(7 * D), leadTimeBand(31 * D)]).toEqual([
      'elite',
      'high',
      'high',
      'low',
    ])
    expect([failureRateBand(0.05), failureRateBand(0.1), failureRateBand(0.15), failureRateBand(0.16)]).toEqual([
      'elite',
      'high',
      'medium',
      'low',
    ])
    expect([recoveryBand(H - 1), recoveryBand(H), recoveryBand(7 * D), recoveryBand(8 * D)]).toEqual([
      'elite',
      'high',
      'medium',
      'low',
    ])
  })
})
