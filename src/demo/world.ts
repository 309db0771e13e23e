/**
 * The demo's world on the emulator: the repository acme/shop with its `.github/incidents.yml`,
 * three people with their roles, the Projects (v2) board "Incidents" and a token for it. Shared by
 * `incidentops demo` and `incidentops emulator --seed demo`.
 */
import type { Emulator } from '../emulator/index.js'

export const DEMO_REPO = 'acme/shop'
export const OWNER = 'acme'
export const PROJECT = 1
export const COLUMNS = ['Triage', 'Investigating', 'Fixing', 'Monitoring', 'Resolved', 'Postmortem', 'Closed']

/** The people of the demo repository and their roles. */
export const DEMO_PEOPLE = { alice: 'write', bob: 'maintain', carol: 'triage' } as const

/** The repository's `.github/incidents.yml` in the demo: a board, crisis mentions, an escalation chain, report figures. */
export const DEMO_CONFIG = `# .github/incidents.yml of the demo repository
project:
  number: ${PROJECT}
  priority_field: Priority
  started_field: Started
  resolved_field: Resolved
  service_field: Service
crisis:
  mention: ["@acme/incident-response"]
escalation:
  - mention: ["@acme/oncall"]
  - mention: ["@acme/engineering-leads"]
    after: 30m
response_team: ["@acme/oncall"]
report:
  slo_target: 0.999
  cost_per_hour: { P1: 2000, P2: 400, P3: 50 }
  currency: USD
`

/** What seedDemoWorld made: each person's token and the board's own token. */
export interface DemoWorld {
  tokens: Record<keyof typeof DEMO_PEOPLE, string>
  /** The board is written with its own token (GITHUB_TOKEN cannot reach Projects v2). */
  projectToken: string
}

/** Adds the demo's people, repository (with its configuration file) and board to the emulator. */
export function seedDemoWorld(emu: Emulator): DemoWorld {
  const tokens = {} as Record<keyof typeof DEMO_PEOPLE, string>
  for (const u of Object.keys(DEMO_PEOPLE) as (keyof typeof DEMO_PEOPLE)[]) tokens[u] = emu.addUser(u).token
  const projectToken = emu.addUser('board-bot').token
  emu.addRepo(DEMO_REPO, { collaborators: { ...DEMO_PEOPLE }, files: { '.github/incidents.yml': DEMO_CONFIG } })
  emu.addProject(OWNER, {
    number: PROJECT,
    title: 'Incidents',
    fields: [
      { name: 'Status', dataType: 'SINGLE_SELECT', options: COLUMNS },
      { name: 'Priority', dataType: 'SINGLE_SELECT', options: ['P1', 'P2', 'P3', 'P4'] },
      { name: 'Started', dataType: 'DATE' },
      { name: 'Resolved', dataType: 'DATE' },
      { name: 'Service', dataType: 'TEXT' },
    ],
  })
  return { tokens, projectToken }
}
