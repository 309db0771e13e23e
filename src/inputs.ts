import { ConfigError } from './errors.js'
import { parseApiLimits, type ApiLimits } from './github/limits.js'

/** The action's inputs, named once (kebab-case as in action.yml). */
export const INPUT = {
  githubToken: 'github-token',
  projectToken: 'project-token',
  config: 'config',
  mode: 'mode',
  dryRun: 'dry-run',
  notifySlack: 'notify-slack',
  notifyTeams: 'notify-teams',
  notifyDiscord: 'notify-discord',
  notifyWebhook: 'notify-webhook',
  apiLimits: 'api-limits',
  sweepWorkflow: 'sweep-workflow',
  statusDir: 'status-dir',
} as const

export const MODES = ['auto', 'intake', 'sweep', 'report', 'status'] as const
export type Mode = (typeof MODES)[number]

export interface Inputs {
  githubToken: string
  projectToken: string
  configPath: string
  mode: Mode
  dryRun: boolean
  notify: { slack: string; teams: string; discord: string; webhook: string }
  /** GitHub's limits the run paces itself by (`api-limits` over GitHub.com's documented ones). */
  limits: ApiLimits
  /** The scheduled sweep's workflow file: set, the sweep sleeps while no incident is open (src/events/calm.ts). */
  sweepWorkflow: string
  /** `mode: status`: the directory the site is written to (relative to the workspace). */
  statusDir: string
}

/** Reads and checks the inputs; `get` is core.getInput (or a fake in tests). */
export function readInputs(get: (name: string) => string): Inputs {
  const githubToken = get(INPUT.githubToken).trim()
  if (!githubToken)
    throw new ConfigError(
      'The `github-token` input is empty: leave it unset to use the workflow token, or pass a token.',
    )
  const mode = (get(INPUT.mode).trim() || 'auto') as Mode
  if (!MODES.includes(mode))
    throw new ConfigError(`The \`mode\` input must be one of ${MODES.join(', ')}; it is "${mode}".`)
  const dry = get(INPUT.dryRun).trim().toLowerCase() || 'false'
  if (!['true', 'false'].includes(dry))
    throw new ConfigError(`The \`dry-run\` input must be true or false; it is "${dry}".`)
  const configPath = (get(INPUT.config).trim() || '.github/incidents.yml').replace(/^\.\//, '')
  if (configPath.startsWith('/') || configPath.split('/').includes('..')) {
    throw new ConfigError(
      `The \`config\` input must be a path inside the repository, like .github/incidents.yml; it is "${configPath}".`,
    )
  }
  const notify = {
    slack: get(INPUT.notifySlack).trim(),
    teams: get(INPUT.notifyTeams).trim(),
    discord: get(INPUT.notifyDiscord).trim(),
    webhook: get(INPUT.notifyWebhook).trim(),
  }
  const sweepWorkflow = get(INPUT.sweepWorkflow).trim()
  if (sweepWorkflow && !/^[A-Za-z0-9_.-]+\.ya?ml$/.test(sweepWorkflow)) {
    throw new ConfigError(
      `The \`sweep-workflow\` input must be the sweep's workflow file name, like incidentops-sweep.yml; it is "${sweepWorkflow}".`,
    )
  }
  const statusDir = (get(INPUT.statusDir).trim() || 'status-site').replace(/\/+$/, '')
  if (statusDir.startsWith('/') || statusDir.split('/').includes('..') || statusDir === '.')
    throw new ConfigError(
      `The \`status-dir\` input must be a directory inside the workspace of its own, like status-site; it is "${statusDir}".`,
    )
  return {
    githubToken,
    projectToken: get(INPUT.projectToken).trim(),
    configPath,
    mode,
    dryRun: dry === 'true',
    notify,
    limits: parseApiLimits(get(INPUT.apiLimits)),
    sweepWorkflow,
    statusDir,
  }
}
