import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'

let emu: Emulator
let bot: Octokit

const log = { debug() {}, info() {}, warn() {}, error() {} }

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-01-01T00:00:00Z' })
  emu.addRepo('acme/big')
  emu.addRepo('acme/small')
  bot = new Octokit({ auth: emu.botToken, baseUrl: emu.url, log })
})
afterAll(() => emu.close())

type IssuesPage = {
  repository: {
    issues: {
      totalCount: number
      pageInfo: { hasNextPage: boolean; endCursor: string | null }
      nodes: { number: number; id: string }[]
    }
  }
}

describe('scale (benchmarks run up to 50,000 issues)', () => {
  // How fast (creating 50,000 issues, 50 deep GraphQL pages): `npm run bench -- --only=compute`, not a timed test.
  it('creates 50,000 issues and serves deep pages, REST and GraphQL, in order', async () => {
    for (let n = 0; n < 50_000; n++) {
      if (n % 50 === 0) emu.clock.advance(60_000)
      emu.createIssue('acme/big', {
        title: `alert ${n}`,
        user: 'alice',
        labels: n % 5 ? ['incident'] : ['incident', 'sev/1'],
      })
    }

    const first = await bot.rest.issues.listForRepo({ owner: 'acme', repo: 'big', per_page: 100 })
    expect(first.headers.link).toMatch(/page=500>; rel="last"/)
    const last = await bot.rest.issues.listForRepo({ owner: 'acme', repo: 'big', per_page: 100, page: 500 })
    expect(last.data.at(-1)?.number).toBe(1)

    // 50 consecutive GraphQL pages, each picking up where the last ended.
    let after: string | null = null
    const seen: number[] = []
    for (let p = 0; p < 50; p++) {
      const r: IssuesPage = await bot.graphql<IssuesPage>(
        `query Page($after: String) { repository(owner: "acme", name: "big") { issues(first: 100, after: $after, labels: ["sev/1"], states: OPEN) { totalCount pageInfo { hasNextPage endCursor } nodes { number id } } } }`,
        { after },
      )
      expect(r.repository.issues.totalCount).toBe(10_000)
      seen.push(...r.repository.issues.nodes.map((i) => i.number))
      after = r.repository.issues.pageInfo.endCursor
    }
    expect(new Set(seen).size).toBe(5_000)
    expect(seen.every((n) => (n - 1) % 5 === 0)).toBe(true)
  })

  it('cursors survive items leaving the filter mid-pagination (a sweep that closes as it goes)', async () => {
    for (let n = 0; n < 250; n++) emu.createIssue('acme/small', { title: `old ${n}`, user: 'alice' })
    const closed: number[] = []
    let after: string | null = null
    do {
      const r: IssuesPage = await bot.graphql<IssuesPage>(
        `query Sweep($after: String) { repository(owner: "acme", name: "small") { issues(first: 40, after: $after, states: OPEN) { totalCount pageInfo { hasNextPage endCursor } nodes { number id } } } }`,
        { after },
      )
      for (const i of r.repository.issues.nodes) {
        await bot.graphql(`mutation Close($id: ID!) { closeIssue(input: {issueId: $id}) { clientMutationId } }`, {
          id: i.id,
        })
        closed.push(i.number)
      }
      after = r.repository.issues.pageInfo.hasNextPage ? r.repository.issues.pageInfo.endCursor : null
    } while (after)
    // Offset cursors would skip a page's worth of issues here; key cursors skip none.
    expect(closed).toEqual(Array.from({ length: 250 }, (_, n) => n + 1))
    expect(emu.listIssues('acme/small').every((i) => i.state === 'closed')).toBe(true)
  })
})
