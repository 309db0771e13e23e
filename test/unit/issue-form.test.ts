import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { INCIDENT_FORM, type FormFieldSpec } from '../../src/intake/form-spec.js'
import { parseIssueForm, renderIssueForm, type ParsedForm } from '../../src/intake/issue-form.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const FIXTURES = join(ROOT, 'test/fixtures/forms')

/** A small form for focused cases, so each test reads on its own. */
const MINI: readonly FormFieldSpec[] = [
  { id: 'what', label: 'What is broken?', type: 'textarea', required: true },
  {
    id: 'impact',
    label: 'Customer impact',
    type: 'dropdown',
    options: ['Full outage', 'Minor degradation'],
    required: true,
  },
  { id: 'exposure', label: 'Exposure', type: 'checkboxes', options: ['Data lost', 'Data exposed'] },
]

function parseMini(body: string): ParsedForm {
  return parseIssueForm(body, MINI)
}

describe('the incident form YAML and INCIDENT_FORM', () => {
  interface YamlField {
    type: string
    id?: string
    attributes: { label?: string; options?: (string | { label: string })[] }
    validations?: { required?: boolean }
  }
  const form = parseYaml(readFileSync(join(ROOT, '.github/ISSUE_TEMPLATE/incident.yml'), 'utf8')) as {
    name: string
    description: string
    title: string
    labels: string[]
    body: YamlField[]
  }

  it('describes the same fields, in the same order, with the same labels, types, options and required', () => {
    const fromYaml = form.body
      .filter((f) => f.type !== 'markdown')
      .map((f) => ({
        id: f.id,
        label: f.attributes.label,
        type: f.type,
        options: f.attributes.options?.map((o) => (typeof o === 'string' ? o : o.label)),
        required: f.validations?.required === true,
      }))
    const fromSpec = INCIDENT_FORM.map((f) => ({
      id: f.id,
      label: f.label,
      type: f.type,
      options: f.options ? [...f.options] : undefined,
      required: f.required === true,
    }))
    expect(fromYaml).toEqual(fromSpec)
  })

  it('has the name, title prefix, label and intro the product promises', () => {
    expect(form.name).toBe('Incident')
    expect(form.description.length).toBeGreaterThan(0) // GitHub rejects an issue form without one
    expect(form.title).toBe('[Incident]: ')
    expect(form.labels).toEqual(['incident'])
    const intro = form.body[0]!
    expect(intro.type).toBe('markdown')
    expect(String((intro.attributes as { value?: string }).value)).toMatch(
      /P1[\s\S]*crisis[\s\S]*Monitoring can open incidents/,
    )
  })

  it('uses ids GitHub accepts (letters, digits, - and _) and unique labels', () => {
    for (const f of INCIDENT_FORM) expect(f.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(new Set(INCIDENT_FORM.map((f) => f.label.toLowerCase())).size).toBe(INCIDENT_FORM.length)
  })
})

describe('fixtures: bodies as GitHub renders them', () => {
  const names = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort()

  it('covers at least 8 bodies, each with its expected result', () => {
    expect(names.length).toBeGreaterThanOrEqual(8)
    for (const n of names) expect(readdirSync(FIXTURES)).toContain(n.replace(/\.md$/, '.json'))
  })

  it('keeps the CRLF fixture in CRLF (a checkout that normalises line endings would hollow the test out)', () => {
    const crlf = readFileSync(join(FIXTURES, '03-crlf.md'), 'utf8')
    expect(crlf).toContain('\r\n')
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it.each(names)('%s', (name) => {
    const body = readFileSync(join(FIXTURES, name), 'utf8')
    const expected = JSON.parse(readFileSync(join(FIXTURES, name.replace(/\.md$/, '.json')), 'utf8')) as ParsedForm
    expect(parseIssueForm(body, INCIDENT_FORM)).toEqual(expected)
  })
})

describe('parseIssueForm', () => {
  it('returns every spec id and no other, null / [] when absent, and fromForm=false for no body', () => {
    for (const body of [null, undefined, '', '   \n\n']) {
      const r = parseIssueForm(body, INCIDENT_FORM)
      expect(r.fromForm).toBe(false)
      expect(Object.keys(r.values)).toEqual(INCIDENT_FORM.map((f) => f.id))
      expect(r.values.exposure).toEqual([])
      expect(r.missing).toEqual(INCIDENT_FORM.filter((f) => f.type !== 'checkboxes').map((f) => f.id))
      expect(r.extra).toEqual([])
    }
  })

  it('does not throw on a body that is not a string at run time', () => {
    expect(parseIssueForm(42 as unknown as string, MINI).fromForm).toBe(false)
    expect(parseIssueForm({} as unknown as string, MINI).fromForm).toBe(false)
  })

  it('reads _No response_ and None (any case) and blank answers as null', () => {
    const r = parseMini('### What is broken?\n\n_no RESPONSE_\n\n### Customer impact\n\nnone\n\n### Exposure\n\nNone')
    expect(r.values).toEqual({ what: null, impact: null, exposure: [] })
    expect(r.missing).toEqual(['what', 'impact'])
    expect(r.fromForm).toBe(true)
    expect(parseMini('### What is broken?\n\n\n\n### Customer impact').values).toEqual({
      what: null,
      impact: null,
      exposure: [],
    })
  })

  it('ignores a byte-order mark and reads \\r\\n and lone \\r line endings', () => {
    const r = parseMini('\uFEFF### What is broken?\r\rit is down\r\n\r\n### Customer impact\r\n\r\nFull outage')
    expect(r.values.what).toBe('it is down')
    expect(r.values.impact).toBe('Full outage')
  })

  it('matches headings whatever the case, spacing, level (## to ####) and trailing #s', () => {
    const r = parseMini(
      '##   what IS   broken?   ##  \n\ndown\n\n   #### CUSTOMER IMPACT ####\n\nFull outage\n\n###\tExposure#\n\n- [x] Data lost',
    )
    expect(r.values).toEqual({ what: 'down', impact: 'Full outage', exposure: ['Data lost'] })
  })

  it('does not take # lines that are not level 2-4 ATX headings for headings', () => {
    const body = [
      '### What is broken?',
      '',
      '# Customer impact',
      '##### Customer impact',
      '##Customer impact',
      '#hashtag',
      '    ### Customer impact',
      '\t### Customer impact',
    ].join('\n')
    const r = parseMini(body)
    expect(r.values.what).toBe(body.split('\n').slice(2).join('\n'))
    expect(r.values.impact).toBeNull()
  })

  it('ignores headings inside ``` and ~~~ fences of any length, closed only by a long enough fence', () => {
    const body = [
      '### What is broken?',
      '',
      '````md',
      '```',
      '### Customer impact',
      '````',
      '  ~~~',
      '### Customer impact',
      '~~~~~',
      '',
      '### Customer impact',
      '',
      'Minor degradation',
    ].join('\n')
    const r = parseMini(body)
    expect(r.values.what).toBe(body.split('\n').slice(2, 9).join('\n'))
    expect(r.values.impact).toBe('Minor degradation')
  })

  it('treats an unclosed fence as running to the end, as GitHub shows it', () => {
    const r = parseMini('### What is broken?\n\n~~~\nlog\n### Customer impact\n\nFull outage')
    expect(r.values.impact).toBeNull()
    expect(r.values.what).toBe('~~~\nlog\n### Customer impact\n\nFull outage')
  })

  it('does not open a fence on ``` followed by a backtick (inline code) or on an indented ```', () => {
    const r = parseMini('### What is broken?\n\n```x` is broken\n    ```\n\n### Customer impact\n\nFull outage')
    expect(r.values.impact).toBe('Full outage')
  })

  it('ignores headings and checkboxes inside HTML comments', () => {
    const r = parseMini(
      '### What is broken?\n\ndown\n<!-- one line -->\n<!--\n### Customer impact\nFull outage\n-->\n\n### Exposure\n\n<!--\n- [x] Data lost -->\n- [X] Data exposed',
    )
    expect(r.values.impact).toBeNull()
    expect(r.values.exposure).toEqual(['Data exposed'])
  })

  it('ignores text before the first heading; a hand-written incident has nothing else', () => {
    expect(parseMini('Something is wrong\n\n### What is broken?\n\ndown').values.what).toBe('down')
    const hand = parseMini('Full outage! Customer impact is total.\n- [x] Data lost')
    expect(hand.fromForm).toBe(false)
    expect(hand.missing).toEqual(['what', 'impact'])
    expect(hand.values.exposure).toEqual([])
  })

  it('lets the first of duplicate headings win and keeps the repeat as an extra section', () => {
    const r = parseMini('### Customer impact\n\nMinor degradation\n\n### customer impact\n\nFull outage')
    expect(r.values.impact).toBe('Minor degradation')
    expect(r.extra).toEqual([{ heading: 'customer impact', text: 'Full outage' }])
  })

  it('keeps sections with unknown headings as extra; deeper unknown headings stay in the answer', () => {
    const r = parseMini(
      '## Context\n\nwritten first\n\n### What is broken?\n\ndown\n\n#### Details\n\nmore\n\n### Customer impact\n\nFull outage\n\n## Update ##\n\nfixed\n\n### Sub of update\n\nstill update',
    )
    expect(r.values.what).toBe('down\n\n#### Details\n\nmore')
    expect(r.values.impact).toBe('Full outage')
    expect(r.extra).toEqual([
      { heading: 'Context', text: 'written first' },
      { heading: 'Update', text: 'fixed\n\n### Sub of update\n\nstill update' },
    ])
  })

  it('keeps dropdown answers that are not options as written, and spells options as the spec does', () => {
    expect(parseMini('### Customer impact\n\nPartial outage, mostly EU').values.impact).toBe(
      'Partial outage, mostly EU',
    )
    expect(parseMini('### Customer impact\n\n  full   OUTAGE ').values.impact).toBe('Full outage')
  })

  it('reads checkboxes: [x] and [X], - * + bullets, unknown labels kept, other lines ignored', () => {
    const r = parseMini(
      '### Exposure\n\nsee below\n- [ ] Data lost\n*   [x] data EXPOSED\n+ [X] Keys leaked in a log\n- [x]\n-[x] no space after the bullet\n    - [x] indented code',
    )
    expect(r.values.exposure).toEqual(['Data exposed', 'Keys leaked in a log'])
    expect(r.missing).toEqual(['what', 'impact'])
  })

  it('unwraps a textarea rendered as code (render:) and keeps its indentation', () => {
    const spec: FormFieldSpec[] = [{ id: 'logs', label: 'Logs', type: 'textarea', render: 'shell' }]
    expect(parseIssueForm('### Logs\n\n```shell\n  at main.js:1\n### not a heading\n```', spec).values.logs).toBe(
      '  at main.js:1\n### not a heading',
    )
    expect(parseIssueForm('### Logs\n\n```shell\n\n```', spec).values.logs).toBeNull()
    expect(parseIssueForm('### Logs\n\n_No response_', spec).values.logs).toBeNull()
    // Edited into something other than one block: kept as written.
    expect(parseIssueForm('### Logs\n\n```shell\na\n```\nnote', spec).values.logs).toBe('```shell\na\n```\nnote')
  })

  it('is safe with ids such as __proto__ and with labels shared by two fields (first wins)', () => {
    const spec: FormFieldSpec[] = [
      { id: '__proto__', label: 'A', type: 'input' },
      { id: 'b', label: 'a', type: 'input' },
    ]
    const r = parseIssueForm('### A\n\nx', spec)
    expect(Object.keys(r.values)).toEqual(['__proto__', 'b'])
    expect(Object.getOwnPropertyDescriptor(r.values, '__proto__')?.value).toBe('x')
    expect(r.missing).toEqual(['b'])
  })

  it('survives a 65,536-character body and binary junk', () => {
    const junk = Array.from({ length: 65_536 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('')
    const bodies = [
      junk,
      '#'.repeat(65_536),
      '### '.repeat(16_384),
      ' '.repeat(65_535) + '#',
      '```\n'.repeat(16_384),
      '<!--\n'.repeat(13_107),
      '- [x] '.repeat(10_922),
      '### Customer impact\n\nFull outage\n\n'.repeat(1_820),
      '### What is broken?\n\n' + 'a\u0000\ud800\r'.repeat(16_000),
    ]
    for (const b of bodies) {
      const r = parseIssueForm(b, INCIDENT_FORM)
      expect(Object.keys(r.values)).toEqual(INCIDENT_FORM.map((f) => f.id))
    }
  })
})

describe('renderIssueForm', () => {
  it('renders exactly as GitHub does', () => {
    const body = renderIssueForm(
      {
        summary: 'Checkout is down',
        started_at: null,
        impact: 'Full outage',
        exposure: ['Data may have been lost or corrupted'],
        detection: null,
      },
      INCIDENT_FORM,
    )
    expect(body).toBe(
      [
        '### What is broken?',
        '',
        'Checkout is down',
        '',
        '### When did it start?',
        '',
        '_No response_',
        '',
        '### Customer impact',
        '',
        'Full outage',
        '',
        '### Share of users affected',
        '',
        'None',
        '',
        '### Affected services',
        '',
        '_No response_',
        '',
        '### Data loss or security exposure',
        '',
        '- [X] Data may have been lost or corrupted',
        '- [ ] Data or systems may have been exposed to people who should not see them (security)',
        '',
        '### How was it detected?',
        '',
        'None',
        '',
        '### Links',
        '',
        '_No response_',
      ].join('\n'),
    )
  })

  it('matches the full-form fixture byte for byte', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, '01-full-form.json'), 'utf8')) as ParsedForm
    expect(renderIssueForm(expected.values, INCIDENT_FORM)).toBe(
      readFileSync(join(FIXTURES, '01-full-form.md'), 'utf8'),
    )
  })

  it('writes \\r\\n throughout when asked, as the web form submits', () => {
    const body = renderIssueForm({ what: 'a\nb' }, MINI, { eol: '\r\n' })
    expect(body).toBe(
      '### What is broken?\r\n\r\na\r\nb\r\n\r\n### Customer impact\r\n\r\nNone\r\n\r\n### Exposure\r\n\r\n- [ ] Data lost\r\n- [ ] Data exposed',
    )
  })

  it('wraps render: textareas in a fence, joins lists with commas and keeps ticked boxes that are not options', () => {
    const spec: FormFieldSpec[] = [
      { id: 'logs', label: 'Logs', type: 'textarea', render: 'shell' },
      { id: 'pick', label: 'Pick', type: 'dropdown', options: ['a', 'b'] },
      { id: 'boxes', label: 'Boxes', type: 'checkboxes', options: ['One'] },
    ]
    expect(renderIssueForm({ logs: '\n  x\n', pick: ['a', 'b'], boxes: ['one', 'Other'] }, spec)).toBe(
      '### Logs\n\n```shell\n  x\n```\n\n### Pick\n\na, b\n\n### Boxes\n\n- [X] One\n- [X] Other',
    )
    expect(renderIssueForm({ logs: '  ' }, spec)).toBe(
      '### Logs\n\n_No response_\n\n### Pick\n\nNone\n\n### Boxes\n\n- [ ] One',
    )
  })
})
