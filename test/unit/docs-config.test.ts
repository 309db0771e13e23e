import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONFIG_DOCS_FILE, configDocsText } from '../../scripts/gen-config-docs.js'
import { CONFIG_SCHEMA, type JsonSchema } from '../../src/config/schema.js'

/** Every key path of the schema, as the reference writes it (`a.b`, `list[].key`, and $defs keys). */
function keyPaths(s: JsonSchema, prefix: string, out: string[]): string[] {
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    const path = `${prefix}${k}`
    out.push(path)
    if (v.type === 'object') keyPaths(v, `${path}.`, out)
    if (v.type === 'array' && v.items && !v.items.$ref && v.items.type === 'object')
      keyPaths(v.items, `${path}[].`, out)
  }
  return out
}

describe('the configuration reference (docs/configuration.md)', () => {
  it('is up to date with src/config/schema.ts (run `npm run docs`)', () => {
    expect(readFileSync(CONFIG_DOCS_FILE, 'utf8')).toBe(configDocsText())
  })

  it('has a row for every key of the schema, with its default when it has one', () => {
    const text = configDocsText()
    const rows = new Map(
      text
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .map((l) => [/^\| `([^`]+)`/.exec(l)![1]!, l]),
    )
    // Top-level objects are sections (a heading); every other key is a row.
    const sections = Object.entries(CONFIG_SCHEMA.properties ?? {})
      .filter(([, v]) => v.type === 'object')
      .map(([k]) => k)
    const missing = keyPaths(CONFIG_SCHEMA, '', []).filter((p) => !rows.has(p) && !sections.includes(p))
    expect(missing).toEqual([])
    expect(rows.get('priorities.P1.ack')).toContain('| duration | `15m` |')
    expect(rows.get('alerts.event_types')).toContain('`["alert", "incident"]`')
    for (const [name, def] of Object.entries(CONFIG_SCHEMA.$defs ?? {})) {
      expect(text).toContain(`## ${name}`)
      for (const alt of def.oneOf ?? [def])
        for (const k of Object.keys(alt.properties ?? {})) expect(text).toMatch(new RegExp(`\\| \`${k}\` \\|`))
    }
  })

  it('is one table per section, and every table row has four cells', () => {
    const text = configDocsText()
    for (const section of Object.keys(CONFIG_SCHEMA.properties ?? {})) expect(text).toContain(`\n## ${section}\n`)
    for (const line of text.split('\n').filter((l) => /^\s*\| `/.test(l))) {
      const cells = line.trim().replace(/\\\|/g, '').split('|').length - 2
      expect(cells, line).toBe(4)
    }
  })
})
