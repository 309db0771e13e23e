import type { Rule } from './types.js'

/**
 * The default classification, from PRODUCT.md's table: P1 is a crisis (full outage, data loss,
 * security exposure), P2 a major degradation or a majority of users affected, P3 a minor
 * degradation, P4 no customer impact. Fields are those of the incident form (see docs/fields).
 */
export const DEFAULT_RULES: Rule[] = [
  {
    name: 'data loss or security exposure',
    priority: 'P1',
    when: {
      any: [
        { field: 'data_loss', equals: true },
        { field: 'security', equals: true },
      ],
    },
  },
  { name: 'full outage', priority: 'P1', when: { field: 'impact', equals: 'full-outage' } },
  { name: 'major degradation', priority: 'P2', when: { field: 'impact', equals: 'major-degradation' } },
  { name: 'half or more of users affected', priority: 'P2', when: { field: 'users_affected', at_least: 50 } },
  { name: 'minor degradation', priority: 'P3', when: { field: 'impact', equals: 'minor-degradation' } },
  { name: 'no customer impact', priority: 'P4', when: { field: 'impact', equals: 'no-customer-impact' } },
  // Alerts carry a severity instead of an impact (their labels are fields too: `labels.<name>`).
  {
    name: 'critical alert',
    priority: 'P1',
    when: { field: 'severity', one_of: ['critical', 'emergency', 'page', 'p1', 'sev1', 'fatal'] },
  },
  {
    name: 'high-severity alert',
    priority: 'P2',
    when: { field: 'severity', one_of: ['high', 'error', 'major', 'p2', 'sev2'] },
  },
  {
    name: 'warning alert',
    priority: 'P3',
    when: { field: 'severity', one_of: ['warning', 'warn', 'minor', 'medium', 'p3', 'sev3'] },
  },
  {
    name: 'informational alert',
    priority: 'P4',
    when: { field: 'severity', one_of: ['info', 'low', 'p4', 'sev4', 'none'] },
  },
]
