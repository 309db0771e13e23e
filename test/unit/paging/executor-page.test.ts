import { describe, expect, it } from 'vitest'
import { Executor } from '../../../src/apply.js'
import type { GitHubPort } from '../../../src/github/port.js'
import type { Effect } from '../../../src/plan.js'
import type { PageEffect } from '../../../src/paging/plan.js'
import type { Pager } from '../../../src/paging/send.js'

const page = (channel: PageEffect['channel']): PageEffect => ({
  kind: 'page',
  issue: 7,
  key: 'L1:@alice',
  who: 'alice',
  channel,
  title: 't',
  text: 'x',
  url: 'https://x/7',
  priority: 'P1',
})
const comment: Effect = { kind: 'create-comment', issue: 7, marker: '<!-- incidentops:note:1 -->', body: 'b' }

function setup(dryRun: boolean, budget: number) {
  const sent: string[] = []
  const writes: string[] = []
  const github = {
    createComment: async () => {
      writes.push('comment')
      return { databaseId: 1 }
    },
  } as unknown as GitHubPort
  const pager: Pager = {
    send: async (e) => {
      sent.push(e.channel)
      return e.channel === 'sms' ? { ok: false, error: 'HTTP 500' } : { ok: true }
    },
  }
  const warnings: string[] = []
  const exec = new Executor({ github, pager }, { dryRun, budget, log: () => undefined, warn: (l) => warnings.push(l) })
  return { exec, sent, writes, warnings }
}

describe('the executor and pages', () => {
  it('sends pages outside the GitHub write budget, and reports a failed one without throwing', async () => {
    const { exec, sent, writes, warnings } = setup(false, 1)
    const out = await exec.apply([comment, page('ntfy'), page('sms')])
    expect(writes).toEqual(['comment'])
    expect(sent).toEqual(['ntfy', 'sms'])
    expect(out.map((a) => [a.status, a.error])).toEqual([
      ['done', undefined],
      ['done', undefined],
      ['failed', 'HTTP 500'],
    ])
    expect(exec.written).toBe(1)
    expect(warnings).toEqual([
      "#7: page @alice by sms (L1) failed: HTTP 500. The incident's GitHub writes are done; the mention stands.",
    ])
  })
  it('a dry run plans pages and sends none', async () => {
    const { exec, sent } = setup(true, 10)
    const out = await exec.apply([page('ntfy')])
    expect(sent).toEqual([])
    expect(out).toEqual([{ kind: 'page', issue: 7, description: '#7: page @alice by ntfy (L1)', status: 'planned' }])
  })
})
