import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONTENT_LIMITS, fitBody, fitLabelName, fitLabels, fitTitle } from '../../src/github/content-limits.js'
import { runs } from '../fast-check-setup.js'

describe('GitHub content limits', () => {
  it('a title that fits is left alone; a longer one is cut to 256 with the cut said', () => {
    expect(fitTitle('[Alert] short')).toBe('[Alert] short')
    expect(fitTitle('t'.repeat(256))).toBe('t'.repeat(256))
    const long = `[Alert] ${'x'.repeat(20_000)}`
    const t = fitTitle(long)
    expect(t.length).toBeLessThanOrEqual(256)
    expect(t).toMatch(/^\[Alert\] x+… \(\d+ more characters\)$/)
    // The note counts exactly what was dropped.
    const kept = t.length - /… \(\d+ more characters\)$/.exec(t)![0].length
    expect(Number(/\((\d+) more/.exec(t)![1])).toBe(long.length - kept)
    // The case from the issue: 257 characters.
    expect(fitTitle('y'.repeat(257)).length).toBeLessThanOrEqual(256)
  })

  it('never splits a surrogate pair', () => {
    const t = fitTitle('😀'.repeat(300))
    expect(t.length).toBeLessThanOrEqual(256)
    expect(t).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })

  it('a body over 65,536 keeps its marker and its record line, and says how much was cut', () => {
    const record = '<!-- incidentops:record:v1:QUJD -->'
    const body = `<!-- incidentops:card -->\n${'line\n'.repeat(20_000)}\n${record}`
    const fitted = fitBody(body)
    expect(fitted.length).toBeLessThanOrEqual(CONTENT_LIMITS.body)
    expect(fitted.startsWith('<!-- incidentops:card -->\n')).toBe(true)
    expect(fitted.endsWith(`\n${record}`)).toBe(true)
    expect(fitted).toMatch(/… \(\d+ more characters cut: GitHub keeps at most 65,536 in one body\)/)
    expect(fitBody('small')).toBe('small')
  })

  it('label names are cut to 50 the same way every time; over 100 labels ours are kept first', () => {
    const long = `service/${'a'.repeat(60)}`
    expect(fitLabelName(long)).toHaveLength(50)
    expect(fitLabelName(long)).toBe(fitLabelName(long))
    expect(fitLabelName('priority/P1')).toBe('priority/P1')
    const people = Array.from({ length: 105 }, (_, i) => `p/${i}`)
    const ours = ['incident', 'priority/P2', 'stage/triage']
    const fitted = fitLabels([...people, ...ours], (l) => ours.includes(l))
    expect(fitted).toHaveLength(100)
    for (const o of ours) expect(fitted).toContain(o)
    expect(fitLabels(['a', 'A', 'b'])).toEqual(['a', 'b'])
  })

  it('every function fits, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const t = fitTitle(s)
        expect(t.length).toBeLessThanOrEqual(CONTENT_LIMITS.title)
        expect(fitTitle(t)).toBe(t)
        const l = fitLabelName(s)
        expect(l.length).toBeLessThanOrEqual(CONTENT_LIMITS.labelName)
        expect(fitLabelName(l)).toBe(l)
      }),
      runs(200),
    )
    fc.assert(
      fc.property(fc.integer({ min: 60_000, max: 140_000 }), fc.boolean(), (n, withRecord) => {
        const b = `${'b'.repeat(n)}${withRecord ? '\n<!-- incidentops:record:v1:AAAA -->' : ''}`
        const f = fitBody(b)
        expect(f.length).toBeLessThanOrEqual(CONTENT_LIMITS.body)
        expect(fitBody(f)).toBe(f)
      }),
      runs(20),
    )
  })
})
