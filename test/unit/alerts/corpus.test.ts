// The alert corpus: every valid payload normalises to its recorded output; every malformed one is
// refused with a PayloadError whose message names the field (the `expect` substring in index.json).
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAlertDispatch } from '../../../src/alerts/index.js'
import { PayloadError } from '../../../src/errors.js'

const DIR = resolve(import.meta.dirname, '..', '..', 'fixtures', 'alerts')
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'))

interface ValidFixture {
  description: string
  event_type: string
  client_payload: unknown
  expected: unknown
}
interface MalformedFixture {
  event_type: string
  client_payload: unknown
}

const validFiles = readdirSync(join(DIR, 'valid'))
  .filter((f) => f.endsWith('.json'))
  .sort()
const index = read(join(DIR, 'malformed', 'index.json')) as Record<string, { expect: string }>
const malformedFiles = readdirSync(join(DIR, 'malformed'))
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .sort()

describe('valid alert payloads', () => {
  it('cover every source at least twice', () => {
    for (const source of ['alertmanager', 'grafana', 'datadog', 'uptime-kuma', 'generic']) {
      expect(validFiles.filter((f) => f.startsWith(`${source}-`)).length, source).toBeGreaterThanOrEqual(2)
    }
  })
  it.each(validFiles)('%s', (file) => {
    const f = read(join(DIR, 'valid', file)) as ValidFixture
    expect(parseAlertDispatch(f.event_type, f.client_payload)).toEqual(f.expected)
  })
  it('reads an Alertmanager group of three, one resolved, as three alerts with their own status and key', () => {
    const f = read(join(DIR, 'valid', 'alertmanager-group-3-one-resolved.json')) as ValidFixture
    const alerts = parseAlertDispatch(f.event_type, f.client_payload)
    expect(alerts.map((a) => [a.status, a.key])).toEqual([
      ['firing', 'alertmanager:b5a4a7f6c3d2e1f0'],
      ['firing', 'alertmanager:0c1d2e3f4a5b6c7d'],
      ['resolved', 'alertmanager:9f8e7d6c5b4a3928'],
    ])
  })
})

describe('malformed alert payloads', () => {
  it('are at least 30, each listed in index.json', () => {
    expect(malformedFiles.length).toBeGreaterThanOrEqual(30)
    expect(Object.keys(index).sort()).toEqual(malformedFiles)
  })
  it.each(malformedFiles)('%s is refused naming the field', (file) => {
    const f = read(join(DIR, 'malformed', file)) as MalformedFixture
    let thrown: unknown
    try {
      parseAlertDispatch(f.event_type, f.client_payload)
    } catch (error: unknown) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(PayloadError)
    const message = (thrown as PayloadError).message
    expect(message).toContain(index[file]!.expect)
    // Names a field: the event type, the payload, or a path inside it.
    expect(message).toMatch(/^(event_type|client_payload)\b/)
  })
})
