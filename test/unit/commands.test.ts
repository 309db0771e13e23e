import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseCommands } from '../../src/domain/commands.js'
import { allowedFrom, transitionProblem } from '../../src/domain/decide.js'
import { milestones } from '../../src/domain/milestones.js'
import type { IncidentRecord, TimelineEvent } from '../../src/domain/record.js'
import { runs } from '../fast-check-setup.js'

describe('parseCommands', () => {
  it.each([
    ['/ack', [{ name: 'ack' }]],
    ['  /ACK  ', [{ name: 'ack' }]],
    ['/commander @bob', [{ name: 'commander', user: 'bob' }]],
    ['/priority p1 payments down in EU', [{ name: 'priority', priority: 'P1', reason: 'payments down in EU' }]],
    ['/stage Fixing', [{ name: 'stage', stage: 'fixing' }]],
    ['/resolve', [{ name: 'stage', stage: 'resolved' }]],
    [
      '/investigating\n/fixing\n/monitoring',
      [
        { name: 'stage', stage: 'investigating' },
        { name: 'stage', stage: 'fixing' },
        { name: 'stage', stage: 'monitoring' },
      ],
    ],
    [
      '/update rollback done\nerror rate falling\n\nnot part of it',
      [{ name: 'update', text: 'rollback done\nerror rate falling' }],
    ],
    ['/note a\n/ack', [{ name: 'note', text: 'a' }, { name: 'ack' }]],
    ['/dismiss', [{ name: 'dismiss', reason: '' }]],
    ['/help', [{ name: 'help' }]],
    ['/postmortem', [{ name: 'postmortem' }]],
    ['/postmortem please, this one taught us a lot', [{ name: 'postmortem' }]],
    ['/postmortem done', [{ name: 'postmortem', done: true }]],
    ['/postmortem DONE, reviewed on Friday', [{ name: 'postmortem', done: true }]],
    ['see /ack above', []],
    ['/usr/bin is a path', []],
    ['> /resolve', []],
    ['```\n/resolve\n```', []],
    ['~~~~\n/resolve\n~~~\n/resolve\n~~~~', []],
    ['<!--\n/resolve\n-->', []],
    ['```\nunclosed\n/resolve', []],
  ])('%j', (body, commands) => {
    expect(parseCommands(body).commands).toEqual(commands)
  })

  it('reports malformed commands without running them', () => {
    const p = parseCommands('/priority urgent\n/commander\n/update')
    expect(p.commands).toEqual([])
    expect(p.problems.map((x) => x.message)).toEqual([
      '`/priority` needs P1, P2, P3 or P4 and a reason: `/priority P2 only EU customers affected`',
      '`/commander` needs a user: `/commander @alice`',
      '`/update` needs the news: `/update rollback deployed, error rate falling`',
    ])
  })

  it('never throws and caps the number of commands on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const p = parseCommands(s)
        expect(p.commands.length).toBeLessThanOrEqual(20)
      }),
      runs(100),
    )
    expect(parseCommands('/ack\n'.repeat(1000)).commands).toHaveLength(20)
  })
})

describe('transitions', () => {
  it('lists the allowed moves when one is not', () => {
    expect(transitionProblem('triage', 'postmortem')).toBe(
      'cannot move from triage to postmortem; from triage the incident can go to investigating, fixing, monitoring, resolved.',
    )
    expect(transitionProblem('monitoring', 'investigating')).toBeNull()
    expect(allowedFrom('closed')).toEqual(['investigating', 'fixing', 'monitoring'])
  })
})

describe('milestones', () => {
  const base: IncidentRecord = {
    v: 1,
    number: 1,
    declaredAt: 'T0',
    startedAt: 'T0',
    priority: 'P2',
    prioritySource: 'rules',
    priorityReason: '',
    stage: 'triage',
    impactDigest: '',
    events: [],
  }
  const stage = (at: string, from: string, to: string): TimelineEvent => ({
    at,
    kind: 'stage',
    from,
    to,
    actor: 'a',
    via: 'command',
  })
  it('takes the final mitigation and the last resolution, and forgets them when the incident comes back', () => {
    const r = {
      ...base,
      stage: 'resolved' as const,
      events: [
        stage('T1', 'triage', 'investigating'),
        stage('T2', 'investigating', 'monitoring'),
        stage('T3', 'monitoring', 'fixing'),
        stage('T4', 'fixing', 'monitoring'),
        stage('T5', 'monitoring', 'resolved'),
      ],
    }
    expect(milestones(r)).toMatchObject({ acknowledgedAt: 'T1', mitigatedAt: 'T4', resolvedAt: 'T5', closedAt: null })
    const back = {
      ...r,
      stage: 'investigating' as const,
      events: [...r.events, stage('T6', 'resolved', 'investigating')],
    }
    expect(milestones(back)).toMatchObject({ acknowledgedAt: 'T1', mitigatedAt: null, resolvedAt: null })
  })
  it('resolving straight from triage counts as acknowledged and mitigated then', () => {
    const r = {
      ...base,
      stage: 'closed' as const,
      events: [stage('T1', 'triage', 'resolved'), stage('T1', 'resolved', 'closed')],
    }
    expect(milestones(r)).toMatchObject({ acknowledgedAt: 'T1', mitigatedAt: 'T1', resolvedAt: 'T1', closedAt: 'T1' })
  })
})
