import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

const repo = 'acme/shop'
let emu: Emulator
let bot: Octokit

const log = { debug() {}, info() {}, warn() {}, error() {} }

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-04-01T10:00:00Z' })
  emu.addUser('alice')
  emu.addRepo(repo, { collaborators: { alice: 'write' } })
  emu.addRepo('acme/other')
  bot = new Octokit({ auth: emu.botToken, baseUrl: emu.url, log })
})
afterAll(() => emu.close())

describe('REST timeline', () => {
  it('records labeled, assigned, commented, closed and reopened with actors', async () => {
    emu.createIssue(repo, { title: 'API errors', user: 'alice', labels: ['incident'] })
    emu.clock.advance(60_000)
    await bot.rest.issues.addAssignees({ owner: 'acme', repo: 'shop', issue_number: 1, assignees: ['alice'] })
    await bot.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 1, body: 'ack' })
    emu.editIssue(repo, 1, { state: 'closed', state_reason: 'completed' }, 'alice')
    await bot.rest.issues.update({ owner: 'acme', repo: 'shop', issue_number: 1, state: 'open' })
    await bot.rest.issues.removeLabel({ owner: 'acme', repo: 'shop', issue_number: 1, name: 'incident' })

    const events = await bot.paginate(bot.rest.issues.listEventsForTimeline, {
      owner: 'acme',
      repo: 'shop',
      issue_number: 1,
      per_page: 2,
    })
    const view = events.map((e) => {
      const ev = e as {
        event?: string
        actor?: { login: string }
        created_at?: string
        label?: { name: string; color: string }
        assignee?: { login: string }
        body?: string
        state_reason?: string | null
      }
      return {
        event: ev.event,
        actor: ev.actor?.login,
        label: ev.label?.name,
        assignee: ev.assignee?.login,
        body: ev.body,
        created_at: ev.created_at,
      }
    })
    expect(view).toEqual([
      {
        event: 'labeled',
        actor: 'alice',
        label: 'incident',
        assignee: undefined,
        body: undefined,
        created_at: '2026-04-01T10:00:00Z',
      },
      {
        event: 'assigned',
        actor: 'github-actions[bot]',
        label: undefined,
        assignee: 'alice',
        body: undefined,
        created_at: '2026-04-01T10:01:00Z',
      },
      {
        event: 'commented',
        actor: 'github-actions[bot]',
        label: undefined,
        assignee: undefined,
        body: 'ack',
        created_at: '2026-04-01T10:01:00Z',
      },
      {
        event: 'closed',
        actor: 'alice',
        label: undefined,
        assignee: undefined,
        body: undefined,
        created_at: '2026-04-01T10:01:00Z',
      },
      {
        event: 'reopened',
        actor: 'github-actions[bot]',
        label: undefined,
        assignee: undefined,
        body: undefined,
        created_at: '2026-04-01T10:01:00Z',
      },
      {
        event: 'unlabeled',
        actor: 'github-actions[bot]',
        label: 'incident',
        assignee: undefined,
        body: undefined,
        created_at: '2026-04-01T10:01:00Z',
      },
    ])
    expect(emu.timeline(repo, 1)).toHaveLength(6)
    expect(emu.getIssue(repo, 1)).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      assignees: [expect.objectContaining({ login: 'alice' })],
    })
  })
})

describe('REST search', () => {
  beforeAll(() => {
    emu.clock.set('2026-04-02T00:00:00Z')
    for (let n = 0; n < 1100; n++)
      emu.createIssue(repo, {
        title: `alert ${n}`,
        user: 'alice',
        labels: n % 10 === 0 ? ['sev 1', 'incident'] : ['incident'],
        createdAt: n < 100 ? '2026-03-01T00:00:00Z' : undefined,
      })
    emu.editIssue(repo, 2, { state: 'closed' }, 'alice')
    emu.createIssue('acme/other', { title: 'elsewhere', user: 'alice', labels: ['incident'] })
  })

  it('supports repo:, is:, label: (quoted) and created: qualifiers', async () => {
    const q = (query: string) => bot.rest.search.issuesAndPullRequests({ q: query, per_page: 100 }).then((r) => r.data)
    expect((await q('repo:acme/shop is:issue label:"sev 1"')).total_count).toBe(110)
    expect((await q('repo:acme/shop is:issue is:closed')).total_count).toBe(1)
    expect((await q('repo:acme/shop is:issue is:open label:incident created:>=2026-04-01')).total_count).toBe(1000)
    expect((await q('repo:acme/shop created:<2026-04-01')).total_count).toBe(100)
    expect((await q('label:incident elsewhere')).items.map((i) => i.title)).toEqual(['elsewhere'])
    expect((await q('repo:acme/shop is:pr')).total_count).toBe(0)
  })

  it('reports the full total but serves only the first 1,000 results, like GitHub', async () => {
    const first = await bot.rest.search.issuesAndPullRequests({ q: 'repo:acme/shop label:incident', per_page: 100 })
    expect(first.data.total_count).toBe(1100) // issue #1 lost its label above
    expect(first.headers['x-ratelimit-resource']).toBe('search')
    expect(first.headers.link).toMatch(/page=10>; rel="last"/)
    const all = await bot.paginate(bot.rest.search.issuesAndPullRequests, {
      q: 'repo:acme/shop label:incident',
      per_page: 100,
    })
    expect(all).toHaveLength(1000)
    await expect(
      bot.rest.search.issuesAndPullRequests({ q: 'repo:acme/shop label:incident', per_page: 100, page: 11 }),
    ).rejects.toMatchObject({ status: 422 })
  })
})

describe('repository dispatches', () => {
  it('records dispatches and rejects more than 10 client_payload keys', async () => {
    const res = await bot.rest.repos.createDispatchEvent({
      owner: 'acme',
      repo: 'shop',
      event_type: 'incident-sweep',
      client_payload: { incident: 1 },
    })
    expect(res.status).toBe(204)
    expect(emu.dispatches).toEqual([
      {
        repo,
        event_type: 'incident-sweep',
        client_payload: { incident: 1 },
        actor: 'github-actions[bot]',
        created_at: expect.any(String),
      },
    ])
    const big = Object.fromEntries(Array.from({ length: 11 }, (_, n) => [`k${n}`, n]))
    await expect(
      bot.rest.repos.createDispatchEvent({ owner: 'acme', repo: 'shop', event_type: 'x', client_payload: big }),
    ).rejects.toMatchObject({ status: 422 })
    expect(emu.dispatches).toHaveLength(1)
  })
})
