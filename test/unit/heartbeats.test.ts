import { describe, expect, it } from 'vitest'
import {
  SWEEP_LATE_MARKER,
  SWEEP_ON_LABEL_NAME,
  decodeHeartbeat,
  deadline,
  heartbeatAlert,
  heartbeatComment,
  heartbeatState,
  pingNeedsWrite,
  readHeartbeats,
  sweepLastRun,
  sweepLateNotice,
  sweepNeedsStamp,
  sweepOverdue,
  sweepStampDescription,
  HEARTBEATS_ISSUE_MARKER,
} from '../../src/domain/heartbeats.js'
import { SWEEP_ON_LABEL } from '../../src/events/calm.js'
import { loadConfig } from '../../src/config/load.js'
import { ConfigError } from '../../src/errors.js'
import { KEY_PATTERN } from '../../src/alerts/schema.js'
import type { HeartbeatConfig } from '../../src/config/types.js'

const hb: HeartbeatConfig = {
  name: 'nightly-backup',
  period: 3_600_000,
  grace: 15 * 60_000,
  priority: 'P2',
  service: 'backups',
}
const MIN = 60_000

describe('when a heartbeat is late', () => {
  it('is late strictly after last ping + period + grace, not at that minute', () => {
    const last = '2026-12-01T12:30:00.000Z'
    expect(new Date(deadline(hb, last)).toISOString()).toBe('2026-12-01T13:45:00.000Z')
    expect(heartbeatState(hb, last, '2026-12-01T13:44:00Z').kind).toBe('ok')
    expect(heartbeatState(hb, last, '2026-12-01T13:45:00Z').kind).toBe('ok')
    expect(heartbeatState(hb, last, '2026-12-01T13:45:01Z').kind).toBe('late')
    expect(heartbeatState(hb, last, '2026-12-01T13:46:00Z')).toEqual({
      kind: 'late',
      lastPing: last,
      deadline: '2026-12-01T13:45:00.000Z',
    })
  })

  it('a heartbeat never pinged is waiting, whatever the time', () => {
    expect(heartbeatState(hb, null, '2030-01-01T00:00:00Z')).toEqual({ kind: 'waiting' })
  })

  it.each([
    [{ period: 10 * MIN, grace: 5 * MIN }, '12:15', '12:16'],
    [{ period: 86_400_000, grace: 0 + 1000 }, '12:00', '12:01'],
  ])('period and grace add up (%o)', (p, okAt, lateAt) => {
    const last = '2026-12-01T12:00:00.000Z'
    const day = p.period >= 86_400_000 ? '2026-12-02' : '2026-12-01'
    expect(heartbeatState(p, last, `${day}T${okAt}:00Z`).kind).toBe('ok')
    expect(heartbeatState(p, last, `${day}T${lateAt}:00Z`).kind).toBe('late')
  })

  it('writes a ping only when the recorded one is a minute old or more', () => {
    expect(pingNeedsWrite(undefined, '2026-12-01T12:00:00Z')).toBe(true)
    const stored = { v: 1 as const, name: 'x', lastPing: '2026-12-01T12:00:00.000Z' }
    expect(pingNeedsWrite(stored, '2026-12-01T12:00:59Z')).toBe(false)
    expect(pingNeedsWrite(stored, '2026-12-01T12:01:00Z')).toBe(true)
  })
})

describe('the pings record', () => {
  const ours = (id: number, body: string) => ({
    databaseId: id,
    body,
    viewerDidAuthor: true,
    createdAt: '2026-12-01T12:00:00Z',
  })
  const issue = (number: number, comments: ReturnType<typeof ours>[], viewerDidAuthor = true) => ({
    number,
    body: `${HEARTBEATS_ISSUE_MARKER}\nhello`,
    viewerDidAuthor,
    comments,
  })

  it('round-trips through the comment, which says the deadline to people', () => {
    const body = heartbeatComment(hb, '2026-12-01T12:30:00.000Z')
    expect(body.split('\n')[0]).toBe('<!-- incidentops:heartbeat:nightly-backup -->')
    expect(body).toContain('late (an incident opens) after 2026-12-01 13:45 UTC')
    expect(decodeHeartbeat(body)).toEqual({ v: 1, name: 'nightly-backup', lastPing: '2026-12-01T12:30:00.000Z' })
  })

  it('trusts only our issue and our comments; racing duplicates: the latest ping, the lowest issue', () => {
    const forged = { ...ours(9, heartbeatComment(hb, '2026-12-01T18:00:00.000Z')), viewerDidAuthor: false }
    const store = readHeartbeats([
      issue(7, [ours(70, heartbeatComment(hb, '2026-12-01T12:30:00.000Z')), forged]),
      issue(5, [ours(50, heartbeatComment(hb, '2026-12-01T12:00:00.000Z'))]),
      issue(3, [ours(30, heartbeatComment(hb, '2026-12-01T23:00:00.000Z'))], false),
    ])
    expect(store.issue).toBe(5)
    // The comment every run edits is the first one on the lowest issue; the ping is the latest of all.
    expect(store.beats.get('nightly-backup')).toMatchObject({ lastPing: '2026-12-01T12:30:00.000Z', commentId: 50 })
    const twice = readHeartbeats([
      issue(5, [
        ours(52, heartbeatComment(hb, '2026-12-01T13:00:00.000Z')),
        ours(51, heartbeatComment(hb, '2026-12-01T12:00:00.000Z')),
      ]),
    ])
    expect(twice.beats.get('nightly-backup')).toMatchObject({ lastPing: '2026-12-01T13:00:00.000Z', commentId: 51 })
  })

  it('a comment whose marker names another heartbeat than its record is ignored', () => {
    const body = heartbeatComment(hb, '2026-12-01T12:30:00.000Z').replace(
      'heartbeat:nightly-backup -->',
      'heartbeat:other -->',
    )
    expect(readHeartbeats([issue(1, [ours(1, body)])]).beats.size).toBe(0)
  })

  it('no issue yet: nothing recorded', () => {
    expect(readHeartbeats(undefined)).toEqual({ issue: null, beats: new Map() })
  })
})

describe('the alert a late heartbeat raises', () => {
  it('is keyed heartbeat:<name>, starts when the missed ping was due, and carries the priority as severity', () => {
    const a = heartbeatAlert(hb, 'firing', '2026-12-01T12:30:00.000Z', '2026-12-01T13:46:00.000Z')
    expect(a).toMatchObject({
      key: 'heartbeat:nightly-backup',
      status: 'firing',
      source: 'heartbeat',
      severity: 'p2',
      service: 'backups',
      startsAt: '2026-12-01T13:30:00.000Z',
      labels: { heartbeat: 'nightly-backup' },
    })
    expect(KEY_PATTERN.test(a.key)).toBe(true)
    expect(a.description).toContain('late since 2026-12-01 13:45 UTC')
    expect(heartbeatAlert(hb, 'resolved', '2026-12-01T12:30:00.000Z', '2026-12-01T14:10:00.000Z')).toMatchObject({
      status: 'resolved',
      endsAt: '2026-12-01T14:10:00.000Z',
      startsAt: null,
    })
  })
})

describe("the sweep's own heartbeat", () => {
  const label = (now: string) => ({
    name: SWEEP_ON_LABEL_NAME,
    color: 'c5def5',
    description: sweepStampDescription(now),
  })

  it('names the label calm.ts keeps, and fits GitHub’s 100-character description', () => {
    expect(SWEEP_ON_LABEL_NAME).toBe(SWEEP_ON_LABEL.name)
    expect(sweepStampDescription('2026-12-01T12:00:00.000Z').length).toBeLessThanOrEqual(100)
    expect(sweepLastRun(sweepStampDescription('2026-12-01T12:00:42.000Z'))).toBe('2026-12-01T12:00:00.000Z')
    expect(sweepLastRun(SWEEP_ON_LABEL.description)).toBeNull()
  })

  it('stamps when nothing is recorded or the record is half an interval old', () => {
    const d = sweepStampDescription('2026-12-01T12:00:00Z')
    expect(sweepNeedsStamp(SWEEP_ON_LABEL.description, 10 * MIN, '2026-12-01T12:00:00Z')).toBe(true)
    expect(sweepNeedsStamp(d, 10 * MIN, '2026-12-01T12:04:59Z')).toBe(false)
    expect(sweepNeedsStamp(d, 10 * MIN, '2026-12-01T12:05:00Z')).toBe(true)
  })

  it('is overdue after more than 3 × its interval; never without the label (asleep on purpose), a record, or an interval', () => {
    const l = label('2026-12-01T12:00:00Z')
    expect(sweepOverdue(l, 10 * MIN, '2026-12-01T12:30:00Z')).toBeNull()
    expect(sweepOverdue(l, 10 * MIN, '2026-12-01T12:30:01Z')).toBe('2026-12-01T12:00:00.000Z')
    expect(sweepOverdue(undefined, 10 * MIN, '2026-12-09T00:00:00Z')).toBeNull()
    expect(sweepOverdue({ ...l, description: SWEEP_ON_LABEL.description }, 10 * MIN, '2026-12-09T00:00:00Z')).toBeNull()
    expect(sweepOverdue(l, null, '2026-12-09T00:00:00Z')).toBeNull()
  })

  it('the notice: a card warning behind its marker and a summary line, the same text at every run', () => {
    const a = sweepLateNotice([label('2026-12-01T12:00:00Z')], 10 * MIN, '2026-12-01T13:00:00Z')
    const b = sweepLateNotice([label('2026-12-01T12:00:00Z')], 10 * MIN, '2026-12-01T15:00:00Z')
    expect(a).toEqual(b)
    expect(a.card[0]!.startsWith(SWEEP_LATE_MARKER)).toBe(true)
    expect(a.line).toContain('has not run since 2026-12-01 12:00 UTC')
    expect(sweepLateNotice([label('2026-12-01T12:00:00Z')], 10 * MIN, '2026-12-01T12:10:00Z')).toEqual({
      card: [],
      line: null,
    })
  })
})

describe('heartbeats in the config', () => {
  it('reads names, durations and defaults', () => {
    const c = loadConfig(
      'heartbeats:\n  - name: nightly-backup\n    period: 1d\n  - name: queue\n    period: 10m\n    grace: 1m\n    priority: P1\nsweep:\n  interval: 15m\n',
      'x.yml',
    )
    expect(c.heartbeats).toEqual([
      { name: 'nightly-backup', period: 86_400_000, grace: 5 * MIN, priority: 'P2', service: null },
      { name: 'queue', period: 10 * MIN, grace: MIN, priority: 'P1', service: null },
    ])
    expect(c.sweep.interval).toBe(15 * MIN)
    expect(loadConfig(null, 'x.yml').sweep.interval).toBeNull()
  })

  it('refuses a repeated name, a name that is not a slug and a missing period, at their lines', () => {
    const bad =
      'heartbeats:\n  - name: a\n    period: 1h\n  - name: a\n    period: 1h\n  - name: "@Bob <!--"\n    period: 1h\n  - name: c\n'
    let err: unknown
    try {
      loadConfig(bad, 'x.yml')
    } catch (e: unknown) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    const msg = (err as Error).message
    expect(msg).toMatch(/x\.yml:4:\d+: .*repeats the name "a" of heartbeats\[0\]/)
    expect(msg).toMatch(/x\.yml:6:\d+: `heartbeats\[2\]\.name`/)
    expect(msg).toMatch(/x\.yml:8:\d+: .*period/)
  })
})
