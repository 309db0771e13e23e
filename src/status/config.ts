/*
 * The `status` section of the config (docs/status-page.md): the public page's name and address,
 * and the rule that publishes incidents without a command. Its schema joins the config's schema
 * (src/config/schema.ts); `resolveStatus` turns the checked raw section into the typed one.
 */
import type { JsonSchema } from '../config/schema.js'
import type { Priority } from '../config/types.js'
import {
  SUBSCRIBERS_SCHEMA,
  resolveSubscribers,
  type RawSubscribers,
  type SubscribersConfig,
} from '../subscriptions/config.js'

/** The typed `status` section. */
export interface StatusConfig {
  /** The page's title (and the feed's). */
  name: string
  /** Where the page is served (https://acme.github.io/shop/): absolute links in the feed and the JSON; null: relative. */
  url: string | null
  /** Incidents published without `/status publish`: those of these priorities and sources (both must match; an empty list matches nothing). */
  publish: { priorities: Priority[]; sources: string[] }
  /** Days of history shown as uptime bars. */
  uptimeDays: number
  /** Told of every public change (src/subscriptions/). */
  subscribers: SubscribersConfig
  /** Scheduled maintenance (src/maintenance/): the label that marks its issues (the maintenance form sets it). */
  maintenance: { label: string; wakeBeforeMs: number | null }
}

export interface RawStatusConfig {
  name?: string
  url?: string
  publish?: { priorities?: Priority[]; sources?: string[] }
  uptime_days?: number
  subscribers?: RawSubscribers
  maintenance?: { label?: string; wake_before?: number }
}

export const STATUS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'The public status page (`mode: status`, docs/status-page.md). Only incidents a responder publishes (`/status publish <title>`) or that match `publish` appear on it, with only the updates written for customers (`/status <text>`).',
  properties: {
    name: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: "The page's title, e.g. `Acme status`.",
      default: 'Status',
    },
    url: {
      type: 'string',
      pattern: '^https://[^\\s<>"]+/$',
      maxLength: 300,
      description:
        'Where the page is served, ending with `/` (e.g. `https://acme.github.io/shop/`): the feed and the JSON give absolute links. Unset: links are relative.',
    },
    publish: {
      type: 'object',
      additionalProperties: false,
      description:
        'Publish incidents without a command: those whose priority is in `priorities` and whose source is in `sources` (`alert` matches every monitor, or name one: `alertmanager`, `grafana`, …; `form`, `manual`). Their public title is generic ("Major outage: Checkout") until `/status publish <title>` gives one. Unconfirmed and dismissed incidents never appear.',
      properties: {
        priorities: {
          type: 'array',
          items: { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] },
          description: 'Priorities published automatically.',
          default: [],
        },
        sources: {
          type: 'array',
          maxItems: 20,
          items: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,39}$' },
          description: '`alert` (any monitor), a monitor name, `form` or `manual`.',
          default: ['alert'],
        },
      },
    },
    uptime_days: {
      type: 'integer',
      minimum: 7,
      maximum: 90,
      description: 'Days of uptime bars per component.',
      default: 90,
    },
    subscribers: SUBSCRIBERS_SCHEMA,
    maintenance: {
      type: 'object',
      additionalProperties: false,
      description:
        'Scheduled maintenance (docs/status-page.md): issues opened from the maintenance form (`.github/ISSUE_TEMPLATE/maintenance.yml`), shown as upcoming, in progress and completed.',
      properties: {
        label: {
          type: 'string',
          pattern: '^[^,]{1,50}$',
          description:
            "The label that marks a maintenance issue (the form's `labels:` must set the same). Not the incident label.",
          default: 'maintenance',
        },
        wake_before: {
          type: 'integer',
          minimum: 60,
          maximum: 1440,
          description:
            'Minutes. Unset: while a maintenance is scheduled or in progress, the sweep never sleeps (with `sweep-workflow`), so its start and end are recorded on time, at 144 billed minutes a day. Set (e.g. `120`): the sweep sleeps until this long before the next start or end, and the status workflow wakes it then (its `sweep-needed` output; examples/workflows/incidentops-status.yml). Only with that workflow: without it, a start or end is recorded by the next run, late but with its own time.',
        },
      },
    },
  },
}

/** The typed section from the checked raw one (defaults filled in). */
export function resolveStatus(raw: RawStatusConfig | undefined): StatusConfig {
  return {
    name: raw?.name ?? 'Status',
    url: raw?.url ?? null,
    publish: { priorities: raw?.publish?.priorities ?? [], sources: raw?.publish?.sources ?? ['alert'] },
    uptimeDays: raw?.uptime_days ?? 90,
    subscribers: resolveSubscribers(raw?.subscribers),
    maintenance: {
      label: raw?.maintenance?.label ?? 'maintenance',
      wakeBeforeMs: raw?.maintenance?.wake_before ? raw.maintenance.wake_before * 60_000 : null,
    },
  }
}
