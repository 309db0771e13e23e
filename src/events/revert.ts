/**
 * A merged revert (`pull_request.closed`, merged, its title or body saying `Reverts #N` or "This
 * reverts commit <sha>"): each open incident that has the reverted change among its suspects records
 * the revert as a mitigation, and proposes the reverted change as its cause. One GraphQL page per
 * 100 open incidents (config and labels on the first), then the writes of the incidents concerned.
 */
import type { AppliedEffect } from '../apply.js'
import type { BoardPort } from '../github/board.js'
import type { GitHubPort } from '../github/port.js'
import type { Config } from '../config/types.js'
import { loadConfig } from '../config/load.js'
import { ConfigError } from '../errors.js'
import { decodeRecord, findCard } from '../domain/record.js'
import { revertTargets } from '../changes/rank.js'
import { handleIncident, type HandleOptions } from './incident.js'
import type { RunOutcome } from '../outcome.js'
import { inline } from '../render/markdown.js'

export interface RevertRoute {
  pr: number
  title: string
  body: string
  sender: string
  at: string
}

/** Handles a merged revert; the incidents it concerns are found among the open ones. */
export async function handleRevert(
  port: GitHubPort,
  r: RevertRoute,
  o: {
    /** The config text from a checkout (string or null), or undefined: read it with the first page. */
    local: string | null | undefined
    configPath: string
    writer: (config: Config) => { board: BoardPort | null; exec: HandleOptions['exec'] }
    handleOpts: Omit<HandleOptions, 'exec'>
  },
): Promise<RunOutcome> {
  const localConfig = o.local !== undefined ? loadConfig(o.local, o.configPath) : null
  const label = localConfig ? localConfig.labels.incident : 'incident'
  const targets = revertTargets(r)
  const applied: AppliedEffect[] = []
  const problems: string[] = []
  const lines: string[] = []
  let config: Config | null = localConfig
  let repoLabels: Parameters<typeof handleIncident>[2]['repoLabels'] = []
  let repositoryId = ''
  for await (const page of port.incidentPages({
    label,
    states: ['OPEN'],
    withRepoLabels: true,
    ...(o.local === undefined ? { configPath: o.configPath } : {}),
  })) {
    if (!config) {
      config = loadConfig(page.configText ?? null, o.configPath)
      if (config.labels.incident !== label)
        throw new ConfigError(
          `labels.incident is "${config.labels.incident}": check out the repository before the action (actions/checkout) so a merged revert reads the config first.`,
        )
    }
    if (page.repoLabels) repoLabels = page.repoLabels
    repositoryId = page.repositoryId
    for (const incident of page.incidents) {
      const card = findCard(incident.comments)
      const record = card ? decodeRecord(card.body) : null
      if (!record || Date.parse(record.startedAt) >= Date.parse(r.at)) continue
      const hit = record.suspects?.find(
        (s) =>
          (s.kind === 'pr' && s.id !== null && targets.numbers.includes(s.id)) ||
          (s.sha !== null && targets.shas.some((sha) => s.sha!.startsWith(sha))),
      )
      if (!hit) continue
      // The bulk read holds the first 3 and the last 20 comments: the whole thread when there are more.
      const ctx =
        incident.commentCount > incident.comments.length
          ? await port.loadIssueContext(incident.number, {})
          : { repositoryId, repoLabels, issue: incident }
      const { exec, board } = o.writer(config)
      const res = await handleIncident(
        port,
        board,
        ctx,
        {
          kind: 'related',
          of: 'revert',
          number: r.pr,
          action: 'closed',
          sender: r.sender,
          at: r.at,
          reverts: hit.kind === 'pr' ? hit.id : null,
          title: r.title,
        },
        config,
        { ...o.handleOpts, exec },
      )
      applied.push(...res.applied)
      problems.push(...res.problems)
      lines.push(`- #${incident.number}: revert #${r.pr} recorded as a mitigation`)
    }
  }
  return {
    outputs: { actions: JSON.stringify(applied) },
    summary: {
      head: [
        `### IncidentOps: revert #${r.pr} merged`,
        `${inline(r.title, 200)}`,
        ...(lines.length
          ? lines
          : ['- No open incident has the reverted change among its suspects: nothing to record.']),
      ],
      applied,
    },
    problems,
  }
}
