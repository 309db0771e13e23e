/**
 * Validates the repository's GitHub metadata: action.yml, the issue forms and the workflows.
 *
 *   npm run validate-repo            # from the repository root
 *
 * Prints one `file:line:col: message` line per problem and exits 1, or prints what it checked
 * and exits 0. The checks are pure functions over file text so that the unit tests can prove
 * each one fails on a bad fixture (test/unit/validate-repo.test.ts).
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
  type TemplateParseResult,
} from '@actions/workflow-parser'
import { getActionSchema, parseAction } from '@actions/workflow-parser/actions/index'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml'

/** One finding, positioned in its file (1-based line and column). */
export interface Problem {
  file: string
  line: number
  col: number
  message: string
}

/** `file:line:col: message`, the format editors and CI annotations understand. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`
}

// ---------------------------------------------------------------------------------------------
// YAML helpers: parse once with a LineCounter so every node can be reported at its position.

interface Parsed {
  doc: Document.Parsed
  lc: LineCounter
  text: string
}

type YamlMap = YAMLMap<unknown, unknown>

function parseYaml(text: string, file: string, problems: Problem[]): Parsed | undefined {
  const lc = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lc.linePos(e.pos[0])
      problems.push({ file, line, col, message: `YAML: ${e.message.split('\n')[0]}` })
    }
    return undefined
  }
  return { doc, lc, text }
}

function at(p: Parsed, node: unknown, file: string, message: string): Problem {
  const offset = nodeOffset(node)
  const { line, col } = p.lc.linePos(offset)
  return { file, line, col, message }
}

function nodeOffset(node: unknown): number {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range
    if (range) return range[0]
  }
  return 0
}

function asMap(node: unknown): YamlMap | undefined {
  return isMap(node) ? node : undefined
}

function keyOf(pair: Pair<unknown, unknown>): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
}

function getPair(map: YamlMap | undefined, key: string): Pair<unknown, unknown> | undefined {
  return map?.items.find((p) => keyOf(p) === key)
}

function getNode(map: YamlMap | undefined, key: string): unknown {
  return getPair(map, key)?.value
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined
}

function isNonEmptyString(node: unknown): boolean {
  const s = scalarString(node)
  return s !== undefined && s.trim() !== ''
}

// ---------------------------------------------------------------------------------------------
// action.yml

/** GitHub's action metadata keys (docs: "Metadata syntax for GitHub Actions"). */
const ACTION_TOP_LEVEL_KEYS = ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding']

/** Badge colors GitHub accepts for `branding.color`. */
export const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']

/** The Feather icons GitHub accepts for `branding.icon`, read from the schema the parser ships. */
export function brandingIcons(): string[] {
  const def = getActionSchema().definitions['branding-icon'] as unknown as { oneOf?: string[] } | undefined
  return (def?.oneOf ?? []).map((k) => k.replace(/^branding-icon-/, ''))
}

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

export interface ActionYamlOptions {
  /** Path used in the messages. Default `action.yml`. */
  file?: string
  /** Does a path (relative to the repository root) exist? Used for `runs.main`/`pre`/`post`. */
  exists?: (path: string) => boolean
  /** Source text of src/inputs.ts; every input it reads must be declared in action.yml. */
  inputsSource?: string
  /** Path of that source, for the messages. Default `src/inputs.ts`. */
  inputsFile?: string
}

/**
 * Validates action.yml: the schema that ships with @actions/workflow-parser, then our rules
 * (node24, entry point on disk, described kebab-case inputs, branding from GitHub's lists, and
 * every input read by src/inputs.ts declared).
 */
export function validateActionYaml(text: string, options: ActionYamlOptions = {}): Problem[] {
  const file = options.file ?? 'action.yml'
  const problems: Problem[] = []
  const p = parseYaml(text, file, problems)
  if (!p) return problems
  const root = asMap(p.doc.contents)
  if (!root) return [at(p, p.doc.contents, file, 'action metadata must be a mapping')]

  for (const pair of root.items) {
    const key = keyOf(pair)
    if (!ACTION_TOP_LEVEL_KEYS.includes(key)) {
      problems.push(
        at(p, pair.key, file, `unknown top-level key '${key}' (allowed: ${ACTION_TOP_LEVEL_KEYS.join(', ')})`),
      )
    }
  }
  for (const key of ['name', 'description']) {
    if (!isNonEmptyString(getNode(root, key))) {
      problems.push(at(p, getPair(root, key)?.key ?? root, file, `'${key}' is required and must be a non-empty string`))
    }
  }

  const runs = asMap(getNode(root, 'runs'))
  if (!runs) {
    problems.push(at(p, getPair(root, 'runs')?.key ?? root, file, "'runs' is required and must be a mapping"))
  } else {
    const using = getNode(runs, 'using')
    if (scalarString(using) !== 'node24') {
      problems.push(at(p, using ?? runs, file, `runs.using must be 'node24' (found '${scalarString(using) ?? ''}')`))
    }
    for (const key of ['main', 'pre', 'post']) {
      const node = getNode(runs, key)
      if (node === undefined && key !== 'main') continue
      const path = scalarString(node)
      if (!path) {
        problems.push(at(p, node ?? runs, file, `runs.${key} must be a path to the bundled entry point`))
      } else if (options.exists && !options.exists(path)) {
        problems.push(at(p, node, file, `runs.${key} '${path}' does not exist (run npm run bundle and commit dist/)`))
      }
    }
  }

  const declared = new Set<string>()
  const inputsNode = getNode(root, 'inputs')
  if (inputsNode !== undefined && inputsNode !== null && !(isScalar(inputsNode) && inputsNode.value === null)) {
    const inputs = asMap(inputsNode)
    if (!inputs) {
      problems.push(at(p, inputsNode, file, "'inputs' must be a mapping"))
    } else {
      for (const pair of inputs.items) {
        const name = keyOf(pair)
        declared.add(name)
        if (!KEBAB.test(name)) {
          problems.push(at(p, pair.key, file, `input '${name}' must be kebab-case (e.g. 'github-token')`))
        }
        const def = asMap(pair.value)
        if (!def || !isNonEmptyString(getNode(def, 'description'))) {
          problems.push(at(p, pair.key, file, `input '${name}' needs a description`))
        }
      }
    }
  }

  const outputs = asMap(getNode(root, 'outputs'))
  for (const pair of outputs?.items ?? []) {
    const def = asMap(pair.value)
    if (!def || !isNonEmptyString(getNode(def, 'description'))) {
      problems.push(at(p, pair.key, file, `output '${keyOf(pair)}' needs a description`))
    }
  }

  const brandingNode = getNode(root, 'branding')
  if (brandingNode !== undefined) {
    const branding = asMap(brandingNode)
    if (!branding) {
      problems.push(at(p, brandingNode, file, "'branding' must be a mapping with icon and color"))
    } else {
      for (const pair of branding.items) {
        const key = keyOf(pair)
        const value = scalarString(pair.value)
        if (key === 'color') {
          if (!value || !BRANDING_COLORS.includes(value)) {
            problems.push(
              at(p, pair.value, file, `branding.color '${value ?? ''}' is not one of: ${BRANDING_COLORS.join(', ')}`),
            )
          }
        } else if (key === 'icon') {
          if (!value || !brandingIcons().includes(value)) {
            problems.push(
              at(p, pair.value, file, `branding.icon '${value ?? ''}' is not one of GitHub's allowed Feather icons`),
            )
          }
        } else {
          problems.push(at(p, pair.key, file, `unknown branding key '${key}' (allowed: icon, color)`))
        }
      }
    }
  }

  // The schema shipped with the workflow parser (runs shapes, input/output keys, expressions).
  // Branding is left to the checks above: the parser's color list predates 'black'.
  const brandingRange = isMap(brandingNode) && brandingNode.range ? brandingNode.range : undefined
  const parsed = parseAction({ name: file, content: text }, new NoOperationTraceWriter())
  for (const problem of templateProblems(parsed, file)) {
    if (brandingRange) {
      const start = p.lc.linePos(brandingRange[0]).line
      const end = p.lc.linePos(brandingRange[1]).line
      if (problem.line >= start && problem.line <= end) continue
    }
    if (problems.some((q) => q.line === problem.line && q.col === problem.col)) continue
    problems.push(problem)
  }

  if (options.inputsSource !== undefined) {
    const inputsFile = options.inputsFile ?? 'src/inputs.ts'
    const used = inputNamesUsed(options.inputsSource)
    if (used.length === 0) {
      problems.push({
        file: inputsFile,
        line: 1,
        col: 1,
        message: "found no input names (no core.getInput('name') call and no `const INPUT = { key: 'name' }` table)",
      })
    }
    for (const input of used) {
      if (!declared.has(input.name)) {
        const { line, col } = lineCol(options.inputsSource, input.offset)
        problems.push({
          file: inputsFile,
          line,
          col,
          message: `input '${input.name}' is read here but not declared in ${file}`,
        })
      }
    }
  }
  return problems
}

/**
 * The input names src/inputs.ts reads: literal arguments of core.getInput / getBooleanInput /
 * getMultilineInput, and the string values of its names table (`const INPUT = { dryRun: 'dry-run' }`:
 * inputs are "named once" there and the get* calls index into it).
 */
export function inputNamesUsed(source: string): { name: string; offset: number }[] {
  const found = new Map<string, number>()
  const code = stripComments(source)
  const add = (name: string, offset: number) => {
    if (!found.has(name)) found.set(name, offset)
  }
  for (const m of code.matchAll(/\bget(?:Boolean|Multiline)?Input\s*\(\s*(['"`])([^'"`]+)\1/g)) {
    add(m[2] ?? '', (m.index ?? 0) + m[0].lastIndexOf(m[2] ?? ''))
  }
  const tables = /\b(?:const|let|var)\s+\w*INPUT\w*\s*(?::[^=]+)?=\s*\{([^}]*)\}/gi
  for (const t of code.matchAll(tables)) {
    const bodyStart = (t.index ?? 0) + t[0].indexOf('{') + 1
    for (const m of (t[1] ?? '').matchAll(/[\w$]+\s*:\s*(['"])([^'"]+)\1/g)) {
      add(m[2] ?? '', bodyStart + (m.index ?? 0) + m[0].lastIndexOf(m[2] ?? ''))
    }
  }
  return [...found].map(([name, offset]) => ({ name, offset }))
}

/** Blanks out comments, keeping offsets, so that commented-out names are not counted. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|(^|[^:\\])\/\/.*$/gm, (m, prefix: string | undefined) => {
    const keep = prefix ?? ''
    return keep + m.slice(keep.length).replace(/[^\n]/g, ' ')
  })
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const col = offset - before.lastIndexOf('\n')
  return { line, col }
}

// ---------------------------------------------------------------------------------------------
// Issue forms (docs: "Syntax for issue forms", "Syntax for GitHub's form schema",
// "Common validation errors when creating issue forms").

const FORM_TOP_LEVEL_KEYS = ['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body']
const FORM_ELEMENT_TYPES = ['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']
const FORM_ELEMENT_KEYS = ['type', 'id', 'attributes', 'validations']
const FORM_ID = /^[A-Za-z0-9_-]+$/

/** Validates one `.github/ISSUE_TEMPLATE/*.yml` issue form. */
export function validateIssueForm(text: string, file = '.github/ISSUE_TEMPLATE/form.yml'): Problem[] {
  const problems: Problem[] = []
  const p = parseYaml(text, file, problems)
  if (!p) return problems
  const root = asMap(p.doc.contents)
  if (!root) return [at(p, p.doc.contents, file, 'an issue form must be a mapping')]
  const push = (node: unknown, message: string) => problems.push(at(p, node, file, message))

  for (const pair of root.items) {
    const key = keyOf(pair)
    if (!FORM_TOP_LEVEL_KEYS.includes(key)) {
      push(pair.key, `'${key}' is not a permitted top-level key (allowed: ${FORM_TOP_LEVEL_KEYS.join(', ')})`)
    }
  }
  for (const key of ['name', 'description']) {
    if (!isNonEmptyString(getNode(root, key))) {
      push(getPair(root, key)?.key ?? root, `required top-level key '${key}' must be a non-empty string`)
    }
  }
  for (const key of ['title', 'type']) {
    const node = getNode(root, key)
    if (node !== undefined && !isNonEmptyString(node)) push(node, `'${key}' must be a non-empty string`)
  }
  for (const key of ['labels', 'assignees', 'projects']) {
    const node = getNode(root, key)
    if (node === undefined) continue
    if (isSeq(node)) {
      for (const item of node.items)
        if (!isNonEmptyString(item)) push(item, `'${key}' entries must be non-empty strings`)
    } else if (!isNonEmptyString(node)) {
      push(node, `'${key}' must be a list of strings or a comma-separated string`)
    }
  }

  const body = getNode(root, 'body')
  if (!isSeq(body) || body.items.length === 0) {
    push(getPair(root, 'body')?.key ?? root, "'body' is required and must be a non-empty list of form elements")
    return problems
  }

  const ids = new Map<string, number>()
  const labels = new Map<string, number>()
  let fields = 0
  body.items.forEach((itemNode, i) => {
    const where = `body[${i}]`
    const item = asMap(itemNode)
    if (!item) {
      push(itemNode, `${where} must be a mapping with 'type' and 'attributes'`)
      return
    }
    for (const pair of item.items) {
      const key = keyOf(pair)
      if (!FORM_ELEMENT_KEYS.includes(key))
        push(pair.key, `${where}: '${key}' is not a permitted key (allowed: ${FORM_ELEMENT_KEYS.join(', ')})`)
    }
    const typeNode = getNode(item, 'type')
    const type = scalarString(typeNode)
    if (!type || !FORM_ELEMENT_TYPES.includes(type)) {
      push(typeNode ?? item, `${where}: type must be one of ${FORM_ELEMENT_TYPES.join(', ')} (found '${type ?? ''}')`)
      return
    }
    if (type !== 'markdown') fields++

    const idNode = getNode(item, 'id')
    if (idNode !== undefined) {
      const id = scalarString(idNode)
      if (!id || !FORM_ID.test(id)) {
        push(idNode, `${where}: id '${id ?? ''}' must contain only letters, digits, '-' and '_'`)
      } else if (ids.has(id)) {
        push(idNode, `${where}: id '${id}' is not unique (also body[${ids.get(id)}])`)
      } else {
        ids.set(id, i)
      }
    }

    const attrs = asMap(getNode(item, 'attributes'))
    if (!attrs) {
      push(getPair(item, 'attributes')?.key ?? item, `${where}: 'attributes' is required and must be a mapping`)
      return
    }

    if (type === 'markdown') {
      if (!isNonEmptyString(getNode(attrs, 'value')))
        push(attrs, `${where}: markdown needs a non-empty attributes.value`)
    } else {
      const labelNode = getNode(attrs, 'label')
      const label = scalarString(labelNode)
      if (!label || label.trim() === '') {
        push(labelNode ?? attrs, `${where}: attributes.label is required and must be a non-empty string`)
      } else if (labels.has(label.trim())) {
        push(labelNode, `${where}: label '${label}' is not unique (also body[${labels.get(label.trim())}])`)
      } else {
        labels.set(label.trim(), i)
      }
    }

    if (type === 'dropdown' || type === 'checkboxes') {
      const optionsNode = getNode(attrs, 'options')
      if (!isSeq(optionsNode) || optionsNode.items.length === 0) {
        push(optionsNode ?? attrs, `${where}: ${type} needs a non-empty attributes.options list`)
      } else {
        const seen = new Set<string>()
        for (const opt of optionsNode.items) {
          let optLabel: string | undefined
          let labelAt: unknown = opt
          if (type === 'dropdown') {
            optLabel = isScalar(opt) && opt.value !== null ? String(opt.value) : undefined
            if (optLabel !== undefined && optLabel.trim().toLowerCase() === 'none') {
              push(opt, `${where}: dropdown options must not include the reserved word 'None'`)
            }
          } else {
            const optMap = asMap(opt)
            labelAt = getNode(optMap, 'label') ?? opt
            optLabel = scalarString(getNode(optMap, 'label'))
            const required = getNode(optMap, 'required')
            if (required !== undefined && !(isScalar(required) && typeof required.value === 'boolean')) {
              push(required, `${where}: checkbox option 'required' must be a boolean`)
            }
          }
          if (optLabel === undefined || optLabel.trim() === '') {
            push(labelAt, `${where}: every option needs a non-empty label`)
          } else if (seen.has(optLabel.trim())) {
            push(labelAt, `${where}: option '${optLabel}' is not unique`)
          } else {
            seen.add(optLabel.trim())
          }
        }
      }
    }

    const validationsNode = getNode(item, 'validations')
    if (validationsNode !== undefined) {
      const validations = asMap(validationsNode)
      if (!validations) {
        push(validationsNode, `${where}: 'validations' must be a mapping`)
      } else {
        for (const pair of validations.items) {
          if (keyOf(pair) !== 'required')
            push(pair.key, `${where}: validations.${keyOf(pair)} is not permitted (only 'required')`)
        }
        const required = getNode(validations, 'required')
        if (required !== undefined && !(isScalar(required) && typeof required.value === 'boolean')) {
          push(required, `${where}: validations.required must be a boolean (true or false, unquoted)`)
        }
      }
    }
  })

  if (fields === 0) push(body, "'body' must contain at least one non-markdown field")
  return problems
}

/** Validates `.github/ISSUE_TEMPLATE/config.yml` (template chooser configuration). */
export function validateIssueConfig(text: string, file = '.github/ISSUE_TEMPLATE/config.yml'): Problem[] {
  const problems: Problem[] = []
  const p = parseYaml(text, file, problems)
  if (!p) return problems
  const root = asMap(p.doc.contents)
  if (!root) return [at(p, p.doc.contents, file, 'config.yml must be a mapping')]
  const push = (node: unknown, message: string) => problems.push(at(p, node, file, message))
  for (const pair of root.items) {
    const key = keyOf(pair)
    if (key !== 'blank_issues_enabled' && key !== 'contact_links') {
      push(pair.key, `'${key}' is not a permitted key (allowed: blank_issues_enabled, contact_links)`)
    }
  }
  const blank = getNode(root, 'blank_issues_enabled')
  if (blank !== undefined && !(isScalar(blank) && typeof blank.value === 'boolean')) {
    push(blank, 'blank_issues_enabled must be a boolean')
  }
  const links = getNode(root, 'contact_links')
  if (links !== undefined) {
    if (!isSeq(links)) {
      push(links, 'contact_links must be a list')
    } else {
      links.items.forEach((linkNode, i) => {
        const link = asMap(linkNode)
        if (!link) {
          push(linkNode, `contact_links[${i}] must be a mapping with name, url and about`)
          return
        }
        for (const pair of link.items) {
          if (!['name', 'url', 'about'].includes(keyOf(pair)))
            push(pair.key, `contact_links[${i}]: '${keyOf(pair)}' is not permitted`)
        }
        for (const key of ['name', 'url', 'about']) {
          if (!isNonEmptyString(getNode(link, key)))
            push(getNode(link, key) ?? link, `contact_links[${i}]: '${key}' is required and must be a non-empty string`)
        }
        const url = scalarString(getNode(link, 'url'))
        if (url && !/^https?:\/\//.test(url))
          push(getNode(link, 'url'), `contact_links[${i}]: url must start with https:// or http://`)
      })
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// Workflows

/** Expressions that carry attacker-controlled text; inside `run:` they become shell injection. */
const UNTRUSTED_IN_RUN: { pattern: RegExp; what: string }[] = [
  { pattern: /\bgithub\s*\.\s*event\s*[.[]/, what: 'github.event.*' },
  { pattern: /\bgithub\s*\.\s*head_ref\b/, what: 'github.head_ref' },
  { pattern: /(?<![\w.])inputs\s*[.[]/, what: 'inputs.*' },
  { pattern: /\bsteps\s*\.\s*[\w-]+\s*\.\s*outputs\b/, what: 'steps.*.outputs.*' },
]

export interface WorkflowOptions {
  /**
   * Repository name of this action (package.json `name`). In `examples/`, `uses: <owner>/<name>@<tag>`
   * is the documented way to call the action itself and may keep a tag; everything else must be
   * pinned to a commit SHA.
   */
  selfName?: string
}

/**
 * Validates one workflow: schema and semantics with @actions/workflow-parser (what GitHub would
 * reject), then our policy: a permissions block, no untrusted expressions inside `run:`, and
 * third-party actions pinned to a full commit SHA.
 */
export async function validateWorkflow(text: string, file: string, options: WorkflowOptions = {}): Promise<Problem[]> {
  const problems: Problem[] = []

  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter())
  if (parsed.value && parsed.context.errors.count === 0) {
    await convertWorkflowTemplate(parsed.context, parsed.value)
  }
  problems.push(...templateProblems(parsed, file))

  const yamlProblems: Problem[] = []
  const p = parseYaml(text, file, yamlProblems)
  if (!p) return problems.length > 0 ? problems : yamlProblems
  const root = asMap(p.doc.contents)
  if (!root) return problems.length > 0 ? problems : [at(p, p.doc.contents, file, 'a workflow must be a mapping')]
  const push = (node: unknown, message: string) => problems.push(at(p, node, file, message))

  const jobs = asMap(getNode(root, 'jobs'))
  const topPermissions = getPair(root, 'permissions') !== undefined
  const isExample = /(^|\/)examples\//.test(file)

  const checkUses = (node: unknown) => {
    const uses = scalarString(node)
    if (!uses || uses.startsWith('./')) return
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses))
        push(node, `'${uses}' must be pinned by digest (docker://image@sha256:...)`)
      return
    }
    const at = uses.lastIndexOf('@')
    const ref = at >= 0 ? uses.slice(at + 1) : ''
    const target = at >= 0 ? uses.slice(0, at) : uses
    if (/^[0-9a-f]{40}$/.test(ref)) return
    if (
      isExample &&
      options.selfName &&
      target.split('/')[1] === options.selfName &&
      !target.includes('/', target.indexOf('/') + 1)
    )
      return
    push(node, `'${uses}' must be pinned to a full 40-character commit SHA (add the tag as a comment: @<sha> # v1.2.3)`)
  }

  for (const jobPair of jobs?.items ?? []) {
    const jobId = keyOf(jobPair)
    const job = asMap(jobPair.value)
    if (!job) continue
    if (!topPermissions && getPair(job, 'permissions') === undefined) {
      push(
        jobPair.key,
        `job '${jobId}' has no permissions block and the workflow has none at the top level (least privilege: add permissions:)`,
      )
    }
    checkUses(getNode(job, 'uses'))
    const steps = getNode(job, 'steps')
    if (!isSeq(steps)) continue
    for (const stepNode of steps.items) {
      const step = asMap(stepNode)
      if (!step) continue
      checkUses(getNode(step, 'uses'))
      const run = getNode(step, 'run')
      if (isScalar(run) && run.range) checkRunScript(p, run.range, file, problems)
    }
  }
  return problems
}

/** Finds `${{ }}` expressions in a run script's source span that read untrusted values. */
function checkRunScript(p: Parsed, range: [number, number, number], file: string, problems: Problem[]): void {
  const source = p.text.slice(range[0], range[1])
  for (const m of source.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const expr = m[1] ?? ''
    for (const { pattern, what } of UNTRUSTED_IN_RUN) {
      if (pattern.test(expr)) {
        const { line, col } = p.lc.linePos(range[0] + (m.index ?? 0))
        problems.push({
          file,
          line,
          col,
          message: `\${{${expr}}} in run: is script injection (${what}); pass it through env: and use "$VAR"`,
        })
        break
      }
    }
  }
}

/** The parser's errors, positioned: its tokens carry ranges, YAML errors say "at line N, column M". */
function templateProblems(result: TemplateParseResult, file: string): Problem[] {
  return result.context.errors.getErrors().map((e) => {
    let line = e.range?.start.line
    let col = e.range?.start.column
    const fromPrefix = /\(Line: (\d+), Col: (\d+)\)/.exec(e.prefix ?? '')
    if (fromPrefix) {
      line = Number(fromPrefix[1])
      col = Number(fromPrefix[2])
    }
    const fromYaml = /at line (\d+), column (\d+)/.exec(e.rawMessage)
    if (line === undefined && fromYaml) {
      line = Number(fromYaml[1])
      col = Number(fromYaml[2])
    }
    const message = e.rawMessage.split('\n')[0] ?? e.rawMessage
    return { file, line: line ?? 1, col: col ?? 1, message }
  })
}

// ---------------------------------------------------------------------------------------------
// CLI

function listYaml(root: string, dir: string): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`)
}

/** Runs every check over the repository at `root`; returns the problems and what was checked. */
export async function validateRepo(root: string): Promise<{ problems: Problem[]; checked: string[] }> {
  const problems: Problem[] = []
  const checked: string[] = []
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8')

  const inputsPath = join(root, 'src/inputs.ts')
  problems.push(
    ...validateActionYaml(read('action.yml'), {
      file: 'action.yml',
      exists: (path) => existsSync(resolve(root, path)),
      inputsSource: existsSync(inputsPath) ? readFileSync(inputsPath, 'utf8') : undefined,
    }),
  )
  checked.push(existsSync(inputsPath) ? 'action.yml (+ inputs read by src/inputs.ts)' : 'action.yml')

  for (const rel of listYaml(root, '.github/ISSUE_TEMPLATE')) {
    const isConfig = /\/config\.ya?ml$/.test(rel)
    problems.push(...(isConfig ? validateIssueConfig(read(rel), rel) : validateIssueForm(read(rel), rel)))
    checked.push(rel)
  }

  let selfName: string | undefined
  try {
    selfName = (JSON.parse(read('package.json')) as { name?: string }).name
  } catch {
    selfName = undefined
  }
  for (const rel of [...listYaml(root, '.github/workflows'), ...listYaml(root, 'examples/workflows')]) {
    problems.push(...(await validateWorkflow(read(rel), rel, { selfName })))
    checked.push(rel)
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
  return { problems, checked }
}

async function main(): Promise<number> {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
  const { problems, checked } = await validateRepo(root)
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`)
    process.stderr.write(`validate-repo: ${problems.length} problem(s) in ${checked.length} file(s)\n`)
    return 1
  }
  process.stdout.write(`validate-repo: ${checked.length} file(s) OK\n${checked.map((c) => `  ${c}`).join('\n')}\n`)
  return 0
}

const invokedDirectly = (() => {
  const arg = process.argv[1]
  if (!arg) return false
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
})()

if (invokedDirectly) {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(
        `validate-repo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      )
      process.exitCode = 2
    },
  )
}
