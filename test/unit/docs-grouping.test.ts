import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { groupKeyOf } from '../../src/alerts/group.js'

// Issue #22 item 6: Alertmanager/Grafana grouping is described the same everywhere, with the key that dedups.
const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8')
const AM = JSON.parse(read('test/fixtures/alerts/native/alertmanager-webhook.json')) as Record<string, unknown>

describe('grouping, as documented', () => {
  it('the key that dedups a group is the one the docs and the example workflow name', () => {
    const am = groupKeyOf({ incidentops: { alertmanager: AM } })!
    const gf = groupKeyOf({ incidentops: { grafana: AM } })!
    expect(am.key).toMatch(/^alertmanager-group:[0-9a-f]{32}$/)
    expect(gf.key).toMatch(/^grafana-group:[0-9a-f]{32}$/)
    const monitoring = read('docs/monitoring.md')
    const workflow = read('examples/workflows/incidentops-alerts.yml')
    for (const prefix of ['alertmanager-group:', 'grafana-group:']) {
      expect(monitoring).toContain(`\`${prefix}<sha-256 of groupKey, 32 hex>\``)
      expect(workflow).toContain(prefix)
    }
    expect(monitoring.replace(/\s+/g, ' ')).toContain('one group is **one incident**')
    expect(monitoring).not.toContain('group of N alerts gives N alerts')
  })
})
