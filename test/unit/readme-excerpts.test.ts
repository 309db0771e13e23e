// The README excerpt generator's pure parts (the demo run itself is in test/e2e/demo.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  EXCERPTS,
  demoExcerpts,
  demoteHeadings,
  keepSections,
  parseThread,
  readmeExcerpts,
  readmeWithExcerpts,
} from '../../scripts/gen-readme-excerpts.js'

/** A thread as src/demo/run.ts renderThread writes it. */
const thread = (body: string, comments: [string, string][]): string =>
  [
    '# T #1',
    '',
    '**Open** · opened by **@alice** at 2026-11-26 14:02 UTC',
    '',
    'Labels: `incident`',
    '',
    '<!-- thread:body -->',
    '',
    body,
    ...comments.flatMap(([who, text]) => [
      '',
      '---',
      '',
      '<!-- thread:comment -->',
      `**@${who}** commented at 2026-11-26 14:03 UTC:`,
      '',
      text,
    ]),
  ].join('\n') + '\n'

describe('README excerpts: markers', () => {
  const readme =
    'intro\n<!-- excerpt:a -->\n\nold a\n\n<!-- /excerpt:a -->\nmiddle\n<!-- excerpt:b -->\n\nold b\n\n<!-- /excerpt:b -->\nend\n'

  it('reads what is between each pair of markers and replaces exactly that', () => {
    expect(readmeExcerpts(readme)).toEqual({ a: 'old a', b: 'old b' })
    const out = readmeWithExcerpts(readme, { a: 'new\na', b: '| x |' })
    expect(out).toBe(
      'intro\n<!-- excerpt:a -->\n\nnew\na\n\n<!-- /excerpt:a -->\nmiddle\n<!-- excerpt:b -->\n\n| x |\n\n<!-- /excerpt:b -->\nend\n',
    )
    expect(readmeExcerpts(out)).toEqual({ a: 'new\na', b: '| x |' })
    // Regenerating what is there changes nothing.
    expect(readmeWithExcerpts(out, { a: 'new\na', b: '| x |' })).toBe(out)
  })

  it('refuses a README whose markers do not match the generated excerpts, naming the marker', () => {
    expect(() => readmeWithExcerpts(readme, { a: 'x' })).toThrow(
      'markers this script does not generate: <!-- excerpt:b -->',
    )
    expect(() => readmeWithExcerpts(readme, { a: 'x', b: 'y', c: 'z' })).toThrow(
      'lacks the markers of: <!-- excerpt:c --> … <!-- /excerpt:c -->',
    )
    expect(() => readmeExcerpts('<!-- excerpt:a -->\nx\n')).toThrow('<!-- excerpt:a --> has no <!-- /excerpt:a -->')
    expect(() =>
      readmeExcerpts('<!-- excerpt:a -->\n<!-- excerpt:b -->\n<!-- /excerpt:b -->\n<!-- /excerpt:a -->'),
    ).toThrow('inside the excerpt "a"')
    expect(() =>
      readmeExcerpts('<!-- excerpt:a -->\n<!-- /excerpt:a -->\n<!-- excerpt:a -->\n<!-- /excerpt:a -->'),
    ).toThrow('appears twice')
    expect(() => readmeExcerpts('x\n<!-- /excerpt:a -->')).toThrow('without its <!-- excerpt:a -->')
  })

  it('the README holds every excerpt the script generates, in its order', () => {
    expect(Object.keys(readmeExcerpts(readFileSync('README.md', 'utf8')))).toEqual(EXCERPTS.map((e) => e.name))
  })
})

describe('README excerpts: cutting the demo output', () => {
  it('splits a thread into its body and comment bodies', () => {
    const t = parseThread(
      thread('the body\n\nsecond paragraph', [
        ['bot', '<!-- incidentops:card -->\n### Card'],
        ['alice', '/ack'],
      ]),
    )
    expect(t).toEqual({
      body: 'the body\n\nsecond paragraph',
      comments: ['<!-- incidentops:card -->\n### Card', '/ack'],
    })
    expect(() => parseThread('# not a thread')).toThrow('no <!-- thread:body --> marker')
  })

  it('shows headings at level 4, outside code fences only', () => {
    expect(demoteHeadings('# a\n## b\n### c\n#### d\n##### e\n```\n# code\n```\n#not-a-heading')).toBe(
      '#### a\n#### b\n#### c\n#### d\n##### e\n```\n# code\n```\n#not-a-heading',
    )
  })

  it('keeps the lead and the named sections, and names the sections left out', () => {
    const md = '<!-- m -->\n# Title\n\nlead\n\n## A\n\na\n\n### A.1\n\na1\n\n## B\n\nb\n\n## C\n\nc\n'
    expect(keepSections(md, ['A', 'C'])).toBe(
      '<!-- m -->\n# Title\n\nlead\n\n## A\n\na\n\n### A.1\n\na1\n\n## C\n\nc\n\n*… cut here; the full text goes on with: B.*',
    )
    expect(keepSections(md, ['A', 'B', 'C'])).toBe(
      '<!-- m -->\n# Title\n\nlead\n\n## A\n\na\n\n### A.1\n\na1\n\n## B\n\nb\n\n## C\n\nc',
    )
    expect(() => keepSections(md, ['Z'])).toThrow('no section "Z"')
  })

  it('cuts each excerpt from the files the demo wrote, without the record and with github.com links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'excerpts-unit-'))
    try {
      const url = 'http://127.0.0.1:4321'
      writeFileSync(
        join(dir, 'issue-1.md'),
        thread('form', [
          [
            'github-actions[bot]',
            '<!-- incidentops:card -->\n### 🔴 P1 incident\n\n| **Stage** | Closed since 2026-11-27 11:00 UTC |\n<!-- incidentops:record:v1:e30= -->',
          ],
          ['github-actions[bot]', '<!-- incidentops:escalation:1 -->\n⏰ **Not acknowledged**'],
          ['alice', '/ack'],
          ['github-actions[bot]', '<!-- incidentops:reminder:2026-11-26T15:01:00.000Z -->\n🔔 **Update due**'],
        ]),
      )
      writeFileSync(
        join(dir, 'postmortem-3.md'),
        thread(
          `<!-- incidentops:postmortem:1 -->\n# Postmortem: x\n\nIncident [acme/shop#1](${url}/acme/shop/issues/1)\n\n## Key times\n\nk\n\n## Timeline\n\nt\n\n## Summary\n\n_fill in_`,
          [],
        ),
      )
      writeFileSync(
        join(dir, 'report.md'),
        thread(
          '<!-- incidentops:report:2026-11-23 -->\n## Report\n\nintro\n\n### Headlines\n\nh\n\n### Response\n\nr\n\n### Reliability and risk\n\nrr\n\n### By priority\n\np',
          [],
        ),
      )
      const got = demoExcerpts({ outDir: dir, serverUrl: url, issues: { form: 1, postmortems: [3], report: 4 } })
      expect(got).toEqual({
        card: '<!-- incidentops:card -->\n#### 🔴 P1 incident\n\n| **Stage** | Closed since 2026-11-27 11:00 UTC |',
        escalation: '<!-- incidentops:escalation:1 -->\n⏰ **Not acknowledged**',
        reminder: '<!-- incidentops:reminder:2026-11-26T15:01:00.000Z -->\n🔔 **Update due**',
        postmortem:
          '<!-- incidentops:postmortem:1 -->\n#### Postmortem: x\n\nIncident [acme/shop#1](https://github.com/acme/shop/issues/1)\n\n#### Key times\n\nk\n\n#### Timeline\n\nt\n\n*… cut here; the full text goes on with: Summary.*',
        report:
          '<!-- incidentops:report:2026-11-23 -->\n#### Report\n\nintro\n\n#### Headlines\n\nh\n\n#### Reliability and risk\n\nrr\n\n*… cut here; the full text goes on with: Response · By priority.*',
      })
      // A demo that wrote no reminder fails the generation instead of dropping the excerpt.
      writeFileSync(
        join(dir, 'issue-1.md'),
        thread('form', [
          ['github-actions[bot]', '<!-- incidentops:card -->\nc'],
          ['github-actions[bot]', '<!-- incidentops:escalation:1 -->\ne'],
        ]),
      )
      expect(() =>
        demoExcerpts({ outDir: dir, serverUrl: url, issues: { form: 1, postmortems: [3], report: 4 } }),
      ).toThrow('the demo wrote no reminder')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
