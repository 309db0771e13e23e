/**
 * Publishing the report: one issue per window, found again by the hidden marker on its first line
 * (`<!-- incidentops:report:<window start date> -->`) among the issues carrying the report label
 * that our own identity opened. The plan is pure and goes through the usual apply step, so a
 * re-run with the same data writes nothing, changed data edits the same issue, and dry-run only
 * describes. The JSON file is written beside it (docs/report.schema.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import type { IncidentPage } from '../github/port.js'
import type { Effect } from '../plan.js'
import { fitBody } from '../github/content-limits.js'
import { reportMarker } from './render.js'
import type { ReportData } from './types.js'

/** A report issue as the first incident page lists it. */
export type ReportIssue = NonNullable<IncidentPage['labelled']>[number]

/** `Reliability report acme/shop: 2026-11-23 → 2026-11-30`. */
export function reportTitle(data: Pick<ReportData, 'scope' | 'current'>): string {
  return `Reliability report ${data.scope}: ${data.current.period.start.slice(0, 10)} → ${data.current.period.end.slice(0, 10)}`.slice(
    0,
    256,
  )
}

/** The window's report issue: the newest one we opened whose body starts with the window's marker. */
export function findReportIssue(issues: readonly ReportIssue[], marker: string): ReportIssue | undefined {
  return issues.find((i) => i.viewerDidAuthor && i.body.startsWith(marker))
}

/**
 * The writes that bring the window's report issue to `markdown`: create it (with the label) when
 * there is none, edit it when its title or body differ, nothing otherwise.
 */
export function planReport(
  data: ReportData,
  markdown: string,
  existing: readonly ReportIssue[],
  label: string,
  /** The label's GraphQL id when it exists (read with the incidents): the write can then go with others in one request. */
  labelId?: string | null,
): { effects: Effect[]; issue: number | null } {
  const marker = reportMarker(data)
  const title = reportTitle(data)
  const found = findReportIssue(existing, marker)
  // What GitHub will hold (apply.ts cuts the same way): a report too long for one body is not rewritten every run.
  const body = fitBody(markdown)
  if (!found)
    return {
      effects: [
        { kind: 'create-issue', title, body, labels: [label], marker, ...(labelId ? { labelIds: [labelId] } : {}) },
      ],
      issue: null,
    }
  if (found.body === body && found.title === title) return { effects: [], issue: found.number }
  const edit: Extract<Effect, { kind: 'edit-issue' }> = {
    kind: 'edit-issue',
    issue: found.number,
    marker,
    body,
    nodeId: found.id,
  }
  if (found.title !== title) edit.title = title
  return { effects: [edit], issue: found.number }
}

/**
 * Where the JSON file goes: `file` as given when absolute (the CLI's `--json`), else relative to
 * RUNNER_TEMP when set, else to the workspace (GITHUB_WORKSPACE, else the current directory).
 */
export function reportJsonPath(file: string, env: Record<string, string | undefined>, cwd: string): string {
  if (isAbsolute(file)) return file
  const base = env.RUNNER_TEMP || env.GITHUB_WORKSPACE || cwd
  return resolve(base, file)
}

/** Writes the report data as JSON (creating the directory). */
export function writeReportJson(path: string, data: ReportData): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
}
