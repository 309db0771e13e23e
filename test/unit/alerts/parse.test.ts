// Targeted behaviour of parseAlertDispatch that the corpus does not spell out.
import { describe, expect, it } from 'vitest'
import { parseAlertDispatch } from '../../../src/alerts/index.js'
import { PayloadError } from '../../../src/errors.js'

const one = (alert: Record<string, unknown>) => ({
  incidentops: { version: 1, alerts: [{ status: 'firing', key: 'k', title: 't', ...alert }] },
})

describe('parseAlertDispatch', () => {
  it('accepts configured event types only', () => {
    expect(parseAlertDispatch('page', one({}), { eventTypes: ['page'] })).toHaveLength(1)
    expect(() => parseAlertDispatch('alert', one({}), { eventTypes: ['page'] })).toThrow(
      'event_type must be one of "page" for an alert; it is "alert".',
    )
  })

  it('ignores other top-level keys of client_payload', () => {
    expect(parseAlertDispatch('alert', { ...one({}), ref: 'main', sha: 'abc' })[0]!.key).toBe('k')
  })

  it('turns anything odd into a PayloadError (a throwing getter, a cycle)', () => {
    const payload = { incidentops: { version: 1, alerts: [{ status: 'firing', key: 'k' }] } }
    Object.defineProperty(payload.incidentops.alerts[0], 'title', {
      enumerable: true,
      get: () => {
        throw new RangeError('boom')
      },
    })
    expect(() => parseAlertDispatch('alert', payload)).toThrow(PayloadError)
    const cyclic: Record<string, unknown> = { status: 'firing', title: 't' }
    cyclic.labels = { self: cyclic }
    expect(() => parseAlertDispatch('alert', { incidentops: { alerts: [cyclic] } })).toThrow(PayloadError)
  })

  it('bounds text: titles to 256 on one line, descriptions to 4,000, with an ellipsis', () => {
    const [a] = parseAlertDispatch(
      'alert',
      one({ title: `${'word '.repeat(100)}\n\nend`, description: 'x'.repeat(5000) }),
    )
    expect(a!.title).toHaveLength(256)
    expect(a!.title.endsWith('…')).toBe(true)
    expect(a!.title).not.toContain('\n')
    expect(a!.description).toHaveLength(4000)
  })

  it('does not split a surrogate pair when it cuts', () => {
    const [a] = parseAlertDispatch('alert', one({ title: `${'a'.repeat(254)}😀😀` }))
    expect(a!.title).toBe(`${'a'.repeat(254)}…`)
  })

  it('neutralises mentions, markers, HTML, images and issue references in the description', () => {
    const [a] = parseAlertDispatch(
      'alert',
      one({ description: '@here <b>x</b> <!-- incidentops:card --> ![i](https://t.example/p) fixes #3' }),
    )
    expect(a!.description).toBe(
      '@\u200bhere &lt;b&gt;x&lt;/b&gt; &lt;!-- incidentops\u200b:card --&gt; !\\[i](https://t.example/p) fixes #\u200b3',
    )
  })

  it('drops control and bidi characters, which could smuggle a marker past a check', () => {
    const [a] = parseAlertDispatch('alert', one({ title: 'a<\u0000!-- b \u202eevil' }))
    expect(a!.title).toBe('a&lt;!-- b evil')
  })

  it('normalises times to UTC ISO and treats Go zero time as unset', () => {
    const [a] = parseAlertDispatch(
      'alert',
      one({ status: 'resolved', startsAt: '2024-05-14T11:00:00.123456789+02:00', endsAt: '0001-01-01T00:00:00Z' }),
    )
    expect(a!.startsAt).toBe('2024-05-14T09:00:00.123Z')
    expect(a!.endsAt).toBeNull()
  })

  it('derives the same key for the same source, service and title when none is given', () => {
    const p = () => ({ incidentops: { alerts: [{ status: 'firing', title: 'Disk full', service: 'db' }] } })
    const [a] = parseAlertDispatch('alert', p())
    expect(a!.key).toMatch(/^generic:[0-9a-f]{32}$/)
    expect(parseAlertDispatch('alert', p())[0]!.key).toBe(a!.key)
  })

  it('refuses a source named after our markers, since a derived key is <source>:<hash> (found by npm run fuzz)', () => {
    const p = (source: string) => ({ incidentops: { alerts: [{ status: 'firing', title: 'Disk full', source }] } })
    for (const s of ['incidentops:', 'IncidentOps', ' incidentops ', 'aincidentops:', 'my incidentops'])
      expect(() => parseAlertDispatch('alert', p(s)), s).toThrow('must not end in "incidentops"')
    expect(parseAlertDispatch('alert', p('incidentops-relay'))[0]!.key).toMatch(/^incidentops-relay:[0-9a-f]{32}$/)
  })

  it('hashes a native fingerprint that is not a safe key', () => {
    const body = {
      version: '4',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'X' },
          annotations: {},
          startsAt: '2024-05-14T09:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: 'has spaces <and> @ stuff',
        },
      ],
    }
    const [a] = parseAlertDispatch('alert', { incidentops: { alertmanager: body } })
    expect(a!.key).toMatch(/^alertmanager:[0-9a-f]{32}$/)
  })

  it('keeps at most 50 labels of a native body, skipping reserved ones', () => {
    const labels = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`l${String(i).padStart(2, '0')}`, 'v']))
    const body = {
      version: '4',
      alerts: [{ status: 'firing', labels: { ...labels, __name__: 'up' }, annotations: {}, fingerprint: 'ab' }],
    }
    const [a] = parseAlertDispatch('alert', { incidentops: { alertmanager: body } })
    expect(Object.keys(a!.labels)).toHaveLength(50)
    expect(a!.labels.__name__).toBeUndefined()
  })
})
