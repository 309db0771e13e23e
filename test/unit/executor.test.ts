import { describe, expect, it } from 'vitest'
import { Executor } from '../../src/apply.js'
import type { GitHubPort } from '../../src/github/port.js'
import type { BoardPort } from '../../src/github/board.js'
import type { Effect } from '../../src/plan.js'

/** Ports that record every write they are asked for (reads are not used by the executor). */
function recordingPorts() {
  const writes: string[] = []
  const github = {
    createComment: async (issue: number) => {
      writes.push(`comment #${issue}`)
      return { databaseId: 1 }
    },
    createIssue: async () => {
      writes.push('issue')
      return { number: 40, nodeId: 'I_40' }
    },
    proposeFile: async () => {
      writes.push('pull request')
      return { number: 41, created: true }
    },
    editPullBody: async (pr: number) => {
      writes.push(`pull body #${pr}`)
    },
  } as unknown as GitHubPort
  const board: BoardPort = {
    read: async () => null,
    addItem: async () => {
      writes.push('board item')
      return 'PVTI_1'
    },
    setFields: async () => {
      writes.push('board fields')
    },
  }
  return { writes, github, board }
}

const comment = (issue: number): Effect => ({
  kind: 'create-comment',
  issue,
  marker: '<!-- incidentops:x -->',
  body: 'x',
})
const pull: Effect = {
  kind: 'propose-file',
  issue: 7,
  branch: 'b',
  path: 'p.md',
  content: 'c',
  message: 'm',
  title: 't',
  body: 'b',
  marker: '<!-- m -->',
}
const add: Effect = { kind: 'board-add-item', issue: 7, project: 'o/1', projectId: 'P', contentId: 'I' }
const fields: Effect = {
  kind: 'board-set-fields',
  issue: 7,
  projectId: 'P',
  itemId: 'PVTI_1',
  updates: [{ field: 'Status', fieldId: 'F', type: 'SINGLE_SELECT', value: 'o', shown: 'Fixing' }],
  what: 'board',
}

describe('Executor: one writer, one budget for the run', () => {
  it('counts issue, board and pull-request writes against one budget across apply calls', async () => {
    const p = recordingPorts()
    const log: string[] = []
    const exec = new Executor(
      { github: p.github, board: p.board },
      { dryRun: false, budget: 4, log: (l) => log.push(l) },
    )
    const a = await exec.apply([comment(7), add])
    const b = await exec.apply([fields, pull])
    const c = await exec.apply([{ kind: 'edit-pull-body', issue: 7, pr: 41, body: 'x' }, comment(8)])
    expect(p.writes).toEqual(['comment #7', 'board item', 'board fields', 'pull request'])
    expect([...a, ...b].map((x) => x.status)).toEqual(['done', 'done', 'done', 'done'])
    expect(c.map((x) => x.status)).toEqual(['skipped', 'skipped'])
    expect(exec.written).toBe(4)
    expect(exec.remaining).toBe(0)
    expect(log.filter((l) => l.startsWith('budget of 4 writes reached'))).toHaveLength(2)
    // What the writes created is passed back: the board item's id and the pull request's number.
    expect(a[1]).toMatchObject({ kind: 'board', itemId: 'PVTI_1', status: 'done' })
    expect(b[1]).toMatchObject({ kind: 'propose-file', issue: 41, status: 'done' })
  })

  it('capBudget lowers the budget for the rest of the run and never raises it', async () => {
    const p = recordingPorts()
    const exec = new Executor({ github: p.github, board: p.board }, { dryRun: false, budget: 3, log: () => {} })
    await exec.apply([comment(1)])
    exec.capBudget(2)
    exec.capBudget(50)
    const r = await exec.apply([comment(2), comment(3)])
    expect(r.map((x) => x.status)).toEqual(['done', 'skipped'])
    expect(p.writes).toEqual(['comment #1', 'comment #2'])
  })

  it('in a dry run writes nothing, plans what the run would write and stops at the same budget', async () => {
    const p = recordingPorts()
    const log: string[] = []
    const exec = new Executor(
      { github: p.github, board: p.board },
      { dryRun: true, budget: 4, log: (l) => log.push(l) },
    )
    const r = await exec.apply([comment(7), add, fields, pull, comment(8)])
    expect(p.writes).toEqual([])
    expect(r.map((x) => x.status)).toEqual(['planned', 'planned', 'planned', 'planned', 'skipped'])
    expect(log).toEqual([
      '[dry-run] would #7: post x',
      '[dry-run] would #7: add to project o/1',
      '[dry-run] would #7: board Status = Fixing',
      '[dry-run] would propose the postmortem of #7 as p.md in a pull request',
      'budget of 4 writes reached: left for the next run: #8: post x',
    ])
    // What the writes would create gets placeholders, so that planning goes on as in the real run.
    expect(r[1]).toMatchObject({ itemId: 'DRY_RUN_ITEM_1' })
    expect(r[3]).toMatchObject({ kind: 'propose-file', issue: -1 })
  })

  it('effects that wait for an id a skipped write would have created are skipped, and planned in a dry run', async () => {
    const p = recordingPorts()
    const real = new Executor({ github: p.github, board: p.board }, { dryRun: false, budget: 10, log: () => {} })
    expect((await real.apply([fields], { after: false }))[0]!.status).toBe('skipped')
    expect(p.writes).toEqual([])
    const dry = new Executor({ github: p.github, board: p.board }, { dryRun: true, budget: 10, log: () => {} })
    expect((await dry.apply([fields], { after: false }))[0]!.status).toBe('planned')
  })

  it('a board write without a board port is a bug that says so, not a silent skip', async () => {
    const p = recordingPorts()
    const exec = new Executor({ github: p.github }, { dryRun: false, budget: 10, log: () => {} })
    await expect(exec.apply([add])).rejects.toThrow(/without a project token/)
  })
})

describe('applyTogether: several writes in one request', () => {
  const report: Effect = {
    kind: 'create-issue',
    title: 'Reliability report',
    body: 'body',
    labels: ['reliability-report'],
    marker: '<!-- incidentops:report -->',
    labelIds: ['LA_1'],
  }
  const index: Effect = {
    kind: 'put-file',
    branch: 'incidentops-data',
    path: 'history/index.txt',
    content: 'index',
    message: 'm',
    sha: 'blob',
    headOid: 'head',
    what: 'the history index',
  }
  function ports() {
    const calls: string[] = []
    const batches: unknown[] = []
    const github = {
      writeTogether: async (writes: unknown[]) => {
        batches.push(writes)
        return [{ number: 40, nodeId: 'I_40' }, undefined]
      },
      createIssue: async () => {
        calls.push('createIssue')
        return { number: 41, nodeId: 'I_41' }
      },
      putFile: async () => {
        calls.push('putFile')
      },
    } as unknown as GitHubPort
    return { calls, batches, github }
  }
  const opts = { dryRun: false, budget: 10, log: () => {} }

  it('sends the report issue and the index commit in one request when every id was read', async () => {
    const p = ports()
    const exec = new Executor({ github: p.github }, opts)
    const out = await exec.applyTogether([report, index])
    expect(p.calls).toEqual([])
    expect(p.batches).toEqual([
      [
        { kind: 'create-issue', title: 'Reliability report', body: 'body', labelIds: ['LA_1'] },
        {
          kind: 'commit-file',
          branch: 'incidentops-data',
          path: 'history/index.txt',
          content: 'index',
          message: 'm',
          expectedHeadOid: 'head',
        },
      ],
    ])
    expect(out).toMatchObject([
      { kind: 'create-issue', issue: 40, nodeId: 'I_40', status: 'done' },
      { kind: 'put-file', status: 'done' },
    ])
    expect(exec.written).toBe(2)
  })

  it('falls back to one write at a time when an id is missing, the budget is short, or alone', async () => {
    const cases: [Effect[], number][] = [
      [[{ ...report, labelIds: undefined } as Effect, index], 10],
      [[report, { ...index, headOid: undefined } as Effect], 10],
      [[report, { ...index, newBranch: true } as Effect], 10],
      [[report, index], 1],
      [[report], 10],
    ]
    for (const [effects, budget] of cases) {
      const p = ports()
      await new Executor({ github: p.github }, { ...opts, budget }).applyTogether(effects)
      expect(p.batches).toEqual([])
      expect(p.calls.length).toBe(Math.min(budget, effects.length))
    }
  })

  it('plans them in a dry run, and writes nothing', async () => {
    const p = ports()
    const out = await new Executor({ github: p.github }, { ...opts, dryRun: true }).applyTogether([report, index])
    expect(p.batches).toEqual([])
    expect(p.calls).toEqual([])
    expect(out.map((a) => a.status)).toEqual(['planned', 'planned'])
  })
})
