// PagerDuty Events API v2 bodies from PagerDuty's documentation (test/fixtures/alerts/pagerduty, each
// with its source page), read as our alerts.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAlertDispatch } from '../../../src/alerts/index.js'
import { isChangeEvent, pagerDutyChange } from '../../../src/alerts/pagerduty.js'
import { PayloadError } from '../../../src/errors.js'

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/alerts/pagerduty/${name}.json`, import.meta.url), 'utf8')) as {
    source: string
    body: Record<string, unknown>
  }
const parse = (body: unknown) => parseAlertDispatch('alert', { incidentops: { pagerduty: body } })

describe('PagerDuty Events API v2', () => {
  it('every fixture names the documentation page it follows', () => {
    for (const f of ['trigger', 'acknowledge', 'resolve', 'change'])
      expect(fixture(f).source).toMatch(/^https:\/\/developer\.pagerduty\.com\/docs\/events-api-v2\//)
  })

  it('a trigger is a firing alert keyed by dedup_key, with images and links as links only', () => {
    const [a] = parse(fixture('trigger').body)
    expect(a).toMatchObject({
      status: 'firing',
      key: 'pagerduty:samplekeyhere',
      title: 'DISK at 99% on machine prod-datapipe03.example.com',
      severity: 'critical',
      service: 'prod-datapipe',
      source: 'pagerduty',
      startsAt: '2015-07-17T08:42:58.315Z',
      labels: { source: 'prod-datapipe03.example.com', component: 'mysql', group: 'prod-datapipe', class: 'disk' },
    })
    expect(a!.description).toContain('free space: 1%')
    expect(a!.description).toContain('load avg: 0.75')
    expect(a!.links).toEqual([
      'https://example.com/',
      'https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png',
      'https://monitoring.example.com/',
    ])
    // The routing key (the sender's credential) is nowhere in what we keep.
    expect(JSON.stringify(a)).not.toContain('samplekeyhere0000')
  })

  it('acknowledge and resolve name the alert by dedup_key', () => {
    expect(parse(fixture('acknowledge').body)[0]).toMatchObject({
      status: 'acknowledged',
      key: 'pagerduty:samplekeyhere',
    })
    expect(parse(fixture('resolve').body)[0]).toMatchObject({ status: 'resolved', key: 'pagerduty:samplekeyhere' })
  })

  it('a dedup_key of up to 255 characters of any kind gives a safe key; longer is refused naming the field', () => {
    const long = { ...fixture('trigger').body, dedup_key: `host/${'x'.repeat(250)}` }
    expect(parse(long)[0]!.key).toMatch(/^pagerduty:[0-9a-f]{32}$/)
    expect(() => parse({ ...long, dedup_key: 'y'.repeat(256) })).toThrow(
      /client_payload\.incidentops\.pagerduty\.dedup_key must be 1 to 255 characters/,
    )
  })

  it('bad bodies are refused naming the field', () => {
    const t = fixture('trigger').body
    const cases: [unknown, RegExp][] = [
      [{ ...t, event_action: 'page' }, /pagerduty\.event_action must be "trigger", "acknowledge" or "resolve"/],
      [{ event_action: 'resolve' }, /pagerduty\.dedup_key is required to resolve/],
      [
        { ...t, payload: { ...(t.payload as object), severity: 'high' } },
        /pagerduty\.payload\.severity must be "critical", "error", "warning" or "info"/,
      ],
      [
        { ...t, payload: { ...(t.payload as object), summary: undefined } },
        /pagerduty\.payload\.summary must be a string/,
      ],
      [{ ...t, surprise: 1 }, /pagerduty\.surprise is not a PagerDuty Events v2 field/],
    ]
    for (const [body, msg] of cases) expect(() => parse(body)).toThrow(msg)
    expect(() => parse({ ...t, event_action: 'page' })).toThrow(PayloadError)
  })

  it('a change event is told apart (no event_action) and read, never as an alert', () => {
    const c = fixture('change').body
    expect(isChangeEvent(c)).toBe(true)
    expect(isChangeEvent(fixture('trigger').body)).toBe(false)
    expect(pagerDutyChange(c, 'body')).toMatchObject({
      summary: 'Build Success: Increase snapshot create timeout to 30 seconds',
      source: 'prod-build-agent-i-0b148d1040d565540',
      timestamp: '2020-07-17T08:42:58.315Z',
      links: ['https://buildkite.com/acme/build/2'],
    })
    expect(() => parse(c)).toThrow(/change event/)
  })

  it('text from the sender cannot embed an image or ping anyone', () => {
    const t = fixture('trigger').body
    const [a] = parse({
      ...t,
      payload: {
        ...(t.payload as object),
        summary: '![px](https://evil.example/p.png) @everyone',
        custom_details: { note: '![x](https://evil.example/x.png) @acme/sre' },
      },
    })
    expect(a!.description).not.toMatch(/(^|[^\\])!\[/)
    expect(a!.description).not.toMatch(/(^|[^\u200b])@acme/)
    expect(a!.title).not.toMatch(/(^|[^\u200b])@everyone/)
  })
})
