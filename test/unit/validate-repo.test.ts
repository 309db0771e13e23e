import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  brandingIcons,
  formatProblem,
  inputNamesUsed,
  validateActionYaml,
  validateIssueConfig,
  validateIssueForm,
  validateRepo,
  validateWorkflow,
  type Problem,
} from '../../scripts/validate-repo.js'

const fixtures = new URL('../fixtures/repo-validation/', import.meta.url)
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8')

/** `line:col: message` for compact, position-checking assertions. */
const lines = (problems: Problem[]) => problems.map((p) => `${p.line}:${p.col}: ${p.message}`)

/** Asserts that one problem at `line` mentions every fragment. */
function expectProblem(problems: Problem[], line: number, ...fragments: string[]) {
  const hit = problems.find((p) => p.line === line && fragments.every((f) => p.message.includes(f)))
  expect(
    hit,
    `no problem at line ${line} with ${JSON.stringify(fragments)} in:\n${lines(problems).join('\n')}`,
  ).toBeDefined()
}

describe('validateActionYaml', () => {
  const exists = (path: string) => path === 'dist/index.js'

  it('accepts a valid action.yml', () => {
    expect(lines(validateActionYaml(fixture('action-good.yml'), { exists }))).toEqual([])
  })

  it('reports each rule that a bad action.yml breaks, at its line', () => {
    const problems = validateActionYaml(fixture('action-bad.yml'), { exists })
    expectProblem(problems, 2, "'description' is required")
    expectProblem(problems, 3, "unknown top-level key 'homepage'")
    expectProblem(problems, 5, "branding.icon 'coffee'")
    expectProblem(problems, 6, "branding.color 'pink'")
    expectProblem(problems, 8, "'githubToken' must be kebab-case")
    expectProblem(problems, 10, "input 'dry-run' needs a description")
    expectProblem(problems, 13, "output 'priority' needs a description")
    expectProblem(problems, 16, "runs.using must be 'node24'", 'node20')
    expectProblem(problems, 17, "runs.main 'dist/missing.js' does not exist")
    expect(problems.every((p) => p.file === 'action.yml')).toBe(true)
  })

  it('requires name, description and runs', () => {
    const problems = validateActionYaml('author: me\n', { exists })
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("'name' is required"),
        expect.stringContaining("'description' is required"),
        expect.stringContaining("'runs' is required"),
      ]),
    )
  })

  it('reports YAML syntax errors with their position', () => {
    const problems = validateActionYaml('name: x\ndescription: [unclosed\nruns: {}\n')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]?.message).toMatch(/^YAML: /)
    expect(problems[0]?.line).toBeGreaterThan(1)
  })

  it('runs the schema shipped with @actions/workflow-parser (e.g. unknown runs keys, non-boolean required)', () => {
    const text = fixture('action-good.yml')
      .replace('    description: Plan only.\n', '    description: Plan only.\n    required: maybe\n')
      .replace('  main: dist/index.js\n', '  main: dist/index.js\n  bogus: 2\n')
    const problems = validateActionYaml(text, { exists })
    expectProblem(problems, 13, "Unexpected value 'maybe'")
    expectProblem(problems, 21, "Unexpected value 'bogus'")
    // The parser's color list predates 'black'; GitHub accepts it, so we do too.
    expect(problems.some((p) => p.message.includes('black'))).toBe(false)
  })

  it('fails when src/inputs.ts reads an input that action.yml does not declare', () => {
    const problems = validateActionYaml(fixture('action-good.yml'), {
      exists,
      inputsSource: fixture('inputs-source.txt'),
      inputsFile: 'src/inputs.ts',
    })
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).sort()).toEqual([
      "src/inputs.ts:11: input 'mode' is read here but not declared in action.yml",
      "src/inputs.ts:4: input 'project-token' is read here but not declared in action.yml",
    ])
  })

  it('fails when it cannot find which inputs src/inputs.ts reads (the check would be vacuous)', () => {
    const problems = validateActionYaml(fixture('action-good.yml'), { exists, inputsSource: 'export const x = 1\n' })
    expect(lines(problems)).toEqual([expect.stringContaining('found no input names')])
  })

  it('finds input names in get*Input calls and in a names table, not in comments', () => {
    const names = inputNamesUsed(fixture('inputs-source.txt')).map((u) => u.name)
    expect(names.sort()).toEqual(['dry-run', 'github-token', 'mode', 'project-token'])
  })

  it("knows GitHub's branding icons from the parser's schema", () => {
    const icons = brandingIcons()
    expect(icons).toContain('alert-triangle')
    expect(icons).not.toContain('coffee')
  })
})

describe('validateIssueForm', () => {
  it('accepts a valid issue form', () => {
    expect(lines(validateIssueForm(fixture('issue-form-good.yml')))).toEqual([])
  })

  it('reports each rule that a bad issue form breaks, at its line', () => {
    const problems = validateIssueForm(fixture('issue-form-bad.yml'), 'bad.yml')
    expectProblem(problems, 1, "'description'")
    expectProblem(problems, 2, "'hello' is not a permitted top-level key")
    expectProblem(problems, 6, 'body[0]', 'markdown needs a non-empty attributes.value')
    expectProblem(problems, 12, 'body[1]', 'validations.required must be a boolean')
    expectProblem(problems, 14, 'body[2]', "id 'summary' is not unique")
    expectProblem(problems, 16, 'body[2]', "label 'Summary' is not unique")
    expectProblem(problems, 18, 'body[3]', "id 'bad id!'")
    expectProblem(problems, 21, 'body[3]', 'non-empty attributes.options')
    expectProblem(problems, 28, 'body[4]', "option 'Same' is not unique")
    expectProblem(problems, 33, 'body[5]', "option 'High' is not unique")
    expectProblem(problems, 33, 'body[5]', "reserved word 'None'")
    expectProblem(problems, 34, 'body[6]', "found 'radio'")
    expectProblem(problems, 40, 'body[7]', 'attributes.label is required')
    expect(problems.every((p) => p.file === 'bad.yml')).toBe(true)
  })

  it('requires at least one non-markdown field', () => {
    expectProblem(validateIssueForm(fixture('issue-form-only-markdown.yml')), 4, 'at least one non-markdown field')
  })

  it('requires a body', () => {
    expectProblem(validateIssueForm('name: x\ndescription: y\n'), 1, "'body' is required")
  })
})

describe('validateIssueConfig', () => {
  it('accepts a valid config.yml', () => {
    expect(lines(validateIssueConfig(fixture('issue-config-good.yml')))).toEqual([])
  })

  it('reports unknown keys, non-boolean blank_issues_enabled and incomplete contact links', () => {
    const problems = validateIssueConfig(fixture('issue-config-bad.yml'))
    expectProblem(problems, 1, 'blank_issues_enabled must be a boolean')
    expectProblem(problems, 2, "'extra' is not a permitted key")
    expectProblem(problems, 4, "'about' is required")
    expectProblem(problems, 5, 'url must start with https://')
  })
})

describe('validateWorkflow', () => {
  it('accepts a valid, least-privilege, pinned workflow that passes untrusted text through env', async () => {
    expect(lines(await validateWorkflow(fixture('workflow-good.yml'), 'good.yml'))).toEqual([])
  })

  it('reports schema errors from @actions/workflow-parser with file:line:col', async () => {
    const problems = await validateWorkflow(fixture('workflow-bad-schema.yml'), '.github/workflows/bad.yml')
    expect(problems.map(formatProblem)).toContain(".github/workflows/bad.yml:8:5: Unexpected value 'stepz'")
  })

  it('reports semantic errors found by convertWorkflowTemplate', async () => {
    const problems = await validateWorkflow(fixture('workflow-bad-needs.yml'), 'needs.yml')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.map((p) => p.message).join('\n')).toMatch(/depend|no dependencies/)
  })

  it('reports YAML syntax errors', async () => {
    const problems = await validateWorkflow(fixture('workflow-bad-yaml.yml'), 'broken.yml')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]?.file).toBe('broken.yml')
  })

  it('enforces our policy: permissions, no untrusted expressions in run:, SHA-pinned actions', async () => {
    const problems = await validateWorkflow(fixture('workflow-bad-policy.yml'), 'policy.yml')
    expectProblem(problems, 4, "job 'build' has no permissions block")
    expectProblem(problems, 7, "'actions/checkout@v4' must be pinned")
    expectProblem(problems, 12, 'github.event.head_commit.message', 'script injection')
    expectProblem(problems, 13, 'steps.ver.outputs.v', 'script injection')
    expectProblem(problems, 14, 'inputs.name', 'script injection')
    expectProblem(problems, 15, "job 'call' has no permissions block")
    expectProblem(problems, 16, 'some-org/shared/.github/workflows/ci.yml@main', 'must be pinned')
    // The column points at the expression itself.
    expect(problems.find((p) => p.line === 14)?.col).toBe(19)
  })

  it('accepts per-job permissions instead of a top-level block', async () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    permissions:',
      '      contents: read',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ok',
      '',
    ].join('\n')
    expect(lines(await validateWorkflow(text, 'x.yml'))).toEqual([])
  })

  it('lets examples/ call this action by tag, but nothing else', async () => {
    const text = [
      'on: issues',
      'permissions:',
      '  issues: write',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: someone/incidentops@v1',
      '      - uses: someone/other-action@v1',
      '',
    ].join('\n')
    const asExample = await validateWorkflow(text, 'examples/workflows/x.yml', { selfName: 'incidentops' })
    expect(lines(asExample)).toEqual([expect.stringMatching(/^9:15: 'someone\/other-action@v1' must be pinned/)])
    const asOwn = await validateWorkflow(text, '.github/workflows/x.yml', { selfName: 'incidentops' })
    expect(asOwn).toHaveLength(2)
  })
})

describe('validateRepo', () => {
  it("runs over this repository's files and names each one it checked", async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url))
    const { checked } = await validateRepo(root)
    expect(checked[0]).toMatch(/^action\.yml/)
  })
})
