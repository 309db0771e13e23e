import type { Config } from '../config/types.js'
import type { GitHubPort, IssueContext, IssueSnapshot } from '../github/port.js'
import type { Decision } from '../domain/decide.js'
import { wantsPostmortem } from '../domain/decide.js'
import { findMarked, marker, postmortemWritten, type IncidentRecord } from '../domain/record.js'
import { DEFAULT_TEMPLATE } from '../postmortem/default-template.js'
import { parseTemplate, DEFAULT_TEMPLATE_PATH } from '../postmortem/template.js'
import { followupsSection, postmortemMarker, renderPostmortem, replaceFollowups } from '../postmortem/render.js'
import { inline } from '../render/markdown.js'
import { fitBody, fitTitle } from '../github/content-limits.js'
import { ConfigError } from '../errors.js'
import { createdBy, type AppliedEffect, type Executor } from '../apply.js'

/** The hidden first line of a follow-up issue: its incident and the request it came from. */
export const followupMarker = (incident: number, key: string): string => marker('followup', `${incident}:${key}`)

/** The incident a follow-up issue belongs to, from its first line (trusted only on issues we opened). */
export function followupIncident(body: string): number | null {
  const m = /^<!-- incidentops:followup:(\d+):[A-Za-z0-9-]+ -->/.exec(body)
  return m ? Number(m[1]) : null
}

type Incident = Extract<Decision, { kind: 'incident' }>

/**
 * Writes what the record asks for beyond the incident itself: follow-up issues (`/followup`), the
 * postmortem issue (when resolved and required, or on `/postmortem`), and the follow-up list in
 * the postmortem. Each issue we open carries a marker, and is looked for before it is opened, so
 * a run that died after opening it adopts it instead of opening a second one. Mutates the record.
 * Its timeline events are stamped `now`, GitHub's clock for this run: they happen in this run, and
 * the issue's last update (the previous change) would put them before what caused them.
 */
export async function postmortemPhase(
  port: GitHubPort,
  ctx: IssueContext,
  d: Incident,
  config: Config,
  repo: string,
  opts: { exec: Executor; log: (line: string) => void; now: string | null },
): Promise<AppliedEffect[]> {
  const exec = opts.exec
  const r = d.record
  const issue = ctx.issue!
  // Before any response there is no clock yet (never the case after the read that made `ctx`).
  const at = opts.now ?? issue.updatedAt
  const applied: AppliedEffect[] = []
  let followupsChanged = d.changes.some((c) => c.startsWith('follow-up #'))
  let existing: IssueSnapshot[] | null = null
  const ours = async (label: string): Promise<IssueSnapshot[]> => {
    const all: IssueSnapshot[] = []
    for await (const p of port.incidentPages({ label, states: ['OPEN', 'CLOSED'] }))
      all.push(...p.incidents.filter((i) => i.viewerDidAuthor))
    return all
  }

  const waiting: NonNullable<IncidentRecord['pendingFollowups']> = []
  for (const f of r.pendingFollowups ?? []) {
    existing ??= await ours(config.postmortem.followupLabel)
    const m = followupMarker(r.number, f.key)
    let number = existing.find((i) => i.body.startsWith(m))?.number
    if (!number) {
      const body = [
        m,
        `Follow-up from incident #${r.number}${r.postmortem?.issue ? ` (postmortem #${r.postmortem.issue})` : ''}.`,
        '',
        `**${inline(f.title, 200)}**`,
      ].join('\n')
      const done = await exec.apply([
        {
          kind: 'create-issue',
          title: fitTitle(f.title.replace(/[\r\n]+/g, ' ')),
          body,
          labels: [config.postmortem.followupLabel],
          marker: m,
        },
      ])
      applied.push(...done)
      number = createdBy(done[0])?.issue
    }
    // Not opened (budget reached): kept for the next run, which finds it by its marker if it was.
    if (!number) waiting.push(f)
    else {
      r.followups = [...(r.followups ?? []), { number, title: f.title, state: 'open' }]
      r.events.push({ at, kind: 'followup', actor: 'incidentops', via: 'command', to: `#${number}`, text: f.title })
      followupsChanged = true
    }
  }
  // Done with the requests (an empty list is not kept: the record stays as small as it was).
  if (waiting.length) r.pendingFollowups = waiting
  else delete r.pendingFollowups

  const resolvedOrLater = ['resolved', 'postmortem'].includes(r.stage)
  const due = !postmortemWritten(r) && (r.postmortem?.requested || (resolvedOrLater && wantsPostmortem(r, config)))
  const m = postmortemMarker(r.number)
  const template = due
    ? parseTemplate(await templateText(port, config), config.postmortem.template ?? DEFAULT_TEMPLATE_PATH)
    : null
  const render = (): string =>
    renderPostmortem(template!, {
      record: r,
      facts: d.facts,
      title: issue.title,
      url: issue.url,
      repo,
      followups: r.followups ?? [],
    })
  if (due && config.postmortem.as === 'comment') {
    // A comment on the incident: posted with the replies (before the card), found by its marker,
    // so a run that died after posting it does not post a second one.
    d.replies.push({ marker: m, body: render() })
    r.postmortem = { requested: r.postmortem?.requested, issue: null, comment: true, done: false }
    r.events.push({ at, kind: 'postmortem', actor: 'incidentops', via: 'rules', to: 'comment' })
    followupsChanged = false // written with the current list
  } else if (due && config.postmortem.as === 'pull_request') {
    // A markdown file proposed in a pull request from a branch of our own, one per incident: a
    // re-run finds the pull request of that branch instead of opening another.
    const title = fitTitle(`Postmortem: ${issue.title.replace(/^\[Incident\]:\s*/i, '')}`)
    const path = `${config.postmortem.directory}/${r.startedAt.slice(0, 10)}-incident-${r.number}.md`
    const body = [
      m,
      `The postmortem of incident #${r.number}, as a file: \`${path}\`. Fill it in on this branch and merge it when it is done; the incident closes when it is merged.`,
      '',
      followupsSection(r.followups ?? []),
    ].join('\n')
    const done = await exec.apply([
      {
        kind: 'propose-file',
        issue: r.number,
        branch: `incidentops/postmortem-${r.number}`,
        path,
        content: render(),
        message: `Postmortem of incident #${r.number}`,
        title,
        body,
        marker: m,
      },
    ])
    applied.push(...done)
    const pr = createdBy(done[0])?.issue
    if (pr) {
      r.postmortem = { requested: r.postmortem?.requested, issue: null, pr, done: false }
      r.events.push({ at, kind: 'postmortem', actor: 'incidentops', via: 'rules', to: `#${pr}` })
      followupsChanged = false // written with the current list
    }
  } else if (due) {
    const pms = await ours(config.postmortem.label)
    const found = pms.find((i) => i.body.startsWith(m))
    let number = found?.number
    let nodeId = found?.nodeId
    if (!number) {
      const done = await exec.apply([
        {
          kind: 'create-issue',
          title: fitTitle(`Postmortem: ${issue.title.replace(/^\[Incident\]:\s*/i, '')}`),
          body: render(),
          labels: [config.postmortem.label],
          assignees: r.commander ? [r.commander] : [],
          marker: m,
        },
      ])
      applied.push(...done)
      number = createdBy(done[0])?.issue
      nodeId = done[0]?.nodeId
    }
    if (number) {
      r.postmortem = { requested: r.postmortem?.requested, issue: number, done: false, ...(nodeId ? { nodeId } : {}) }
      r.events.push({ at, kind: 'postmortem', actor: 'incidentops', via: 'rules', to: `#${number}` })
      followupsChanged = false // written with the current list
    }
  }
  if (postmortemWritten(r) && !r.postmortem!.done && r.stage === 'resolved') {
    r.events.push({ at, kind: 'stage', from: 'resolved', to: 'postmortem', actor: 'incidentops', via: 'rules' })
    r.stage = 'postmortem'
  }

  // The postmortem lists the follow-ups with their state: rewrite only that section, keeping people's edits.
  if (followupsChanged && r.postmortem?.pr) {
    const body = await port.pullBody(r.postmortem.pr)
    const next = fitBody(replaceFollowups(body, r.followups ?? []))
    if (next !== body)
      applied.push(
        ...(await exec.apply([{ kind: 'edit-pull-body', issue: r.number, pr: r.postmortem.pr, body: next }])),
      )
  }
  if (followupsChanged && r.postmortem?.comment) {
    const own = findMarked(issue.comments, m)
    if (own) {
      const body = fitBody(replaceFollowups(own.body, r.followups ?? []))
      if (body !== own.body)
        applied.push(
          ...(await exec.apply([
            {
              kind: 'update-comment',
              issue: r.number,
              commentId: own.databaseId,
              body,
              marker: marker('followups', r.number),
            },
          ])),
        )
    }
  }
  if (followupsChanged && r.postmortem?.issue) {
    const pm = await port.loadIssueContext(r.postmortem.issue, {})
    if (pm.issue?.viewerDidAuthor) {
      const body = fitBody(replaceFollowups(pm.issue.body, r.followups ?? []))
      if (body !== pm.issue.body)
        applied.push(
          ...(await exec.apply([
            { kind: 'edit-issue', issue: r.postmortem.issue, body, marker: marker('followups', r.number) },
          ])),
        )
    }
  }
  return applied
}

async function templateText(port: GitHubPort, config: Config): Promise<string> {
  if (!config.postmortem.template) return DEFAULT_TEMPLATE
  const text = await port.readConfig(config.postmortem.template)
  if (text === null)
    throw new ConfigError(
      `postmortem.template: ${config.postmortem.template} does not exist in the repository; add it or remove the key to use the built-in template.`,
    )
  return text
}

export type { IncidentRecord }
