import { describe, expect, it } from 'vitest'
import { renderSummary } from '../../src/render/summary.js'
import { loadConfig } from '../../src/config/load.js'
import type { IncidentRecord } from '../../src/domain/record.js'

const config = loadConfig(null, '.github/incidents.yml')
const base: IncidentRecord = {
  v: 1,
  number: 7,
  declaredAt: '2026-11-25T14:05:00Z',
  startedAt: '2026-11-25T14:00:00Z',
  priority: 'P1',
  prioritySource: 'rules',
  priorityReason: 'checkout is down',
  stage: 'triage',
  impactDigest: 'x',
  events: [{ at: '2026-11-25T14:05:00Z', kind: 'declared', actor: 'rita', via: 'form' }],
}

describe('renderSummary (/summary)', () => {
  it('says there is no commander and no update, and when an update became overdue', () => {
    expect(renderSummary(base, config, '2026-11-25T15:00:00Z')).toBe(
      '**P1** (checkout is down), triage for 55m; started 2026-11-25 14:00 UTC, 1h 00m ago. No commander yet: `/ack` to take command. No update posted yet. ' +
        'An update is overdue since 2026-11-25 14:35 UTC.',
    )
  })

  it('defuses quoted text and says nothing is due once resolved', () => {
    const r: IncidentRecord = {
      ...base,
      stage: 'resolved',
      commander: 'alice',
      priorityReason: 'rule <!-- incidentops:card --> @everyone',
      events: [
        ...base.events,
        { at: '2026-11-25T14:40:00Z', kind: 'update', actor: 'alice', via: 'command', text: 'fixed by @bob!' },
        { at: '2026-11-25T14:50:00Z', kind: 'stage', from: 'fixing', to: 'resolved', actor: 'alice', via: 'command' },
      ],
    }
    const s = renderSummary(r, config, '2026-11-25T15:00:00Z')
    expect(s).toContain('resolved for 10m')
    expect(s).toContain('Latest update (2026-11-25 14:40 UTC, `alice`): fixed by @\u200bbob!')
    expect(s).not.toMatch(/@bob|@everyone|<!--/)
    expect(s).not.toMatch(/due|overdue/)
  })
})
