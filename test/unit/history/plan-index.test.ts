import { describe, expect, it } from 'vitest'
import { gitBlobSha, planIndex } from '../../../src/history/lookup.js'
import { encodeIndex, HISTORY_LABEL } from '../../../src/history/index-file.js'
import type { GitHubPort } from '../../../src/github/port.js'
import type { PastIncident } from '../../../src/history/similar.js'

/** A port whose every read fails: with `file` known, planning the index must read nothing. */
const noReads = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error('planIndex read through the port')
    },
  },
) as unknown as GitHubPort

const past: PastIncident[] = []
const builtAt = '2026-11-30T00:00:00.000Z'
const label = [{ name: HISTORY_LABEL.name, color: 'ededed', description: '' }]

describe('planIndex, with where the file stands read on the first page', () => {
  it('writes nothing when the blob on the branch is this very index', async () => {
    const blobOid = gitBlobSha(encodeIndex({ builtAt, incidents: past }))
    const r = await planIndex(noReads, past, builtAt, label, { headOid: 'h1', blobOid })
    expect(r.effects).toEqual([])
  })
  it('commits on the head it read when the content changed', async () => {
    const r = await planIndex(noReads, past, builtAt, label, { headOid: 'h1', blobOid: 'old' })
    expect(r.effects).toMatchObject([{ kind: 'put-file', sha: 'old', headOid: 'h1' }])
    expect(r.effects[0]).not.toHaveProperty('newBranch')
  })
  it('creates the branch when it is gone, and the label when it is missing', async () => {
    const r = await planIndex(noReads, past, builtAt, [], { headOid: null, blobOid: null })
    expect(r.effects).toMatchObject([
      { kind: 'put-file', newBranch: true },
      { kind: 'create-labels', labels: [HISTORY_LABEL] },
    ])
    expect(r.effects[0]).not.toHaveProperty('headOid')
  })
  it('git blob sha matches git (`git hash-object` of "hello\\n")', () => {
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a')
  })
})
