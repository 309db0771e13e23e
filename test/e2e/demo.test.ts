/**
 * The `npm start` demo end to end: it runs the whole lifecycle with the real bundle into a temp
 * folder, and the files hold the key moments a newcomer is meant to see. The README's excerpts
 * ("What it looks like") must be exactly what scripts/gen-readme-excerpts.ts cuts from this run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo, type DemoResult } from '../demo/run.js'
import { renderMarkdown } from '../demo/markdown.js'
import { EXCERPTS, demoExcerpts, readmeExcerpts, readmeWithExcerpts } from '../../scripts/gen-readme-excerpts.js'

let dir = ''
let result: DemoResult
const lines: string[] = []
const read = (name: string): string => readFileSync(join(dir, name), 'utf8')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incidentops-demo-'))
  result = await demo(dir, (s) => lines.push(s))
}, 240_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the demo (npm start)', () => {
  it('prints one line per step with requests and writes, and names the folder at the end', () => {
    const steps = lines.filter((l) => /^\d\d:\d\d {2}/.test(l))
    expect(steps.length).toBeGreaterThanOrEqual(20)
    // Columns kept: the cost starts at the same place on every step line; the count agrees in number.
    for (const s of steps) expect(s).toMatch(/^\d\d:\d\d {2}.{44} \d+ req, (?:1 write|(?:0|[2-9]|\d\d+) writes)(?!\w)/)
    expect(lines.some((l) => /\b1 writes\b/.test(l))).toBe(false)
    expect(lines.at(-2)).toContain(dir)
    // How long the demo takes is measured by `npm run bench -- --only=demo`, not asserted here.
  })

  it('writes each thread, the board and the page', () => {
    const files = readdirSync(dir)
    for (const f of ['index.html', 'board.md', 'issue-1.md', 'issue-2.md']) expect(files).toContain(f)
    expect(result.files.every((f) => files.includes(f))).toBe(true)
  })

  it('the form incident: classified P1, escalated, acknowledged, reminded, resolved', () => {
    const t = read('issue-1.md')
    expect(t).toMatch(/Labels: .*`priority\/P1`/)
    expect(t).toContain('rule “full outage” matched')
    expect(t).toMatch(/<!-- incidentops:escalation:1 -->\n.*Not acknowledged.*@acme\/oncall/)
    expect(t).toMatch(/<!-- incidentops:reminder:[^\n]*\n.*Update due/)
    expect(t).toContain('**@alice** commented at 2026-11-26 14:24 UTC:\n\n/ack')
    expect(t).toMatch(/Stage Monitoring → \*\*Resolved\*\*/)
  })

  it('the alert storm: one incident, repeats counted, resolved alert → Monitoring → auto-resolved by the sweep', () => {
    expect(lines.find((l) => /alert issue\(s\) for 4 deliveries/.test(l))).toMatch(/^\s+1 alert issue/)
    const t = read('issue-2.md')
    expect(t).toContain('`source/alertmanager`')
    expect(t).toMatch(/Monitoring/)
    expect(t).toMatch(/\(schedule\)/) // the sweep's own moves are in the timeline
  })

  it('the board shows the cards in their columns, during the incidents and at the end', () => {
    const b = read('board.md')
    expect(b).toMatch(/## Fixing \(1\)\n\n- \*\*#1\*\* \[Incident\]: Nobody can sign in/)
    expect(b).toMatch(/## Investigating \(1\)\n\n- \*\*#2\*\*/)
    expect(b).toContain('**P1** · service: auth, web')
  })

  it('the weekly report is published over the seeded history (or the page says why not)', () => {
    if (readdirSync(dir).includes('report.md')) {
      const r = read('report.md')
      expect(r).toMatch(/Reliability report acme\/shop: 2026-11-23 → 2026-11-30/)
      expect(r).toContain('```mermaid')
      expect(r).toMatch(/MTBF/)
    } else {
      expect(result.skipped.join('\n')).toMatch(/Report skipped/)
      expect(read('index.html')).toContain('Report skipped')
    }
  })

  it('the HTML page renders the markdown: tables, task lists, details, Mermaid source with a note; markers hidden', () => {
    const html = read('index.html')
    expect(html).toContain('<table>')
    expect(html).toContain('<input type="checkbox" disabled')
    expect(html).toContain('class="board"')
    expect(html).not.toContain('incidentops:record')
    expect(html).not.toMatch(/<script>(?!mermaid)/) // no script unless a local Mermaid copy is inlined
    if (readdirSync(dir).includes('report.md')) {
      expect(html).toContain('<pre class="mermaid">')
      expect(html).toContain('<details>')
    }
  })

  it("the README's excerpts are exactly what the demo wrote, times included (regenerate: npm run bundle && npm run docs:excerpts)", () => {
    const readme = readFileSync('README.md', 'utf8')
    const expected = demoExcerpts(result)
    const shown = readmeExcerpts(readme)
    expect(Object.keys(shown)).toEqual(EXCERPTS.map((e) => e.name))
    // One excerpt at a time first, so a failure shows the diff of the excerpt that drifted.
    for (const e of EXCERPTS) expect(shown[e.name], `README.md excerpt "${e.name}" differs from the demo's output`).toBe(expected[e.name])
    expect(readme).toBe(readmeWithExcerpts(readme, expected))
    // The demo's fixed clock is what makes this exact: the excerpts carry its times.
    expect(expected.card).toContain('| **Stage** | Closed since 2026-11-27 11:00 UTC |')
    expect(expected.reminder).toContain('Next update due 2026-11-26 15:31 UTC.')
    // And the examples render (the page's renderer copes with what they contain).
    const section = /\n## What it looks like\n([\s\S]*?)(?=\n## |$)/.exec(readme)?.[1]
    expect(renderMarkdown(section!)).toContain('<table>')
  })
})
