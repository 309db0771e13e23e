// The GraphQL half of the emulator. Queries are parsed and validated against GitHub's real
// published schema (@octokit/graphql-schema), so a query GitHub would reject fails here too;
// then they execute with graphql-js over thin wrapper objects around the shared state.
//
// Wrapper classes expose GraphQL fields as getters or methods (graphql-js' default resolver
// calls a method with (args, context)). A field a wrapper does not define fails loudly with
// "emulator does not implement Type.field" instead of quietly returning null.

import {
  buildSchema,
  execute,
  getNamedType,
  getOperationAST,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'
import { readFileSync } from 'node:fs'
import {
  ApiError,
  DEFAULT_BRANCH,
  atLeast,
  compareKeys,
  gitBlobSha,
  issueSortKey,
  type Account,
  type Comment,
  type Entity,
  type ErrorDetail,
  type FieldValue,
  type Issue,
  type IssueEvent,
  type IssueFilter,
  type Label,
  type Permission,
  type Project,
  type ProjectField,
  type ProjectItem,
  type Repo,
  type SortKey,
  type State,
} from './state.js'
import type { Shapes } from './rest-shapes.js'
import { repoDeployments, repoPullRequests, repoReleases, type ChangesKit } from './graphql-changes.js'

const MAX_PAGE = 100

let cachedSchema: GraphQLSchema | null = null

/**
 * Where GitHub's published SDL is: @octokit/graphql-schema's schema.graphql in a source checkout; in
 * the CLI bundle, the copy ncc emits next to it (only the SDL: the package's index would also load
 * its 4.8 MB schema.json, which nothing here uses).
 */
function schemaPath(): URL {
  return new URL('../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url)
}

/**
 * GitHub's schema, built once per process (it is big: ~300 ms).
 * assumeValidSDL: the published SDL repeats two EnterpriseOwnerInfo fields, which graphql-js'
 * SDL validation rejects; GitHub serves it fine, so we skip that check rather than edit it.
 */
export function githubGraphqlSchema(): GraphQLSchema {
  cachedSchema ??= buildSchema(readFileSync(schemaPath(), 'utf8'), { assumeValidSDL: true })
  return cachedSchema
}

export interface RateWindow {
  limit: number
  used: number
  resetAt: Date
}

export interface GqlContext {
  state: State
  shapes: Shapes
  viewer: Account
  cost: number
  nodeCount: number
  rate: () => RateWindow
}

interface JsonError {
  message: string
  locations?: readonly { line: number; column: number }[]
  path?: readonly (string | number)[]
  type?: string
  extensions?: Record<string, unknown>
}

export interface GraphqlResult {
  body: { data?: unknown; errors?: JsonError[] }
  operationName: string | null
  mutation: boolean
  cost: number
}

/** What the server needs before deciding on faults: the operation's name and kind. */
export interface PreparedGraphql {
  operationName: string | null
  mutation: boolean
  /** Content a mutation creates (issues, comments, pull requests): GitHub's 80/min and 500/h count them. */
  creates: number
  document: DocumentNode | null
  parseError: JsonError | null
}

/** Mutations that create content, as the REST routes the server counts do. */
const CREATING_MUTATIONS = new Set(['createIssue', 'addComment', 'createPullRequest', 'createDiscussion'])

export function prepareGraphql(body: unknown): PreparedGraphql {
  const b = (body ?? {}) as { query?: unknown; operationName?: unknown }
  if (typeof b.query !== 'string') {
    return {
      operationName: null,
      mutation: false,
      creates: 0,
      document: null,
      parseError: { message: 'A query attribute must be specified and must be a string.' },
    }
  }
  let document: DocumentNode
  try {
    document = parse(b.query)
  } catch (e) {
    const err = e instanceof GraphQLError ? e : new GraphQLError(String(e))
    return {
      operationName: null,
      mutation: false,
      creates: 0,
      document: null,
      parseError: { message: err.message, ...(err.locations ? { locations: err.locations } : {}) },
    }
  }
  const opName = typeof b.operationName === 'string' ? b.operationName : undefined
  const op = getOperationAST(document, opName)
  const creates =
    op?.operation === 'mutation'
      ? op.selectionSet.selections.filter((f) => f.kind === Kind.FIELD && CREATING_MUTATIONS.has(f.name.value)).length
      : 0
  return {
    operationName: op?.name?.value ?? opName ?? null,
    mutation: op?.operation === 'mutation',
    creates,
    document,
    parseError: null,
  }
}

/** Validate, analyse (pagination limits, cost) and execute a prepared GraphQL request. */
export function runGraphql(
  prepared: PreparedGraphql,
  body: unknown,
  ctx: Omit<GqlContext, 'cost' | 'nodeCount'>,
  charge: (cost: number) => void,
): GraphqlResult {
  const { operationName, mutation } = prepared
  const fail = (errors: JsonError[], cost = 1): GraphqlResult => {
    charge(cost)
    return { body: { errors }, operationName, mutation, cost }
  }
  if (!prepared.document) return fail([prepared.parseError ?? { message: 'Invalid query' }])
  const schema = githubGraphqlSchema()
  const document = prepared.document
  const validationErrors = validate(schema, document)
  if (validationErrors.length) return fail(validationErrors.map(githubValidationError))
  const b = body as { variables?: unknown; operationName?: unknown }
  const variables = (b.variables && typeof b.variables === 'object' ? b.variables : {}) as Record<string, unknown>
  const op = getOperationAST(document, typeof b.operationName === 'string' ? b.operationName : undefined)
  if (!op) return fail([{ message: 'An operation name is required when the document has more than one operation.' }])
  const analysis = analyse(schema, document, op, variables)
  if (analysis.errors.length) return fail(analysis.errors)
  charge(analysis.cost)
  const context: GqlContext = { ...ctx, cost: analysis.cost, nodeCount: analysis.nodeCount }
  const result = execute({
    schema,
    document,
    rootValue: op.operation === 'mutation' ? new MutationRoot() : new QueryRoot(),
    contextValue: context,
    variableValues: variables,
    operationName: op.name?.value,
    fieldResolver,
  })
  if (result instanceof Promise) throw new Error('emulator: resolvers must be synchronous')
  const out: GraphqlResult['body'] = {}
  if (result.data !== undefined) out.data = result.data
  if (result.errors?.length) out.errors = result.errors.map(executionError)
  return { body: out, operationName, mutation, cost: analysis.cost }
}

// ---------- errors ----------

/** Rewords graphql-js validation messages into GitHub's wording for the common cases. */
function githubValidationError(e: GraphQLError): JsonError {
  const base = { ...(e.locations ? { locations: e.locations } : {}) }
  let m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(e.message)
  if (m) {
    return {
      ...base,
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] },
    }
  }
  m = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(e.message)
  if (m) {
    return {
      ...base,
      message: `Field '${m[2]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: 'argumentNotAccepted', name: m[2], typeName: 'Field', argumentName: m[1] },
    }
  }
  return { ...base, message: e.message }
}

function executionError(e: GraphQLError): JsonError {
  const orig = e.originalError
  const out: JsonError = { message: e.message }
  if (orig instanceof ApiError) {
    out.type =
      orig.graphqlType ?? (orig.status === 404 ? 'NOT_FOUND' : orig.status === 403 ? 'FORBIDDEN' : 'UNPROCESSABLE')
    out.message = orig.errors?.length ? orig.errors.map(humanize).join(', ') : orig.message
  }
  if (e.path) out.path = e.path
  if (e.locations) out.locations = e.locations
  return out
}

/** REST-style field errors as GitHub's GraphQL words them: "Name has already been taken". */
function humanize(err: ErrorDetail): string {
  if (err.message) return err.message.charAt(0).toUpperCase() + err.message.slice(1)
  const name = err.field ?? err.resource
  const field = name.charAt(0).toUpperCase() + name.slice(1)
  if (err.code === 'already_exists') return `${field} has already been taken`
  if (err.code === 'missing_field') return `${field} can't be blank`
  return `${field} is invalid`
}

function notFound(message: string): ApiError {
  return new ApiError(404, message, undefined, 'NOT_FOUND')
}

function forbidden(viewer: Account, mutation: string): ApiError {
  return new ApiError(
    403,
    `${gqlLogin(viewer)} does not have the correct permissions to execute \`${mutation}\``,
    undefined,
    'FORBIDDEN',
  )
}

// ---------- static analysis: pagination limits and cost ----------

/**
 * Walks the operation like GitHub's query analyser: every connection must say `first` or
 * `last` (max 100), and the cost is the number of connection requests (each nested one
 * multiplied by its parents' page sizes) divided by 100, at least 1.
 */
function analyse(
  schema: GraphQLSchema,
  document: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
) {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  )
  const defaults = new Map(op.variableDefinitions?.map((v) => [v.variable.name.value, v.defaultValue] as const) ?? [])
  const errors: JsonError[] = []
  let requests = 0
  let nodeCount = 0

  const intArg = (field: FieldNode, name: string): number | null => {
    const arg = field.arguments?.find((a) => a.name.value === name)
    const value = (v: ValueNode | undefined): number | null => {
      if (!v) return null
      if (v.kind === Kind.INT) return Number(v.value)
      if (v.kind === Kind.VARIABLE) {
        const got = variables[v.name.value]
        if (typeof got === 'number') return got
        return got === undefined ? value(defaults.get(v.name.value)) : null
      }
      return null
    }
    return value(arg?.value)
  }

  const walk = (
    set: SelectionSetNode | undefined,
    parent: GraphQLNamedType,
    multiplier: number,
    path: string[],
  ): void => {
    if (!set) return
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent
        walk(sel.selectionSet, t ?? parent, multiplier, path)
        continue
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value)
        if (f) walk(f.selectionSet, schema.getType(f.typeCondition.name.value) ?? parent, multiplier, path)
        continue
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue
      const def = parent.getFields()[sel.name.value]
      if (!def) continue
      const type = getNamedType(def.type)
      const fieldPath = [...path, sel.alias?.value ?? sel.name.value]
      const paged = type.name.endsWith('Connection') && def.args.some((a) => a.name === 'first')
      if (!paged) {
        walk(sel.selectionSet, type, multiplier, fieldPath)
        continue
      }
      const first = intArg(sel, 'first')
      const last = intArg(sel, 'last')
      const loc = sel.loc ? [{ line: sel.loc.startToken.line, column: sel.loc.startToken.column }] : undefined
      if (first === null && last === null) {
        errors.push({
          type: 'MISSING_PAGINATION_BOUNDARIES',
          path: fieldPath,
          ...(loc ? { locations: loc } : {}),
          message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection.`,
        })
        continue
      }
      for (const [name, n] of [
        ['first', first],
        ['last', last],
      ] as const) {
        if (n !== null && (n > MAX_PAGE || n < 0))
          errors.push({
            type: 'EXCESSIVE_PAGINATION',
            path: fieldPath,
            ...(loc ? { locations: loc } : {}),
            message:
              n < 0
                ? `\`${name}\` on the \`${sel.name.value}\` connection cannot be less than zero.`
                : `Requesting ${n} records on the \`${sel.name.value}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
          })
      }
      const size = Math.max(first ?? 0, last ?? 0)
      requests += multiplier
      nodeCount += multiplier * size
      walk(sel.selectionSet, type, multiplier * size, fieldPath)
    }
  }
  const root = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType()
  if (root) walk(op.selectionSet, root, 1, [op.operation])
  return { errors, cost: Math.max(1, Math.round(requests / 100)), nodeCount }
}

// ---------- execution plumbing ----------

const fieldResolver: GraphQLFieldResolver<unknown, GqlContext> = (source, args, context, info) => {
  if (source === null || typeof source !== 'object') return null
  const name = info.fieldName
  if (!(name in source)) throw new Error(`emulator does not implement ${info.parentType.name}.${name}`)
  const value: unknown = (source as Record<string, unknown>)[name]
  return typeof value === 'function'
    ? (value as (a: unknown, c: GqlContext) => unknown).call(source, args, context)
    : value
}

interface PageArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString('base64')
}

function decodeCursor(cursor: string): SortKey {
  const text = Buffer.from(cursor, 'base64').toString('utf8')
  if (text.startsWith('cursor:v2:')) {
    try {
      const key: unknown = JSON.parse(text.slice('cursor:v2:'.length))
      if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key as SortKey
    } catch {
      // fall through to GitHub's error below
    }
  }
  throw new ApiError(422, `\`${cursor}\` does not appear to be a valid cursor.`, undefined, 'INVALID_CURSOR_ARGUMENTS')
}

/** First index whose item sorts after (or at, if `inclusive`) `key`; `all` must be sorted by keyOf/desc. */
function seek<T>(all: readonly T[], keyOf: (t: T) => SortKey, desc: boolean, key: SortKey, inclusive: boolean): number {
  let lo = 0
  let hi = all.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const c = (desc ? -1 : 1) * compareKeys(keyOf(all[mid] as T), key)
    if (c > 0 || (inclusive && c === 0)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * A Relay connection over a sorted list. Cursors carry the item's sort key, not its offset,
 * so paging stays correct while items are added or drop out of the filter (like GitHub).
 */
function connection<T>(
  all: readonly T[],
  args: PageArgs,
  keyOf: (t: T) => SortKey,
  desc: boolean,
  wrap: (t: T) => unknown,
) {
  let start = 0
  let end = all.length
  if (args.after) start = seek(all, keyOf, desc, decodeCursor(args.after), false)
  if (args.before) end = Math.max(start, seek(all, keyOf, desc, decodeCursor(args.before), true))
  if (typeof args.first === 'number') end = Math.min(end, start + args.first)
  if (typeof args.last === 'number') start = Math.max(start, end - args.last)
  const slice = all.slice(start, end)
  const edges = slice.map((t) => ({ cursor: encodeCursor(keyOf(t)), node: wrap(t) }))
  return {
    totalCount: all.length,
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  }
}

const byId = (t: { id: number }): SortKey => [t.id]

/**
 * GraphQL shows a bot author/actor as "github-actions", not REST's "github-actions[bot]" — a real
 * GitHub quirk (yet `viewer.login` of the same token is "github-actions[bot]"). Compare authors
 * with `viewerDidAuthor`, or normalise, never with a hard-coded login.
 */
function gqlLogin(a: Account): string {
  return a.type === 'Bot' ? a.login.replace(/\[bot\]$/, '') : a.login
}

function need(ctx: GqlContext, repo: Repo, p: Permission, mutation: string): void {
  if (!atLeast(ctx.state.permission(repo, ctx.viewer), p)) throw forbidden(ctx.viewer, mutation)
}

function enumOf<T extends string>(v: T | null): string | null {
  return v === null ? null : v.toUpperCase()
}

// ---------- wrappers ----------

class AccountNode {
  readonly __typename: 'User' | 'Bot' | 'Organization'
  constructor(
    readonly a: Account,
    private readonly ctx: GqlContext,
    /** `viewer` of an installation token answers "github-actions[bot]" (REST's login), unlike Bot.login. */
    private readonly asViewer = false,
  ) {
    this.__typename = a.type
  }
  get id() {
    return this.a.nodeId
  }
  get databaseId() {
    return this.a.id
  }
  get login() {
    return this.asViewer ? this.a.login : gqlLogin(this.a)
  }
  get name() {
    return null
  }
  get url() {
    return this.ctx.shapes.html(this.a.login)
  }
  get resourcePath() {
    return `/${this.a.login}`
  }
  avatarUrl() {
    return `${this.ctx.shapes.api('')}/avatars/u/${this.a.id}`
  }
  get createdAt() {
    return this.a.createdAt
  }
  get isViewer() {
    return this.a.id === this.ctx.viewer.id
  }
  /** The account's own repositories by name (the emulator has no archived, fork or issue-less ones: those filters match all). */
  repositories(args: PageArgs & { orderBy?: { field: string; direction: string } | null }) {
    const desc = args.orderBy?.direction === 'DESC'
    const list = [...this.ctx.state.repos.values()].filter((r) => r.owner.id === this.a.id)
    const keyOf = (r: Repo): SortKey => [r.name.toLowerCase(), r.id]
    list.sort((x, y) => (desc ? -1 : 1) * compareKeys(keyOf(x), keyOf(y)))
    return connection(list, args, keyOf, desc, (r) => new RepoNode(r, this.ctx))
  }
  projectV2(args: { number: number }) {
    const p = this.ctx.state.project(this.a.login, args.number)
    if (!p) throw notFound(`Could not resolve to a ProjectV2 with the number ${args.number}.`)
    return new ProjectNode(p, this.ctx)
  }
}

function account(a: Account | null | undefined, ctx: GqlContext): AccountNode | null {
  return a ? new AccountNode(a, ctx) : null
}

class RepoNode {
  readonly __typename = 'Repository'
  constructor(
    readonly r: Repo,
    private readonly ctx: GqlContext,
  ) {}
  get id() {
    return this.r.nodeId
  }
  get databaseId() {
    return this.r.id
  }
  get name() {
    return this.r.name
  }
  get nameWithOwner() {
    return this.r.fullName
  }
  get owner() {
    return account(this.r.owner, this.ctx)
  }
  get url() {
    return this.ctx.shapes.html(this.r.fullName)
  }
  get resourcePath() {
    return `/${this.r.fullName}`
  }
  get isPrivate() {
    return false
  }
  get isArchived() {
    return false
  }
  get visibility() {
    return 'PUBLIC'
  }
  get createdAt() {
    return this.r.createdAt
  }
  get defaultBranchRef() {
    const main = this.r.branches.get(DEFAULT_BRANCH)
    return {
      __typename: 'Ref',
      id: `${this.r.nodeId}:main`,
      name: DEFAULT_BRANCH,
      prefix: 'refs/heads/',
      target: main
        ? { __typename: 'Commit', id: `C_${main.sha}`, oid: main.sha, abbreviatedOid: main.sha.slice(0, 7) }
        : null,
    }
  }
  get viewerPermission() {
    const p = this.ctx.state.permission(this.r, this.ctx.viewer)
    // A public repository is readable by everyone.
    return p === 'none' ? 'READ' : p.toUpperCase()
  }
  /** `refs/heads/<name>` (or a bare branch name); null when there is no such branch. */
  ref(args: { qualifiedName: string }) {
    const name = args.qualifiedName.replace(/^refs\/heads\//, '')
    const b = this.r.branches.get(name)
    if (!b) return null
    return {
      __typename: 'Ref',
      id: `${this.r.nodeId}:${name}`,
      name,
      prefix: 'refs/heads/',
      target: { __typename: 'Commit', id: `C_${b.sha}`, oid: b.sha, abbreviatedOid: b.sha.slice(0, 7) },
    }
  }
  /** `HEAD:path`, `<branch>:path` or `<head sha>:path`; null for a ref or path that does not exist. */
  object(args: { expression?: string | null; oid?: string | null }) {
    const m = /^([^:]*):(.+)$/.exec(args.expression ?? '')
    if (!m?.[2]) return null
    const ref = (m[1] ?? '').replace(/^refs\/heads\//, '')
    const files =
      !ref || ref === 'HEAD' ? this.r.files : (this.r.branches.get(ref) ?? this.ctx.state.branchAt(this.r, ref))?.files
    if (!files) return null
    const path = m[2].replace(/^\/+/, '')
    const text = files.get(path)
    if (text === undefined) return null
    return new BlobNode(this.r, path, text, this.ctx)
  }
  issue(args: { number: number }) {
    // A pull request's number is not an issue's: GitHub answers the same "Could not resolve".
    const i = this.r.issueByNumber.get(args.number)
    if (!i) throw notFound(`Could not resolve to an Issue with the number of ${args.number}.`)
    return new IssueNode(i, this.ctx)
  }
  issues(
    args: PageArgs & {
      states?: string[] | null
      labels?: string[] | null
      orderBy?: { field: string; direction: string } | null
      filterBy?: {
        since?: string | null
        labels?: string[] | null
        states?: string[] | null
        assignee?: string | null
        createdBy?: string | null
      } | null
    },
  ) {
    const states = args.states ?? args.filterBy?.states ?? null
    const state: IssueFilter['state'] =
      !states || states.length !== 1 ? 'all' : states[0] === 'OPEN' ? 'open' : 'closed'
    const sort =
      args.orderBy?.field === 'UPDATED_AT' ? 'updated' : args.orderBy?.field === 'COMMENTS' ? 'comments' : 'created'
    const desc = args.orderBy?.direction === 'DESC'
    const list = this.ctx.state.listIssues(this.r, {
      state,
      sort,
      direction: desc ? 'desc' : 'asc',
      since: args.filterBy?.since ?? undefined,
      creator: args.filterBy?.createdBy ?? undefined,
      assignee: args.filterBy?.assignee ?? undefined,
      // GraphQL label filters match ANY of the labels (REST's `labels=` needs ALL of them).
      anyLabels: [...(args.labels ?? []), ...(args.filterBy?.labels ?? [])],
    })
    return connection(list, args, issueSortKey(sort), desc, (i) => new IssueNode(i, this.ctx))
  }
  labels(args: PageArgs & { query?: string | null; orderBy?: { field: string; direction: string } | null }) {
    let list = [...this.r.labels.values()]
    const q = args.query?.toLowerCase()
    if (q)
      list = list.filter((l) => l.name.toLowerCase().includes(q) || (l.description ?? '').toLowerCase().includes(q))
    return labelConnection(list, args, this.ctx)
  }
  label(args: { name: string }) {
    const l = this.r.labels.get(args.name.toLowerCase())
    return l ? new LabelNode(l, this.ctx) : null
  }
  pullRequests(args: Parameters<typeof repoPullRequests>[1]) {
    return repoPullRequests(this.r, args, changesKit(this.ctx))
  }
  deployments(args: Parameters<typeof repoDeployments>[1]) {
    return repoDeployments(this.r, args, changesKit(this.ctx))
  }
  releases(args: Parameters<typeof repoReleases>[1]) {
    return repoReleases(this.r, args, changesKit(this.ctx))
  }
}

/** What the changes' GraphQL (graphql-changes.ts) borrows from here. */
function changesKit(ctx: GqlContext): ChangesKit {
  return {
    connection,
    account: (a) => account(a, ctx),
    label: (repo, name) => {
      const l = repo.labels.get(name.toLowerCase())
      return l ? new LabelNode(l, ctx) : null
    },
    html: (path) => ctx.shapes.html(path),
  }
}

function labelConnection(
  list: Label[],
  args: PageArgs & { orderBy?: { field: string; direction: string } | null },
  ctx: GqlContext,
) {
  const byName = args.orderBy?.field === 'NAME'
  const desc = args.orderBy?.direction === 'DESC'
  const keyOf = byName ? (l: Label): SortKey => [l.name.toLowerCase(), l.id] : byId
  const sorted = [...list].sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)))
  return connection(sorted, args, keyOf, desc, (l) => new LabelNode(l, ctx))
}

class BlobNode {
  readonly __typename = 'Blob'
  constructor(
    private readonly r: Repo,
    private readonly path: string,
    readonly text: string,
    private readonly ctx: GqlContext,
  ) {}
  get id() {
    return `B_${Buffer.from(`${this.r.fullName}:${this.path}`).toString('base64url')}`
  }
  get byteSize() {
    return Buffer.byteLength(this.text, 'utf8')
  }
  get isBinary() {
    return false
  }
  get isTruncated() {
    return false
  }
  /** The git blob sha, the same as the contents API's `sha` for this file. */
  get oid() {
    return gitBlobSha(this.text)
  }
  get abbreviatedOid() {
    return this.oid.slice(0, 7)
  }
  get repository() {
    return new RepoNode(this.r, this.ctx)
  }
}

class LabelNode {
  readonly __typename = 'Label'
  constructor(
    readonly l: Label,
    private readonly ctx: GqlContext,
  ) {}
  get id() {
    return this.l.nodeId
  }
  get name() {
    return this.l.name
  }
  get color() {
    return this.l.color
  }
  get description() {
    return this.l.description
  }
  get isDefault() {
    return false
  }
  get createdAt() {
    return this.l.createdAt
  }
  get updatedAt() {
    return this.l.updatedAt
  }
  get url() {
    return this.ctx.shapes.html(`${this.l.repo.fullName}/labels/${encodeURIComponent(this.l.name)}`)
  }
  get resourcePath() {
    return `/${this.l.repo.fullName}/labels/${encodeURIComponent(this.l.name)}`
  }
  get repository() {
    return new RepoNode(this.l.repo, this.ctx)
  }
}

const TIMELINE_TYPE: Record<IssueEvent['kind'], string> = {
  labeled: 'LABELED_EVENT',
  unlabeled: 'UNLABELED_EVENT',
  closed: 'CLOSED_EVENT',
  reopened: 'REOPENED_EVENT',
  assigned: 'ASSIGNED_EVENT',
  unassigned: 'UNASSIGNED_EVENT',
  commented: 'ISSUE_COMMENT',
}

class IssueNode {
  readonly __typename = 'Issue'
  constructor(
    readonly i: Issue,
    private readonly ctx: GqlContext,
  ) {}
  get id() {
    return this.i.nodeId
  }
  get databaseId() {
    return this.i.id
  }
  get fullDatabaseId() {
    return String(this.i.id)
  }
  get number() {
    return this.i.number
  }
  get title() {
    return this.i.title
  }
  get body() {
    return this.i.body ?? ''
  }
  get bodyText() {
    return this.i.body ?? ''
  }
  get state() {
    return this.i.state.toUpperCase()
  }
  stateReason(args: { enableDuplicate?: boolean | null }) {
    // Without enableDuplicate GitHub reports a duplicate as NOT_PLANNED.
    if (this.i.stateReason === 'duplicate' && !args.enableDuplicate) return 'NOT_PLANNED'
    return enumOf(this.i.stateReason)
  }
  get closed() {
    return this.i.state === 'closed'
  }
  get locked() {
    return false
  }
  get createdAt() {
    return this.i.createdAt
  }
  get updatedAt() {
    return this.i.updatedAt
  }
  get closedAt() {
    return this.i.closedAt
  }
  get url() {
    return this.ctx.shapes.html(`${this.i.repo.fullName}/issues/${this.i.number}`)
  }
  get resourcePath() {
    return `/${this.i.repo.fullName}/issues/${this.i.number}`
  }
  get author() {
    return account(this.i.author, this.ctx)
  }
  get viewerDidAuthor() {
    return this.i.author.id === this.ctx.viewer.id
  }
  get repository() {
    return new RepoNode(this.i.repo, this.ctx)
  }
  assignees(args: PageArgs) {
    return connection(this.i.assignees, args, byId, false, (a) => new AccountNode(a, this.ctx))
  }
  labels(args: PageArgs & { orderBy?: { field: string; direction: string } | null }) {
    return labelConnection(this.i.labels, args, this.ctx)
  }
  comments(args: PageArgs) {
    return connection(this.i.comments, args, byId, false, (c) => new CommentNode(c, this.ctx))
  }
  timelineItems(args: PageArgs & { itemTypes?: string[] | null; since?: string | null }) {
    const types = args.itemTypes?.length ? new Set(args.itemTypes) : null
    const since = args.since ? Date.parse(args.since) : null
    const list = this.i.events.filter(
      (e) => (!types || types.has(TIMELINE_TYPE[e.kind])) && (since === null || Date.parse(e.createdAt) >= since),
    )
    const conn = connection(list, args, byId, false, (e) => timelineItem(e, this.i, this.ctx))
    return { ...conn, filteredCount: list.length, pageCount: conn.nodes.length, updatedAt: this.i.updatedAt }
  }
  projectItems(args: PageArgs & { includeArchived?: boolean | null }) {
    return connection(this.i.projectItems, args, byId, false, (it) => new ItemNode(it, this.ctx))
  }
}

class CommentNode {
  readonly __typename = 'IssueComment'
  constructor(
    readonly c: Comment,
    private readonly ctx: GqlContext,
  ) {}
  get id() {
    return this.c.nodeId
  }
  get databaseId() {
    return this.c.id
  }
  get fullDatabaseId() {
    return String(this.c.id)
  }
  get body() {
    return this.c.body
  }
  get bodyText() {
    return this.c.body
  }
  get createdAt() {
    return this.c.createdAt
  }
  get updatedAt() {
    return this.c.updatedAt
  }
  get lastEditedAt() {
    return this.c.updatedAt === this.c.createdAt ? null : this.c.updatedAt
  }
  get url() {
    return this.ctx.shapes.html(`${this.c.issue.repo.fullName}/issues/${this.c.issue.number}#issuecomment-${this.c.id}`)
  }
  get author() {
    return account(this.c.author, this.ctx)
  }
  get viewerDidAuthor() {
    return this.c.author.id === this.ctx.viewer.id
  }
  get isMinimized() {
    return false
  }
  get issue() {
    return new IssueNode(this.c.issue, this.ctx)
  }
}

const EVENT_TYPENAME: Record<Exclude<IssueEvent['kind'], 'commented'>, string> = {
  labeled: 'LabeledEvent',
  unlabeled: 'UnlabeledEvent',
  closed: 'ClosedEvent',
  reopened: 'ReopenedEvent',
  assigned: 'AssignedEvent',
  unassigned: 'UnassignedEvent',
}

function timelineItem(e: IssueEvent, issue: Issue, ctx: GqlContext): unknown {
  if (e.kind === 'commented') {
    if (!e.comment) throw new Error('emulator: commented event without comment')
    return new CommentNode(e.comment, ctx)
  }
  const subject = new IssueNode(issue, ctx)
  const url = ctx.shapes.html(`${issue.repo.fullName}/issues/${issue.number}#event-${e.id}`)
  return {
    __typename: EVENT_TYPENAME[e.kind],
    id: e.nodeId,
    actor: account(e.actor, ctx),
    createdAt: e.createdAt,
    url,
    resourcePath: `/${issue.repo.fullName}/issues/${issue.number}#event-${e.id}`,
    ...(e.label ? { label: new LabelNode(e.label, ctx), labelable: subject } : {}),
    ...(e.kind === 'closed' || e.kind === 'reopened'
      ? { closable: subject, closer: null, stateReason: enumOf(e.stateReason ?? null) }
      : {}),
    ...(e.assignee
      ? {
          assignee: account(e.assignee, ctx),
          assignable: subject,
          user: e.assignee.type === 'User' ? account(e.assignee, ctx) : null,
        }
      : {}),
  }
}

class ProjectNode {
  readonly __typename = 'ProjectV2'
  constructor(
    readonly p: Project,
    private readonly ctx: GqlContext,
  ) {}
  get id() {
    return this.p.nodeId
  }
  get databaseId() {
    return this.p.id
  }
  get fullDatabaseId() {
    return String(this.p.id)
  }
  get number() {
    return this.p.number
  }
  get title() {
    return this.p.title
  }
  get shortDescription() {
    return null
  }
  get closed() {
    return false
  }
  get public() {
    return false
  }
  get createdAt() {
    return this.p.createdAt
  }
  get updatedAt() {
    return this.p.updatedAt
  }
  get url() {
    const kind = this.p.owner.type === 'Organization' ? 'orgs' : 'users'
    return this.ctx.shapes.html(`${kind}/${this.p.owner.login}/projects/${this.p.number}`)
  }
  get resourcePath() {
    return `/${this.p.owner.type === 'Organization' ? 'orgs' : 'users'}/${this.p.owner.login}/projects/${this.p.number}`
  }
  get owner() {
    return account(this.p.owner, this.ctx)
  }
  fields(args: PageArgs) {
    return connection(this.p.fields, args, byId, false, (f) => new ProjectFieldNode(f, this.ctx))
  }
  field(args: { name: string }) {
    const f = this.p.fields.find((x) => x.name === args.name)
    return f ? new ProjectFieldNode(f, this.ctx) : null
  }
  items(args: PageArgs) {
    return connection(this.p.items, args, byId, false, (it) => new ItemNode(it, this.ctx))
  }
}

class ProjectFieldNode {
  readonly __typename: 'ProjectV2SingleSelectField' | 'ProjectV2Field'
  constructor(
    readonly f: ProjectField,
    private readonly ctx: GqlContext,
  ) {
    this.__typename = f.dataType === 'SINGLE_SELECT' ? 'ProjectV2SingleSelectField' : 'ProjectV2Field'
    // Only single-select fields have `options` in the schema; define it only there.
    if (f.dataType === 'SINGLE_SELECT') {
      Object.defineProperty(this, 'options', {
        value: (args: { names?: string[] | null }) =>
          f.options
            .filter((o) => !args.names || args.names.includes(o.name))
            .map((o) => ({
              id: o.id,
              name: o.name,
              nameHTML: o.name,
              color: 'GRAY',
              description: '',
              descriptionHTML: '',
            })),
      })
    }
  }
  get id() {
    return this.f.nodeId
  }
  get databaseId() {
    return this.f.id
  }
  get name() {
    return this.f.name
  }
  get dataType() {
    return this.f.dataType
  }
  get createdAt() {
    return this.f.createdAt
  }
  get updatedAt() {
    return this.f.createdAt
  }
  get project() {
    return new ProjectNode(this.f.project, this.ctx)
  }
}

class ItemNode {
  readonly __typename = 'ProjectV2Item'
  constructor(
    readonly it: ProjectItem,
    private readonly ctx: GqlContext,
  ) {}
  get id() {
    return this.it.nodeId
  }
  get databaseId() {
    return this.it.id
  }
  get fullDatabaseId() {
    return String(this.it.id)
  }
  get type() {
    return 'ISSUE'
  }
  get isArchived() {
    return false
  }
  get createdAt() {
    return this.it.createdAt
  }
  get updatedAt() {
    return this.it.updatedAt
  }
  get creator() {
    return account(this.it.creator, this.ctx)
  }
  get content() {
    return new IssueNode(this.it.issue, this.ctx)
  }
  get project() {
    return new ProjectNode(this.it.project, this.ctx)
  }
  fieldValueByName(args: { name: string }) {
    const f = this.it.project.fields.find((x) => x.name === args.name)
    return f ? fieldValue(this.it, f, this.ctx) : null
  }
  fieldValues(args: PageArgs) {
    const set = this.it.project.fields.filter((f) => this.it.values.has(f.id))
    return connection(set, args, byId, false, (f) => fieldValue(this.it, f, this.ctx))
  }
}

function fieldValue(item: ProjectItem, field: ProjectField, ctx: GqlContext): unknown {
  const stored = item.values.get(field.id)
  if (!stored) return null
  const v = stored.value
  const common = {
    id: `PVTFV_${Buffer.from(`${item.id}:${field.id}`).toString('base64url')}`,
    databaseId: item.id * 1000 + (field.id % 1000),
    field: new ProjectFieldNode(field, ctx),
    item: new ItemNode(item, ctx),
    createdAt: stored.updatedAt,
    updatedAt: stored.updatedAt,
    creator: account(stored.creator, ctx),
  }
  switch (v.kind) {
    case 'SINGLE_SELECT': {
      const o = field.options.find((x) => x.id === v.optionId)
      return {
        ...common,
        __typename: 'ProjectV2ItemFieldSingleSelectValue',
        name: o?.name ?? null,
        nameHTML: o?.name ?? null,
        optionId: v.optionId,
        color: 'GRAY',
        description: null,
        descriptionHTML: null,
      }
    }
    case 'TEXT':
      return { ...common, __typename: 'ProjectV2ItemFieldTextValue', text: v.text }
    case 'DATE':
      return { ...common, __typename: 'ProjectV2ItemFieldDateValue', date: v.date }
    case 'NUMBER':
      return { ...common, __typename: 'ProjectV2ItemFieldNumberValue', number: v.number }
  }
}

function wrapEntity(id: string, ctx: GqlContext): unknown {
  const e = ctx.state.nodes.get(id)
  if (!e) throw notFound(`Could not resolve to a node with the global id of '${id}'`)
  switch (e.kind) {
    case 'Account':
      return new AccountNode(e.value, ctx)
    case 'Repository':
      return new RepoNode(e.value, ctx)
    case 'Issue':
      return new IssueNode(e.value, ctx)
    case 'IssueComment':
      return new CommentNode(e.value, ctx)
    case 'Label':
      return new LabelNode(e.value, ctx)
    case 'Event':
      return null
    case 'ProjectV2':
      return new ProjectNode(e.value, ctx)
    case 'ProjectV2Field':
      return new ProjectFieldNode(e.value, ctx)
    case 'ProjectV2Item':
      return new ItemNode(e.value, ctx)
  }
}

// ---------- roots ----------

class QueryRoot {
  repository(args: { owner: string; name: string }, ctx: GqlContext) {
    const r = ctx.state.repo(`${args.owner}/${args.name}`)
    if (!r) throw notFound(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`)
    return new RepoNode(r, ctx)
  }
  viewer(_args: unknown, ctx: GqlContext) {
    return new AccountNode(ctx.viewer, ctx, true)
  }
  node(args: { id: string }, ctx: GqlContext) {
    return wrapEntity(args.id, ctx)
  }
  nodes(args: { ids: string[] }, ctx: GqlContext) {
    return args.ids.map((id) => wrapEntity(id, ctx))
  }
  user(args: { login: string }, ctx: GqlContext) {
    const a = ctx.state.account(args.login)
    if (!a || a.type !== 'User') throw notFound(`Could not resolve to a User with the login of '${args.login}'.`)
    return new AccountNode(a, ctx)
  }
  organization(args: { login: string }, ctx: GqlContext) {
    const a = ctx.state.account(args.login)
    if (!a || a.type !== 'Organization')
      throw notFound(`Could not resolve to an Organization with the login of '${args.login}'.`)
    return new AccountNode(a, ctx)
  }
  repositoryOwner(args: { login: string }, ctx: GqlContext) {
    const a = ctx.state.account(args.login)
    return a && a.type !== 'Bot' ? new AccountNode(a, ctx) : null
  }
  rateLimit(_args: { dryRun?: boolean | null }, ctx: GqlContext) {
    const w = ctx.rate()
    return {
      cost: ctx.cost,
      limit: w.limit,
      nodeCount: ctx.nodeCount,
      remaining: Math.max(0, w.limit - w.used),
      used: w.used,
      resetAt: w.resetAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }
  }
}

/** The entity behind a node id, or GitHub's NOT_FOUND error when it is missing or of another kind. */
function entity(ctx: GqlContext, id: string, kind: Entity['kind'], what: string): unknown {
  const e = ctx.state.nodes.get(id)
  if (!e || e.kind !== kind) throw notFound(`Could not resolve to ${what} with the global id of '${id}'.`)
  return e.value
}

function issueById(ctx: GqlContext, id: string): Issue {
  return entity(ctx, id, 'Issue', 'Issue') as Issue
}

function labelsByIds(ctx: GqlContext, repo: Repo, ids: string[]): Label[] {
  return ids.map((id) => {
    const l = entity(ctx, id, 'Label', 'Label') as Label
    if (l.repo !== repo) throw notFound(`Could not resolve to Label with the global id of '${id}'.`)
    return l
  })
}

function canEditIssue(ctx: GqlContext, issue: Issue): boolean {
  return issue.author.id === ctx.viewer.id || atLeast(ctx.state.permission(issue.repo, ctx.viewer), 'triage')
}

type Input<T> = { input: T & { clientMutationId?: string | null } }

class MutationRoot {
  createLabel(
    { input }: Input<{ repositoryId: string; name: string; color: string; description?: string | null }>,
    ctx: GqlContext,
  ) {
    const repo = entity(ctx, input.repositoryId, 'Repository', 'Repository') as Repo
    need(ctx, repo, 'write', 'CreateLabel')
    const l = ctx.state.createLabel(repo, input.name, input.color, input.description ?? null)
    return { clientMutationId: input.clientMutationId ?? null, label: new LabelNode(l, ctx) }
  }

  updateLabel(
    { input }: Input<{ id: string; name?: string | null; color?: string | null; description?: string | null }>,
    ctx: GqlContext,
  ) {
    const l = entity(ctx, input.id, 'Label', 'Label') as Label
    need(ctx, l.repo, 'write', 'UpdateLabel')
    ctx.state.updateLabel(l, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.color ? { color: input.color } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    })
    return { clientMutationId: input.clientMutationId ?? null, label: new LabelNode(l, ctx) }
  }

  createIssue(
    {
      input,
    }: Input<{
      repositoryId: string
      title: string
      body?: string | null
      labelIds?: string[] | null
      assigneeIds?: string[] | null
    }>,
    ctx: GqlContext,
  ) {
    const repo = entity(ctx, input.repositoryId, 'Repository', 'Repository') as Repo
    const push = atLeast(ctx.state.permission(repo, ctx.viewer), 'write')
    const labels = push ? labelsByIds(ctx, repo, input.labelIds ?? []).map((l) => l.name) : []
    const assignees = push
      ? (input.assigneeIds ?? []).map((id) => (entity(ctx, id, 'Account', 'User') as Account).login)
      : []
    const i = ctx.state.createIssue(repo, ctx.viewer, {
      title: input.title,
      body: input.body ?? null,
      labels,
      assignees,
    })
    return { clientMutationId: input.clientMutationId ?? null, issue: new IssueNode(i, ctx) }
  }

  updateIssue(
    {
      input,
    }: Input<{
      id: string
      title?: string | null
      body?: string | null
      state?: string | null
      labelIds?: string[] | null
      assigneeIds?: string[] | null
    }>,
    ctx: GqlContext,
  ) {
    const issue = issueById(ctx, input.id)
    if (!canEditIssue(ctx, issue)) throw forbidden(ctx.viewer, 'UpdateIssue')
    const labels = input.labelIds ? labelsByIds(ctx, issue.repo, input.labelIds) : null
    if (labels)
      ctx.state.checkLabels(
        issue.repo,
        issue,
        labels.map((l) => l.name),
        true,
      )
    ctx.state.updateIssue(issue, ctx.viewer, {
      ...(input.title ? { title: input.title } : {}),
      ...(input.body !== undefined && input.body !== null ? { body: input.body } : {}),
    })
    if (input.state) ctx.state.setState(issue, ctx.viewer, input.state === 'OPEN' ? 'open' : 'closed')
    if (labels)
      ctx.state.setLabels(
        issue,
        ctx.viewer,
        labels.map((l) => l.name),
      )
    if (input.assigneeIds)
      ctx.state.setAssignees(
        issue,
        ctx.viewer,
        input.assigneeIds.map((id) => (entity(ctx, id, 'Account', 'User') as Account).login),
      )
    return {
      clientMutationId: input.clientMutationId ?? null,
      actor: account(ctx.viewer, ctx),
      issue: new IssueNode(issue, ctx),
    }
  }

  /**
   * GitHub's `createCommitOnBranch`: the branch must exist and still point at `expectedHeadOid`
   * (else nothing is written), the contents are base64. (GitHub makes one commit of all the
   * changes; the emulator, which keeps no history, records one per file.)
   */
  createCommitOnBranch(
    {
      input,
    }: Input<{
      branch: { repositoryNameWithOwner?: string | null; branchName?: string | null; id?: string | null }
      expectedHeadOid: string
      message: { headline: string; body?: string | null }
      fileChanges?: {
        additions?: { path: string; contents: string }[] | null
        deletions?: { path: string }[] | null
      } | null
    }>,
    ctx: GqlContext,
  ) {
    const full = input.branch.repositoryNameWithOwner ?? ''
    const repo = ctx.state.repos.get(full.toLowerCase())
    if (!repo) throw notFound(`Could not resolve to a Repository with the name '${full}'.`)
    need(ctx, repo, 'write', 'CreateCommitOnBranch')
    const name = (input.branch.branchName ?? '').replace(/^refs\/heads\//, '')
    const branch = repo.branches.get(name)
    if (!branch) throw notFound(`A ref named "refs/heads/${name}" does not exist.`)
    if (branch.sha !== input.expectedHeadOid)
      throw new ApiError(
        409,
        `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
        undefined,
        'STALE_DATA',
      )
    const additions = input.fileChanges?.additions ?? []
    const decoded = additions.map((a) => {
      const text = Buffer.from(a.contents, 'base64').toString('utf8')
      if (Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '') !== a.contents.replace(/=+$/, ''))
        throw new ApiError(422, `The contents of ${a.path} are not valid Base64.`, undefined, 'UNPROCESSABLE')
      return { path: a.path.replace(/^\/+/, ''), text }
    })
    const message = [input.message.headline, input.message.body].filter(Boolean).join('\n\n')
    let commit: { sha: string } | null = null
    for (const d of input.fileChanges?.deletions ?? [])
      commit = ctx.state.writeFile(repo, branch, d.path, null, ctx.viewer, message)
    for (const a of decoded) commit = ctx.state.writeFile(repo, branch, a.path, a.text, ctx.viewer, message)
    const sha = commit?.sha ?? branch.sha
    return {
      clientMutationId: input.clientMutationId ?? null,
      commit: { __typename: 'Commit', id: `C_${sha}`, oid: sha, abbreviatedOid: sha.slice(0, 7) },
      ref: this.refOf(repo, name),
    }
  }

  private refOf(repo: Repo, name: string) {
    const b = repo.branches.get(name)!
    return {
      __typename: 'Ref',
      id: `${repo.nodeId}:${name}`,
      name,
      prefix: 'refs/heads/',
      target: { __typename: 'Commit', id: `C_${b.sha}`, oid: b.sha, abbreviatedOid: b.sha.slice(0, 7) },
    }
  }

  addComment({ input }: Input<{ subjectId: string; body: string }>, ctx: GqlContext) {
    const issue = issueById(ctx, input.subjectId)
    const c = ctx.state.createComment(issue, ctx.viewer, input.body)
    const node = new CommentNode(c, ctx)
    const cursor = encodeCursor([c.id])
    return {
      clientMutationId: input.clientMutationId ?? null,
      commentEdge: { cursor, node },
      subject: new IssueNode(issue, ctx),
      timelineEdge: { cursor, node },
    }
  }

  updateIssueComment({ input }: Input<{ id: string; body: string }>, ctx: GqlContext) {
    const c = entity(ctx, input.id, 'IssueComment', 'IssueComment') as Comment
    if (c.author.id !== ctx.viewer.id) need(ctx, c.issue.repo, 'write', 'UpdateIssueComment')
    ctx.state.updateComment(c, input.body)
    return { clientMutationId: input.clientMutationId ?? null, issueComment: new CommentNode(c, ctx) }
  }

  deleteIssueComment({ input }: Input<{ id: string }>, ctx: GqlContext) {
    const c = entity(ctx, input.id, 'IssueComment', 'IssueComment') as Comment
    if (c.author.id !== ctx.viewer.id) need(ctx, c.issue.repo, 'write', 'DeleteIssueComment')
    ctx.state.deleteComment(c)
    return { clientMutationId: input.clientMutationId ?? null }
  }

  addLabelsToLabelable({ input }: Input<{ labelableId: string; labelIds: string[] }>, ctx: GqlContext) {
    const issue = issueById(ctx, input.labelableId)
    need(ctx, issue.repo, 'triage', 'AddLabelsToLabelable')
    const labels = labelsByIds(ctx, issue.repo, input.labelIds)
    ctx.state.addLabels(
      issue,
      ctx.viewer,
      labels.map((l) => l.name),
    )
    return { clientMutationId: input.clientMutationId ?? null, labelable: new IssueNode(issue, ctx) }
  }

  removeLabelsFromLabelable({ input }: Input<{ labelableId: string; labelIds: string[] }>, ctx: GqlContext) {
    const issue = issueById(ctx, input.labelableId)
    need(ctx, issue.repo, 'triage', 'RemoveLabelsFromLabelable')
    for (const l of labelsByIds(ctx, issue.repo, input.labelIds)) ctx.state.removeLabel(issue, ctx.viewer, l)
    return { clientMutationId: input.clientMutationId ?? null, labelable: new IssueNode(issue, ctx) }
  }

  closeIssue({ input }: Input<{ issueId: string; stateReason?: string | null }>, ctx: GqlContext) {
    const issue = issueById(ctx, input.issueId)
    if (!canEditIssue(ctx, issue)) throw forbidden(ctx.viewer, 'CloseIssue')
    const reason = (input.stateReason?.toLowerCase() ?? 'completed') as Issue['stateReason']
    ctx.state.setState(issue, ctx.viewer, 'closed', reason)
    return { clientMutationId: input.clientMutationId ?? null, issue: new IssueNode(issue, ctx) }
  }

  reopenIssue({ input }: Input<{ issueId: string }>, ctx: GqlContext) {
    const issue = issueById(ctx, input.issueId)
    if (!canEditIssue(ctx, issue)) throw forbidden(ctx.viewer, 'ReopenIssue')
    ctx.state.setState(issue, ctx.viewer, 'open')
    return { clientMutationId: input.clientMutationId ?? null, issue: new IssueNode(issue, ctx) }
  }

  addProjectV2ItemById({ input }: Input<{ projectId: string; contentId: string }>, ctx: GqlContext) {
    const project = entity(ctx, input.projectId, 'ProjectV2', 'ProjectV2') as Project
    const content = ctx.state.nodes.get(input.contentId)
    if (!content || content.kind !== 'Issue')
      throw notFound(`Could not resolve to a node with the global id of '${input.contentId}'`)
    const item = ctx.state.addProjectItem(project, content.value, ctx.viewer)
    return { clientMutationId: input.clientMutationId ?? null, item: new ItemNode(item, ctx) }
  }

  updateProjectV2ItemFieldValue(
    {
      input,
    }: Input<{
      projectId: string
      itemId: string
      fieldId: string
      value: {
        text?: string | null
        number?: number | null
        date?: string | null
        singleSelectOptionId?: string | null
        iterationId?: string | null
      }
    }>,
    ctx: GqlContext,
  ) {
    const { item, field } = itemAndField(ctx, input)
    const v = input.value
    const given = Object.entries(v).filter(([, x]) => x !== null && x !== undefined)
    if (given.length !== 1)
      throw new ApiError(422, 'Exactly one value must be provided for the field.', undefined, 'UNPROCESSABLE')
    let value: FieldValue
    if (field.dataType === 'SINGLE_SELECT' && typeof v.singleSelectOptionId === 'string') {
      if (!field.options.some((o) => o.id === v.singleSelectOptionId))
        throw new ApiError(422, `The single select option Id does not belong to the field`, undefined, 'UNPROCESSABLE')
      value = { kind: 'SINGLE_SELECT', optionId: v.singleSelectOptionId }
    } else if (field.dataType === 'TEXT' && typeof v.text === 'string') {
      value = { kind: 'TEXT', text: v.text }
    } else if (field.dataType === 'NUMBER' && typeof v.number === 'number') {
      value = { kind: 'NUMBER', number: v.number }
    } else if (field.dataType === 'DATE' && typeof v.date === 'string' && !Number.isNaN(Date.parse(v.date))) {
      value = { kind: 'DATE', date: new Date(v.date).toISOString().slice(0, 10) }
    } else {
      throw new ApiError(
        422,
        `Did not receive a ${field.dataType.toLowerCase().replace('_', ' ')} value to update a field of type ${field.dataType.toLowerCase()}`,
        undefined,
        'UNPROCESSABLE',
      )
    }
    ctx.state.setProjectValue(item, field, value, ctx.viewer)
    return { clientMutationId: input.clientMutationId ?? null, projectV2Item: new ItemNode(item, ctx) }
  }

  clearProjectV2ItemFieldValue(
    { input }: Input<{ projectId: string; itemId: string; fieldId: string }>,
    ctx: GqlContext,
  ) {
    const { item, field } = itemAndField(ctx, input)
    ctx.state.setProjectValue(item, field, null, ctx.viewer)
    return { clientMutationId: input.clientMutationId ?? null, projectV2Item: new ItemNode(item, ctx) }
  }

  deleteProjectV2Item({ input }: Input<{ projectId: string; itemId: string }>, ctx: GqlContext) {
    const project = entity(ctx, input.projectId, 'ProjectV2', 'ProjectV2') as Project
    const item = entity(ctx, input.itemId, 'ProjectV2Item', 'ProjectV2Item') as ProjectItem
    if (item.project !== project)
      throw notFound(`Could not resolve to ProjectV2Item with the global id of '${input.itemId}'.`)
    project.items.splice(project.items.indexOf(item), 1)
    project.itemByIssue.delete(item.issue.id)
    item.issue.projectItems.splice(item.issue.projectItems.indexOf(item), 1)
    ctx.state.nodes.delete(item.nodeId)
    return { clientMutationId: input.clientMutationId ?? null, deletedItemId: item.nodeId }
  }
}

function itemAndField(ctx: GqlContext, input: { projectId: string; itemId: string; fieldId: string }) {
  const project = entity(ctx, input.projectId, 'ProjectV2', 'ProjectV2') as Project
  const item = entity(ctx, input.itemId, 'ProjectV2Item', 'ProjectV2Item') as ProjectItem
  const field = entity(ctx, input.fieldId, 'ProjectV2Field', 'ProjectV2Field') as ProjectField
  if (item.project !== project)
    throw notFound(`Could not resolve to ProjectV2Item with the global id of '${input.itemId}'.`)
  if (field.project !== project)
    throw notFound(`Could not resolve to ProjectV2Field with the global id of '${input.fieldId}'.`)
  return { item, field }
}
