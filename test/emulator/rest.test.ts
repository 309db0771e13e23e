import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

const repo = 'acme/shop'
let emu: Emulator
let bot: Octokit
let alice: Octokit
let aliceToken: string
/** Octokit logs every 4xx; these tests provoke them on purpose. */
const log = { debug() {}, info() {}, warn() {}, error() {} }
const client = (auth?: string) => new Octokit({ auth, baseUrl: emu.url, log })

/** The status of a rejected Octokit call (and the error, for more assertions). */
interface RequestError {
  status: number
  message: string
  response?: { data: unknown; headers: Record<string, string | number | undefined> }
}

async function failure(p: Promise<unknown>): Promise<RequestError> {
  try {
    await p
  } catch (e) {
    // Octokit's RequestError, duck-typed (its package is only a transitive dependency).
    if (e instanceof Error && e.name === 'HttpError') return e as unknown as RequestError
    throw e
  }
  throw new Error('expected the request to fail')
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-01-10T12:00:00Z' })
  aliceToken = emu.addUser('alice').token
  emu.addUser('bob')
  emu.addUser('tara')
  emu.addRepo(repo, {
    files: { '.github/incidents.yml': 'priorities:\n  P1: {}\n' },
    collaborators: { alice: 'maintain', tara: 'triage' },
    owner_type: 'Organization',
  })
  bot = client(emu.botToken)
  alice = client(aliceToken)
})
afterAll(() => emu.close())

describe('REST issues', () => {
  it('creates, reads and edits an issue with GitHub timestamps and counters', async () => {
    const { data: created, status } = await bot.rest.issues.create({
      owner: 'acme',
      repo: 'shop',
      title: 'DB down',
      body: 'help',
      labels: ['incident'],
    })
    expect(status).toBe(201)
    expect(created).toMatchObject({
      number: 1,
      state: 'open',
      title: 'DB down',
      body: 'help',
      comments: 0,
      created_at: '2026-01-10T12:00:00Z',
    })
    expect(created.user?.login).toBe('github-actions[bot]')
    expect(created.user?.type).toBe('Bot')
    expect(created.labels).toEqual([expect.objectContaining({ name: 'incident', color: 'ededed', default: false })])
    expect(created.html_url).toBe(`${emu.url}/acme/shop/issues/1`)

    emu.clock.advance(60_000)
    await bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: 'on it' })
    const { data: closed } = await bot.rest.issues.update({
      owner: 'acme',
      repo: 'shop',
      issue_number: 1,
      state: 'closed',
      state_reason: 'not_planned',
    })
    expect(closed).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
      comments: 1,
      updated_at: '2026-01-10T12:01:00Z',
      closed_at: '2026-01-10T12:01:00Z',
    })
    expect(closed.closed_by?.login).toBe('github-actions[bot]')
    expect(emu.getIssue(repo, 1).state).toBe('closed')
  })

  it('paginates over more than 100 issues with real Link headers', async () => {
    for (let n = 0; n < 130; n++)
      emu.createIssue(repo, { title: `bulk ${n}`, user: 'bob', labels: n % 2 ? ['odd'] : [] })
    const first = await bot.rest.issues.listForRepo({ owner: 'acme', repo: 'shop', state: 'all', per_page: 50 })
    expect(first.data).toHaveLength(50)
    const link = first.headers.link ?? ''
    expect(link).toContain('rel="next"')
    expect(link).toMatch(/[?&]page=3[^>]*>; rel="last"/)
    expect(link).not.toContain('rel="prev"')
    // Default order is newest first.
    expect(first.data[0]?.number).toBe(131)

    const all = await bot.paginate(bot.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'shop',
      state: 'all',
      per_page: 100,
    })
    expect(all).toHaveLength(131)
    expect(new Set(all.map((i) => i.number)).size).toBe(131)

    const odd = await bot.paginate(bot.rest.issues.listForRepo, {
      owner: 'acme',
      repo: 'shop',
      labels: 'odd',
      per_page: 100,
    })
    expect(odd).toHaveLength(65)
    const oldest = await bot.rest.issues.listForRepo({ owner: 'acme', repo: 'shop', state: 'closed', direction: 'asc' })
    expect(oldest.data.map((i) => i.number)).toEqual([1])

    const mid = await bot.rest.issues.listForRepo({ owner: 'acme', repo: 'shop', state: 'all', per_page: 50, page: 2 })
    expect(mid.headers.link).toContain('rel="prev"')
    expect(mid.headers.link).toContain('rel="first"')
  })

  it('answers 404 like GitHub for a missing issue', async () => {
    const e = await failure(bot.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 9999 }))
    expect(e.status).toBe(404)
    expect(e.response?.data).toMatchObject({ message: 'Not Found' })
  })

  it('rejects a body over 65,536 characters with 422', async () => {
    const e = await failure(
      bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: 'x'.repeat(65_537) }),
    )
    expect(e.status).toBe(422)
    expect(JSON.stringify(e.response?.data)).toContain('body is too long (maximum is 65536 characters)')
    expect(emu.listComments(repo, 1)).toHaveLength(1)
  })
  it("rejects a title over 256 characters with 422 and GitHub's error shape, creating nothing", async () => {
    const before = emu.listIssues(repo).length
    const e = await failure(bot.rest.issues.create({ owner: 'acme', repo: 'shop', title: 't'.repeat(257) }))
    expect(e.status).toBe(422)
    expect(e.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        { resource: 'Issue', code: 'custom', field: 'title', message: 'title is too long (maximum is 256 characters)' },
      ],
    })
    expect(emu.listIssues(repo)).toHaveLength(before)
    await bot.rest.issues.create({ owner: 'acme', repo: 'shop', title: 't'.repeat(256) })
    expect(emu.listIssues(repo)).toHaveLength(before + 1)
  })
})

describe('REST label limits', () => {
  it('refuses a label name over 50 characters, on its own or auto-created by an issue, with nothing written', async () => {
    const name = `service/${'x'.repeat(43)}` // 51
    const e = await failure(bot.rest.issues.createLabel({ owner: 'acme', repo: 'shop', name, color: 'ededed' }))
    expect(e.status).toBe(422)
    expect(e.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        { resource: 'Label', code: 'custom', field: 'name', message: 'name is too long (maximum is 50 characters)' },
      ],
    })
    const before = emu.listIssues(repo).length
    const viaIssue = await failure(
      bot.rest.issues.create({ owner: 'acme', repo: 'shop', title: 'long label', labels: [name] }),
    )
    expect(viaIssue.status).toBe(422)
    expect(emu.listIssues(repo)).toHaveLength(before)
    expect(emu.listLabels(repo).some((l) => l.name === name)).toBe(false)
    const desc = await failure(
      bot.rest.issues.createLabel({
        owner: 'acme',
        repo: 'shop',
        name: 'ok',
        color: 'ededed',
        description: 'd'.repeat(101),
      }),
    )
    expect(desc.status).toBe(422)
    await bot.rest.issues.createLabel({
      owner: 'acme',
      repo: 'shop',
      name: 'x'.repeat(50),
      color: 'ededed',
      description: 'd'.repeat(100),
    })
  })

  it('refuses more than 100 labels on one issue (add, replace, PATCH and create), changing nothing', async () => {
    const names = Array.from({ length: 100 }, (_, i) => `l/${i}`)
    const { data: issue } = await bot.rest.issues.create({
      owner: 'acme',
      repo: 'shop',
      title: 'many labels',
      labels: names,
    })
    expect(emu.getIssue(repo, issue.number).labels).toHaveLength(100)
    const expectRefused = async (p: Promise<unknown>) => {
      const e = await failure(p)
      expect(e.status).toBe(422)
      expect(e.response?.data).toMatchObject({
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', code: 'custom', field: 'labels' }],
      })
    }
    await expectRefused(
      bot.rest.issues.addLabels({ owner: 'acme', repo: 'shop', issue_number: issue.number, labels: ['one-more'] }),
    )
    await expectRefused(
      bot.rest.issues.setLabels({
        owner: 'acme',
        repo: 'shop',
        issue_number: issue.number,
        labels: [...names, 'one-more'],
      }),
    )
    await expectRefused(
      bot.rest.issues.update({
        owner: 'acme',
        repo: 'shop',
        issue_number: issue.number,
        title: 'renamed',
        labels: [...names, 'one-more'],
      }),
    )
    await expectRefused(
      bot.rest.issues.create({ owner: 'acme', repo: 'shop', title: 'too many', labels: [...names, 'one-more'] }),
    )
    expect(emu.getIssue(repo, issue.number).labels).toHaveLength(100)
    expect(emu.getIssue(repo, issue.number).title).toBe('many labels')
    expect(emu.listLabels(repo).some((l) => l.name === 'one-more')).toBe(false)
    // Re-adding one it already has is no change, so it is accepted.
    await bot.rest.issues.addLabels({ owner: 'acme', repo: 'shop', issue_number: issue.number, labels: ['L/1'] })
  })
})

describe('REST comments', () => {
  it('lists, edits and deletes comments; authors are the token user', async () => {
    const { data: c } = await alice.rest.issues.createComment({
      owner: 'acme',
      repo: 'shop',
      issue_number: 2,
      body: 'first',
    })
    expect(c.user?.login).toBe('alice')
    await alice.rest.issues.updateComment({ owner: 'acme', repo: 'shop', comment_id: Number(c.id), body: 'edited' })
    expect(
      (await bot.rest.issues.getComment({ owner: 'acme', repo: 'shop', comment_id: Number(c.id) })).data.body,
    ).toBe('edited')
    for (let n = 0; n < 104; n++) emu.createComment(repo, 2, { body: `c${n}`, user: 'bob' })
    const all = await bot.paginate(bot.rest.issues.listComments, {
      owner: 'acme',
      repo: 'shop',
      issue_number: 2,
      per_page: 100,
    })
    expect(all).toHaveLength(105)
    expect(emu.getIssue(repo, 2).comments).toBe(105)
    await bot.rest.issues.deleteComment({ owner: 'acme', repo: 'shop', comment_id: Number(c.id) })
    expect(emu.getIssue(repo, 2).comments).toBe(104)
  })

  it("forbids editing someone else's comment without write access", async () => {
    const bobToken = emu.addUser('bob2').token
    const bob = client(bobToken)
    const [first] = emu.listComments(repo, 1)
    const e = await failure(
      bob.rest.issues.updateComment({ owner: 'acme', repo: 'shop', comment_id: Number(first?.id), body: 'pwned' }),
    )
    expect(e.status).toBe(403)
    expect(emu.listComments(repo, 1)[0]?.body).toBe('on it')
  })
})

describe('REST labels', () => {
  it('creates labels and answers 422 already_exists on a case-insensitive duplicate', async () => {
    const { data } = await bot.rest.issues.createLabel({
      owner: 'acme',
      repo: 'shop',
      name: 'sev/1',
      color: 'B60205',
      description: 'worst',
    })
    expect(data).toMatchObject({ name: 'sev/1', color: 'b60205', description: 'worst' })
    const e = await failure(
      bot.rest.issues.createLabel({ owner: 'acme', repo: 'shop', name: 'SEV/1', color: '000000' }),
    )
    expect(e.status).toBe(422)
    expect(e.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
    })
    expect((await bot.rest.issues.getLabel({ owner: 'acme', repo: 'shop', name: 'sev/1' })).data.name).toBe('sev/1')
    await bot.rest.issues.updateLabel({ owner: 'acme', repo: 'shop', name: 'sev/1', color: '00ff00' })
    expect(emu.listLabels(repo).find((l) => l.name === 'sev/1')?.color).toBe('00ff00')
  })

  it('adds (auto-creating), replaces and removes labels on an issue', async () => {
    const { data: added } = await bot.rest.issues.addLabels({
      owner: 'acme',
      repo: 'shop',
      issue_number: 2,
      labels: ['brand-new', 'sev/1'],
    })
    expect(added.map((l) => l.name)).toEqual(['brand-new', 'sev/1'])
    expect(emu.listLabels(repo).find((l) => l.name === 'brand-new')?.color).toBe('ededed')
    const { data: replaced } = await bot.rest.issues.setLabels({
      owner: 'acme',
      repo: 'shop',
      issue_number: 2,
      labels: ['sev/1', 'odd'],
    })
    expect(replaced.map((l) => l.name).sort()).toEqual(['odd', 'sev/1'])
    await bot.rest.issues.removeLabel({ owner: 'acme', repo: 'shop', issue_number: 2, name: 'sev/1' })
    const e = await failure(
      bot.rest.issues.removeLabel({ owner: 'acme', repo: 'shop', issue_number: 2, name: 'sev/1' }),
    )
    expect(e.status).toBe(404)
    expect(emu.getIssue(repo, 2).labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['odd'])
  })

  it('paginates repository labels', async () => {
    const all = await bot.paginate(bot.rest.issues.listLabelsForRepo, { owner: 'acme', repo: 'shop', per_page: 2 })
    expect(all.map((l) => l.name).sort()).toEqual(
      emu
        .listLabels(repo)
        .map((l) => l.name)
        .sort(),
    )
  })
})

describe('REST permissions, contents, repository', () => {
  it('reports role_name precisely and the legacy permission coarsely', async () => {
    const get = async (username: string) =>
      (await bot.rest.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'shop', username })).data
    expect(await get('alice')).toMatchObject({ permission: 'write', role_name: 'maintain' })
    expect(await get('tara')).toMatchObject({ permission: 'read', role_name: 'triage' })
    expect(await get('bob')).toMatchObject({ permission: 'none', role_name: 'none' })
    expect((await get('github-actions[bot]')).role_name).toBe('write')
    emu.setPermission(repo, 'bob', 'admin')
    expect(await get('bob')).toMatchObject({ permission: 'admin', role_name: 'admin', user: { login: 'bob' } })
    emu.setPermission(repo, 'bob', 'none')
    expect((await failure(get('nobody-here'))).status).toBe(404)
  })

  it('serves files base64-encoded and 404s missing ones', async () => {
    const { data } = await bot.rest.repos.getContent({ owner: 'acme', repo: 'shop', path: '.github/incidents.yml' })
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file')
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('priorities:\n  P1: {}\n')
    emu.setFile(repo, '.github/incidents.yml', null)
    expect(
      (await failure(bot.rest.repos.getContent({ owner: 'acme', repo: 'shop', path: '.github/incidents.yml' }))).status,
    ).toBe(404)
  })

  it('describes the repository with the viewer permissions', async () => {
    const { data } = await alice.rest.repos.get({ owner: 'acme', repo: 'shop' })
    expect(data).toMatchObject({
      full_name: 'acme/shop',
      default_branch: 'main',
      owner: { login: 'acme', type: 'Organization' },
    })
    expect(data.permissions).toMatchObject({ maintain: true, push: true, admin: false })
  })

  it('sends rate-limit headers and a /rate_limit body', async () => {
    const res = await bot.rest.rateLimit.get()
    expect(res.headers['x-ratelimit-limit']).toBe('5000')
    expect(res.headers['x-ratelimit-resource']).toBe('core')
    expect(Number(res.headers['x-ratelimit-remaining'])).toBeLessThan(5000)
    expect(res.headers['x-github-request-id']).toBeTruthy()
    expect(res.data.resources.core.limit).toBe(5000)
  })
})

describe('REST auth', () => {
  it('answers 401 Bad credentials to an unknown or missing token', async () => {
    const stranger = client('nope')
    const e = await failure(stranger.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 }))
    expect(e.status).toBe(401)
    expect(e.response?.data).toMatchObject({ message: 'Bad credentials' })
    const anonymous = client()
    expect((await failure(anonymous.rest.issues.get({ owner: 'acme', repo: 'shop', issue_number: 1 }))).status).toBe(
      401,
    )
  })

  it('addUser hands back a person a helper already created, with a working token', async () => {
    emu.createIssue(repo, { title: 'by zed', user: 'zed' })
    const zed = emu.addUser('zed')
    const { data } = await client(zed.token).rest.users.getAuthenticated()
    expect(data).toMatchObject({ login: 'zed', id: zed.id })
    // An installation token is not a user, as on GitHub.
    expect((await failure(bot.rest.users.getAuthenticated())).status).toBe(403)
  })

  it('lets anyone open issues on a public repo but drops their labels', async () => {
    const bob = client(emu.addUser('outsider').token)
    const { data } = await bob.rest.issues.create({ owner: 'acme', repo: 'shop', title: 'hi', labels: ['sev/1'] })
    expect(data.user?.login).toBe('outsider')
    expect(data.labels).toEqual([])
    expect(
      (
        await failure(
          bob.rest.issues.addLabels({ owner: 'acme', repo: 'shop', issue_number: data.number, labels: ['x'] }),
        )
      ).status,
    ).toBe(403)
  })
})
