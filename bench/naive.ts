/**
 * The naive baselines: the same jobs done the way per-issue tools do them (github/issue-metrics,
 * most "incident bot" actions): list issues through REST pages, then one or more calls per issue
 * (comments, timeline), one write per change. Written with @octokit/rest against the same emulator
 * and the same data, so their requests are counted exactly like the action's. They do the work for
 * real (the emulator's end state changes) but are run on a copy of the scenario's data, never on the
 * repository the action is measured on.
 *
 * No throttling plugin here: only the requests are compared, not the baseline's wall time.
 */
import { Octokit } from '@octokit/rest'
import type { Emulator } from '../src/emulator/index.js'

const CARD = '<!-- incidentops:card -->'

export function naiveClient(emu: Emulator): Octokit {
  return new Octokit({ auth: emu.botToken, baseUrl: emu.url, log: { debug() {}, info() {}, warn() {}, error() {} } })
}

const split = (repo: string): { owner: string; repo: string } => {
  const [owner, name] = repo.split('/') as [string, string]
  return { owner, repo: name }
}

async function tryGet<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p
  } catch {
    return null
  }
}

/** Intake: re-read the issue, its comments, the config file and the repository's labels; create each missing label; post the card; add the labels. */
export async function naiveIntake(emu: Emulator, full: string, number: number, labels: string[]): Promise<void> {
  const gh = naiveClient(emu)
  const r = split(full)
  await gh.rest.issues.get({ ...r, issue_number: number })
  await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: number, per_page: 100 })
  await tryGet(gh.rest.repos.getContent({ ...r, path: '.github/incidents.yml' }))
  const have = new Set(
    (await gh.paginate(gh.rest.issues.listLabelsForRepo, { ...r, per_page: 100 })).map((l) => l.name.toLowerCase()),
  )
  for (const name of labels)
    if (!have.has(name.toLowerCase())) await gh.rest.issues.createLabel({ ...r, name, color: 'ededed' })
  await gh.rest.issues.createComment({ ...r, issue_number: number, body: `${CARD}\nincident card` })
  await gh.rest.issues.addLabels({ ...r, issue_number: number, labels })
}

/**
 * A command (`/ack`): re-read the issue and its comments (to find the card), check the author's
 * permission, assign, swap the stage label (remove + add), edit the card; on the board: find the
 * project and the item, then one mutation per field changed.
 */
export async function naiveCommand(
  emu: Emulator,
  full: string,
  number: number,
  author: string,
  board: { owner: string; number: number; token: string },
): Promise<void> {
  const gh = naiveClient(emu)
  const r = split(full)
  const issue = (await gh.rest.issues.get({ ...r, issue_number: number })).data
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: number, per_page: 100 })
  await gh.rest.repos.getCollaboratorPermissionLevel({ ...r, username: author })
  await gh.rest.issues.addAssignees({ ...r, issue_number: number, assignees: [author] })
  await tryGet(gh.rest.issues.removeLabel({ ...r, issue_number: number, name: 'stage/triage' }))
  await gh.rest.issues.addLabels({ ...r, issue_number: number, labels: ['stage/investigating'] })
  const card = comments.find((c) => c.body?.startsWith(CARD))
  if (card)
    await gh.rest.issues.updateComment({ ...r, comment_id: card.id, body: `${card.body ?? ''}\n(acknowledged)` })
  const pb = new Octokit({ auth: board.token, baseUrl: emu.url })
  const read = await pb.graphql<{
    repositoryOwner: {
      projectV2: {
        id: string
        fields: { nodes: { id: string; name: string; options?: { id: string; name: string }[] }[] }
      }
    }
    node: { projectItems: { nodes: { id: string; project: { id: string } }[] } }
  }>(
    `query NaiveBoard($owner: String!, $number: Int!, $issue: ID!) {
      repositoryOwner(login: $owner) { ... on ProjectV2Owner { projectV2(number: $number) { id fields(first: 50) { nodes {
        ... on ProjectV2Field { id name } ... on ProjectV2SingleSelectField { id name options { id name } } } } } } }
      node(id: $issue) { ... on Issue { projectItems(first: 50) { nodes { id project { id } } } } }
    }`,
    { owner: board.owner, number: board.number, issue: issue.node_id },
  )
  const project = read.repositoryOwner.projectV2
  const item = read.node.projectItems.nodes.find((i) => i.project.id === project.id)
  const status = project.fields.nodes.find((f) => f.name === 'Status')
  const option = status?.options?.find((o) => o.name === 'Investigating')
  if (item && status && option) {
    await pb.graphql(
      `mutation NaiveSetStatus($p: ID!, $i: ID!, $f: ID!, $o: String!) { updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $f, value: { singleSelectOptionId: $o } }) { projectV2Item { id } } }`,
      { p: project.id, i: item.id, f: status.id, o: option.id },
    )
  }
}

/**
 * An alert delivery: list the open incidents, read each one's comments to find the one carrying
 * the alert's key; a new key opens an issue (labels set at creation) and posts its card, a known
 * key gets a comment per delivery.
 */
export async function naiveAlert(emu: Emulator, full: string, key: string, title: string): Promise<'new' | 'repeat'> {
  const gh = naiveClient(emu)
  const r = split(full)
  const open = await gh.paginate(gh.rest.issues.listForRepo, { ...r, state: 'open', labels: 'incident', per_page: 100 })
  const marker = `alert-key: ${key}`
  let found: number | null = null
  for (const i of open) {
    const comments = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: i.number, per_page: 100 })
    if (comments.some((c) => c.body?.includes(marker))) {
      found = i.number
      break
    }
  }
  if (found !== null) {
    await gh.rest.issues.createComment({ ...r, issue_number: found, body: `The alert \`${key}\` fired again.` })
    return 'repeat'
  }
  const issue = (
    await gh.rest.issues.create({
      ...r,
      title,
      body: title,
      labels: ['incident', 'priority/P2', 'stage/triage', 'service/api'],
    })
  ).data
  await gh.rest.issues.createComment({ ...r, issue_number: issue.number, body: `${CARD}\n${marker}` })
  return 'new'
}

/** The report, as github/issue-metrics computes it: every incident issue through REST pages, then each one's comments. */
export async function naiveReport(emu: Emulator, full: string): Promise<number> {
  const gh = naiveClient(emu)
  const r = split(full)
  const issues = await gh.paginate(gh.rest.issues.listForRepo, {
    ...r,
    state: 'all',
    labels: 'incident',
    per_page: 100,
  })
  for (const i of issues)
    await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: i.number, per_page: 100 })
  return issues.length
}

/** The sweep: every open incident, each one's comments (to read its card's clocks), one reminder comment per due incident. */
export async function naiveSweep(emu: Emulator, full: string, isDue: (body: string) => boolean): Promise<number> {
  const gh = naiveClient(emu)
  const r = split(full)
  const open = await gh.paginate(gh.rest.issues.listForRepo, { ...r, state: 'open', labels: 'incident', per_page: 100 })
  let due = 0
  for (const i of open) {
    const comments = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: i.number, per_page: 100 })
    const card = comments.find((c) => c.body?.startsWith(CARD))
    if (card?.body && isDue(card.body)) {
      await gh.rest.issues.createComment({
        ...r,
        issue_number: i.number,
        body: 'Reminder: this incident is waiting for an update.',
      })
      due++
    }
  }
  return due
}
