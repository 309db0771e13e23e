import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator, type ProjectHandle } from '../../src/emulator/index.js'

const repo = 'acme/shop'
let emu: Emulator
let bot: Octokit
let project: ProjectHandle

const log = { debug() {}, info() {}, warn() {}, error() {} }

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-03-01T00:00:00Z' })
  emu.addRepo(repo, { owner_type: 'Organization' })
  emu.createIssue(repo, { title: 'Payments down', user: 'alice' })
  emu.createIssue(repo, { title: 'Search slow', user: 'alice' })
  project = emu.addProject('acme', {
    number: 7,
    title: 'Incidents',
    fields: [
      { name: 'Status', dataType: 'SINGLE_SELECT', options: ['Investigating', 'Mitigated', 'Resolved'] },
      { name: 'Started', dataType: 'DATE' },
      { name: 'Summary', dataType: 'TEXT' },
      { name: 'Minutes', dataType: 'NUMBER' },
    ],
  })
  bot = new Octokit({ auth: emu.botToken, baseUrl: emu.url, log })
})
afterAll(() => emu.close())

interface Field {
  __typename: string
  id: string
  name: string
  dataType: string
  options?: { id: string; name: string }[]
}

describe('Projects v2', () => {
  it('finds the project and its fields through organization(login).projectV2(number)', async () => {
    const r = await bot.graphql<{
      organization: {
        projectV2: { id: string; number: number; title: string; url: string; fields: { nodes: Field[] }; status: Field }
      }
    }>(
      `query Board($org: String!, $n: Int!) { organization(login: $org) { projectV2(number: $n) {
        id number title url
        fields(first: 20) { nodes {
          __typename
          ... on ProjectV2Field { id name dataType }
          ... on ProjectV2SingleSelectField { id name dataType options { id name } }
          ... on ProjectV2IterationField { id name dataType }
        } }
        status: field(name: "Status") { __typename ... on ProjectV2SingleSelectField { id name dataType options { id name } } }
      } } }`,
      { org: 'acme', n: 7 },
    )
    const p = r.organization.projectV2
    expect(p).toMatchObject({ id: project.id, number: 7, title: 'Incidents', url: `${emu.url}/orgs/acme/projects/7` })
    expect(p.fields.nodes.map((f) => [f.__typename, f.name, f.dataType])).toEqual([
      ['ProjectV2SingleSelectField', 'Status', 'SINGLE_SELECT'],
      ['ProjectV2Field', 'Started', 'DATE'],
      ['ProjectV2Field', 'Summary', 'TEXT'],
      ['ProjectV2Field', 'Minutes', 'NUMBER'],
    ])
    expect(p.status.options?.map((o) => o.name)).toEqual(['Investigating', 'Mitigated', 'Resolved'])
    expect(p.status.options?.[1]?.id).toBe(project.fields.Status?.options.Mitigated)
  })

  it('adding the same issue twice returns the same item', async () => {
    const issue = emu.getIssue(repo, 1)
    const add = `mutation Add($p: ID!, $c: ID!) { addProjectV2ItemById(input: {projectId: $p, contentId: $c}) { item { id content { ... on Issue { number } } } } }`
    type R = { addProjectV2ItemById: { item: { id: string; content: { number: number } } } }
    const a = await bot.graphql<R>(add, { p: project.id, c: issue.node_id })
    const b = await bot.graphql<R>(add, { p: project.id, c: issue.node_id })
    expect(b.addProjectV2ItemById.item.id).toBe(a.addProjectV2ItemById.item.id)
    expect(a.addProjectV2ItemById.item.content.number).toBe(1)
    expect(emu.projectItems('acme', 7)).toEqual([
      { issue: { repo, number: 1 }, fields: { Status: null, Started: null, Summary: null, Minutes: null } },
    ])
  })

  it('sets, reads back and clears field values of every kind', async () => {
    const issue = emu.getIssue(repo, 1)
    const { addProjectV2ItemById } = await bot.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(
      `mutation($p: ID!, $c: ID!) { addProjectV2ItemById(input: {projectId: $p, contentId: $c}) { item { id } } }`,
      { p: project.id, c: issue.node_id },
    )
    const itemId = addProjectV2ItemById.item.id
    const set = (field: string, value: Record<string, unknown>) =>
      bot.graphql(
        `mutation Set($p: ID!, $i: ID!, $f: ID!, $v: ProjectV2FieldValue!) { updateProjectV2ItemFieldValue(input: {projectId: $p, itemId: $i, fieldId: $f, value: $v}) { projectV2Item { id } } }`,
        { p: project.id, i: itemId, f: project.fields[field]?.id, v: value },
      )
    await set('Status', { singleSelectOptionId: project.fields.Status?.options.Mitigated })
    await set('Started', { date: '2026-03-01' })
    await set('Summary', { text: 'card outage' })
    await set('Minutes', { number: 42 })
    expect(emu.projectItems('acme', 7)[0]?.fields).toEqual({
      Status: 'Mitigated',
      Started: '2026-03-01',
      Summary: 'card outage',
      Minutes: '42',
    })

    const r = await bot.graphql<{
      repository: {
        issue: {
          projectItems: {
            nodes: {
              id: string
              project: { number: number }
              status: { name: string; optionId: string } | null
              started: { date: string } | null
              summary: { text: string } | null
            }[]
          }
        }
      }
    }>(
      `{ repository(owner: "acme", name: "shop") { issue(number: 1) { projectItems(first: 10) { nodes {
        id project { id number }
        status: fieldValueByName(name: "Status") { ... on ProjectV2ItemFieldSingleSelectValue { name optionId } }
        started: fieldValueByName(name: "Started") { ... on ProjectV2ItemFieldDateValue { date } }
        summary: fieldValueByName(name: "Summary") { ... on ProjectV2ItemFieldTextValue { text } }
      } } } } }`,
    )
    expect(r.repository.issue.projectItems.nodes).toEqual([
      {
        id: itemId,
        project: { id: project.id, number: 7 },
        status: { name: 'Mitigated', optionId: project.fields.Status?.options.Mitigated },
        started: { date: '2026-03-01' },
        summary: { text: 'card outage' },
      },
    ])

    await bot.graphql(
      `mutation($p: ID!, $i: ID!, $f: ID!) { clearProjectV2ItemFieldValue(input: {projectId: $p, itemId: $i, fieldId: $f}) { projectV2Item { id } } }`,
      {
        p: project.id,
        i: itemId,
        f: project.fields.Summary?.id,
      },
    )
    expect(emu.projectItems('acme', 7)[0]?.fields.Summary).toBeNull()

    // An option of another field, or a value of the wrong kind, is rejected and changes nothing.
    await expect(set('Status', { text: 'Resolved' })).rejects.toThrow()
    await expect(set('Status', { singleSelectOptionId: 'nope' })).rejects.toThrow(/single select option/)
    expect(emu.projectItems('acme', 7)[0]?.fields.Status).toBe('Mitigated')
  })

  it('lists project items with their content and values, page by page', async () => {
    const issue = emu.getIssue(repo, 2)
    await bot.graphql(
      `mutation($p: ID!, $c: ID!) { addProjectV2ItemById(input: {projectId: $p, contentId: $c}) { item { id } } }`,
      { p: project.id, c: issue.node_id },
    )
    type R = {
      node: {
        items: {
          pageInfo: { hasNextPage: boolean; endCursor: string }
          nodes: { content: { number: number }; fieldValueByName: { name: string } | null }[]
        }
      }
    }
    const q = `query($id: ID!, $after: String) { node(id: $id) { ... on ProjectV2 { items(first: 1, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { content { ... on Issue { number } } fieldValueByName(name: "Status") { ... on ProjectV2ItemFieldSingleSelectValue { name } } } } } } }`
    const one = await bot.graphql<R>(q, { id: project.id })
    expect(one.node.items.nodes).toEqual([{ content: { number: 1 }, fieldValueByName: { name: 'Mitigated' } }])
    const two = await bot.graphql<R>(q, { id: project.id, after: one.node.items.pageInfo.endCursor })
    expect(two.node.items.nodes).toEqual([{ content: { number: 2 }, fieldValueByName: null }])
    expect(two.node.items.pageInfo.hasNextPage).toBe(false)
  })

  it('answers NOT_FOUND for a project number that does not exist', async () => {
    await expect(bot.graphql(`{ organization(login: "acme") { projectV2(number: 99) { id } } }`)).rejects.toThrow(
      /Could not resolve to a ProjectV2 with the number 99/,
    )
    await expect(bot.graphql(`{ user(login: "acme") { projectV2(number: 7) { id } } }`)).rejects.toThrow(
      /Could not resolve to a User/,
    )
  })
})
