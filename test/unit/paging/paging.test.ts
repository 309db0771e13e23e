import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/load.js'
import type { IncidentRecord } from '../../../src/domain/record.js'
import { newPages, pageEffects, planPages } from '../../../src/paging/plan.js'
import { createPager } from '../../../src/paging/send.js'
import { pageText } from '../../../src/paging/text.js'

const CONFIG = `oncall:
  schedules:
    - name: platform
      time_zone: UTC
      layers: [{ members: [alice, bob], rotation: weekly, start: "2026-11-23 09:00" }]
  paging:
    people:
      Alice: { ntfy: { topic_env: NTFY_ALICE }, sms: { to_env: ALICE_PHONE } }
      carol: { pushover: { user_key_env: PO_CAROL } }
    schedules:
      platform: { ntfy: { topic_env: NTFY_PLATFORM } }
    pushover: { app_token_env: PO_TOKEN }
    twilio: { from: "+15005550006", account_sid_env: SID, auth_token_env: TOKEN }
`
const config = loadConfig(CONFIG, '.github/incidents.yml')

const rec = (o: Partial<IncidentRecord> = {}): IncidentRecord => ({
  v: 1,
  number: 7,
  declaredAt: '2026-11-25T14:00:00Z',
  startedAt: '2026-11-25T14:00:00Z',
  priority: 'P1',
  prioritySource: 'rules',
  priorityReason: 'full outage',
  stage: 'triage',
  impactDigest: 'x',
  events: [],
  ...o,
})
const NOW = '2026-11-25T14:15:00.000Z'

describe('planPages', () => {
  it('pages each person called who has channels, and a schedule with channels of its own; not teams, not people without channels', () => {
    const pages = planPages(
      rec(),
      1,
      ['@alice', '@acme/leads', '@bob', '@Carol'],
      [{ name: 'platform', who: 'alice' }],
      config,
      NOW,
    )
    expect(pages).toEqual([
      { key: 'L1:@alice', at: NOW, level: 1, who: 'alice', channels: ['ntfy', 'sms'] },
      { key: 'L1:@carol', at: NOW, level: 1, who: 'carol', channels: ['pushover'] },
      { key: 'L1:schedule:platform', at: NOW, level: 1, who: 'alice', schedule: 'platform', channels: ['ntfy'] },
    ])
  })
  it('leaves out keys already recorded, and priorities that do not page (P3 by default)', () => {
    const r = rec({ pages: [{ key: 'L1:@alice', at: NOW, level: 1, who: 'alice', channels: ['ntfy'] }] })
    expect(planPages(r, 1, ['@alice'], [], config, NOW)).toEqual([])
    expect(planPages(r, 2, ['@alice'], [], config, NOW).map((p) => p.key)).toEqual(['L2:@alice'])
    expect(planPages(rec({ priority: 'P3' }), 1, ['@alice'], [], config, NOW)).toEqual([])
  })
  it('newPages is what a run added; pageEffects makes one effect per channel with defused text', () => {
    const before = rec({ pages: [{ key: 'L1:@alice', at: NOW, level: 1, who: 'alice', channels: ['ntfy'] }] })
    const after = rec({
      pages: [...before.pages!, { key: 'L2:@carol', at: NOW, level: 2, who: 'carol', channels: ['pushover'] }],
    })
    expect(newPages(before, after).map((p) => p.key)).toEqual(['L2:@carol'])
    expect(newPages(null, after)).toHaveLength(2)
    const [e] = pageEffects(
      newPages(before, after),
      after,
      { title: 'Down @here <!-- incidentops:card -->', url: 'https://x/7' },
      'acme/shop',
    )
    expect(e).toMatchObject({ kind: 'page', channel: 'pushover', who: 'carol', key: 'L2:@carol' })
    expect(e!.text).toBe(
      'Down @\u200bhere ‹!-- incidentops:card --› (acme/shop#7, P1, triage). Nobody took command in time: take it with /ack on the issue.',
    )
  })
})

describe('pageText', () => {
  it('is one bounded line without mentions or tags', () => {
    expect(pageText('a\nb @all <x>', 100)).toBe('a b @\u200ball ‹x›')
    expect(Array.from(pageText('x'.repeat(500), 50))).toHaveLength(50)
  })
})

describe('the paging config', () => {
  const bad = (paging: string): string => {
    try {
      loadConfig(`oncall:\n  schedules: []\n  paging:\n${paging}`, 'f.yml')
      return 'valid'
    } catch (e) {
      return (e as Error).message
    }
  }
  it('refuses channels that cannot send, schedules that do not exist and secrets written in the file, at file:line', () => {
    expect(bad('    people:\n      alice: { email: { to: a@example.com } }\n')).toMatch(
      /f\.yml:5:\d+: .*email.*needs `oncall\.paging\.smtp`/,
    )
    expect(bad('    people:\n      alice: { sms: { to_env: PHONE } }\n')).toMatch(/needs `oncall\.paging\.twilio`/)
    expect(bad('    schedules:\n      nightly: { ntfy: { topic_env: T } }\n')).toMatch(
      /f\.yml:5:\d+: .*"nightly" is not a schedule/,
    )
    expect(bad('    ntfy: { server: "http://ntfy.example.com" }\n')).toMatch(
      /f\.yml:4:21: `oncall\.paging\.ntfy\.server` is "http:\/\/ntfy\.example\.com": write an https:\/\/ URL/,
    )
    expect(bad('    ntfy: { server: "http://127.0.0.1:8080" }\n')).toBe('valid')
    // A topic written in the file instead of the name of a variable.
    expect(bad('    people:\n      alice: { ntfy: { topic: my-secret-topic } }\n')).not.toBe('valid')
    expect(bad('    people:\n      alice: { ntfy: { topic_env: my-secret-topic } }\n')).not.toBe('valid')
  })
})

describe('createPager', () => {
  const effect = pageEffects(
    [{ key: 'L1:@alice', at: NOW, level: 1, who: 'alice', channels: ['ntfy', 'sms'] }],
    rec(),
    { title: 'Down', url: 'https://x/7' },
    'acme/shop',
  )
  it('says which environment variable is missing, and never throws', async () => {
    const pager = createPager(config.oncall.paging, { env: {}, fetch: () => Promise.reject(new Error('not called')) })
    expect(await pager.send(effect[0]!)).toEqual({
      ok: false,
      error:
        "the environment variable NTFY_ALICE (ntfy topic) is not set: pass it in the workflow step's `env:` from a secret",
    })
  })
  it('reports an HTTP failure with the secrets masked, and a network error', async () => {
    const env = { NTFY_ALICE: 'topic-s3cret', SID: 'AC123456', TOKEN: 'tok-s3cret', ALICE_PHONE: '+491511234' }
    const echo = (async (_url: string, init: RequestInit) =>
      new Response(`refused ${String(init.body)}`, { status: 500 })) as unknown as typeof fetch
    const r = await createPager(config.oncall.paging, { env, fetch: echo }).send(effect[0]!)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatch(/^HTTP 500 "refused /)
    expect(!r.ok && r.error).not.toContain('topic-s3cret')
    const down = (() =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      )) as unknown as typeof fetch
    expect(await createPager(config.oncall.paging, { env, fetch: down }).send(effect[1]!)).toEqual({
      ok: false,
      error: 'fetch failed: ECONNREFUSED',
    })
  })
})
