/**
 * The `npm start` demo end to end: it runs the whole lifecycle with the real bundle into a temp
 * folder, and the files hold the key moments a newcomer is meant to see. The README's rendered
 * examples ("What it looks like") are compared, loosely, with what this run wrote, so they stay true.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo, type DemoResult } from '../../src/demo/run.js'
import { renderMarkdown } from '../../src/demo/markdown.js'
import { BUNDLE } from './harness.js'

let dir = ''
let result: DemoResult
const lines: string[] = []
const read = (name: string): string => readFileSync(join(dir, name), 'utf8')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incidentops-demo-'))
  result = await demo(dir, (s) => lines.push(s), { bundle: BUNDLE })
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
    expect(result.ms).toBeLessThan(120_000)
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

  it('the HTML page renders the markdown: tables, task lists, details, Mermaid with its bundle inlined; markers hidden', () => {
    const html = read('index.html')
    expect(html).toContain('<table>')
    expect(html).toContain('<input type="checkbox" disabled')
    expect(html).toContain('class="board"')
    expect(html).not.toContain('incidentops:record')
    // Offline: no script or stylesheet is fetched; the only scripts are Mermaid's bundle and its start.
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*\shref=/)
    expect(readdirSync(dir)).toContain('report.md')
    expect(html).toContain('<pre class="mermaid">')
    expect(html).toContain('<details>')
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    expect(scripts).toHaveLength(2)
    expect(scripts[0]!.length).toBeGreaterThan(1_000_000) // mermaid.min.js, whole
    expect(scripts[0]).toContain('mermaid')
    expect(scripts[1]).toMatch(/^mermaid\.initialize\(/)
  })

  it("the README's rendered examples match what the demo wrote (loosely: numbers and times may differ)", () => {
    const readme = readFileSync('README.md', 'utf8')
    const section = /\n## What it looks like\n([\s\S]*?)(?=\n## |$)/.exec(readme)?.[1]
    expect(section, 'README.md has a "What it looks like" section').toBeTruthy()
    const written = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map(read)
      .join('\n')
    // Times, counts and the emulator's port differ from run to run; README headings are demoted.
    const norm = (s: string): string =>
      s.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'https://github.com').replace(/^#+ /gm, '').replace(/\d+/g, '0').replace(/\s+/g, ' ').trim()
    const haystack = norm(written)
    const blocks = [...section!.matchAll(/<details><summary>[^<]*<\/summary>\n\n([\s\S]*?)\n<\/details>/g)].map((m) => m[1]!)
    expect(blocks.length).toBeGreaterThanOrEqual(3)
    for (const block of blocks) {
      const candidates = block.split('\n').filter((l) => l.trim().length > 12 && !l.startsWith('<!--'))
      const missing = candidates.filter((l) => !haystack.includes(norm(l.replace(/^#+ /, ''))))
      // Loose: most lines of each example are found as the demo writes them today.
      expect(missing.length, `lines no longer written by the demo:\n${missing.join('\n')}`).toBeLessThanOrEqual(Math.floor(candidates.length * 0.3))
    }
    // And the examples render (the renderer copes with what they contain).
    expect(renderMarkdown(section!)).toContain('<table>')
  })
})
