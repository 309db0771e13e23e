import { describe, expect, it } from 'vitest'
import { CARD_MARKER, encodeRecord, type IncidentRecord } from '../../../src/domain/record.js'
import {
  decodeIndex,
  encodeIndex,
  IndexBuilder,
  pastIncident,
  type IndexSnapshot,
} from '../../../src/history/index-file.js'

const record = (over: Partial<IncidentRecord> = {}): IncidentRecord => ({
  v: 1,
  number: 7,
  declaredAt: '2026-05-01T10:00:00.000Z',
  startedAt: '2026-05-01T09:30:00.000Z',
  priority: 'P2',
  prioritySource: 'rules',
  priorityReason: 'r',
  stage: 'closed',
  impactDigest: 'x',
  events: [
    { at: '2026-05-01T10:00:00.000Z', kind: 'declared', actor: 'a', via: 'alert' },
    { at: '2026-05-01T10:20:00.000Z', kind: 'update', actor: 'a', via: 'command', text: 'Rolled back the\nrelease' },
    { at: '2026-05-01T11:00:00.000Z', kind: 'stage', actor: 'a', via: 'command', from: 'monitoring', to: 'resolved' },
  ],
  alert: {
    key: 'alertmanager-group:checkout-5xx',
    source: 'alertmanager',
    title: 't',
    severity: null,
    service: null,
    labels: {},
    status: 'resolved',
    occurrences: 1,
    firstSeen: '2026-05-01T09:30:00.000Z',
    lastSeen: '2026-05-01T09:30:00.000Z',
    lastComment: null,
    deliveries: [],
  },
  postmortem: { issue: 9, done: true },
  followups: [
    { number: 11, title: 'a', state: 'open' },
    { number: 12, title: 'b', state: 'closed' },
  ],
  ...over,
})

const snapshot = (body: string, own = true, over: Partial<IndexSnapshot> = {}): IndexSnapshot => ({
  number: 7,
  title: 'Checkout returns 502 after the deploy',
  state: 'closed',
  stateReason: 'COMPLETED',
  createdAt: '2026-05-01T10:00:00.000Z',
  closedAt: '2026-05-01T12:00:00.000Z',
  labels: ['incident', 'service/checkout', 'P2'],
  comments: [{ databaseId: 1, body, viewerDidAuthor: own, createdAt: '2026-05-01T10:00:01.000Z' }],
  ...over,
})

describe('an incident as the index keeps it', () => {
  it('takes the alert key, the summary on the card, how it ended and its follow-ups from our own card', () => {
    const card = `${CARD_MARKER}\n### P2\n\n**What is broken:** Customers see 502 on checkout\n\n${encodeRecord(record())}`
    const p = pastIncident(snapshot(card))
    expect(p).toMatchObject({
      number: 7,
      services: ['checkout'],
      alertKey: 'alertmanager-group:checkout-5xx',
      end: 'resolved',
      minutes: 90,
      cause: 'Rolled back the release',
      postmortem: 9,
      followups: { open: [11], closed: 1 },
    })
    expect(p.terms.map(([t]) => t)).toEqual(expect.arrayContaining(['checkout', '502', 'custom', 'deploi']))
    expect(p.terms.find(([t]) => t === 'checkout')![1]).toBe(2)
  })

  it('trusts no card someone else wrote: the issue alone', () => {
    const card = `${CARD_MARKER}\n${encodeRecord(record())}`
    const p = pastIncident(snapshot(card, false))
    expect(p).toMatchObject({ alertKey: null, end: 'resolved', minutes: 120, cause: null, postmortem: null })
  })
})

describe('the index file', () => {
  it('round-trips, whatever the order it was given in, to the same bytes', async () => {
    const card = `${CARD_MARKER}\n**What is broken:** Customers see 502 on checkout\n${encodeRecord(record())}`
    const a = pastIncident(snapshot(card))
    const b = {
      ...pastIncident(snapshot('', true, { number: 3, title: 'Ünïcode: 検索 is slow', state: 'open', closedAt: null })),
    }
    const text = encodeIndex({ builtAt: '2026-06-01T00:00:00.000Z', incidents: [a, b] })
    expect(text.startsWith('incidentops history index v1\n')).toBe(true)
    const back = decodeIndex(text)!
    expect(back.builtAt).toBe('2026-06-01T00:00:00.000Z')
    // Declared times are kept to the minute.
    expect(back.incidents).toEqual(
      [b, a].map((p) => ({ ...p, declaredAt: Math.round(p.declaredAt / 60_000) * 60_000 })),
    )
    expect(encodeIndex({ builtAt: '2026-06-01T00:00:00.000Z', incidents: [b, a] })).toBe(text)
    // Built as the report builds it, one row as each incident arrives: the same index, in arrival order.
    const built = new IndexBuilder()
    built.add(a)
    built.add(b)
    expect(built.count).toBe(2)
    expect(decodeIndex(await built.encode('2026-06-01T00:00:00.000Z'))?.incidents).toEqual(
      [...back.incidents].reverse(),
    )
    const inOrder = new IndexBuilder()
    for (const p of [b, a].sort((x, y) => x.number - y.number)) inOrder.add(p)
    expect(await inOrder.encode('2026-06-01T00:00:00.000Z')).toBe(text)
  })

  it('is the same bytes built as a stream in 64 KB pieces as encoded at once (3,000 incidents)', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      pastIncident(
        snapshot('', true, {
          number: i + 1,
          title: `checkout ${i % 37} payment gateway timeout ${i % 11} region eu-${i % 5}`,
        }),
      ),
    )
    const b = new IndexBuilder()
    for (const p of many) b.add(p)
    const streamed = await b.encode('2026-06-01T00:00:00.000Z')
    expect(streamed).toBe(encodeIndex({ builtAt: '2026-06-01T00:00:00.000Z', incidents: many }))
    expect(decodeIndex(streamed)!.incidents).toHaveLength(3000)
  })

  it('refuses anything that is not an index (so a declaration says so and goes on)', () => {
    expect(decodeIndex('')).toBeNull()
    expect(decodeIndex('incidentops history index v1\nnot base64 gzip')).toBeNull()
    expect(decodeIndex('something else\nH4sIAAAAAAAAA6uuBQBDv6ajAgAAAA==')).toBeNull()
  })
})
