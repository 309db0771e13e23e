import type { getOctokit } from '@actions/github'
import type { BoardSnapshot, FieldType, FieldUpdate } from '../domain/board.js'
import { toApiError } from './octokit.js'

type Octokit = ReturnType<typeof getOctokit>

/** Projects (v2) through GraphQL, with the project token (GITHUB_TOKEN cannot reach Projects v2). */
export interface BoardPort {
  /** The project's fields and this issue's item on it; null when the project does not exist or is not visible. */
  read(owner: string, number: number, issueNodeId: string, fieldNames: string[]): Promise<BoardSnapshot | null>
  /** Adds the issue; GitHub returns the existing item when it is already there. */
  addItem(projectId: string, contentId: string): Promise<string>
  /** Sets several fields in one request. */
  setFields(projectId: string, itemId: string, updates: FieldUpdate[]): Promise<void>
}

const READ = (n: number): string => `
  query ProjectBoard($owner: String!, $number: Int!, $issue: ID!, ${Array.from({ length: n }, (_, i) => `$f${i}: String!`).join(', ')}) {
    repositoryOwner(login: $owner) {
      ... on ProjectV2Owner {
        projectV2(number: $number) {
          id
          fields(first: 50) {
            nodes {
              ... on ProjectV2Field { id name dataType }
              ... on ProjectV2SingleSelectField { id name dataType options { id name } }
              ... on ProjectV2IterationField { id name dataType }
            }
          }
        }
      }
    }
    node(id: $issue) {
      ... on Issue {
        projectItems(first: 50) {
          nodes {
            id
            project { id }
            ${Array.from(
              { length: n },
              (_, i) => `v${i}: fieldValueByName(name: $f${i}) {
              ... on ProjectV2ItemFieldSingleSelectValue { name }
              ... on ProjectV2ItemFieldDateValue { date }
              ... on ProjectV2ItemFieldTextValue { text }
              ... on ProjectV2ItemFieldNumberValue { number }
            }`,
            ).join('\n')}
          }
        }
      }
    }
  }
`

type FieldNode = { id?: string; name?: string; dataType?: string; options?: { id: string; name: string }[] }
type Value = { name?: string; date?: string; text?: string; number?: number } | null
type ReadResult = {
  repositoryOwner: { projectV2?: { id: string; fields: { nodes: FieldNode[] } } | null } | null
  node: {
    projectItems?: { nodes: ({ id: string; project: { id: string } } & Record<string, Value | unknown>)[] }
  } | null
}

export class OctokitBoardPort implements BoardPort {
  constructor(private readonly octokit: Octokit) {}

  async read(owner: string, number: number, issueNodeId: string, fieldNames: string[]): Promise<BoardSnapshot | null> {
    const vars: Record<string, unknown> = { owner, number, issue: issueNodeId }
    fieldNames.forEach((f, i) => (vars[`f${i}`] = f))
    let res: ReadResult
    try {
      res = await this.octokit.graphql<ReadResult>(READ(fieldNames.length), vars)
    } catch (error: unknown) {
      // GitHub answers NOT_FOUND for a project that does not exist or that the token cannot see.
      const data = (error as { data?: ReadResult }).data
      if (data && /Could not resolve|NOT_FOUND/i.test(String((error as Error).message))) res = data
      else throw toApiError(error, 'query ProjectBoard')
    }
    const project = res.repositoryOwner?.projectV2
    if (!project) return null
    const fields: BoardSnapshot['fields'] = {}
    for (const f of project.fields.nodes) {
      if (!f.id || !f.name) continue
      const type = (
        ['SINGLE_SELECT', 'DATE', 'TEXT', 'NUMBER'].includes(f.dataType ?? '') ? f.dataType : 'OTHER'
      ) as FieldType
      fields[f.name] = {
        id: f.id,
        type,
        ...(f.options ? { options: Object.fromEntries(f.options.map((o) => [o.name, o.id])) } : {}),
      }
    }
    const node = res.node?.projectItems?.nodes.find((n) => n.project.id === project.id)
    const item = node
      ? {
          id: node.id,
          values: Object.fromEntries(
            fieldNames.map((name, i) => {
              const v = node[`v${i}`] as Value
              return [
                name,
                v
                  ? (v.name ?? v.date?.slice(0, 10) ?? v.text ?? (v.number !== undefined ? String(v.number) : null))
                  : null,
              ]
            }),
          ),
        }
      : null
    return { projectId: project.id, fields, item }
  }

  async addItem(projectId: string, contentId: string): Promise<string> {
    try {
      const res = await this.octokit.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(
        `mutation AddIncidentToBoard($project: ID!, $content: ID!) { addProjectV2ItemById(input: { projectId: $project, contentId: $content }) { item { id } } }`,
        { project: projectId, content: contentId },
      )
      return res.addProjectV2ItemById.item.id
    } catch (error: unknown) {
      throw toApiError(error, 'mutation AddIncidentToBoard')
    }
  }

  async setFields(projectId: string, itemId: string, updates: FieldUpdate[]): Promise<void> {
    if (updates.length === 0) return
    const vars: Record<string, unknown> = { project: projectId, item: itemId }
    const ops = updates.map((u, i) => {
      vars[`field${i}`] = u.fieldId
      if (u.value === null)
        return `u${i}: clearProjectV2ItemFieldValue(input: { projectId: $project, itemId: $item, fieldId: $field${i} }) { projectV2Item { id } }`
      vars[`value${i}`] =
        u.type === 'SINGLE_SELECT'
          ? { singleSelectOptionId: u.value }
          : u.type === 'DATE'
            ? { date: u.value }
            : u.type === 'NUMBER'
              ? { number: Number(u.value) }
              : { text: u.value }
      return `u${i}: updateProjectV2ItemFieldValue(input: { projectId: $project, itemId: $item, fieldId: $field${i}, value: $value${i} }) { projectV2Item { id } }`
    })
    const params = updates
      .map((u, i) => `$field${i}: ID!${u.value === null ? '' : `, $value${i}: ProjectV2FieldValue!`}`)
      .join(', ')
    try {
      await this.octokit.graphql(
        `mutation SetIncidentFields($project: ID!, $item: ID!, ${params}) {\n${ops.join('\n')}\n}`,
        vars,
      )
    } catch (error: unknown) {
      throw toApiError(error, 'mutation SetIncidentFields')
    }
  }
}
