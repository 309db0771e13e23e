import type { JsonSchema } from '../config/schema.js'
import { parseDuration } from '../config/duration.js'

/** Where deployment frequency counts from (docs/metrics.md, DORA). */
export type FrequencySource = 'auto' | 'deployments' | 'releases' | 'merges'

/** `changes:` in .github/incidents.yml (docs/changes.md). */
export interface ChangesConfig {
  /** Milliseconds before an incident's start in which changes are suspects. */
  window: number
  /** The environment an incident affects unless its alert says otherwise (`environment`/`env` label). */
  environment: string
  /** Labels that mark a pull request as a hotfix (case-insensitive). */
  hotfixLabels: string[]
  /** What deployment frequency counts: `auto` takes deployments, else releases, else merges. */
  frequency: FrequencySource
  /** Add DORA's four keys to the weekly report (⌈deployments/100⌉ + ⌈pull requests/100⌉ more requests). */
  dora: boolean
}

/** The raw YAML shape. */
export interface RawChanges {
  window?: string
  environment?: string
  hotfix_labels?: string[]
  frequency?: FrequencySource
  dora?: boolean
}

export const CHANGES_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'The changes that may have caused an incident (suspects in the card, `/changes`, `/cause`) and the DORA figures of the report. See docs/changes.md.',
  properties: {
    window: {
      type: 'string',
      format: 'duration',
      pattern: '^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$',
      description:
        'How long before the start of an incident a merged pull request, a deployment or a release counts as a suspect. A duration such as `15m`, `1h30m`, `2d`, `1w`.',
      default: '24h',
    },
    environment: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description:
        "The deployment environment incidents affect, unless an alert's `environment` (or `env`) label names another. Deployments to it rank higher, and the report's DORA figures count only them.",
      default: 'production',
    },
    hotfix_labels: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 50 },
      maxItems: 20,
      description: 'Pull request labels that mark a hotfix (a suspect of its own kind).',
      default: ['hotfix'],
    },
    frequency: {
      type: 'string',
      enum: ['auto', 'deployments', 'releases', 'merges'],
      description:
        'What deployment frequency counts: `deployments` (the Deployments API), `releases`, `merges` (pull requests merged to the default branch), or `auto`: deployments when there are any, else releases, else merges.',
      default: 'auto',
    },
    dora: {
      type: 'boolean',
      description:
        "Add DORA's four keys (deployment frequency, lead time for changes, change failure rate, failed deployment recovery time) to the weekly report, per service and overall, over `report.history_weeks`. It reads the changes in ⌈deployments/100⌉ + ⌈merged pull requests/100⌉ more requests. Repository scope only. See docs/metrics.md.",
      default: false,
    },
  },
}

/** The config's `changes:` with its defaults (validated by the schema before this runs). */
export function resolveChanges(raw: RawChanges | undefined): ChangesConfig {
  return {
    window: parseDuration(raw?.window ?? '24h')!,
    environment: raw?.environment ?? 'production',
    hotfixLabels: (raw?.hotfix_labels ?? ['hotfix']).map((l) => l.toLowerCase()),
    frequency: raw?.frequency ?? 'auto',
    dora: raw?.dora ?? false,
  }
}
