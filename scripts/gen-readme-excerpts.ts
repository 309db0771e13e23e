/*
 * The README's "What it looks like" excerpts (the card, an escalation, a reminder, a postmortem, the
 * weekly report) are generated from a run of the demo, whose clock is fixed, so they are what the
 * action writes, times included. Each lives between `<!-- excerpt:NAME -->` and
 * `<!-- /excerpt:NAME -->`.
 *
 *   npm run bundle && npm run docs:excerpts     runs the demo on dist/index.js, rewrites README.md
 *
 * test/e2e/demo.test.ts runs the demo and fails when the README's excerpts differ from what this
 * script would write, by one character: CI runs it on the bundle it has just checked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const README_FILE = 'README.md'

/** What the demo reports about its run: where it wrote, which issue is which, the emulator's URL. */
export interface DemoRun {
  outDir: string
  serverUrl: string
  issues: { form: number; postmortems: number[]; report: number | null }
}

/** One issue thread as the demo writes it (src/demo/run.ts renderThread): the body, then each comment's body. */
export interface Thread {
  body: string
  comments: string[]
}

const BODY_MARK = '<!-- thread:body -->\n\n'
const COMMENT_SPLIT = '\n\n---\n\n<!-- thread:comment -->\n'

/** Splits a thread file into its body and its comments' bodies (the "**@x** commented at …" line dropped). */
export function parseThread(markdown: string): Thread {
  const start = markdown.indexOf(BODY_MARK)
  if (start < 0) throw new Error('not a thread written by the demo: no <!-- thread:body --> marker')
  const [body, ...rest] = markdown.slice(start + BODY_MARK.length).split(COMMENT_SPLIT)
  const comments = rest.map((c) => {
    const lines = c.split('\n')
    // The header line, then a blank line, then the comment's body.
    return lines.slice(2).join('\n')
  })
  return { body: body!.replace(/\n+$/, ''), comments: comments.map((c) => c.replace(/\n+$/, '')) }
}

/**
 * Every ATX heading above level 4 is shown at level 4, so an excerpt's headings stay inside the
 * README's own section (GitHub shows the same text, one size smaller); fenced code is left alone.
 */
export function demoteHeadings(markdown: string): string {
  let fenced = false
  return markdown
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fenced = !fenced
      return fenced ? line : line.replace(/^#{1,3} /, '#### ')
    })
    .join('\n')
}

/**
 * The part of a markdown text up to its second heading (the title and what follows it), then the
 * sections whose heading text is in `keep`, in their order, then one line naming the sections left
 * out (derived, so it cannot go stale). A section runs to the next heading of the same or a higher
 * level. Throws if a kept section is missing, so a renamed heading fails the generation instead of
 * shrinking the excerpt.
 */
export function keepSections(markdown: string, keep: string[]): string {
  const lines = markdown.split('\n')
  const heading = (l: string): { level: number; text: string } | null => {
    const m = /^(#{1,6}) (.*)$/.exec(l)
    return m ? { level: m[1]!.length, text: m[2]!.trim() } : null
  }
  const headings = lines.flatMap((l, i) => (heading(l) ? [{ i, ...heading(l)! }] : []))
  const lead = headings[1]?.i ?? lines.length
  const trim = (from: number, to: number): string => lines.slice(from, to).join('\n').replace(/\n+$/, '')
  const out = [trim(0, lead)]
  const kept = new Set<number>()
  for (const name of keep) {
    const h = headings.find((x) => x.text === name)
    if (!h) throw new Error(`no section "${name}" in:\n${markdown.slice(0, 300)}`)
    const next = headings.find((x) => x.i > h.i && x.level <= h.level)
    for (const x of headings) if (x.i >= h.i && x.i < (next?.i ?? lines.length)) kept.add(x.i)
    out.push(trim(h.i, next?.i ?? lines.length))
  }
  // The sections at the kept ones' level that were left out, by name.
  const level = Math.min(...keep.map((name) => headings.find((x) => x.text === name)!.level))
  const dropped = headings.filter((x) => x.i >= lead && x.level === level && !kept.has(x.i)).map((x) => x.text)
  if (dropped.length) out.push(`*… cut here; the full text goes on with: ${dropped.join(' · ')}.*`)
  return out.join('\n\n')
}

/** One excerpt: its README name and how it is cut from the demo's output. */
interface ExcerptSpec {
  name: string
  make: (run: DemoRun, read: (file: string) => Thread) => string
}

const comment = (t: Thread, marker: string, what: string): string => {
  const c = t.comments.find((b) => b.startsWith(marker))
  if (c === undefined) throw new Error(`the demo wrote no ${what} (a comment starting ${marker})`)
  return c
}

/** The excerpts, in README order. */
export const EXCERPTS: ExcerptSpec[] = [
  {
    name: 'card',
    // The card as it ends; the base64 record line is for the action, not for people.
    make: (run, read) =>
      comment(read(`issue-${run.issues.form}.md`), '<!-- incidentops:card -->', 'card')
        .split('\n')
        .filter((l) => !l.startsWith('<!-- incidentops:record:'))
        .join('\n'),
  },
  {
    name: 'escalation',
    make: (run, read) => comment(read(`issue-${run.issues.form}.md`), '<!-- incidentops:escalation:', 'escalation'),
  },
  {
    name: 'reminder',
    make: (run, read) => comment(read(`issue-${run.issues.form}.md`), '<!-- incidentops:reminder:', 'reminder'),
  },
  {
    name: 'postmortem',
    make: (run, read) => {
      const mine = run.issues.postmortems
        .map((n) => read(`postmortem-${n}.md`).body)
        .find((b) => b.startsWith(`<!-- incidentops:postmortem:${run.issues.form} -->`))
      if (mine === undefined) throw new Error(`the demo wrote no postmortem for #${run.issues.form}`)
      return keepSections(mine, ['Key times', 'Timeline'])
    },
  },
  {
    name: 'report',
    make: (run, read) => {
      if (run.issues.report === null) throw new Error('the demo published no weekly report')
      const body = read('report.md').body
      return keepSections(body, ['Headlines', 'Reliability and risk'])
    },
  },
]

/**
 * The excerpts of a demo run, by name, as the README shows them: headings at level 4, and the
 * emulator's address in links replaced by https://github.com (what GitHub's html_url would be).
 */
export function demoExcerpts(run: DemoRun): Record<string, string> {
  const read = (file: string): Thread => parseThread(readFileSync(join(run.outDir, file), 'utf8'))
  const out: Record<string, string> = {}
  for (const spec of EXCERPTS)
    out[spec.name] = demoteHeadings(spec.make(run, read)).split(run.serverUrl).join('https://github.com')
  return out
}

const begin = (name: string): string => `<!-- excerpt:${name} -->`
const end = (name: string): string => `<!-- /excerpt:${name} -->`
const MARKER = /<!-- (\/?)excerpt:([a-z0-9-]+) -->/g

/** The excerpts the README holds now, by name (what is between each pair of markers, without the blank lines around it). */
export function readmeExcerpts(readme: string): Record<string, string> {
  const out: Record<string, string> = {}
  let open: { name: string; from: number } | null = null
  for (const m of readme.matchAll(MARKER)) {
    const [marker, closing, name] = [m[0], m[1], m[2]!]
    if (!closing) {
      if (open) throw new Error(`${README_FILE}: ${marker} inside the excerpt "${open.name}"`)
      if (name in out) throw new Error(`${README_FILE}: the excerpt "${name}" appears twice`)
      open = { name, from: m.index + marker.length }
    } else {
      if (open?.name !== name) throw new Error(`${README_FILE}: ${marker} without its ${begin(name)}`)
      out[name] = readme.slice(open.from, m.index).replace(/^\n\n/, '').replace(/\n\n$/, '')
      open = null
    }
  }
  if (open) throw new Error(`${README_FILE}: ${begin(open.name)} has no ${end(open.name)}`)
  return out
}

/**
 * The README with each excerpt replaced by `excerpts[name]`. Throws, naming the marker, if the
 * README lacks one, has one twice or has one this script does not generate: nothing half-written.
 */
export function readmeWithExcerpts(readme: string, excerpts: Record<string, string>): string {
  const present = readmeExcerpts(readme)
  const unknown = Object.keys(present).filter((n) => !(n in excerpts))
  if (unknown.length)
    throw new Error(
      `${README_FILE} has excerpt markers this script does not generate: ${unknown.map(begin).join(', ')}`,
    )
  const missing = Object.keys(excerpts).filter((n) => !(n in present))
  if (missing.length)
    throw new Error(`${README_FILE} lacks the markers of: ${missing.map((n) => `${begin(n)} … ${end(n)}`).join(', ')}`)
  let out = readme
  for (const [name, text] of Object.entries(excerpts)) {
    const a = out.indexOf(begin(name)) + begin(name).length
    const b = out.indexOf(end(name))
    out = `${out.slice(0, a)}\n\n${text}\n\n${out.slice(b)}`
  }
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { demo } = await import('../src/demo/run.js')
  if (!existsSync('dist/index.js'))
    throw new Error('dist/index.js is missing: run `npm run bundle` first (the demo runs the bundle)')
  const dir = mkdtempSync(join(tmpdir(), 'incidentops-excerpts-'))
  try {
    const run = await demo(dir, () => {}, { bundle: join(process.cwd(), 'dist', 'index.js') })
    const before = readFileSync(README_FILE, 'utf8')
    const excerpts = demoExcerpts(run)
    const old = readmeExcerpts(before)
    const after = readmeWithExcerpts(before, excerpts)
    writeFileSync(README_FILE, after)
    const changed = Object.keys(excerpts).filter((n) => old[n] !== excerpts[n])
    process.stdout.write(
      `${README_FILE}: ${Object.keys(excerpts).length} excerpts from the demo; ${changed.length ? `changed: ${changed.join(', ')}` : 'none changed'}\n`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
