import type { Rule } from './types.js'

/**
 * The default classification, from PRODUCT.md's table: P1 is a crisis (full outage, data loss,
 * security exposure), P2 a major degradation or a majority of users affected, P3 a minor
 * degradation, P4 no customer impact. Fields are those of the incident form (see docs/fields).
 */
export const DEFAULT_RULES: Rule[] = [
  { name: 'data loss or security exposure', priority: 'P1', when: { any: [{ field: 'data_loss', equals: true }, { field: 'security', equals: true }] } },
  { name: 'full outage', priority: 'P1', when: { field: 'impact', equals: 'full-outage' } },
  { name: 'major degradation', priority: 'P2', when: { field: 'impact', equals: 'major-degradation' } },
  { name: 'half or more of users affected', priority: 'P2', when: { field: 'users_affected', at_least: 50 } },
  { name: 'minor degradation', priority: 'P3', when: { field: 'impact', equals: 'minor-degradation' } },
  { name: 'no customer impact', priority: 'P4', when: { field: 'impact', equals: 'no-customer-impact' } },
]
