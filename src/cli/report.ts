/* `incidentops report`: the reliability report from a laptop, against GitHub or the emulator. Read-only. */
import { parseDuration } from '../config/duration.js'
import { ConfigError, GitHubApiError, getErrorMessage } from '../errors.js'
import { composeReport, gatherIncidents, octokitPorts, reportEnd, reportOptions, scopeName } from '../events/report.js'
import { reportJsonPath, writeReportJson } from '../report/publish.js'
import { parseCommand, type CommandSpec } from './args.js'

export const REPORT_HELP = `incidentops report --repo owner/name [--since 7d] [--api-url URL] [--json file]

Prints the reliability report of the repository as markdown (what the action publishes as the
report issue), reading the incidents with one GraphQL request per 100. Writes nothing to GitHub.
  --repo      the repository (its .github/incidents.yml applies, read through the API)
  --since     the report window, ending at 00:00 UTC today: 7d (default: report.window_days), 30d, 2w
  --api-url   the REST API base (default GITHUB_API_URL, else https://api.github.com); the emulator's URL works
  --json      also write the report data (docs/report.schema.json) to this file
The token comes from GITHUB_TOKEN (or GH_TOKEN). Exit 0 success, 1 failure, 2 usage error.`

const DAY = 86_400_000
const REPORT = {
  options: {
    repo: { type: 'string' },
    since: { type: 'string' },
    'api-url': { type: 'string' },
    json: { type: 'string' },
  },
  maxPositionals: 0,
} satisfies CommandSpec<Record<'repo' | 'since' | 'api-url' | 'json', { type: 'string' }>>

/** Runs the command; returns the exit code. */
export async function reportCommand(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const parsed = parseCommand(args, REPORT)
  if (parsed.kind === 'help') {
    out(REPORT_HELP)
    return 0
  }
  if (parsed.kind === 'usage') {
    err(`${parsed.message}\n\n${REPORT_HELP}`)
    return 2
  }
  const flags = parsed.values
  const repoMatch = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(flags.repo ?? '')
  if (!repoMatch) {
    err(`--repo owner/name is required${flags.repo ? `; "${flags.repo}" is not owner/name` : ''}.\n\n${REPORT_HELP}`)
    return 2
  }
  let windowDays: number | undefined
  if (flags.since !== undefined) {
    const ms = parseDuration(flags.since)
    if (ms === null || ms < 3_600_000) {
      err(`--since must be a duration of at least an hour, like 7d, 30d or 2w; it is "${flags.since}".`)
      return 2
    }
    windowDays = ms / DAY
  }
  const token = (env.GITHUB_TOKEN || env.GH_TOKEN || '').trim()
  if (!token) {
    err("Set GITHUB_TOKEN (a token that can read the repository's issues) to run the report.")
    return 1
  }
  const repo = { owner: repoMatch[1]!, repo: repoMatch[2]! }
  const baseUrl = (flags['api-url'] || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  try {
    const ports = octokitPorts(token, baseUrl, (m) => err(m))
    const g = await gatherIncidents({
      port: ports.portFor(repo),
      repo,
      portFor: ports.portFor,
      local: undefined,
      configPath: '.github/incidents.yml',
      log: (l) => err(l),
      asOf: () => reportEnd(ports.now()),
    })
    const { data, markdown } = composeReport(
      g,
      reportOptions(g.config, reportEnd(ports.now()), scopeName(g.config, repo), windowDays),
    )
    if (flags.json) {
      const path = reportJsonPath(flags.json, {}, process.cwd())
      writeReportJson(path, data)
      err(`Report data written to ${path}.`)
    }
    err(`${g.incidents.length} incidents read with ${g.pages} GraphQL request(s).`)
    out(markdown)
    return 0
  } catch (error: unknown) {
    err(
      error instanceof ConfigError || error instanceof GitHubApiError
        ? error.message
        : `incidentops report: ${getErrorMessage(error)}`,
    )
    return 1
  }
}
