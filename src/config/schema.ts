import { ONCALL_SCHEMA, SERVICES_SCHEMA, TARGET_PATTERN } from '../oncall/config-schema.js'
import { STATUS_SCHEMA } from '../status/config.js'

/**
 * The configuration's JSON Schema: the single source for validation (config/validate.ts), the
 * published `schema/incidents.schema.json` that editors use for completion, and the README's
 * configuration reference. Keep to the subset that validate.ts understands: type, properties,
 * additionalProperties, required, enum, pattern, minimum, maximum, minItems, maxItems,
 * minLength, maxLength, items, $ref into $defs, oneOf of objects told apart by a required key,
 * and our own `format: duration` / `format: regex`.
 */
export type JsonSchema = {
  $schema?: string
  $id?: string
  $ref?: string
  $defs?: Record<string, JsonSchema>
  title?: string
  description?: string
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | Array<'string' | 'number' | 'boolean'>
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  required?: string[]
  enum?: Array<string | number | boolean>
  pattern?: string
  format?: 'duration' | 'regex'
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  items?: JsonSchema
  oneOf?: JsonSchema[]
  default?: unknown
  examples?: unknown[]
}

const duration = (description: string, def: string): JsonSchema => ({
  type: 'string',
  format: 'duration',
  pattern: '^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$',
  description: `${description} A duration such as \`15m\`, \`1h30m\`, \`2d\`, \`1w\`.`,
  default: def,
})

const priorityEnum: JsonSchema = { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] }

const priorityPolicy = (
  p: string,
  d: { description: string; ack: string; update: string; postmortem: string; crisis: boolean },
): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  description: `Policy for ${p}.`,
  properties: {
    description: {
      type: 'string',
      maxLength: 200,
      description: 'What this priority means, shown in the card and the docs.',
      default: d.description,
    },
    ack: duration('How soon a human must acknowledge (`/ack`) before escalation.', d.ack),
    update: duration(
      'How often a progress update (`/update`) is expected. The clock restarts at each `/update` and each stage change, so a reminder is never due at the moment the stage changes.',
      d.update,
    ),
    postmortem: {
      type: 'string',
      enum: ['required', 'optional', 'none'],
      description: 'Whether resolving the incident requires a postmortem.',
      default: d.postmortem,
    },
    crisis: {
      type: 'boolean',
      description: 'A crisis gets crisis management: the crisis mentions and the communication checklist.',
      default: d.crisis,
    },
  },
})

const scalar: JsonSchema = { type: ['string', 'number', 'boolean'] }

export const CONFIG_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/incidentops/incidentops/schema/incidents.schema.json',
  title: 'IncidentOps configuration (.github/incidents.yml)',
  description: 'Every key is optional: a missing key takes its default, and with no file at all every default applies.',
  type: 'object',
  additionalProperties: false,
  properties: {
    labels: {
      type: 'object',
      additionalProperties: false,
      description: 'Label names. Priority, stage, service and source labels are `prefix/value`.',
      properties: {
        incident: {
          type: 'string',
          minLength: 1,
          maxLength: 50,
          description: 'The label that marks an issue as an incident (the issue form applies it).',
          default: 'incident',
        },
        services: {
          type: 'boolean',
          description:
            "Add a `service/<name>` label for each affected service. The `service/` labels follow the current answer of the form (a label of a service no longer named is removed), and at most 10 services per incident ever get one, so edits cannot multiply the repository's labels.",
          default: true,
        },
        allowed_services: {
          type: 'array',
          maxItems: 200,
          items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
          description:
            'When not empty, only these services (lowercase, as in `service/<name>`) get a label; others named in the form are shown in the card but not labelled. Recommended on public repositories, where anyone can open an incident.',
          default: [],
        },
      },
    },
    priorities: {
      type: 'object',
      additionalProperties: false,
      description: 'Response policy per priority.',
      properties: {
        P1: priorityPolicy('P1', {
          description: 'Crisis: full outage, data loss or security exposure',
          ack: '15m',
          update: '30m',
          postmortem: 'required',
          crisis: true,
        }),
        P2: priorityPolicy('P2', {
          description: 'Major degradation affecting many users',
          ack: '30m',
          update: '1h',
          postmortem: 'required',
          crisis: false,
        }),
        P3: priorityPolicy('P3', {
          description: 'Minor degradation affecting few users',
          ack: '4h',
          update: '4h',
          postmortem: 'optional',
          crisis: false,
        }),
        P4: priorityPolicy('P4', {
          description: 'No customer impact',
          ack: '1d',
          update: '1d',
          postmortem: 'none',
          crisis: false,
        }),
      },
    },
    classification: {
      type: 'object',
      additionalProperties: false,
      description:
        'How impact becomes a priority. Rules are tried in order and the first that matches wins; when none matches, `default` applies. A priority set by a human (label or `/priority`) always wins over the rules.',
      properties: {
        default: {
          ...priorityEnum,
          description: 'Priority when no rule matches (for example an incident written by hand without the form).',
          default: 'P2',
        },
        score: {
          type: 'array',
          maxItems: 50,
          description:
            'Optional weighted impact score, available to rules as the field `score`: the sum over terms of `weight × value` (numbers) or `values[value]` (choices).',
          items: { $ref: '#/$defs/scoreTerm' },
        },
        rules: {
          type: 'array',
          maxItems: 100,
          description: 'Ordered rules; the defaults are listed in the docs.',
          items: { $ref: '#/$defs/rule' },
        },
      },
    },
    crisis: {
      type: 'object',
      additionalProperties: false,
      description: 'Crisis management for priorities marked `crisis: true` (P1 by default).',
      properties: {
        mention: {
          type: 'array',
          maxItems: 20,
          items: { type: 'string', pattern: '^@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$' },
          description: 'Users or teams (`@org/team`) mentioned when a crisis is declared.',
          default: [],
        },
        checklist: {
          type: 'array',
          maxItems: 30,
          items: { type: 'string', minLength: 1, maxLength: 200 },
          description: 'Stakeholder communication checklist shown in the card of a crisis.',
          default: [
            'Communication owner named',
            'Status page updated',
            'Customer support briefed',
            'Leadership informed',
            'Affected customers notified',
          ],
        },
      },
    },
    stages: {
      type: 'object',
      additionalProperties: false,
      description:
        'The stages, in their fixed order: names and board columns can be changed, the order cannot (the metrics are defined on it).',
      properties: {
        triage: {
          type: 'object',
          additionalProperties: false,
          description: 'The triage stage.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
              description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
              default: 'triage',
            },
            column: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'Board column (Status option) for this stage.',
              default: 'Triage',
            },
          },
        },
        investigating: {
          type: 'object',
          additionalProperties: false,
          description: 'The investigating stage.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
              description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
              default: 'investigating',
            },
            column: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'Board column (Status option) for this stage.',
              default: 'Investigating',
            },
          },
        },
        fixing: {
          type: 'object',
          additionalProperties: false,
          description: 'The fixing stage.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
              description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
              default: 'fixing',
            },
            column: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'Board column (Status option) for this stage.',
              default: 'Fixing',
            },
          },
        },
        monitoring: {
          type: 'object',
          additionalProperties: false,
          description: 'The monitoring stage.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
              description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
              default: 'monitoring',
            },
            column: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'Board column (Status option) for this stage.',
              default: 'Monitoring',
            },
          },
        },
        resolved: {
          type: 'object',
          additionalProperties: false,
          description: 'The resolved stage.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
              description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
              default: 'resolved',
            },
            column: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'Board column (Status option) for this stage.',
              default: 'Resolved',
            },
          },
        },
        postmortem: {
          type: 'object',
          additionalProperties: false,
          description: 'The postmortem stage.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
              description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
              default: 'postmortem',
            },
            column: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'Board column (Status option) for this stage.',
              default: 'Postmortem',
            },
          },
        },
        closed: {
          type: 'object',
          additionalProperties: false,
          description: 'The closed stage.',
          properties: {
            name: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{0,30}$',
              description: 'Name in labels (`stage/<name>`) and in `/stage <name>`.',
              default: 'closed',
            },
            column: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'Board column (Status option) for this stage.',
              default: 'Closed',
            },
          },
        },
      },
    },
    project: {
      type: 'object',
      additionalProperties: false,
      required: ['number'],
      description:
        'The Projects (v2) board that mirrors the stages. Needs the `project-token` input (a fine-grained PAT or GitHub App token with Projects read/write); without it the board is skipped with a warning.',
      properties: {
        owner: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$',
          description: 'User or organisation that owns the project; default: the repository owner.',
        },
        number: { type: 'integer', minimum: 1, description: 'The project number (from its URL: /projects/<number>).' },
        status_field: {
          type: 'string',
          minLength: 1,
          description: 'Single-select field whose options are the stage columns.',
          default: 'Status',
        },
        priority_field: { type: 'string', minLength: 1, description: 'Optional single-select field set to P1..P4.' },
        started_field: { type: 'string', minLength: 1, description: 'Optional date field set to the start date.' },
        resolved_field: {
          type: 'string',
          minLength: 1,
          description: 'Optional date field set to the resolution date.',
        },
        service_field: {
          type: 'string',
          minLength: 1,
          description: 'Optional text field set to the affected services.',
        },
      },
    },
    alerts: {
      type: 'object',
      additionalProperties: false,
      description: 'Incidents opened and updated by monitoring through `repository_dispatch` (docs/monitoring.md).',
      properties: {
        event_types: {
          type: 'array',
          minItems: 1,
          maxItems: 10,
          items: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,100}$' },
          description: 'The `repository_dispatch` event types that carry alerts.',
          default: ['alert', 'incident'],
        },
        resolved_stage: {
          type: 'string',
          enum: ['monitoring', 'resolved'],
          description:
            'Where a `resolved` alert moves its incident: Monitoring (verify first) or straight to Resolved.',
          default: 'monitoring',
        },
        reopen_window: duration(
          'A firing alert within this time after its incident was resolved reopens it; later, it opens a new incident that links the earlier one.',
          '1h',
        ),
        comment_interval: duration(
          'At most one "still firing" comment per incident per this interval, so a storm neither floods the thread nor hits the 80 content-creating requests a minute.',
          '30m',
        ),
        coalesce: duration(
          'Repeats arriving within this time of the last recorded one are counted once (no write at all).',
          '1m',
        ),
      },
    },
    report: {
      type: 'object',
      additionalProperties: false,
      description:
        'The weekly reliability report (`mode: report`): one issue per window, the job summary and a JSON file. docs/metrics.md defines every figure.',
      properties: {
        window_days: {
          type: 'integer',
          minimum: 1,
          maximum: 366,
          description:
            'Length of the report window in days, ending at 00:00 UTC of the day the report runs; trends compare with the window before.',
          default: 7,
        },
        history_weeks: {
          type: 'integer',
          minimum: 1,
          maximum: 104,
          description: 'Weeks of history for the charts, the failure rate λ, MTBF and the risk figures.',
          default: 12,
        },
        slo_target: {
          type: 'number',
          minimum: 0.5,
          maximum: 1,
          description:
            'Availability target over the window as a fraction, e.g. 0.999 for 99.9%: adds the error budget. No target, no SLO figures.',
          examples: [0.999],
        },
        cost_per_hour: {
          type: 'object',
          additionalProperties: false,
          description:
            'Estimated cost of one hour of downtime per priority, in `currency`: adds the cost figures. Priorities left out cost nothing.',
          properties: {
            P1: { type: 'number', minimum: 0, description: 'Cost of one hour of P1 downtime.' },
            P2: { type: 'number', minimum: 0, description: 'Cost of one hour of P2 downtime.' },
            P3: { type: 'number', minimum: 0, description: 'Cost of one hour of P3 downtime.' },
            P4: { type: 'number', minimum: 0, description: 'Cost of one hour of P4 downtime.' },
          },
        },
        currency: {
          type: 'string',
          pattern: '^[A-Z]{3}$',
          description: 'ISO 4217 code of the costs, e.g. USD, EUR.',
          default: 'USD',
        },
        downtime_priorities: {
          type: 'array',
          items: priorityEnum,
          maxItems: 4,
          description: 'Priorities whose incidents count as downtime (availability, error budget, cost).',
          default: ['P1', 'P2'],
        },
        label: {
          type: 'string',
          minLength: 1,
          maxLength: 50,
          description: 'Label of the report issues (one issue per window, found again by a hidden marker).',
          default: 'reliability-report',
        },
        json: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
          pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$',
          description:
            'The JSON file (docs/report.schema.json), relative to RUNNER_TEMP when set, else to the workspace; its path is the `report-json` output.',
          default: 'incidentops-report.json',
        },
        scope: {
          type: 'string',
          enum: ['repository', 'organization'],
          description:
            "`repository`: this repository's incidents. `organization`: every repository of the owner (at least one request per repository; see the README).",
          default: 'repository',
        },
      },
    },
    escalation: {
      type: 'array',
      maxItems: 10,
      description:
        "The escalation chain for incidents nobody acknowledges. Level 1 is notified at the priority's ack deadline, each next level after its `after` (default: the ack window again). Empty: one level that mentions the assignees.",
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['mention'],
        properties: {
          mention: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: { type: 'string', pattern: TARGET_PATTERN },
            description:
              'Users or teams (`@org/team`) to mention at this level, or `schedule:<name>` for whoever is on call when the level fires (docs/oncall.md).',
          },
          after: {
            ...duration("Time after the previous level (default: the priority's ack window).", ''),
            default: undefined,
          },
        },
      },
      default: [],
    },
    response_team: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string', pattern: '^@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$' },
      description: 'Mentioned in progress reminders when an incident has no commander and no assignee.',
      default: [],
    },
    sweep: {
      type: 'object',
      additionalProperties: false,
      description: 'The scheduled sweep over open incidents (reminders, escalation, auto-resolve).',
      properties: {
        budget: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
          description: 'Writes allowed per run; the rest is left, and said, for the next run.',
          default: 50,
        },
        auto_resolve_alerts: {
          type: 'string',
          pattern: '^(off|(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)$',
          description:
            'Monitoring → Resolved after this quiet time without new firings, for incidents opened by monitoring (`off` to disable).',
          default: '1h',
        },
        auto_resolve_people: {
          type: 'string',
          pattern: '^(off|(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)$',
          description: 'The same for incidents opened by people (off by default: a person decides).',
          default: 'off',
        },
        interval: {
          type: 'string',
          pattern: '^(off|(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)$',
          description:
            "How often the sweep's schedule runs (its cron: `10m` for the example's `*/10 * * * *`). When set, every sweep run records its time (in the description of the `incidentops/sweep-on` label: one label edit per run), and an intake, alert or heartbeat run that finds the sweep silent for more than 3 × this says so in the incident's card and the job summary: GitHub disables schedules after 60 days without activity and drops runs under load. Never said while the sweep sleeps on purpose (no incident open, `sweep-workflow`). `off`: not watched.",
          default: 'off',
        },
      },
    },
    heartbeats: {
      type: 'array',
      maxItems: 50,
      description:
        "Dead man's switches (docs/monitoring.md, Heartbeats): a cron job or monitor pings `heartbeat <name>` every `period`; when no ping came for `period` + `grace`, the sweep opens an incident keyed `heartbeat:<name>`, and the next ping resolves it as a `resolved` alert would. While any heartbeat is configured the sweep never sleeps: only a scheduled run can notice a ping that did not come.",
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'period'],
        properties: {
          name: {
            type: 'string',
            pattern: '^[a-z0-9][a-z0-9._-]{0,62}$',
            description:
              "The name pings use (`client_payload.name`, or the relay's `/heartbeat/<name>`): lowercase letters, digits, `.`, `_` and `-`.",
          },
          period: { ...duration('How often a ping is expected.', ''), default: undefined },
          grace: duration('How late a ping may be before the heartbeat counts as stopped.', '5m'),
          priority: {
            ...priorityEnum,
            description:
              "The incident's severity `p1`…`p4`: the default rules make it that priority (your own rules see it as the alert field `severity`, with `source` `heartbeat` and `labels.heartbeat` the name).",
            default: 'P2',
          },
          service: {
            type: 'string',
            pattern: '^[a-z0-9][a-z0-9-]{0,39}$',
            description: 'The service the incident is about.',
          },
        },
      },
      default: [],
    },
    postmortem: {
      type: 'object',
      additionalProperties: false,
      description:
        'Postmortems (docs/postmortems.md): written for priorities that require one when the incident is resolved, or on `/postmortem`.',
      properties: {
        as: {
          type: 'string',
          enum: ['issue', 'comment', 'pull_request'],
          description:
            'Where the postmortem is written: `issue`, a linked issue (done when it is closed); `comment`, a comment on the incident (done on `/postmortem done`), for teams that want it all in one thread; `pull_request`, a markdown file in `directory` proposed in a pull request (done when it is merged; needs `contents: write` and `pull-requests: write`, and the repository setting that allows Actions to create pull requests).',
          default: 'issue',
        },
        directory: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
          pattern: '^(?!/)(?!.*\\.\\.)[A-Za-z0-9._/-]+$',
          description:
            'With `as: pull_request`: the folder of the postmortem files (`<directory>/<start date>-incident-<number>.md`).',
          default: 'docs/postmortems',
        },
        template: {
          type: 'string',
          minLength: 1,
          pattern: '^[^/].*\\.md$',
          description:
            'A markdown template in the repository with `{{placeholders}}`; default: the built-in templates/postmortem.md.',
        },
        label: {
          type: 'string',
          minLength: 1,
          maxLength: 50,
          description: 'Label of postmortem issues.',
          default: 'postmortem',
        },
        followup_label: {
          type: 'string',
          minLength: 1,
          maxLength: 50,
          description: 'Label of follow-up issues opened with `/followup`.',
          default: 'incident-followup',
        },
        chase_after: duration(
          'A required postmortem still open this long after resolution gets a reminder to its owner (then again each such period).',
          '3d',
        ),
      },
    },
    notify: {
      type: 'object',
      additionalProperties: false,
      description:
        'Chat notifications, sent to the webhooks given by the `notify-*` inputs (docs/notifications.md). A failing webhook is a warning, never a failed run.',
      properties: {
        events: {
          type: 'array',
          items: { type: 'string', enum: ['declared', 'priority', 'escalation', 'resolved'] },
          description: 'Which events are sent.',
          default: ['declared', 'priority', 'escalation', 'resolved'],
        },
        priorities: {
          type: 'array',
          items: { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] },
          description: 'For which priorities.',
          default: ['P1', 'P2', 'P3', 'P4'],
        },
      },
    },
    form: {
      type: 'object',
      additionalProperties: false,
      description: "Maps the issue form to incident fields, for teams that changed the form's labels.",
      properties: {
        headings: {
          type: 'object',
          description: 'Field id → the heading (label) your form uses for it, e.g. `impact: "Customer impact"`.',
          additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
          default: {},
        },
      },
    },
    oncall: ONCALL_SCHEMA,
    services: SERVICES_SCHEMA,
    status: STATUS_SCHEMA,
    intake: {
      type: 'object',
      additionalProperties: false,
      description: 'Who may start the response. See docs/security.md.',
      properties: {
        hold_unconfirmed: {
          type: 'boolean',
          description:
            'Hold incidents declared by people below the triage role as unconfirmed: no crisis mention, no escalation, no chat notification, until a responder comments `/confirm` (or `/ack`). Off by default: reporters are usually colleagues with read access, and holding their P1 would delay the page. Turn it on when outsiders can open incidents (a public repository with the issue form).',
          default: false,
        },
      },
    },
  },
  $defs: {
    scoreTerm: {
      type: 'object',
      additionalProperties: false,
      required: ['field'],
      properties: {
        field: {
          type: 'string',
          minLength: 1,
          description:
            'Incident field (`impact`, `users_affected`, `data_loss`, `security`, `services`, `detection`, or `labels.<name>` for alerts).',
        },
        weight: { type: 'number', description: 'Multiplies a numeric field (true counts as 1).' },
        values: {
          type: 'object',
          additionalProperties: { type: 'number' },
          description: 'Points per value of a choice field (matched case-insensitively).',
        },
      },
    },
    rule: {
      type: 'object',
      additionalProperties: false,
      required: ['priority', 'when'],
      properties: {
        name: { type: 'string', maxLength: 100, description: 'Shown in the card as the reason for the priority.' },
        priority: priorityEnum,
        when: { $ref: '#/$defs/condition' },
      },
    },
    condition: {
      description: 'A test on one field, or `all` / `any` / `not` of conditions.',
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['field'],
          properties: {
            field: {
              type: 'string',
              minLength: 1,
              description:
                'The field tested: `impact`, `users_affected`, `data_loss`, `security`, `services`, `detection`, `summary`, `score`, and for alerts `severity`, `service`, `source`, `labels.<name>`. Any other name is refused at its line and column, with the closest known name.',
            },
            equals: {
              ...scalar,
              description:
                'Equal, ignoring case, spaces and punctuation (`Full outage` = `full-outage`); for a list field, any element.',
            },
            one_of: { type: 'array', items: scalar, minItems: 1, description: 'Equal to one of these.' },
            at_least: { type: 'number', description: 'A number ≥ this.' },
            at_most: { type: 'number', description: 'A number ≤ this.' },
            above: { type: 'number', description: 'A number > this.' },
            below: { type: 'number', description: 'A number < this.' },
            matches: {
              type: 'string',
              format: 'regex',
              maxLength: 200,
              description:
                'A regular expression (case-insensitive, RE2 syntax: matched in time linear in the text, so no pattern can hang a run; backreferences and lookarounds are refused).',
            },
            present: { type: 'boolean', description: 'true: the field has a value; false: it is missing.' },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['all'],
          properties: {
            all: {
              type: 'array',
              minItems: 1,
              items: { $ref: '#/$defs/condition' },
              description: 'Every condition holds.',
            },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['any'],
          properties: {
            any: {
              type: 'array',
              minItems: 1,
              items: { $ref: '#/$defs/condition' },
              description: 'At least one holds.',
            },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['not'],
          properties: { not: { $ref: '#/$defs/condition', description: 'The condition does not hold.' } },
        },
      ],
    },
  },
}
