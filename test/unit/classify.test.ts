import { describe, expect, it } from 'vitest'
import { classify, evaluate, impactScore, type Fields } from '../../src/domain/classify.js'
import { loadConfig } from '../../src/config/load.js'

const defaults = loadConfig(null, 'x')
const base: Fields = { impact: null, users_affected: null, data_loss: false, security: false, services: [] }

describe('default classification (PRODUCT.md table)', () => {
  it.each([
    [{ impact: 'full-outage' }, 'P1', 'full outage'],
    [{ impact: 'minor-degradation', data_loss: true }, 'P1', 'data loss or security exposure'],
    [{ impact: 'no-customer-impact', security: true }, 'P1', 'data loss or security exposure'],
    [{ impact: 'major-degradation' }, 'P2', 'major degradation'],
    [{ impact: 'minor-degradation', users_affected: 50 }, 'P2', 'half or more of users affected'],
    [{ impact: 'minor-degradation', users_affected: 10 }, 'P3', 'minor degradation'],
    [{ impact: 'no-customer-impact' }, 'P4', 'no customer impact'],
    [{}, 'P2', null],
  ])('%j → %s', (f, priority, rule) => {
    const c = classify({ ...base, ...f }, defaults)
    expect(c.priority).toBe(priority)
    expect(c.rule).toBe(rule)
  })
})

describe('conditions', () => {
  const f: Fields = {
    impact: 'full-outage',
    users_affected: 30,
    services: ['api', 'web'],
    data_loss: true,
    summary: 'Payments fail',
    missing: null,
  }
  it.each([
    [{ field: 'impact', equals: 'Full Outage' }, true],
    [{ field: 'impact', equals: 'full outage!' }, true],
    [{ field: 'impact', equals: 'major-degradation' }, false],
    [{ field: 'services', equals: 'web' }, true],
    [{ field: 'services', one_of: ['db', 'API'] }, true],
    [{ field: 'users_affected', at_least: 30 }, true],
    [{ field: 'users_affected', above: 30 }, false],
    [{ field: 'users_affected', at_most: 29 }, false],
    [{ field: 'users_affected', below: 31 }, true],
    [{ field: 'data_loss', equals: true }, true],
    [{ field: 'data_loss', equals: 'yes' }, true],
    [{ field: 'summary', matches: '^pay' }, true],
    [{ field: 'missing', present: false }, true],
    [{ field: 'missing', equals: 'x' }, false],
    [{ field: 'missing', at_least: 0 }, false],
    [
      {
        all: [
          { field: 'impact', equals: 'full-outage' },
          { field: 'users_affected', at_least: 50 },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { field: 'impact', equals: 'none' },
          { field: 'users_affected', at_least: 10 },
        ],
      },
      true,
    ],
    [{ not: { field: 'impact', equals: 'full-outage' } }, false],
  ])('%j is %s', (c, want) => expect(evaluate(c as never, f)).toBe(want))
})

describe("the weighted impact score (the article's classifier as config)", () => {
  const config = loadConfig(
    [
      'classification:',
      '  score:',
      '    - { field: users_affected, weight: 1 }',
      '    - { field: impact, values: { full-outage: 100, major-degradation: 50 } }',
      '    - { field: data_loss, weight: 40 }',
      '  rules:',
      '    - { name: High, priority: P1, when: { field: score, above: 100 } }',
      '    - { name: Medium, priority: P2, when: { field: score, above: 50 } }',
      '  default: P3',
    ].join('\n'),
    'x',
  )
  it('sums weights and choice values', () => {
    expect(
      impactScore(config.classification.score, { users_affected: 30, impact: 'major-degradation', data_loss: true }),
    ).toBe(120)
  })
  it.each([
    [{ users_affected: 1, impact: 'full-outage' }, 'P1', 101],
    [{ users_affected: 0, impact: 'full-outage' }, 'P2', 100],
    [{ users_affected: 10, impact: 'major-degradation' }, 'P2', 60],
    [{ users_affected: 0, impact: 'major-degradation' }, 'P3', 50],
  ])('%j → %s (score %d): > 100 High, > 50 Medium, else Low', (f, p, score) => {
    const c = classify(f, config)
    expect(c.priority).toBe(p)
    expect(c.score).toBe(score)
  })
})
