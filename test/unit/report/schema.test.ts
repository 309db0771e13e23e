import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../../src/report/build.js'
import { generate, options } from './fixtures.js'
import { SCENARIO } from './scenario.js'

type Schema = {
  $ref?: string
  type?: string | string[]
  const?: unknown
  enum?: unknown[]
  required?: string[]
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  propertyNames?: Schema
  items?: Schema
  oneOf?: Schema[]
  minimum?: number
  format?: string
  $defs?: Record<string, Schema>
}

const root = JSON.parse(readFileSync('docs/report.schema.json', 'utf8')) as Schema

/**
 * A deliberately small JSON Schema checker: the keywords docs/report.schema.json uses
 * ($ref to $defs, type, const, enum, required, properties, additionalProperties, propertyNames,
 * items, oneOf, minimum, format date-time). Returns the errors with their paths.
 */
function check(s: Schema, v: unknown, path = '$'): string[] {
  if (s.$ref) {
    const name = s.$ref.replace('#/$defs/', '')
    const def = root.$defs?.[name]
    if (!def) return [`${path}: unknown $ref ${s.$ref}`]
    return check(def, v, path)
  }
  if (s.oneOf) {
    const ok = s.oneOf.filter((alt) => check(alt, v, path).length === 0).length
    return ok === 1 ? [] : [`${path}: matches ${ok} of oneOf`]
  }
  const errors: string[] = []
  if ('const' in s && v !== s.const) errors.push(`${path}: must be ${JSON.stringify(s.const)}`)
  if (s.enum && !s.enum.includes(v)) errors.push(`${path}: ${JSON.stringify(v)} not in enum`)
  if (s.type) {
    const types = Array.isArray(s.type) ? s.type : [s.type]
    const actual = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v
    const fits = types.some(
      (t) =>
        t === actual ||
        (t === 'integer' && typeof v === 'number' && Number.isInteger(v)) ||
        (t === 'number' && typeof v === 'number' && Number.isFinite(v)),
    )
    if (!fits) return [...errors, `${path}: ${actual} is not ${types.join('|')}`]
  }
  if (typeof v === 'number' && s.minimum !== undefined && v < s.minimum) errors.push(`${path}: ${v} < ${s.minimum}`)
  if (typeof v === 'string' && s.format === 'date-time' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v))
    errors.push(`${path}: not a date-time`)
  if (Array.isArray(v) && s.items) v.forEach((x, i) => errors.push(...check(s.items!, x, `${path}[${i}]`)))
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    for (const k of s.required ?? []) if (!(k in o)) errors.push(`${path}: missing ${k}`)
    for (const [k, x] of Object.entries(o)) {
      if (s.propertyNames) errors.push(...check(s.propertyNames, k, `${path}.${k} (name)`))
      const p = s.properties?.[k]
      if (p) errors.push(...check(p, x, `${path}.${k}`))
      else if (s.additionalProperties === false) errors.push(`${path}: unexpected ${k}`)
      else if (typeof s.additionalProperties === 'object')
        errors.push(...check(s.additionalProperties, x, `${path}.${k}`))
    }
  }
  return errors
}

describe('docs/report.schema.json', () => {
  it.each([
    ['the hand-worked history', () => buildReport(SCENARIO, options())],
    ['an empty history without SLO or costs', () => buildReport([], options({ slo: null, costPerHour: null }))],
    ['2,000 generated incidents, SLO 100%', () => buildReport(generate(2000, 13), options({ slo: { target: 1 } }))],
  ])('validates the report built from %s', (_name, build) => {
    const data = JSON.parse(JSON.stringify(build()))
    expect(check(root, data)).toEqual([])
  })
  it('the checker does catch a missing key, an extra key and a wrong type', () => {
    const data = JSON.parse(JSON.stringify(buildReport(SCENARIO, options()))) as Record<string, unknown>
    delete data.risk
    data.extra = 1
    ;(data.current as Record<string, unknown>).incidents = 'four'
    expect(check(root, data)).toEqual([
      '$: missing risk',
      '$.current.incidents: string is not integer',
      '$: unexpected extra',
    ])
  })
  it('closes every object (additionalProperties: false) and requires every key it declares', () => {
    const loose: string[] = []
    const walk = (s: Schema, path: string): void => {
      if (s.properties) {
        if (s.additionalProperties !== false) loose.push(path)
        const declared = Object.keys(s.properties).sort()
        if (JSON.stringify([...(s.required ?? [])].sort()) !== JSON.stringify(declared))
          loose.push(`${path} (required)`)
        for (const [k, p] of Object.entries(s.properties)) walk(p, `${path}.${k}`)
      }
      for (const alt of s.oneOf ?? []) walk(alt, path)
      if (s.items) walk(s.items, `${path}[]`)
    }
    walk(root, '$')
    for (const [k, d] of Object.entries(root.$defs ?? {})) walk(d, `#${k}`)
    expect(loose).toEqual([])
  })
})
