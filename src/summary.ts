import * as core from '@actions/core'
import type { AppliedEffect } from './apply.js'
import { inline } from './render/markdown.js'

/** The run's plan and outcome in the job summary. */
export async function writeSummary(head: string[], applied: AppliedEffect[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  // A write's description can quote a title or a label: one neutralised cell (pipes, HTML, mentions, markers).
  const rows = applied.map(
    (a) => `| ${a.status} | ${inline(a.error ? `${a.description}: ${a.error}` : a.description, 500)} |`,
  )
  const body = [...head, '', ...(rows.length ? ['| status | write |', '|---|---|', ...rows] : ['_No writes._'])].join(
    '\n',
  )
  await core.summary.addRaw(body + '\n').write()
}
