import * as core from '@actions/core'
import type { AppliedEffect } from './apply.js'
import { logSafe } from './log-safe.js'
import { writeSummary } from './summary.js'

/**
 * What a run leaves behind, returned by every route and written by main.ts alone: the outputs
 * action.yml declares, the job summary, and the problems that fail the run once everything else
 * was done. Routes never set outputs or fail the run themselves.
 */
export interface RunOutcome {
  outputs: Record<string, string>
  /** Head lines and the writes (a table of them), or markdown of its own (the report). */
  summary: { head: string[]; applied: AppliedEffect[] } | { raw: string } | null
  problems: string[]
}

/** An outcome with nothing written: the `actions` output empty, one summary line. */
export function nothing(line: string | null, outputs: Record<string, string> = {}): RunOutcome {
  return {
    outputs: { ...outputs, actions: '[]' },
    summary: line === null ? null : { head: [line], applied: [] },
    problems: [],
  }
}

/** Writes the outcome: outputs, job summary, then the failure if any problem is left. */
export async function finish(o: RunOutcome): Promise<void> {
  for (const [k, v] of Object.entries(o.outputs)) core.setOutput(k, v)
  if (o.summary && 'raw' in o.summary) {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(o.summary.raw).write()
  } else if (o.summary) await writeSummary(o.summary.head, o.summary.applied)
  if (o.problems.length)
    core.setFailed(
      `Not everything could be brought up to date (everything else was done):\n${o.problems.map((p) => `- ${logSafe(p)}`).join('\n')}`,
    )
}
