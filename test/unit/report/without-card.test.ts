import { describe, expect, it } from 'vitest'
import { composeReport } from '../../../src/events/report.js'
import { toReportIncident, type ReportSnapshot } from '../../../src/report/load.js'
import { loadConfig } from '../../../src/config/load.js'
import { HOUR, NOW, options } from './fixtures.js'

// Issue #22 item 3: for incidents without a card the report's text and its figures say the same thing.
const config = loadConfig(null, '.github/incidents.yml')
const snap = (number: number, createdAt: string, closedAt: string | null): ReportSnapshot => ({
  number,
  title: `Incident ${number}`,
  url: `https://github.com/acme/shop/issues/${number}`,
  state: closedAt ? 'closed' : 'open',
  stateReason: closedAt ? 'completed' : null,
  createdAt,
  closedAt,
  labels: ['incident', 'priority/P2'],
  comments: [],
})

describe('incidents without a card', () => {
  const closed = toReportIncident(snap(1, '2026-11-20T10:00:00Z', '2026-11-20T13:00:00Z'), 'acme/shop', config)
  const open = toReportIncident(snap(2, '2026-11-24T20:00:00Z', null), 'acme/shop', config)
  const { data, markdown } = composeReport({ incidents: [closed.incident, open.incident], withoutCard: 2 }, options())

  it('are acknowledged, mitigated and resolved when closed: the figures', () => {
    expect(closed.fromCard).toBe(false)
    const r = data.current.response
    // The closed one: 3h from opening to closing, for each of the three.
    expect(r.acknowledge.completed).toMatchObject({ n: 1, meanMs: 3 * HOUR })
    expect(r.mitigate.completed).toMatchObject({ n: 1, meanMs: 3 * HOUR })
    expect(r.resolve.completed).toMatchObject({ n: 1, meanMs: 3 * HOUR })
    // The open one: none of them yet, an open lower bound of 4h (20:00 → the window's end).
    expect([r.acknowledge.open, r.mitigate.open, r.resolve.open]).toEqual([1, 1, 1])
    expect(r.acknowledge.lowerBound).toMatchObject({ n: 2, maxMs: 4 * HOUR })
    expect(Date.parse(NOW) - Date.parse('2026-11-24T20:00:00Z')).toBe(4 * HOUR)
  })

  it('and the text says the same, not that they were never acknowledged or mitigated', () => {
    expect(markdown).toContain(
      "_2 incidents have no IncidentOps card among the comments read (the first 3 and the last 20): counted with the issue's own dates: started and declared when opened; acknowledged, mitigated and resolved when closed (while open: none of them yet, an open lower bound); dismissed if closed as not planned; priority from its label._",
    )
    expect(markdown).not.toContain('not acknowledged or mitigated')
  })
})
