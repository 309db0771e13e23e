/**
 * The demo: the real action bundle on the embedded GitHub emulator, no GitHub and no token.
 * Each step is a real run of dist/index.js as a runner would start it; what a person would see
 * on GitHub is written as markdown and one HTML page into the output folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { issuesPayload, runAction } from '../e2e/harness.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'

const REPO = 'acme/shop'

export async function runDemo(args: string[], out: (s: string) => void): Promise<number> {
  const outDir = resolve(args[args.indexOf('--out') + 1] && args.includes('--out') ? args[args.indexOf('--out') + 1]! : 'demo-output')
  const emu = await startEmulator({ now: '2026-11-25T14:07:00Z' })
  try {
    emu.addUser('alice')
    emu.addRepo(REPO, { collaborators: { alice: 'write' } })
    emu.setFile(REPO, '.github/incidents.yml', 'crisis:\n  mention: ["@acme/incident-response"]\n')
    out(`▶ Local GitHub emulator at ${emu.url} with repository ${REPO}`)

    out('▶ 14:07 alice opens an incident from the form: checkout is down for everyone')
    const body = renderIssueForm(
      {
        summary: 'Checkout returns HTTP 502 for every card payment since the 14:00 deploy.',
        started_at: '2026-11-25 14:02 UTC',
        impact: 'Full outage',
        users_affected: 'All users (100%)',
        services: 'checkout, payments-api',
        exposure: [],
        detection: 'Monitoring alert',
        links: 'https://grafana.example.com/d/checkout',
      },
      INCIDENT_FORM,
    )
    const n = emu.createIssue(REPO, { title: '[Incident]: Checkout is down', body, labels: ['incident'], user: 'alice' }).number
    await step(emu, out, 'issues.opened → intake', () => runAction({ emu, repo: REPO, event: 'issues', payload: issuesPayload(emu, REPO, n, 'opened', 'alice') }))

    out('▶ The same event delivered again (GitHub redelivers; workflows get re-run)')
    await step(emu, out, 'issues.opened again', () => runAction({ emu, repo: REPO, event: 'issues', payload: issuesPayload(emu, REPO, n, 'opened', 'alice') }))

    mkdirSync(outDir, { recursive: true })
    const thread = renderThread(emu, n)
    writeFileSync(join(outDir, `issue-${n}.md`), thread)
    writeFileSync(join(outDir, 'index.html'), html(`Issue #${n}`, thread))
    out(`\n✔ Done. What a person would see on GitHub is in ${outDir}/ (issue-${n}.md, index.html).`)
    return 0
  } finally {
    await emu.close()
  }
}

async function step(emu: Emulator, out: (s: string) => void, name: string, fn: () => Promise<{ code: number; outputs: Record<string, string>; stdout: string }>): Promise<void> {
  emu.resetCounters()
  const r = await fn()
  const c = emu.counts()
  if (r.code !== 0) throw new Error(`${name} failed:\n${r.stdout}`)
  const actions = JSON.parse(r.outputs.actions ?? '[]') as { description: string }[]
  out(`  ${name}: ${r.outputs.priority ?? ''} ${r.outputs.stage ?? ''} · ${c.total} API requests (${c.writes} writes)`)
  for (const a of actions) out(`    · ${a.description}`)
  if (actions.length === 0) out('    · nothing to write: already up to date')
}

function renderThread(emu: Emulator, n: number): string {
  const issue = emu.getIssue(REPO, n)
  const labels = issue.labels.map((l) => (typeof l === 'string' ? l : l.name)).join('`, `')
  const parts = [`# ${issue.title} #${n}`, '', `Labels: \`${labels}\``, '', `**@${issue.user?.login}** opened:`, '', issue.body ?? '']
  for (const c of emu.listComments(REPO, n)) parts.push('', '---', '', `**@${c.user?.login}** commented:`, '', c.body ?? '')
  return parts.join('\n')
}

function html(title: string, markdown: string): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return `<!doctype html><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f6f8fa;padding:1rem;border-radius:6px}</style>
<h1>IncidentOps demo</h1><p>The markdown below is exactly what the action wrote on the emulated GitHub.</p><pre>${esc(markdown)}</pre>`
}
