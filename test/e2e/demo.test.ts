/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The `npm start` demo end to end: it runs the whole lifecycle with the real bundle into a temp
 * folder, and the files hold the key moments a newcomer is meant to see. The README's excerpts
 * ("What it looks like") must be exactly what scripts/gen-readme-excerpts.ts cuts from this run.
 * Then the page is opened in Debian's Chromium, headless (the DOM libs above type the callbacks
 * page.evaluate runs in the browser): charts drawn, titles readable, a screenshot kept in .tmp/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo, type DemoResult } from '../../src/demo/run.js'
import { renderMarkdown } from '../../src/demo/markdown.js'
import { EXCERPTS, demoExcerpts, readmeExcerpts, readmeWithExcerpts } from '../../scripts/gen-readme-excerpts.js'
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

  it("the README's excerpts are exactly what the demo wrote, times included (regenerate: npm run bundle && npm run docs:excerpts)", () => {
    const readme = readFileSync('README.md', 'utf8')
    const expected = demoExcerpts(result)
    const shown = readmeExcerpts(readme)
    expect(Object.keys(shown)).toEqual(EXCERPTS.map((e) => e.name))
    // One excerpt at a time first, so a failure shows the diff of the excerpt that drifted.
    for (const e of EXCERPTS)
      expect(shown[e.name], `README.md excerpt "${e.name}" differs from the demo's output`).toBe(expected[e.name])
    expect(readme).toBe(readmeWithExcerpts(readme, expected))
    // The demo's fixed clock is what makes this exact: the excerpts carry its times.
    expect(expected.card).toContain('| **Stage** | Closed since 2026-11-27 11:00 UTC |')
    expect(expected.reminder).toContain('Next update due 2026-11-26 15:31 UTC.')
    // And the examples render (the page's renderer copes with what they contain).
    const section = /\n## What it looks like\n([\s\S]*?)(?=\n## |$)/.exec(readme)?.[1]
    expect(renderMarkdown(section!)).toContain('<table>')
  })
})

// ---- The page in a real browser: Debian's Chromium, headless, offline (no network is needed).
const CHROMIUM = '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)
// In CI (.ci/run installs Chromium) a missing browser fails the test; on a laptop without it, skip and say why.
const IN_CI = Boolean(process.env.CI)
if (!HAVE_CHROMIUM && !IN_CI)
  console.warn(
    `demo.test.ts: skipping the demo page screenshot: ${CHROMIUM} is missing (apt-get install -y chromium; CI installs it)`,
  )
/** Where the screenshots go (gitignored). */
export const SCREENSHOT_DIR = resolve('.tmp')

describe('the demo page in headless Chromium (1280 px)', () => {
  it.skipIf(!HAVE_CHROMIUM && !IN_CI)(
    'draws every Mermaid chart as SVG, keeps incident titles to 2 lines at most, and is saved as a screenshot',
    async () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`).toBe(true)
      const profile = mkdtempSync(join(tmpdir(), 'incidentops-chromium-'))
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1280, height: 900 },
        offline: true,
      })
      try {
        const page = context.pages()[0] ?? (await context.newPage())
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        await page.goto(pathToFileURL(join(dir, 'index.html')).href)
        // The page marks the body when Mermaid is done (or failed): see MERMAID_START in src/demo/html.ts.
        await page.waitForFunction(() => document.body.dataset.mermaid !== undefined, undefined, { timeout: 60_000 })
        expect(await page.evaluate(() => document.body.dataset.mermaid), errors.join('\n')).toBe('done')

        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('pre.mermaid')].map((pre) => {
            const svg = pre.querySelector(':scope > svg')
            const box = svg?.getBoundingClientRect()
            return {
              svg: svg !== null,
              width: box?.width ?? 0,
              height: box?.height ?? 0,
              error: /Syntax error|error in text/i.test(pre.textContent ?? ''),
            }
          }),
        )
        expect(charts.length, 'the report has its two charts').toBe(2)
        for (const c of charts) {
          expect(c.svg).toBe(true)
          expect(c.error).toBe(false)
          expect(c.width).toBeGreaterThan(300)
          expect(c.height).toBeGreaterThan(150)
        }

        // The report's incidents table: each title's own height, in lines of text.
        const table = await page.evaluate(() => {
          const heading = [...document.querySelectorAll('h3')].find((h) =>
            /^Incidents \(\d+\)$/.test(h.textContent ?? ''),
          )
          const wrapper = heading?.nextElementSibling
          const t = wrapper?.querySelector('table')
          if (!wrapper || !t) return null
          const headers = [...t.querySelectorAll('tr:first-child th')].map((th) => th.textContent?.trim())
          const col = headers.indexOf('Title')
          const rows = [...t.querySelectorAll('tr')].slice(1)
          const titles = rows.map((tr) => {
            const td = tr.children[col] as HTMLElement
            const range = document.createRange()
            range.selectNodeContents(td)
            const lineHeight = parseFloat(getComputedStyle(td).lineHeight)
            return { text: td.textContent ?? '', lines: Math.round(range.getBoundingClientRect().height / lineHeight) }
          })
          return { col, titles, scrollWidth: wrapper.scrollWidth, clientWidth: wrapper.clientWidth }
        })
        expect(table, 'the report has an incidents table').not.toBeNull()
        expect(table!.col).toBeGreaterThanOrEqual(0)
        expect(table!.titles.length).toBeGreaterThanOrEqual(3)
        for (const t of table!.titles) expect(t.lines, `"${t.text}" takes ${t.lines} lines`).toBeLessThanOrEqual(2)
        expect(table!.titles.some((t) => t.text.includes('Nobody can sign in'))).toBe(true)
        // Nothing cut: no table of the page is wider than the column it sits in (no hidden, scrolled-off columns).
        const cut = await page.evaluate(() =>
          [...document.querySelectorAll('div.table')]
            .filter((w) => w.scrollWidth > w.clientWidth + 1)
            .map(
              (w) =>
                `${w.closest('section')?.id}: "${w.querySelector('th')?.parentElement?.textContent?.slice(0, 60)}" is ${w.scrollWidth} px wide in ${w.clientWidth} px`,
            ),
        )
        expect(cut).toEqual([])
        // What a person reads: no character reference shown as its source (GitHub draws `&#91;` as `[`).
        const shown = await page.evaluate(() => document.body.innerText)
        expect(shown.match(/&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot);/gi) ?? []).toEqual([])
        expect(shown).toContain('[Incident]: Nobody can sign in')
        // A two-line comment ("/fixing" then "/update …") reads as two lines, as on GitHub.
        const fixing = await page.evaluate(() =>
          [...document.querySelectorAll('#issue-1 .comment .body')]
            .map((b) => (b as HTMLElement).innerText.trim())
            .find((t) => t.startsWith('/fixing')),
        )
        expect(fixing).toBe('/fixing\n/update rollback in progress')

        mkdirSync(SCREENSHOT_DIR, { recursive: true })
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-page.png'), fullPage: true })
        // The report alone, cut from the full page (an element screenshot scrolls, and the sticky nav would cover it).
        await page.evaluate(() => window.scrollTo(0, 0))
        const report = await page.locator('#report').boundingBox()
        expect(report).not.toBeNull()
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-page-report.png'), fullPage: true, clip: report! })
        expect(errors).toEqual([])
      } finally {
        await context.close()
        rmSync(profile, { recursive: true, force: true })
      }
    },
    180_000,
  )
})
