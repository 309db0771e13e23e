import { createHash } from 'node:crypto'
import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

const repo = 'acme/shop'
const at = { owner: 'acme', repo: 'shop' }
const doc = 'docs/postmortems/2026-01-10-db.md'
let emu: Emulator
let bot: Octokit
let reader: Octokit
/** Octokit logs every 4xx; these tests provoke them on purpose. */
const log = { debug() {}, info() {}, warn() {}, error() {} }
const client = (auth: string) => new Octokit({ auth, baseUrl: emu.url, log })
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
const blobSha = (s: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(s)}\0${s}`)
    .digest('hex')

async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; data: { message?: string; errors?: { message?: string; field?: string }[] } }> {
  try {
    await p
  } catch (e) {
    const err = e as { status?: number; response?: { data: unknown } }
    return { status: err.status ?? 0, data: (err.response?.data ?? {}) as { message?: string } }
  }
  throw new Error('expected the request to fail')
}

let mainSha: string

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-01-10T12:00:00Z' })
  emu.addRepo(repo, {
    files: { '.github/incidents.yml': 'priorities:\n  P1: {}\n', 'README.md': '# shop\n' },
    collaborators: { rita: 'read' },
    owner_type: 'Organization',
  })
  bot = client(emu.botToken)
  reader = client(emu.addUser('rita').token)
})
afterAll(() => emu.close())

// The tests build on each other, in order: branch → file → pull request → merge.
describe('branches, contents writes and pull requests', () => {
  it("reads main's ref; setting a file moves main to a new sha", async () => {
    const { data: ref } = await bot.rest.git.getRef({ ...at, ref: 'heads/main' })
    expect(ref).toMatchObject({ ref: 'refs/heads/main', object: { type: 'commit' } })
    expect(ref.object.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(ref.url).toBe(`${emu.url}/repos/acme/shop/git/refs/heads/main`)

    emu.setFile(repo, 'CODEOWNERS', '* @acme/sre\n')
    const { data: after } = await bot.rest.git.getRef({ ...at, ref: 'heads/main' })
    expect(after.object.sha).not.toBe(ref.object.sha)
    expect(emu.listBranches(repo)).toEqual([
      expect.objectContaining({ name: 'main', commit: expect.objectContaining({ sha: after.object.sha }) }),
    ])
    mainSha = after.object.sha

    expect((await failure(bot.rest.git.getRef({ ...at, ref: 'heads/nope' }))).status).toBe(404)
    expect((await failure(bot.rest.git.getRef({ ...at, ref: 'tags/v1' }))).status).toBe(404)
  })

  it('creates a branch from main with a copy of its files; an existing ref or unknown sha is a 422', async () => {
    const { data, status } = await bot.rest.git.createRef({ ...at, ref: 'refs/heads/incidentops/pm-1', sha: mainSha })
    expect(status).toBe(201)
    expect(data).toMatchObject({ ref: 'refs/heads/incidentops/pm-1', object: { sha: mainSha, type: 'commit' } })
    const { data: read } = await bot.rest.git.getRef({ ...at, ref: 'heads/incidentops/pm-1' })
    expect(read.object.sha).toBe(mainSha)
    expect(emu.getFile(repo, 'README.md', 'incidentops/pm-1')).toBe('# shop\n')
    expect(emu.getFile(repo, 'CODEOWNERS', 'incidentops/pm-1')).toBe('* @acme/sre\n')

    const dup = await failure(bot.rest.git.createRef({ ...at, ref: 'refs/heads/incidentops/pm-1', sha: mainSha }))
    expect(dup.status).toBe(422)
    expect(dup.data.message).toBe('Reference already exists')
    const ghost = await failure(bot.rest.git.createRef({ ...at, ref: 'refs/heads/other', sha: '0'.repeat(40) }))
    expect(ghost.status).toBe(422)
    expect(ghost.data.message).toBe('Object does not exist')
    expect(emu.listBranches(repo).map((b) => b.name)).toEqual(['main', 'incidentops/pm-1'])
  })

  it('puts a new file on the branch (201) and reads it back with ?ref= at the same blob sha', async () => {
    const text = '# Postmortem: DB down\n\nRoot cause: é\n'
    const { data, status } = await bot.rest.repos.createOrUpdateFileContents({
      ...at,
      path: doc,
      message: 'Postmortem draft for #1',
      content: b64(text),
      branch: 'incidentops/pm-1',
    })
    expect(status).toBe(201)
    expect(data.content).toMatchObject({
      name: '2026-01-10-db.md',
      path: doc,
      sha: blobSha(text),
      size: Buffer.byteLength(text),
      type: 'file',
    })
    expect(data.commit).toMatchObject({
      message: 'Postmortem draft for #1',
      parents: [expect.objectContaining({ sha: mainSha })],
    })

    const { data: ref } = await bot.rest.git.getRef({ ...at, ref: 'heads/incidentops/pm-1' })
    expect(ref.object.sha).toBe(data.commit.sha)
    const { data: read } = await bot.rest.repos.getContent({ ...at, path: doc, ref: 'incidentops/pm-1' })
    expect(read).toMatchObject({ type: 'file', path: doc, sha: data.content?.sha })
    expect(Buffer.from((read as { content: string }).content, 'base64').toString('utf8')).toBe(text)

    // Only on the branch: main and its sha are untouched.
    expect((await failure(bot.rest.repos.getContent({ ...at, path: doc }))).status).toBe(404)
    expect(emu.getFile(repo, doc)).toBeUndefined()
    expect(emu.getFile(repo, doc, 'incidentops/pm-1')).toBe(text)
    expect((await bot.rest.git.getRef({ ...at, ref: 'heads/main' })).data.object.sha).toBe(mainSha)
  })

  it('refuses a rewrite without the sha (422), with a stale sha (409), on an unknown branch (404) or with bad base64', async () => {
    const put = (extra: { sha?: string; branch?: string; content?: string }) =>
      bot.rest.repos.createOrUpdateFileContents({
        ...at,
        path: doc,
        message: 'again',
        content: b64('x\n'),
        branch: 'incidentops/pm-1',
        ...extra,
      })
    const noSha = await failure(put({}))
    expect(noSha.status).toBe(422)
    expect(noSha.data.message).toBe('Invalid request.\n\n"sha" wasn\'t supplied.')
    const stale = await failure(put({ sha: blobSha('something else') }))
    expect(stale.status).toBe(409)
    expect(stale.data.message).toBe(`${doc} does not match ${blobSha('something else')}`)
    const nobranch = await failure(put({ branch: 'gone' }))
    expect(nobranch.status).toBe(404)
    expect(nobranch.data.message).toBe('Branch gone not found')
    expect([400, 422]).toContain((await failure(put({ content: 'not base64!' }))).status)
    expect(emu.getFile(repo, doc, 'incidentops/pm-1')).toBe('# Postmortem: DB down\n\nRoot cause: é\n')
  })

  it('updates the file with its current sha (200)', async () => {
    const old = emu.getFile(repo, doc, 'incidentops/pm-1') ?? ''
    const text = `${old}\nAction items: add a replica.\n`
    const before = (await bot.rest.git.getRef({ ...at, ref: 'heads/incidentops/pm-1' })).data.object.sha
    const { data, status } = await bot.rest.repos.createOrUpdateFileContents({
      ...at,
      path: doc,
      message: 'Postmortem: action items',
      content: b64(text),
      branch: 'incidentops/pm-1',
      sha: blobSha(old),
    })
    expect(status).toBe(200)
    expect(data.content?.sha).toBe(blobSha(text))
    expect(data.commit.parents?.[0]?.sha).toBe(before)
    expect(emu.getFile(repo, doc, 'incidentops/pm-1')).toBe(text)
    expect((await bot.rest.git.getRef({ ...at, ref: 'heads/incidentops/pm-1' })).data.object.sha).toBe(data.commit.sha)
  })

  it('opens a pull request whose number is shared with issues; a duplicate is a 422', async () => {
    const before = emu.createIssue(repo, { title: 'DB down', user: 'alice' })
    emu.clock.advance(60_000)
    const { data: pr, status } = await bot.rest.pulls.create({
      ...at,
      title: 'Postmortem: DB down',
      head: 'incidentops/pm-1',
      base: 'main',
      body: 'For #1',
    })
    expect(status).toBe(201)
    const after = emu.createIssue(repo, { title: 'Cache down', user: 'alice' })
    expect([before.number, pr.number, after.number]).toEqual([1, 2, 3])

    const branchSha = (await bot.rest.git.getRef({ ...at, ref: 'heads/incidentops/pm-1' })).data.object.sha
    expect(pr).toMatchObject({
      number: 2,
      state: 'open',
      title: 'Postmortem: DB down',
      body: 'For #1',
      draft: false,
      merged: false,
      merged_at: null,
      closed_at: null,
      created_at: '2026-01-10T12:01:00Z',
      updated_at: '2026-01-10T12:01:00Z',
      html_url: `${emu.url}/acme/shop/pull/2`,
      url: `${emu.url}/repos/acme/shop/pulls/2`,
      head: { ref: 'incidentops/pm-1', label: 'acme:incidentops/pm-1', sha: branchSha },
      base: { ref: 'main', label: 'acme:main', sha: mainSha },
      changed_files: 1,
      commits: 2,
    })
    expect(pr.node_id).toMatch(/^PR_/)
    expect(pr.user.login).toBe('github-actions[bot]')

    // Pull requests stay out of the issues APIs.
    expect(emu.listIssues(repo).map((i) => i.number)).toEqual([1, 3])
    const { data: issues } = await bot.rest.issues.listForRepo({ ...at, state: 'all' })
    expect(issues.map((i) => i.number)).toEqual([3, 1])
    const gql = await bot.graphql<{ repository: { issues: { totalCount: number; nodes: { number: number }[] } } }>(
      `query { repository(owner: "acme", name: "shop") { issues(first: 10, states: [OPEN, CLOSED]) { totalCount nodes { number } } } }`,
    )
    expect(gql.repository.issues).toEqual({ totalCount: 2, nodes: [{ number: 1 }, { number: 3 }] })
    const one = await bot
      .graphql(`query { repository(owner: "acme", name: "shop") { issue(number: 2) { number } } }`)
      .then(
        () => null,
        (e: { errors?: { type?: string; message: string }[] }) => e.errors,
      )
    expect(one).toEqual([
      expect.objectContaining({ type: 'NOT_FOUND', message: 'Could not resolve to an Issue with the number of 2.' }),
    ])
    expect((await bot.rest.repos.get(at)).data.open_issues_count).toBe(3)

    const dup = await failure(
      bot.rest.pulls.create({ ...at, title: 'again', head: 'acme:incidentops/pm-1', base: 'main' }),
    )
    expect(dup.status).toBe(422)
    expect(dup.data).toMatchObject({
      message: 'Validation Failed',
      errors: [expect.objectContaining({ message: 'A pull request already exists for acme:incidentops/pm-1.' })],
    })
    const missing = await failure(bot.rest.pulls.create({ ...at, title: 'x', head: 'no-such-branch', base: 'main' }))
    expect(missing.status).toBe(422)
    expect(missing.data).toMatchObject({
      message: 'Validation Failed',
      errors: [expect.objectContaining({ field: 'head' })],
    })
    const badBase = await failure(
      bot.rest.pulls.create({ ...at, title: 'x', head: 'incidentops/pm-1', base: 'release' }),
    )
    expect(badBase.status).toBe(422)
    expect(badBase.data.errors?.[0]?.field).toBe('base')
    // A branch with nothing new cannot be proposed.
    await bot.rest.git.createRef({ ...at, ref: 'refs/heads/empty', sha: mainSha })
    const empty = await failure(bot.rest.pulls.create({ ...at, title: 'x', head: 'empty', base: 'main' }))
    expect(empty.status).toBe(422)
    expect(empty.data.errors?.[0]?.message).toBe('No commits between main and empty')
    expect(emu.listPulls(repo).map((p) => p.number)).toEqual([2])
  })

  it('lists pull requests by head, base and state, newest first', async () => {
    // A second, closed pull request from another branch.
    await bot.rest.git.createRef({ ...at, ref: 'refs/heads/incidentops/pm-3', sha: mainSha })
    await bot.rest.repos.createOrUpdateFileContents({
      ...at,
      path: 'docs/pm-3.md',
      message: 'pm 3',
      content: b64('# 3\n'),
      branch: 'incidentops/pm-3',
    })
    emu.clock.advance(60_000)
    const { data: second } = await bot.rest.pulls.create({
      ...at,
      title: 'Postmortem 3',
      head: 'incidentops/pm-3',
      base: 'main',
    })
    expect(second.number).toBe(4)
    emu.clock.advance(60_000)
    const { data: closed } = await bot.rest.pulls.update({ ...at, pull_number: 4, state: 'closed' })
    expect(closed).toMatchObject({
      state: 'closed',
      merged: false,
      closed_at: '2026-01-10T12:03:00Z',
      updated_at: '2026-01-10T12:03:00Z',
    })

    const numbers = async (q: {
      state?: 'open' | 'closed' | 'all'
      head?: string
      base?: string
      per_page?: number
      page?: number
    }) => (await bot.rest.pulls.list({ ...at, ...q })).data.map((p) => p.number)
    expect(await numbers({ head: 'acme:incidentops/pm-1' })).toEqual([2])
    expect(await numbers({ head: 'acme:incidentops/pm-3' })).toEqual([])
    expect(await numbers({ head: 'acme:incidentops/pm-3', state: 'closed' })).toEqual([4])
    expect(await numbers({ head: 'someone-else:incidentops/pm-1' })).toEqual([])
    expect(await numbers({})).toEqual([2])
    expect(await numbers({ state: 'closed' })).toEqual([4])
    expect(await numbers({ state: 'all' })).toEqual([4, 2])
    expect(await numbers({ state: 'all', base: 'main', per_page: 1, page: 2 })).toEqual([2])
    expect(await numbers({ state: 'all', base: 'release' })).toEqual([])
    const { data: listed } = await bot.rest.pulls.list({ ...at, head: 'acme:incidentops/pm-1' })
    expect(listed[0]).toMatchObject({
      number: 2,
      state: 'open',
      head: { ref: 'incidentops/pm-1' },
      base: { ref: 'main' },
    })
  })

  it('edits the body and title; updated_at moves', async () => {
    emu.clock.advance(60_000)
    const { data } = await bot.rest.pulls.update({
      ...at,
      pull_number: 2,
      body: 'For #1 (ready for review)',
      title: 'Postmortem: DB down (#1)',
    })
    expect(data).toMatchObject({
      number: 2,
      state: 'open',
      body: 'For #1 (ready for review)',
      title: 'Postmortem: DB down (#1)',
      updated_at: '2026-01-10T12:04:00Z',
      created_at: '2026-01-10T12:01:00Z',
    })
    const { data: read } = await bot.rest.pulls.get({ ...at, pull_number: 2 })
    expect(read.body).toBe('For #1 (ready for review)')
    expect(emu.getPull(repo, 2)).toMatchObject({
      title: 'Postmortem: DB down (#1)',
      updated_at: '2026-01-10T12:04:00Z',
    })
    expect((await failure(bot.rest.pulls.get({ ...at, pull_number: 1 }))).status).toBe(404)
  })

  it('a read-only collaborator can read but not create branches, files or pull requests', async () => {
    const branches = emu.listBranches(repo)
    const sha = (await reader.rest.git.getRef({ ...at, ref: 'heads/main' })).data.object.sha
    // Git writes hide the repo (404), like dispatches; pull requests say 403, like label writes.
    expect((await failure(reader.rest.git.createRef({ ...at, ref: 'refs/heads/rita', sha }))).status).toBe(404)
    expect(
      (
        await failure(
          reader.rest.repos.createOrUpdateFileContents({
            ...at,
            path: 'rita.md',
            message: 'hi',
            content: b64('hi'),
            branch: 'incidentops/pm-1',
          }),
        )
      ).status,
    ).toBe(404)
    expect(
      (await failure(reader.rest.pulls.create({ ...at, title: 'x', head: 'incidentops/pm-3', base: 'main' }))).status,
    ).toBe(403)
    expect((await failure(reader.rest.pulls.update({ ...at, pull_number: 2, title: 'hijacked' }))).status).toBe(403)
    expect(emu.listBranches(repo)).toEqual(branches)
    expect(emu.getFile(repo, 'rita.md', 'incidentops/pm-1')).toBeUndefined()
    expect(emu.listPulls(repo).map((p) => [p.number, p.title, p.state])).toEqual([
      [2, 'Postmortem: DB down (#1)', 'open'],
      [4, 'Postmortem 3', 'closed'],
    ])
    expect((await reader.rest.pulls.list({ ...at, state: 'all' })).data).toHaveLength(2)
  })

  it('mergePull lands the file on main, keeps main’s own changes, and closes the pull request as merged', async () => {
    // main moves on after the branch was cut: the merge must not revert this.
    emu.setFile(repo, 'README.md', '# shop\n\nNow with incidents.\n')
    const mainBefore = emu.listBranches(repo).find((b) => b.name === 'main')?.commit.sha
    const text = emu.getFile(repo, doc, 'incidentops/pm-1')
    emu.clock.advance(60_000)
    const merged = emu.mergePull(repo, 2, 'alice')
    expect(merged).toMatchObject({
      state: 'closed',
      merged: true,
      merged_at: '2026-01-10T12:05:00Z',
      closed_at: '2026-01-10T12:05:00Z',
      merged_by: { login: 'alice' },
    })

    expect(emu.getFile(repo, doc)).toBe(text)
    expect(emu.getFile(repo, 'README.md')).toBe('# shop\n\nNow with incidents.\n')
    const { data: onMain } = await bot.rest.repos.getContent({ ...at, path: doc })
    expect(Buffer.from((onMain as { content: string }).content, 'base64').toString('utf8')).toBe(text)
    expect((onMain as { sha: string }).sha).toBe(blobSha(text ?? ''))
    const mainAfter = (await bot.rest.git.getRef({ ...at, ref: 'heads/main' })).data.object.sha
    expect(mainAfter).not.toBe(mainBefore)
    expect(mainAfter).toBe(merged.merge_commit_sha)
    // GraphQL's HEAD reads main too, with the same blob sha; `<branch>:path` reads that branch.
    const blob = async (expr: string) =>
      (
        await bot.graphql<{ repository: { object: { text: string; oid: string } | null } }>(
          `query($expr: String!) { repository(owner: "acme", name: "shop") { object(expression: $expr) { ... on Blob { text oid } } } }`,
          { expr },
        )
      ).repository.object
    expect(await blob(`HEAD:${doc}`)).toEqual({ text, oid: blobSha(text ?? '') })
    expect(await blob('HEAD:docs/pm-3.md')).toBeNull()
    expect(await blob('incidentops/pm-3:docs/pm-3.md')).toEqual({ text: '# 3\n', oid: blobSha('# 3\n') })
    expect(await blob('no-such-branch:README.md')).toBeNull()

    const { data: pr } = await bot.rest.pulls.get({ ...at, pull_number: 2 })
    expect(pr).toMatchObject({
      state: 'closed',
      merged: true,
      merged_at: '2026-01-10T12:05:00Z',
      merged_by: { login: 'alice' },
    })
    expect(await bot.rest.pulls.list({ ...at, head: 'acme:incidentops/pm-1' }).then((r) => r.data)).toEqual([])
    expect((await bot.rest.pulls.list({ ...at, state: 'closed' })).data.map((p) => p.number)).toEqual([4, 2])
    const reopen = await failure(bot.rest.pulls.update({ ...at, pull_number: 2, state: 'open' }))
    expect(reopen.status).toBe(422)
    expect(emu.getPull(repo, 2).state).toBe('closed')
    expect(() => emu.mergePull(repo, 2, 'alice')).toThrow(/emulator:/)
  })
})
