/* A hand-sized history whose every figure is worked out by hand in build.test.ts. NOW = 2026-11-25T00:00Z. */
import type { ReportIncident } from '../../../src/report/types.js'
import { inc } from './fixtures.js'

export const SCENARIO: ReportIncident[] = [
  // This window (2026-11-18, 2026-11-25]
  inc({
    number: 1,
    priority: 'P1',
    services: ['api'],
    source: 'alertmanager',
    state: 'closed',
    startedAt: '2026-11-20T10:00:00Z',
    declaredAt: '2026-11-20T10:10:00Z',
    acknowledgedAt: '2026-11-20T10:15:00Z',
    mitigatedAt: '2026-11-20T12:00:00Z',
    resolvedAt: '2026-11-20T13:00:00Z',
    closedAt: '2026-11-21T00:00:00Z',
    postmortem: 'done',
    followups: { open: 1, closed: 2 },
  }),
  inc({
    number: 2,
    priority: 'P2',
    services: ['api', 'db'],
    source: 'grafana',
    startedAt: '2026-11-20T11:00:00Z',
    declaredAt: '2026-11-20T11:05:00Z',
    acknowledgedAt: '2026-11-20T11:35:00Z',
    mitigatedAt: '2026-11-20T14:00:00Z',
    resolvedAt: '2026-11-20T15:00:00Z',
    postmortem: 'open',
    followups: { open: 2, closed: 0 },
  }),
  // P2 still broken: acknowledged, not mitigated.
  inc({
    number: 3,
    priority: 'P2',
    services: ['db'],
    source: 'form',
    startedAt: '2026-11-24T20:00:00Z',
    declaredAt: '2026-11-24T20:00:00Z',
    acknowledgedAt: '2026-11-24T20:20:00Z',
    postmortem: 'missing',
  }),
  // P3 nobody acknowledged yet.
  inc({ number: 4, priority: 'P3', source: 'grafana', declaredAt: '2026-11-22T09:00:00Z' }),
  // A false alarm.
  inc({
    number: 5,
    priority: 'P4',
    source: 'grafana',
    declaredAt: '2026-11-23T00:00:00Z',
    state: 'closed',
    closedAt: '2026-11-23T00:10:00Z',
    dismissed: true,
  }),
  // Previous window (2026-11-11, 2026-11-18]
  inc({
    number: 6,
    priority: 'P1',
    services: ['api'],
    source: 'alertmanager',
    state: 'closed',
    startedAt: '2026-11-14T00:00:00Z',
    declaredAt: '2026-11-14T00:00:00Z',
    acknowledgedAt: '2026-11-14T00:10:00Z',
    mitigatedAt: '2026-11-14T01:00:00Z',
    resolvedAt: '2026-11-14T02:00:00Z',
    closedAt: '2026-11-14T02:00:00Z',
    postmortem: 'done',
  }),
  inc({ number: 7, priority: 'P3', source: 'grafana', declaredAt: '2026-11-15T00:00:00Z', dismissed: true }),
  // Older, still unresolved: carried over into the list.
  inc({
    number: 8,
    priority: 'P4',
    declaredAt: '2026-11-10T00:00:00Z',
    acknowledgedAt: '2026-11-10T00:30:00Z',
    followups: { open: 1, closed: 0 },
  }),
  // In the 12-week history.
  inc({
    number: 9,
    priority: 'P1',
    state: 'closed',
    startedAt: '2026-10-01T00:00:00Z',
    declaredAt: '2026-10-01T00:00:00Z',
    acknowledgedAt: '2026-10-01T00:05:00Z',
    mitigatedAt: '2026-10-01T01:00:00Z',
    resolvedAt: '2026-10-01T02:00:00Z',
    closedAt: '2026-10-01T02:00:00Z',
  }),
  // Before the history (2026-09-02): only its follow-ups count, in the backlog.
  inc({
    number: 10,
    priority: 'P2',
    state: 'closed',
    startedAt: '2026-08-01T00:00:00Z',
    declaredAt: '2026-08-01T00:00:00Z',
    acknowledgedAt: '2026-08-01T00:05:00Z',
    mitigatedAt: '2026-08-01T01:00:00Z',
    resolvedAt: '2026-08-01T02:00:00Z',
    closedAt: '2026-08-01T02:00:00Z',
    followups: { open: 4, closed: 1 },
  }),
  // Ignored: unreadable, and declared after the report time.
  inc({ number: 11, declaredAt: 'last tuesday' }),
  inc({ number: 12, declaredAt: '2026-11-26T00:00:00Z' }),
]
