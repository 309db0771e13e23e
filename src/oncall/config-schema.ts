/*
 * The `oncall` and `services` sections of the configuration's JSON Schema (merged into
 * CONFIG_SCHEMA in config/schema.ts). What a schema cannot say — a valid time zone, a start that
 * parses, a schedule that exists — is checked in oncall/config.ts, at file:line:column too.
 */
import type { JsonSchema } from '../config/schema.js'

const NAME = '^[a-z0-9][a-z0-9-]{0,39}$'
const LOGIN = '^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}$'
const CLOCK = '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$'
const TIME = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?$'

/**
 * Who an escalation level or a service owner names: a person (`@alice`), a team (`@org/team` or
 * `team:org/team`), or a schedule (`schedule:<name>`, or `schedule:<name>/<layer>` for one layer),
 * resolved to the person on call at the moment the level fires.
 */
export const TARGET_PATTERN =
  '^(schedule:[a-z0-9][a-z0-9-]{0,39}(/[A-Za-z0-9._-]+)?|team:[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+|@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?)$'

export const targetList = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
  type: 'array',
  maxItems: 20,
  items: { type: 'string', pattern: TARGET_PATTERN },
  description,
  ...extra,
})

const restriction: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  description: "A weekly window in the schedule's time zone.",
  properties: {
    days: {
      type: 'array',
      minItems: 1,
      maxItems: 7,
      items: { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
      description: 'The days the window starts on.',
      default: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    },
    from: { type: 'string', pattern: CLOCK, description: 'Local start, `HH:MM`.' },
    to: {
      type: 'string',
      pattern: CLOCK,
      description:
        'Local end, `HH:MM` (`24:00` for midnight); earlier than `from` runs past midnight (nights: `from: "18:00"`, `to: "09:00"`).',
    },
  },
}

const layer: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['members', 'rotation', 'start'],
  description: 'One rotation of people.',
  properties: {
    name: { type: 'string', pattern: NAME, description: 'Shown in answers (`layer`); default `layer-<n>`.' },
    members: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: { type: 'string', pattern: LOGIN },
      description: 'GitHub logins, in rotation order.',
    },
    rotation: {
      type: 'string',
      pattern: '^(daily|weekly|[1-9]\\d{0,3}[hdw])$',
      description:
        'Shift length: `daily`, `weekly`, or every N hours, days or weeks (`12h`, `3d`, `2w`). Day and week shifts hand off at the same local time whatever the daylight-saving changes; hour shifts are exact elapsed hours.',
    },
    start: {
      type: 'string',
      pattern: TIME,
      description:
        "The first hand-off, local time in the schedule's zone (`2026-11-30 09:00`): the first member's first shift starts here, and its time of day is the hand-off time.",
    },
    restrictions: {
      type: 'array',
      maxItems: 50,
      items: restriction,
      description: 'When this layer is on duty (e.g. business hours); empty: around the clock.',
      default: [],
    },
  },
}

const override: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['who', 'from', 'to'],
  description: 'Someone covers the whole schedule from `from` (included) to `to` (excluded).',
  properties: {
    who: { type: 'string', pattern: LOGIN, description: 'GitHub login.' },
    from: {
      type: 'string',
      pattern: TIME,
      description: "Local time in the schedule's zone, or an instant with an offset.",
    },
    to: {
      type: 'string',
      pattern: TIME,
      description: "Local time in the schedule's zone, or an instant with an offset.",
    },
    reason: { type: 'string', maxLength: 200, description: 'Shown with the override.' },
  },
}

const schedule: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'time_zone', 'layers'],
  description: 'An on-call schedule.',
  properties: {
    name: {
      type: 'string',
      pattern: NAME,
      description: 'Named in escalation levels and service owners as `schedule:<name>`.',
    },
    time_zone: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description:
        'IANA time zone of the hand-off times and restrictions, e.g. `Europe/Berlin`, `America/New_York`, `UTC`.',
    },
    layers: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      items: layer,
      description:
        'In priority order: at any instant the first layer with someone on duty decides who is on call; later layers fill the gaps (follow-the-sun, nights).',
    },
    overrides: {
      type: 'array',
      maxItems: 200,
      items: override,
      description:
        'Planned cover, reviewed in pull requests; a later one wins over an earlier one. Ad-hoc cover: `/cover` on the on-call issue (docs/oncall.md).',
      default: [],
    },
    channel: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'A chat channel shown with hand-off notices (docs/oncall.md).',
    },
  },
}

/** `oncall:` — schedules, and the issue that records `/cover` overrides. */
export const ONCALL_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'On-call schedules (docs/oncall.md). Escalation levels and service owners name them as `schedule:<name>`.',
  properties: {
    label: {
      type: 'string',
      minLength: 1,
      maxLength: 50,
      description:
        'Label of the on-call issue, opened by IncidentOps, whose comments `/cover @user until …` add overrides and whose body records them.',
      default: 'incidentops-oncall',
    },
    schedules: { type: 'array', maxItems: 50, items: schedule, description: 'The schedules.', default: [] },
  },
}

/** `services:` — the catalog that alerts and form answers map to. */
export const SERVICES_SCHEMA: JsonSchema = {
  type: 'array',
  maxItems: 500,
  description:
    "The services catalog (docs/oncall.md). An incident belongs to the first service that the form's services answer or the alert's `service` names (by name or alias, ignoring case); it then takes that service's escalation, and its card links the runbook.",
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: {
        type: 'string',
        pattern: NAME,
        description: "As in the form's services answer and an alert's `service` (lowercase).",
      },
      aliases: {
        type: 'array',
        maxItems: 20,
        items: { type: 'string', minLength: 1, maxLength: 100 },
        description: 'Other names alerts or people use for it.',
        default: [],
      },
      owners: targetList(
        'Who owns it: `schedule:<name>`, `@org/team` (or `team:org/team`), `@person`. With no `escalation` here or at the top level, they are the one level of its escalation.',
        { default: [] },
      ),
      runbook: {
        type: 'string',
        minLength: 1,
        maxLength: 300,
        description: 'A link (https://…) or a path in this repository (docs/runbooks/checkout.md); the card links it.',
      },
      paths: {
        type: 'array',
        maxItems: 50,
        items: { type: 'string', minLength: 1, maxLength: 200 },
        description: 'Code paths of the service (globs), shown in the card.',
        default: [],
      },
      channel: { type: 'string', minLength: 1, maxLength: 100, description: 'Its chat channel, shown in the card.' },
      display_name: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        description: 'Its name on the status page (default: `name`).',
      },
      group: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        description: 'The group it is shown in on the status page (services of one group are shown together).',
      },
      order: {
        type: 'integer',
        minimum: 0,
        maximum: 10000,
        description: 'Its place on the status page, lower first (default: catalog order).',
      },
      escalation: {
        type: 'array',
        maxItems: 10,
        description: "This service's escalation chain, used instead of the top-level `escalation` for its incidents.",
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['mention'],
          properties: {
            mention: targetList('Who is called at this level.', { minItems: 1 }),
            after: {
              type: 'string',
              format: 'duration',
              pattern: '^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$',
              description: "Time after the previous level (default: the priority's ack window).",
            },
          },
        },
      },
    },
  },
}
