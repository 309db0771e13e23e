import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/errors.js'
import { DEFAULT_TEMPLATE_PATH, PLACEHOLDER_NAMES, parseTemplate } from '../../../src/postmortem/template.js'

/** The ConfigError thrown by parsing `text`, or a failure. */
function failure(text: string, file = '.github/postmortem.md'): ConfigError {
  try {
    parseTemplate(text, file)
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return e as ConfigError
  }
  throw new Error('expected a ConfigError')
}

describe('parseTemplate', () => {
  it('parses the shipped default template, which uses every required placeholder', () => {
    const t = parseTemplate(readFileSync(DEFAULT_TEMPLATE_PATH, 'utf8'), DEFAULT_TEMPLATE_PATH)
    const used = new Set(t.parts.flatMap((p) => (p.kind === 'placeholder' ? [p.name] : [])))
    const required = [
      'title',
      'number',
      'url',
      'priority',
      'priority_reason',
      'stage',
      'services',
      'impact',
      'summary',
      'started',
      'declared',
      'acknowledged',
      'mitigated',
      'resolved',
      'time_to_acknowledge',
      'time_to_mitigate',
      'time_to_resolve',
      'timeline',
      'participants',
      'commander',
      'links',
      'followups',
    ]
    for (const name of required) {
      expect(PLACEHOLDER_NAMES).toContain(name)
      expect(used.has(name as never), name).toBe(true)
    }
  })

  it('splits text and placeholders, accepts spaces inside the braces and records positions', () => {
    const t = parseTemplate('# {{title}}\nP: {{ priority }}!', 'x.md')
    expect(t.parts).toEqual([
      { kind: 'text', text: '# ' },
      { kind: 'placeholder', name: 'title', line: 1, column: 3 },
      { kind: 'text', text: '\nP: ' },
      { kind: 'placeholder', name: 'priority', line: 2, column: 4 },
      { kind: 'text', text: '!' },
    ])
  })

  it('reads \\{{ as a literal {{', () => {
    const t = parseTemplate('uses: $\\{{ secrets.TOKEN }} and {{number}}', 'x.md')
    expect(t.parts[0]).toEqual({ kind: 'text', text: 'uses: ${{ secrets.TOKEN }} and ' })
  })

  it('fails on an unknown placeholder with its file, line and column, and lists the known ones', () => {
    const e = failure('# Postmortem\n\nWhen: {{started}}\nOwner: {{owner}}\n')
    expect(e.problems).toHaveLength(1)
    expect(e.problems[0]).toMatchObject({ file: '.github/postmortem.md', line: 4, column: 8 })
    expect(e.problems[0]!.message).toContain('{{owner}}')
    expect(e.problems[0]!.message).toContain('known placeholders: title, number, url')
    expect(e.message).toContain('.github/postmortem.md:4:8: unknown placeholder `{{owner}}`')
  })

  it('suggests the name meant', () => {
    expect(failure('{{Title}}').problems[0]!.message).toContain('did you mean `{{title}}`')
    expect(failure('{{priority-reason}}').problems[0]!.message).toContain('did you mean `{{priority_reason}}`')
  })

  it('reports every problem at once', () => {
    const e = failure('{{nope}} {{title}}\n{{also_nope}}')
    expect(e.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 1],
      [2, 1],
    ])
  })

  it('counts columns in characters and lines across CRLF', () => {
    const e = failure('first\r\n🔥 {{bad}}\r\n')
    expect(e.problems[0]).toMatchObject({ line: 2, column: 3 })
  })

  it('rejects triple braces, unclosed braces and placeholders across lines', () => {
    expect(failure('{{{title}}}').problems[0]!.message).toMatch(/triple braces.*\{\{title\}\}/)
    expect(failure('a {{title\n}}').problems[0]).toMatchObject({
      line: 1,
      column: 3,
      message: expect.stringContaining('unclosed'),
    })
  })

  it('requires block placeholders on a line of their own', () => {
    expect(failure('Timeline: {{timeline}}').problems[0]).toMatchObject({
      line: 1,
      column: 11,
      message: expect.stringContaining('line of its own'),
    })
    expect(() => parseTemplate('  {{timeline}}  \n{{links}}', 'x.md')).not.toThrow()
  })

  it('allows one follow-up section only', () => {
    expect(failure('{{followups}}\n{{followups}}').problems[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('only once'),
    })
  })

  it('refuses our hidden markers, which would confuse the follow-up updates', () => {
    expect(failure('x\n<!-- incidentops:followups -->').problems[0]).toMatchObject({ line: 2, column: 1 })
    expect(failure('<!-- /incidentops:followups -->').problems).toHaveLength(1)
  })
})

describe('docs/postmortems.md', () => {
  it('documents every placeholder, and no other', () => {
    const doc = readFileSync('docs/postmortems.md', 'utf8')
    const documented = [...doc.matchAll(/^\| `\{\{(\w+)\}\}` \|/gm)].map((m) => m[1])
    expect(documented).toEqual(PLACEHOLDER_NAMES)
  })
  it('shows a minimal template that parses', () => {
    const doc = readFileSync('docs/postmortems.md', 'utf8')
    const example = /### A minimal custom template\n\n```markdown\n([\s\S]*?)```/.exec(doc)![1]!
    expect(() => parseTemplate(example, 'docs/postmortems.md')).not.toThrow()
  })
})
