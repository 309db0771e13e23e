import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { issuesPayload, runAction } from './harness.js'

let emu: Emulator
let receiver: Server
let url = ''
let status = 200
const received: { path: string; body: Record<string, unknown> }[] = []

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
  receiver = createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString()))
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(raw || '{}') as Record<string, unknown> })
      res.writeHead(status).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
})
afterAll(async () => {
  await emu?.close()
  await new Promise((r) => receiver.close(r))
})

async function declare(repo: string, webhook: string) {
  emu.addRepo(repo, { collaborators: { alice: 'write' } })
  const body = renderIssueForm(
    {
      summary: 'Checkout down for @everyone',
      impact: 'Full outage',
      users_affected: 'All users (100%)',
      services: 'checkout',
      exposure: [],
      detection: 'Monitoring alert',
    },
    INCIDENT_FORM,
  )
  const n = emu.createIssue(repo, {
    title: '[Incident]: Checkout down @here',
    body,
    labels: ['incident'],
    user: 'alice',
  }).number
  return {
    n,
    run: await runAction({
      emu,
      repo,
      event: 'issues',
      payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
      inputs: { 'notify-webhook': webhook },
    }),
  }
}

describe('chat notifications', () => {
  it('a declaration reaches the local receiver with the right content, and a replay sends nothing', async () => {
    received.length = 0
    const { n, run } = await declare('acme/notify-1', `${url}/hook`)
    expect(run.code, run.stdout).toBe(0)
    expect(received).toHaveLength(1)
    expect(received[0]!.path).toBe('/hook')
    expect(received[0]!.body).toMatchObject({
      version: 1,
      event: 'declared',
      repo: 'acme/notify-1',
      number: n,
      priority: 'P1',
      stage: 'triage',
    })
    expect(String(received[0]!.body.title)).not.toMatch(/@here/) // defused
    // The URL is a secret: masked in the log.
    expect(run.stdout).toContain(`::add-mask::${url}/hook`)
    const again = await runAction({
      emu,
      repo: 'acme/notify-1',
      event: 'issues',
      payload: issuesPayload(emu, 'acme/notify-1', n, 'opened', 'alice'),
      inputs: { 'notify-webhook': `${url}/hook` },
    })
    expect(again.code).toBe(0)
    expect(received).toHaveLength(1)
  })

  it('a receiver that fails does not fail the run', async () => {
    status = 500
    received.length = 0
    const { n, run } = await declare('acme/notify-2', `${url}/broken`)
    status = 200
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::Notification to .*webhook.* failed: HTTP 500/)
    // Only the masking command itself may carry the URL (the runner hides it everywhere after that).
    expect(run.stdout.split('\n').filter((l) => l.includes('/broken') && !l.startsWith('::add-mask::'))).toEqual([])
    expect(emu.listComments('acme/notify-2', n)).toHaveLength(1) // the card is there all the same
  })

  it('a webhook input that is not a URL fails clearly before anything is written', async () => {
    emu.resetCounters()
    const { run } = await declare('acme/notify-3', 'not a url')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('notify-webhook')
    expect(emu.counts().writes).toBe(0)
  })
})
