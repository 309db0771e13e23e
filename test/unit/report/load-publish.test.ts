import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/load.js'
import { CARD_MARKER, encodeRecord, type IncidentRecord } from '../../../src/domain/record.js'
import { toReportIncident, type ReportSnapshot } from '../../../src/report/load.js'
import { planReport, reportJsonPath } from '../../../src/report/publish.js'
import type { ReportData } from '../../../src/report/types.js'

const config = loadConfig(null, '.github/incidents.yml')
const record = (over: Partial<IncidentRecord> = {}): IncidentRecord => ({
  v: 1,
  number: 7,
  declaredAt: '2026-11-20T10:00:00Z',
  startedAt: '2026-11-20T09:40:00Z',
  priority: 'P2',
  prioritySource: 'rules',
  priorityReason: 'r',
  stage: 'resolved',
  impactDigest: 'x',
  events: [
    { at: '2026-11-20T10:00:00Z', kind: 'declared', actor: 'grafana', via: 'alert', to: 'P2' },
    { at: '2026-11-20T10:10:00Z', kind: 'stage', actor: 'bob', via: 'command', from: 'triage', to: 'monitoring' },
    { at: '2026-11-20T11:00:00Z', kind: 'stage', actor: 'bob', via: 'command', from: 'monitoring', to: 'resolved' },
  ],
  ...over,
})
const snap = (body: string, viewerDidAuthor: boolean, over: Partial<ReportSnapshot> = {}): ReportSnapshot => ({
  number: 7,
  title: 't',
  url: 'https://github.com/a/b/issues/7',
  state: 'closed',
  stateReason: 'COMPLETED',
  createdAt: '2026-11-20T10:00:00Z',
  closedAt: '2026-11-20T11:00:00Z',
  labels: ['incident', 'priority/P3', 'service/web', 'Service/api', 'service/web'],
  comments: [
    {
      databaseId: 1,
      body,
      viewerDidAuthor,
      author: 'x',
      createdAt: '2026-11-20T10:00:01Z',
      updatedAt: '2026-11-20T10:00:01Z',
    },
  ],
  ...over,
})

describe('toReportIncident', () => {
  it('reads the milestones, source and postmortem from our own card', () => {
    const m = toReportIncident(snap(`${CARD_MARKER}\n${encodeRecord(record())}`, true), 'a/b', config)
    expect(m.fromCard).toBe(true)
    expect(m.incident).toMatchObject({
      priority: 'P2',
      services: ['api', 'web'],
      source: 'grafana',
      acknowledgedAt: '2026-11-20T10:10:00Z',
      mitigatedAt: '2026-11-20T10:10:00Z',
      resolvedAt: '2026-11-20T11:00:00Z',
      postmortem: 'missing',
    })
    expect(
      toReportIncident(
        snap(`${CARD_MARKER}\n${encodeRecord(record({ source: 'form', stage: 'closed' }))}`, true),
        'a/b',
        config,
      ).incident,
    ).toMatchObject({ source: 'form', postmortem: 'done' })
  })

  it('ignores a card someone else wrote: the issue dates and the priority label count', () => {
    const m = toReportIncident(
      snap(`${CARD_MARKER}\n${encodeRecord(record({ priority: 'P1' }))}`, false, { stateReason: 'NOT_PLANNED' }),
      'a/b',
      config,
    )
    expect(m.fromCard).toBe(false)
    expect(m.incident).toMatchObject({
      priority: 'P3',
      source: 'unknown',
      declaredAt: '2026-11-20T10:00:00Z',
      resolvedAt: '2026-11-20T11:00:00Z',
      acknowledgedAt: null,
      dismissed: true,
      postmortem: 'not-required',
    })
  })
})

describe('planReport', () => {
  const data = {
    scope: 'a/b',
    current: { period: { start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z', hours: 168 } },
  } as unknown as ReportData
  const marker = '<!-- incidentops:report:2026-11-23 -->'
  const md = `${marker}\nbody`
  const title = 'Reliability report a/b: 2026-11-23 → 2026-11-30'
  it('creates, edits only when different, and trusts only issues we opened', () => {
    expect(planReport(data, md, [], 'rr').effects).toEqual([
      { kind: 'create-issue', title, body: md, labels: ['rr'], marker },
    ])
    // With the label's id read, the creation carries it (the executor can batch it with the index).
    expect(planReport(data, md, [], 'rr', 'LA_rr').effects).toEqual([
      { kind: 'create-issue', title, body: md, labels: ['rr'], marker, labelIds: ['LA_rr'] },
    ])
    expect(
      planReport(data, md, [{ number: 3, id: 'I_3', title, body: md, state: 'open', viewerDidAuthor: true }], 'rr'),
    ).toEqual({
      effects: [],
      issue: 3,
    })
    expect(
      planReport(
        data,
        md,
        [{ number: 3, id: 'I_3', title, body: `${marker}\nold`, state: 'open', viewerDidAuthor: true }],
        'rr',
      ).effects,
    ).toEqual([{ kind: 'edit-issue', issue: 3, marker, body: md, nodeId: 'I_3' }])
    expect(
      planReport(data, md, [{ number: 4, id: 'I_4', title, body: md, state: 'open', viewerDidAuthor: false }], 'rr')
        .effects[0]!.kind,
    ).toBe('create-issue')
  })
  it('puts the JSON file under RUNNER_TEMP, else the workspace', () => {
    expect(reportJsonPath('r.json', { RUNNER_TEMP: '/tmp/rt', GITHUB_WORKSPACE: '/ws' }, '/cwd')).toBe('/tmp/rt/r.json')
    expect(reportJsonPath('r.json', { GITHUB_WORKSPACE: '/ws' }, '/cwd')).toBe('/ws/r.json')
    expect(reportJsonPath('/abs/r.json', {}, '/cwd')).toBe('/abs/r.json')
  })
})
