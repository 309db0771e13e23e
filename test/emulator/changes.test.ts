import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { readChangeHistory, readRecentChanges, type GraphqlRunner } from '../../src/github/changes.js'

const repo = 'acme/ship'
const at = { owner: 'acme', repo: 'ship' }
let emu: Emulator
let bot: Octokit
let reader: Octokit
const log = { debug() {}, info() {}, warn() {}, error() {} }
const client = (auth: string) => new Octokit({ auth, baseUrl: emu.url, log })
const runner =
  (o: Octokit): GraphqlRunner =>
  (_name, query, vars) =>
    o.graphql(query, vars)

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T12:00:00Z' })
  emu.addRepo(repo, {
    files: { 'src/app.ts': 'v1\n', '.github/CODEOWNERS': '/src/ @acme/app\n' },
    collaborators: { rita: 'read' },
  })
  bot = client(emu.botToken)
  reader = client(emu.addUser('rita').token)
})
afterAll(() => emu.close())

describe('deployments, statuses and releases over REST', () => {
  it('creates a deployment of main and its statuses; lists them newest first', async () => {
    const { data: main } = await bot.rest.git.getRef({ ...at, ref: 'heads/main' })
    const { data: d } = await bot.rest.repos.createDeployment({
      ...at,
      ref: 'main',
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
    })
    expect(d).toMatchObject({ sha: main.object.sha, ref: 'main', environment: 'production', task: 'deploy' })
    const id = (d as { id: number }).id
    await bot.rest.repos.createDeploymentStatus({ ...at, deployment_id: id, state: 'in_progress' })
    emu.clock.advance(60_000)
    await bot.rest.repos.createDeploymentStatus({ ...at, deployment_id: id, state: 'success' })
    const { data: statuses } = await bot.rest.repos.listDeploymentStatuses({ ...at, deployment_id: id })
    expect(statuses.map((s) => s.state)).toEqual(['success', 'in_progress'])
    emu.changes.deploy(repo, { environment: 'staging', at: '2026-11-25T12:30:00Z' })
    const { data: list } = await bot.rest.repos.listDeployments({ ...at })
    expect(list.map((x) => x.environment)).toEqual(['staging', 'production'])
    const { data: prod } = await bot.rest.repos.listDeployments({ ...at, environment: 'production' })
    expect(prod).toHaveLength(1)
  })

  it('refuses a deployment from someone without write access, and a bad status', async () => {
    await expect(reader.rest.repos.createDeployment({ ...at, ref: 'main' })).rejects.toMatchObject({ status: 404 })
    const id = emu.changes.deployments(repo)[0]!.id
    await expect(
      bot.rest.repos.createDeploymentStatus({ ...at, deployment_id: id, state: 'great' as 'success' }),
    ).rejects.toMatchObject({ status: 422 })
  })

  it('creates and lists releases; a tag is used once', async () => {
    const { data: r } = await bot.rest.repos.createRelease({ ...at, tag_name: 'v1.0.0', name: 'One' })
    expect(r).toMatchObject({ tag_name: 'v1.0.0', name: 'One', draft: false })
    await expect(bot.rest.repos.createRelease({ ...at, tag_name: 'v1.0.0' })).rejects.toMatchObject({ status: 422 })
    const { data: list } = await bot.rest.repos.listReleases({ ...at })
    expect(list.map((x) => x.tag_name)).toEqual(['v1.0.0'])
  })
})

describe('merged pull requests with files and commits', () => {
  it('a seeded merged pull request shows its files and commits over REST', async () => {
    const p = emu.changes.mergedPull(repo, {
      title: 'Add cache',
      files: ['src/cache.ts', 'src/app.ts'],
      labels: ['hotfix'],
      commits: [{ at: '2026-11-25T09:00:00Z' }, { at: '2026-11-25T10:00:00Z' }],
      mergedAt: '2026-11-25T11:00:00Z',
    })
    const { data: pr } = await bot.rest.pulls.get({ ...at, pull_number: p.number })
    expect(pr).toMatchObject({ merged: true, merged_at: '2026-11-25T11:00:00Z', merge_commit_sha: p.mergeSha })
    const { data: files } = await bot.rest.pulls.listFiles({ ...at, pull_number: p.number })
    expect(files.map((f) => f.filename)).toEqual(['src/cache.ts', 'src/app.ts'])
    const { data: commits } = await bot.rest.pulls.listCommits({ ...at, pull_number: p.number })
    expect(commits.map((c) => c.commit.author?.date)).toEqual(['2026-11-25T09:00:00Z', '2026-11-25T10:00:00Z'])
  })

  it('a pull request merged with the button records the files it changed', async () => {
    emu.clock.set('2026-11-25T13:00:00Z')
    await bot.rest.git.createRef({
      ...at,
      ref: 'refs/heads/fix',
      sha: (await bot.rest.git.getRef({ ...at, ref: 'heads/main' })).data.object.sha,
    })
    emu.setFile(repo, 'src/app.ts', 'v2\n', 'fix')
    const { data: pr } = await bot.rest.pulls.create({ ...at, title: 'Fix app', head: 'fix', base: 'main' })
    emu.mergePull(repo, pr.number, 'rita')
    const { data: files } = await bot.rest.pulls.listFiles({ ...at, pull_number: pr.number })
    expect(files.map((f) => f.filename)).toEqual(['src/app.ts'])
  })
})

describe('GraphQL: the queries the action sends, validated against GitHub schema', () => {
  it('RecentChanges reads merged pull requests to main (files, first commit), deployments with statuses, releases, CODEOWNERS', async () => {
    emu.changes.mergedPull(repo, {
      title: 'Into a branch',
      files: ['x'],
      mergedAt: '2026-11-25T11:30:00Z',
      base: 'release',
    })
    const c = await readRecentChanges(runner(bot), at)
    expect(c.defaultBranch).toBe('main')
    expect(c.codeowners).toBe('/src/ @acme/app\n')
    // Newest update first; the pull request into another branch is left out.
    expect(c.pulls.map((p) => p.title)).toEqual(['Fix app', 'Add cache'])
    const cache = c.pulls[1]!
    expect(cache).toMatchObject({
      labels: ['hotfix'],
      files: ['src/cache.ts', 'src/app.ts'],
      filesTotal: 2,
      firstCommitAt: '2026-11-25T09:00:00Z',
      mergedAt: '2026-11-25T11:00:00Z',
    })
    expect(c.deployments.map((d) => d.environment)).toEqual(['staging', 'production'])
    expect(c.deployments[1]!.statuses.map((s) => s.state)).toEqual(['in_progress', 'success'])
    expect(c.releases.map((r) => r.tag)).toEqual(['v1.0.0'])
  })

  it('the history pages through 100 at a time and stops before `since`', async () => {
    const r = 'acme/history'
    emu.addRepo(r)
    for (let i = 0; i < 230; i++) {
      const t = new Date(Date.parse('2026-09-01T00:00:00Z') + i * 3_600_000).toISOString()
      const p = emu.changes.mergedPull(r, { title: `c${i}`, files: ['a'], mergedAt: t })
      emu.changes.deploy(r, { sha: p.mergeSha, at: t, statuses: [{ state: 'success' }] })
    }
    emu.resetCounters()
    const h = await readChangeHistory(runner(bot), { owner: 'acme', repo: 'history' }, '2026-09-01T00:00:00Z')
    expect(h.pulls).toHaveLength(230)
    expect(h.deployments).toHaveLength(230)
    expect(emu.counts().byRoute).toEqual({
      'POST /graphql DeploymentHistory': 3,
      'POST /graphql MergedPullHistory': 3,
    })
    // From the 150th hour on: the pages stop once they reach before it (one page of 100 covers 80).
    emu.resetCounters()
    const since = new Date(Date.parse('2026-09-01T00:00:00Z') + 150 * 3_600_000).toISOString()
    const recent = await readChangeHistory(runner(bot), { owner: 'acme', repo: 'history' }, since)
    expect(recent.deployments).toHaveLength(80)
    expect(emu.counts().total).toBe(2)
  })
})
