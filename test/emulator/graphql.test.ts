import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

const repo = 'acme/shop'
let emu: Emulator
let bot: Octokit
let alice: Octokit

const log = { debug() {}, info() {}, warn() {}, error() {} }
const client = (auth: string) => new Octokit({ auth, baseUrl: emu.url, log })

/** Octokit's GraphqlResponseError, duck-typed (its package is only a transitive dependency). */
interface GqlError {
  message: string
  errors: { message: string; type?: string; path?: unknown[] }[]
  data: unknown
}

async function gqlFailure(p: Promise<unknown>): Promise<GqlError> {
  try {
    await p
  } catch (e) {
    if (e instanceof Error && e.name === 'GraphqlResponseError') return e as unknown as GqlError
    throw e
  }
  throw new Error('expected the query to fail')
}

interface Page<T> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null }
  nodes: T[]
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-02-01T08:00:00Z' })
  const aliceToken = emu.addUser('alice').token
  emu.addRepo(repo, { files: { '.github/incidents.yml': 'x: 1\n' }, collaborators: { alice: 'write' } })
  bot = client(emu.botToken)
  alice = client(aliceToken)
  emu.createIssue(repo, { title: 'Checkout 500s', body: 'see logs', labels: ['incident', 'sev/2'], user: 'alice' })
  for (let n = 0; n < 150; n++) {
    emu.clock.advance(1000)
    emu.createComment(repo, 1, { body: `update ${n}`, user: n % 2 ? 'alice' : 'github-actions[bot]' })
  }
})
afterAll(() => emu.close())

describe('GraphQL reads', () => {
  it('resolves repository, issue, labels, author and the HEAD:path blob', async () => {
    const r = await bot.graphql<{
      repository: {
        id: string
        nameWithOwner: string
        owner: { login: string }
        object: { text: string; byteSize: number; isBinary: boolean; isTruncated: boolean } | null
        missing: unknown
        issue: {
          number: number
          state: string
          stateReason: string | null
          databaseId: number
          author: { login: string; __typename: string }
          labels: { nodes: { name: string }[] }
          comments: { totalCount: number }
        }
      }
      viewer: { login: string }
    }>(
      `query IncidentContext($owner: String!, $name: String!, $n: Int!) {
        viewer { login }
        repository(owner: $owner, name: $name) {
          id nameWithOwner owner { login }
          object(expression: "HEAD:.github/incidents.yml") { ... on Blob { text byteSize isBinary isTruncated } }
          missing: object(expression: "main:nope.yml") { ... on Blob { text } }
          issue(number: $n) {
            number state stateReason databaseId
            author { login __typename }
            labels(first: 10) { nodes { name } }
            comments(first: 1) { totalCount }
          }
        }
      }`,
      { owner: 'acme', name: 'shop', n: 1 },
    )
    expect(r.repository.nameWithOwner).toBe('acme/shop')
    expect(r.repository.object).toEqual({ text: 'x: 1\n', byteSize: 5, isBinary: false, isTruncated: false })
    expect(r.repository.missing).toBeNull()
    expect(r.repository.issue).toMatchObject({
      number: 1,
      state: 'OPEN',
      stateReason: null,
      author: { login: 'alice', __typename: 'User' },
      comments: { totalCount: 150 },
    })
    expect(r.repository.issue.labels.nodes.map((l) => l.name)).toEqual(['incident', 'sev/2'])
    expect(r.repository.issue.databaseId).toBe(emu.getIssue(repo, 1).id)
    // An installation token's viewer is "github-actions[bot]", as on GitHub.
    expect(r.viewer.login).toBe('github-actions[bot]')
    const route = emu.requests[emu.requests.length - 1]
    expect(route?.route).toBe('POST /graphql IncidentContext')
  })

  it('pages comments with opaque cursors, forwards and backwards', async () => {
    const q = `query Comments($after: String, $before: String, $first: Int, $last: Int) {
      repository(owner: "acme", name: "shop") { issue(number: 1) {
        comments(first: $first, after: $after, last: $last, before: $before) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          nodes { body viewerDidAuthor author { login __typename } }
        } } } }`
    type R = {
      repository: {
        issue: {
          comments: Page<{ body: string; viewerDidAuthor: boolean; author: { login: string; __typename: string } }>
        }
      }
    }
    const bodies: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const r: R = await bot.graphql<R>(q, { first: 100, after })
      const c = r.repository.issue.comments
      expect(c.totalCount).toBe(150)
      bodies.push(...c.nodes.map((n) => n.body))
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null
      if (pages === 0) {
        expect(c.pageInfo.hasPreviousPage).toBe(false)
        expect(c.pageInfo.endCursor).toMatch(/^[A-Za-z0-9+/=]+$/)
        expect(c.pageInfo.endCursor).not.toMatch(/^\d+$/)
      }
      pages++
    } while (after)
    expect(pages).toBe(2)
    expect(bodies).toEqual(Array.from({ length: 150 }, (_, n) => `update ${n}`))

    const tail = await bot.graphql<R>(q, { last: 3 })
    expect(tail.repository.issue.comments.nodes.map((n) => n.body)).toEqual(['update 147', 'update 148', 'update 149'])
    expect(tail.repository.issue.comments.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false })
    const before = await bot.graphql<R>(q, { last: 2, before: tail.repository.issue.comments.pageInfo.startCursor })
    expect(before.repository.issue.comments.nodes.map((n) => n.body)).toEqual(['update 145', 'update 146'])
  })

  it('sets viewerDidAuthor from the token user; a Bot author has no "[bot]" suffix in GraphQL', async () => {
    const q = `query { repository(owner: "acme", name: "shop") { issue(number: 1) { comments(first: 2) { nodes { viewerDidAuthor author { login __typename } } } } } }`
    type R = {
      repository: {
        issue: { comments: { nodes: { viewerDidAuthor: boolean; author: { login: string; __typename: string } }[] } }
      }
    }
    const asBot = await bot.graphql<R>(q)
    expect(asBot.repository.issue.comments.nodes).toEqual([
      { viewerDidAuthor: true, author: { login: 'github-actions', __typename: 'Bot' } },
      { viewerDidAuthor: false, author: { login: 'alice', __typename: 'User' } },
    ])
    const asAlice = await alice.graphql<R>(q)
    expect(asAlice.repository.issue.comments.nodes.map((n) => n.viewerDidAuthor)).toEqual([false, true])
  })

  it('filters and orders repository issues; label filters match any label', async () => {
    emu.createIssue(repo, { title: 'two', labels: ['sev/1'], user: 'alice' })
    emu.createIssue(repo, { title: 'three', user: 'alice' })
    emu.editIssue(repo, 3, { state: 'closed' }, 'alice')
    type R = { repository: { issues: Page<{ number: number }> } }
    const open = await bot.graphql<R>(
      `{ repository(owner: "acme", name: "shop") { issues(first: 10, states: OPEN, orderBy: {field: CREATED_AT, direction: DESC}) { totalCount nodes { number } } } }`,
    )
    expect(open.repository.issues.nodes.map((i) => i.number)).toEqual([2, 1])
    const labelled = await bot.graphql<R>(
      `{ repository(owner: "acme", name: "shop") { issues(first: 10, labels: ["sev/1", "sev/2"]) { totalCount nodes { number } } } }`,
    )
    expect(labelled.repository.issues.nodes.map((i) => i.number)).toEqual([1, 2])
    const all = await bot.graphql<R>(
      `{ repository(owner: "acme", name: "shop") { issues(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { number } } } }`,
    )
    expect(all.repository.issues.totalCount).toBe(3)
    const rest = await bot.graphql<R>(
      `query($c: String) { repository(owner: "acme", name: "shop") { issues(first: 2, after: $c) { nodes { number } } } }`,
      { c: all.repository.issues.pageInfo.endCursor },
    )
    expect(rest.repository.issues.nodes.map((i) => i.number)).toEqual([3])
  })

  it('returns timeline items with actors and labels', async () => {
    emu.addLabelsAs(repo, 2, ['escalated'], 'alice')
    const r = await bot.graphql<{
      repository: {
        issue: {
          timelineItems: { nodes: { __typename: string; actor: { login: string }; label?: { name: string } }[] }
        }
      }
    }>(
      `{ repository(owner: "acme", name: "shop") { issue(number: 2) {
        timelineItems(first: 10, itemTypes: [LABELED_EVENT, CLOSED_EVENT]) { nodes { __typename ... on LabeledEvent { actor { login } createdAt label { name } } } } } } }`,
    )
    expect(r.repository.issue.timelineItems.nodes).toEqual([
      {
        __typename: 'LabeledEvent',
        actor: { login: 'alice' },
        createdAt: expect.any(String),
        label: { name: 'sev/1' },
      },
      {
        __typename: 'LabeledEvent',
        actor: { login: 'alice' },
        createdAt: expect.any(String),
        label: { name: 'escalated' },
      },
    ])
  })

  it('resolves node(id) for issues, repositories and comments', async () => {
    const issue = emu.getIssue(repo, 1)
    const [comment] = emu.listComments(repo, 1)
    const r = await bot.graphql<{
      a: { __typename: string; number: number }
      b: { __typename: string; nameWithOwner: string }
      c: { __typename: string; body: string }
    }>(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: node(id: $a) { __typename ... on Issue { number } }
        b: node(id: $b) { __typename ... on Repository { nameWithOwner } }
        c: node(id: $c) { __typename ... on IssueComment { body } } }`,
      {
        a: issue.node_id,
        b: (await bot.rest.repos.get({ owner: 'acme', repo: 'shop' })).data.node_id,
        c: comment?.node_id,
      },
    )
    expect(r).toEqual({
      a: { __typename: 'Issue', number: 1 },
      b: { __typename: 'Repository', nameWithOwner: 'acme/shop' },
      c: { __typename: 'IssueComment', body: 'update 0' },
    })
    const e = await gqlFailure(bot.graphql(`{ node(id: "nope") { id } }`))
    expect(e.errors[0]).toMatchObject({ type: 'NOT_FOUND' })
  })

  it('filters issues by filterBy.since (updated at or after)', async () => {
    emu.clock.advance(3_600_000)
    const since = emu.clock.now().toISOString()
    emu.createComment(repo, 1, { body: 'late update', user: 'alice' })
    const r = await bot.graphql<{ repository: { issues: { nodes: { number: number }[] } } }>(
      `query($since: DateTime) { repository(owner: "acme", name: "shop") { issues(first: 10, filterBy: {since: $since}) { nodes { number } } } }`,
      { since },
    )
    expect(r.repository.issues.nodes.map((i) => i.number)).toEqual([1])
  })

  it('reports its cost through rateLimit and the request log', async () => {
    const r = await bot.graphql<{
      rateLimit: { cost: number; limit: number; remaining: number; used: number; resetAt: string }
    }>(
      `query Costly { rateLimit { cost limit remaining used resetAt }
        repository(owner: "acme", name: "shop") { issues(first: 100) { nodes { comments(first: 100) { nodes { body } } labels(first: 50) { nodes { name } } } } } }`,
    )
    // 1 + 100 + 100 connection requests / 100 = 2 points.
    expect(r.rateLimit.cost).toBe(2)
    expect(r.rateLimit.limit).toBe(5000)
    expect(r.rateLimit.remaining).toBe(5000 - r.rateLimit.used)
    const entry = emu.requests[emu.requests.length - 1]
    expect(entry?.graphql).toEqual({ operationName: 'Costly', mutation: false, cost: 2 })
  })
})

describe('GraphQL errors like GitHub', () => {
  it('fails validation on an unknown field, with status 200 and locations', async () => {
    const res = await fetch(emu.graphqlUrl, {
      method: 'POST',
      headers: { authorization: `bearer ${emu.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ repository(owner: "acme", name: "shop") { nope } }' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-ratelimit-resource')).toBe('graphql')
    const body = (await res.json()) as { data?: unknown; errors: { message: string; locations: unknown[] }[] }
    expect(body.data).toBeUndefined()
    expect(body.errors[0]?.message).toBe("Field 'nope' doesn't exist on type 'Repository'")
    expect(body.errors[0]?.locations).toEqual([{ line: 1, column: 45 }])
    const e = await gqlFailure(bot.graphql('{ viewer { nope } }'))
    expect(e.message).toContain("Field 'nope' doesn't exist on type 'User'")
  })

  it('rejects more than 100 records per connection and a missing first/last', async () => {
    const e = await gqlFailure(
      bot.graphql(
        `{ repository(owner: "acme", name: "shop") { issue(number: 1) { comments(first: 101) { totalCount } } } }`,
      ),
    )
    expect(e.errors[0]?.message).toBe(
      'Requesting 101 records on the `comments` connection exceeds the `first` limit of 100 records.',
    )
    const m = await gqlFailure(bot.graphql(`{ repository(owner: "acme", name: "shop") { labels { totalCount } } }`))
    expect(m.errors[0]?.message).toBe(
      'You must provide a `first` or `last` value to properly paginate the `labels` connection.',
    )
  })

  it('answers NOT_FOUND for a missing repository or issue', async () => {
    const e = await gqlFailure(bot.graphql(`{ repository(owner: "acme", name: "nope") { id } }`))
    expect(e.errors[0]).toMatchObject({
      type: 'NOT_FOUND',
      path: ['repository'],
      message: "Could not resolve to a Repository with the name 'acme/nope'.",
    })
    expect(e.data).toEqual({ repository: null })
  })

  it('answers 401 to a bad token', async () => {
    const res = await fetch(emu.graphqlUrl, {
      method: 'POST',
      headers: { authorization: 'bearer nope' },
      body: JSON.stringify({ query: '{ viewer { login } }' }),
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Bad credentials' })
  })
})

describe('GraphQL mutations', () => {
  it('createLabel then the label is visible via REST; a duplicate fails', async () => {
    const { repository } = await bot.graphql<{ repository: { id: string } }>(
      `{ repository(owner: "acme", name: "shop") { id } }`,
    )
    const r = await bot.graphql<{ createLabel: { label: { id: string; name: string; color: string } } }>(
      `mutation CreateLabel($input: CreateLabelInput!) { createLabel(input: $input) { label { id name color } } }`,
      { input: { repositoryId: repository.id, name: 'status/mitigated', color: '0e8a16', description: 'mitigated' } },
    )
    expect(r.createLabel.label).toMatchObject({ name: 'status/mitigated', color: '0e8a16' })
    const { data } = await bot.rest.issues.getLabel({ owner: 'acme', repo: 'shop', name: 'status/mitigated' })
    expect(data).toMatchObject({ node_id: r.createLabel.label.id, description: 'mitigated' })
    const e = await gqlFailure(
      bot.graphql(`mutation($input: CreateLabelInput!) { createLabel(input: $input) { label { id } } }`, {
        input: { repositoryId: repository.id, name: 'STATUS/mitigated', color: '000000' },
      }),
    )
    expect(e.errors[0]?.message).toBe('Name has already been taken')
    expect(emu.requests[emu.requests.length - 1]?.write).toBe(true)
  })

  it('adds and edits comments, labels and state', async () => {
    const issue = emu.getIssue(repo, 2)
    const added = await bot.graphql<{
      addComment: { commentEdge: { node: { id: string; body: string; viewerDidAuthor: boolean } } }
    }>(
      `mutation($id: ID!) { addComment(input: {subjectId: $id, body: "status: investigating"}) { commentEdge { node { id body viewerDidAuthor } } } }`,
      { id: issue.node_id },
    )
    expect(added.addComment.commentEdge.node).toMatchObject({ body: 'status: investigating', viewerDidAuthor: true })
    await bot.graphql(
      `mutation($id: ID!) { updateIssueComment(input: {id: $id, body: "status: mitigated"}) { issueComment { body } } }`,
      { id: added.addComment.commentEdge.node.id },
    )
    expect(emu.listComments(repo, 2).map((c) => [c.body, c.user?.login])).toEqual([
      ['status: mitigated', 'github-actions[bot]'],
    ])

    const labelIds = await bot.graphql<{ repository: { label: { id: string } } }>(
      `{ repository(owner: "acme", name: "shop") { label(name: "STATUS/MITIGATED") { id } } }`,
    )
    await bot.graphql(
      `mutation($i: ID!, $l: [ID!]!) { addLabelsToLabelable(input: {labelableId: $i, labelIds: $l}) { clientMutationId } }`,
      { i: issue.node_id, l: [labelIds.repository.label.id] },
    )
    expect(emu.getIssue(repo, 2).labels.map((l) => (typeof l === 'string' ? l : l.name))).toContain('status/mitigated')
    await bot.graphql(
      `mutation($i: ID!, $l: [ID!]!) { removeLabelsFromLabelable(input: {labelableId: $i, labelIds: $l}) { clientMutationId } }`,
      { i: issue.node_id, l: [labelIds.repository.label.id] },
    )
    expect(emu.getIssue(repo, 2).labels.map((l) => (typeof l === 'string' ? l : l.name))).not.toContain(
      'status/mitigated',
    )

    const closed = await bot.graphql<{ closeIssue: { issue: { state: string; stateReason: string } } }>(
      `mutation($i: ID!) { closeIssue(input: {issueId: $i, stateReason: NOT_PLANNED}) { issue { state stateReason } } }`,
      { i: issue.node_id },
    )
    expect(closed.closeIssue.issue).toEqual({ state: 'CLOSED', stateReason: 'NOT_PLANNED' })
    await bot.graphql(`mutation($i: ID!) { reopenIssue(input: {issueId: $i}) { issue { state } } }`, {
      i: issue.node_id,
    })
    expect(emu.timeline(repo, 2).map((e) => e.event)).toEqual([
      'labeled',
      'labeled',
      'commented',
      'labeled',
      'unlabeled',
      'closed',
      'reopened',
    ])
  })

  it('forbids label changes without triage access', async () => {
    const outsider = client(emu.addUser('outsider').token)
    const issue = emu.getIssue(repo, 1)
    const label = emu.listLabels(repo)[0]
    const e = await gqlFailure(
      outsider.graphql(
        `mutation($i: ID!, $l: [ID!]!) { addLabelsToLabelable(input: {labelableId: $i, labelIds: $l}) { clientMutationId } }`,
        { i: issue.node_id, l: [label?.node_id] },
      ),
    )
    expect(e.errors[0]).toMatchObject({ type: 'FORBIDDEN' })
  })
})
