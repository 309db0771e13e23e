import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SCHEMA_FILE, schemaText } from '../../scripts/gen-schema.js'
import { CONFIG_SCHEMA } from '../../src/config/schema.js'
import { loadConfig } from '../../src/config/load.js'

describe('the published JSON Schema', () => {
  it('is up to date with src/config/schema.ts (run `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText())
  })
  it('documents every key with a description', () => {
    const undocumented: string[] = []
    const walk = (s: typeof CONFIG_SCHEMA, path: string): void => {
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (!v.description && !v.$ref) undocumented.push(`${path}${k}`)
        walk(v, `${path}${k}.`)
      }
    }
    walk(CONFIG_SCHEMA, '')
    expect(undocumented).toEqual([])
  })
  it('the example config in docs validates', () => {
    const text = readFileSync('docs/incidents.example.yml', 'utf8')
    expect(() => loadConfig(text, 'docs/incidents.example.yml')).not.toThrow()
    expect(parse(text)).toHaveProperty('classification')
  })
})
