import * as core from '@actions/core'
import type { AppliedEffect } from './apply.js'

/** The run's plan and outcome in the job summary. */
export async function writeSummary(head: string[], applied: AppliedEffect[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows = applied.map((a) => `| ${a.status} | ${a.description.replace(/\|/g, '\\|')} |`)
  const body = [...head, '', ...(rows.length ? ['| status | write |', '|---|---|', ...rows] : ['_No writes._'])].join('\n')
  await core.summary.addRaw(body + '\n').write()
}
