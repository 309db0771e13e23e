/**
 * The history bench (#20): the index's size at 10,000 past incidents, and what a declaration
 * costs with it (requests, and compute). `npm run bench -- --only=history --merge`.
 *
 * Compute is measured two ways, both printed:
 * - the action's own CPU (user + system of the child process) declaring an incident with the
 *   10,000-incident index, minus the same declaration in a repository without an index: what
 *   searching the history adds to a real run, cold process and all;
 * - in this process: decoding the index and ranking it for the same incident, the first (cold)
 *   call and the median of 5.
 */
import { gzipSync } from 'node:zlib'
import type { Emulator } from '../src/emulator/index.js'
import { seedHistory } from '../src/demo/seed.js'
import { renderIssueForm } from '../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../src/intake/form-spec.js'
import { HISTORY_BRANCH, HISTORY_PATH, decodeIndex } from '../src/history/index-file.js'
import { similar } from '../src/history/similar.js'
import { issuesPayload } from '../test/e2e/harness.js'
import { runBundle, tally, type Measured } from './runner.js'
import { median, type Row } from './table.js'

type MeasuredRow = (scenario: string, size: string, m: Measured, emu: Emulator, rest: Partial<Row>) => Row

/** The requests a form declaration made before #20 (the intake row): the history's extra requests are counted above it. */
const DECLARATION_BEFORE = 4

const form = (): string =>
  renderIssueForm(
    {
      summary: 'Checkout returns errors on the payment step',
      impact: 'Major degradation',
      users_affected: '30%',
      services: 'checkout',
      detection: 'Customer report',
    },
    INCIDENT_FORM,
  )

export async function historyBench(
  emu: Emulator,
  rows: Row[],
  log: (s: string) => void,
  measuredRow: MeasuredRow,
  size = 10_000,
): Promise<void> {
  log(`history: index size and a declaration with ${size.toLocaleString('en')} past incidents`)
  const repo = 'acme/history-bench'
  const bare = 'acme/history-none'
  for (const r of [repo, bare]) emu.addRepo(r, { collaborators: { alice: 'write' } })
  seedHistory(emu, repo, { now: '2026-11-20T00:00:00Z', count: size, seed: 41, weeks: 52, chatter: 0 })
  emu.clock.set('2026-11-23T06:00:00Z')
  const built = await runBundle({
    emu,
    repo,
    event: 'schedule',
    payload: { schedule: '0 6 * * 1' },
    inputs: { mode: 'report' },
  })
  if (built.code !== 0) throw new Error(`the report failed: ${built.stderr.slice(0, 500)}`)
  const text = emu.getFile(repo, HISTORY_PATH, HISTORY_BRANCH)
  if (!text) throw new Error('the report wrote no history index')
  const bytes = Buffer.byteLength(text)
  rows.push({
    scenario: 'history index size',
    size: size.toLocaleString('en'),
    available: true,
    requests: null,
    rest: null,
    graphql: null,
    points: null,
    writes: null,
    wallMs: null,
    peakRssMb: null,
    min: null,
    naive: null,
    targets: [
      { what: 'contents API answer with the content (≤ 1 MB)', limit: 1_048_576, actual: bytes, unit: 'bytes' },
    ],
    extra: { bytes, kib: Math.round(bytes / 1024), perIncidentBytes: Math.round(bytes / size) },
    note: `gzip + base64 text on the branch ${HISTORY_BRANCH}, read in one request`,
  })
  log(`  history index: ${bytes.toLocaleString('en')} bytes (${Math.round(bytes / size)} per incident)`)

  const declare = async (r: string): Promise<Measured> => {
    emu.clock.set('2026-11-25T14:00:00Z')
    const n = emu.createIssue(r, {
      title: '[Incident]: Checkout payment step fails',
      body: form(),
      labels: ['incident'],
      user: 'alice',
    }).number
    emu.resetCounters()
    return runBundle({ emu, repo: r, event: 'issues', payload: issuesPayload(emu, r, n, 'opened', 'alice') })
  }
  // Warm the OS file cache for the bundle, then measure both declarations.
  await declare(bare)
  const without = await declare(bare)
  const tWithout = tally(emu.requests)
  const m = await declare(repo)
  const t = tally(emu.requests)

  // In process: decode + rank, cold then warm.
  const q = {
    number: 1_000_000,
    declaredAt: Date.parse('2026-11-25T14:00:00Z'),
    title: '[Incident]: Checkout payment step fails',
    summary: 'Checkout returns errors on the payment step',
    services: ['checkout'],
    alertKey: null,
    paths: [],
  }
  const times: number[] = []
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now()
    const index = decodeIndex(text)!
    similar(index.incidents, q)
    times.push(performance.now() - t0)
  }
  const cpuExtra = m.cpuMs !== null && without.cpuMs !== null ? Math.round(m.cpuMs - without.cpuMs) : null
  rows.push(
    measuredRow('declaration with the history index', size.toLocaleString('en'), m, emu, {
      min: DECLARATION_BEFORE + 1,
      minWhy: 'the declaration (one read, labels, card, labels) and one read of the index',
      targets: [
        { what: 'extra requests', limit: 3, actual: t.total - DECLARATION_BEFORE, unit: 'requests' },
        ...(cpuExtra !== null
          ? [{ what: 'extra compute (action CPU)', limit: 200, actual: cpuExtra, unit: 'ms' }]
          : []),
      ],
      extra: {
        withoutIndexRequests: tWithout.total,
        withoutIndexCpuMs: without.cpuMs ?? '?',
        cpuExtraMs: cpuExtra ?? '?',
        inProcessColdMs: Math.round(times[0]!),
        inProcessMedianMs: Math.round(median(times.slice(1))),
        indexGzipBytes: gzipSync(text).length,
      },
      note: `extra requests counted above the ${DECLARATION_BEFORE} of a declaration before #20; extra CPU = this run's minus the same declaration without an index (${without.cpuMs ?? '?'} ms)`,
    }),
  )
  log(
    `  compute: action CPU +${cpuExtra ?? '?'} ms over a declaration without index; in process: decode + rank ${Math.round(times[0]!)} ms cold, ${Math.round(median(times.slice(1)))} ms warm`,
  )
}
