import type { LabelSpec } from '../github/port.js'
import type { AppliedEffect, Executor } from '../apply.js'
import type { Effect } from '../plan.js'
import { GitHubApiError, getErrorMessage } from '../errors.js'

/**
 * "Sleep when calm": a scheduled sweep every 10 minutes is 4,320 jobs a month, each a billed minute
 * on a private repository, even when nothing is open. So the sweep turns its own workflow off when
 * no incident is open, and the runs that open or touch incidents turn it back on.
 *
 * The marker label says "the sweep is known to be on". Intake and alert runs read every repository
 * label already, so checking it costs no request; only when it is missing do they turn the workflow
 * on (and put the label back): the first incident after a calm spell pays two writes. The marker
 * fails safe: a marker deleted by hand only costs one more "turn on".
 *
 * Ordering makes the race with a new incident safe: the sweep removes the marker, turns the
 * workflow off, and only then counts the open incidents again; an intake run sees its incident
 * before it reads the labels. Either the sweep's second count sees the incident (and turns the
 * workflow back on), or the intake run sees no marker (and turns it on).
 */
export const SWEEP_ON_LABEL: LabelSpec = {
  name: 'incidentops/sweep-on',
  color: 'c5def5',
  description: 'IncidentOps: the scheduled sweep is on. Deleted while calm; the next incident turns the sweep back on.',
}

export interface CalmOptions {
  /** The sweep's workflow file (the `sweep-workflow` input); empty: the feature is off. */
  workflow: string
  /** The run's executor (its budget counts these writes too). */
  exec: Executor
}

export interface CalmOutcome {
  applied: AppliedEffect[]
  /** A line for the job summary and the log (null: nothing to say). */
  line: string | null
  /** Something that may leave reminders unsent: the run fails with it after everything else. */
  problem: string | null
  /** The line is a warning (shown as an annotation), not just information. */
  warn?: boolean
  /** The sweep turned itself off on purpose (or would, in a dry run): it records no run and nobody warns that it stopped. */
  asleep?: boolean
}

/** Nothing done, nothing to say. */
export const NONE: CalmOutcome = { applied: [], line: null, problem: null }

function hasMarker(labels: readonly LabelSpec[]): boolean {
  return labels.some((l) => l.name.toLowerCase() === SWEEP_ON_LABEL.name)
}

/**
 * Intake and alert runs on an open incident: makes sure the sweep is on. Free while the marker is
 * there; otherwise turns the workflow on and puts the marker back.
 */
export async function wakeSweep(repoLabels: readonly LabelSpec[], o: CalmOptions): Promise<CalmOutcome> {
  if (!o.workflow || hasMarker(repoLabels)) return NONE
  const plan: Effect[] = [
    { kind: 'set-workflow', workflow: o.workflow, enabled: true, why: 'an incident is open' },
    { kind: 'create-labels', labels: [SWEEP_ON_LABEL] },
  ]
  try {
    const applied = await o.exec.apply(plan)
    const turnedOn = applied[0]?.status
    if (turnedOn === 'skipped')
      return {
        applied,
        line: null,
        problem: `The scheduled sweep (${o.workflow}) may be off, and this run's write budget was spent before it could turn it on: the next run on an open incident does. Until then no reminder or escalation is posted.`,
      }
    return {
      applied,
      line: `The scheduled sweep (${o.workflow}) is on${turnedOn === 'planned' ? ' (dry run: would turn it on)' : ''}: an incident is open.`,
      problem: null,
    }
  } catch (error: unknown) {
    return {
      applied: [],
      line: null,
      problem:
        `The scheduled sweep (${o.workflow}) may be off, and turning it on failed: ${getErrorMessage(error)} ` +
        `Until it is on, no reminder or escalation is posted. Give this workflow \`permissions: actions: write\`, or turn the sweep workflow on by hand (Actions tab).`,
    }
  }
}

/** The sweep, when it reads its own marker among open incidents: records that it is on (once). */
export async function markSweepOn(repoLabels: readonly LabelSpec[], o: CalmOptions): Promise<CalmOutcome> {
  if (!o.workflow || hasMarker(repoLabels)) return NONE
  const applied = await o.exec.apply([{ kind: 'create-labels', labels: [SWEEP_ON_LABEL] }])
  return { applied, line: null, problem: null }
}

/**
 * The sweep found no open incident: marker off, workflow off, then a second count. Anything open by
 * then, or any doubt (an error at any step), turns it back on; a failure to do even that is said.
 */
export async function sleepSweep(
  repoLabels: readonly LabelSpec[],
  countOpen: () => Promise<number>,
  o: CalmOptions,
): Promise<CalmOutcome> {
  if (!o.workflow) return NONE
  const plan: Effect[] = [
    ...(hasMarker(repoLabels) ? [{ kind: 'delete-label' as const, name: SWEEP_ON_LABEL.name }] : []),
    { kind: 'set-workflow', workflow: o.workflow, enabled: false, why: 'no incident is open' },
  ]
  const applied: AppliedEffect[] = []
  const keepOn = async (why: string): Promise<CalmOutcome> => {
    try {
      applied.push(
        ...(await o.exec.apply([
          { kind: 'set-workflow', workflow: o.workflow, enabled: true, why },
          { kind: 'create-labels', labels: [SWEEP_ON_LABEL] },
        ])),
      )
      return { applied, line: `The sweep (${o.workflow}) stays on: ${why}.`, problem: null }
    } catch (error: unknown) {
      return {
        applied,
        line: null,
        problem: `The sweep (${o.workflow}) may be off after ${why}, and turning it back on failed: ${getErrorMessage(error)} Turn it on by hand (Actions tab) and give the workflow \`permissions: actions: write\`.`,
      }
    }
  }
  try {
    applied.push(...(await o.exec.apply(plan)))
  } catch (error: unknown) {
    const status = error instanceof GitHubApiError ? error.status : 0
    // A 4xx (no `actions: write`, say) changed nothing: the sweep is still on. Anything else may
    // have turned it off without an answer: turn it on again to be sure.
    if (status < 400 || status >= 500 || status === 429)
      return keepOn(`turning it off may have failed halfway (${getErrorMessage(error)})`)
    try {
      applied.push(...(await o.exec.apply([{ kind: 'create-labels', labels: [SWEEP_ON_LABEL] }])))
    } catch {
      // The marker only saves the next intake run a request; without it that run turns the sweep on again.
    }
    return {
      applied,
      line: `The sweep (${o.workflow}) stays on: turning it off was refused (${getErrorMessage(error)}). To let it sleep while no incident is open, give the sweep workflow \`permissions: actions: write\`.`,
      problem: null,
      warn: true,
    }
  }
  // Not turned off: a dry run says what it would do; a spent budget leaves the sweep on (fail-safe).
  const off = applied.find((a) => a.kind === 'set-workflow')?.status
  if (off === 'planned')
    return {
      applied,
      line: `No incident is open: the sweep (${o.workflow}) would turn itself off (dry run).`,
      problem: null,
      asleep: true,
    }
  if (off === 'skipped')
    return {
      applied,
      line: `No incident is open, but this run's write budget was spent: the sweep (${o.workflow}) stays on until a later run turns it off.`,
      problem: null,
    }
  let open: number
  try {
    open = await countOpen()
  } catch (error: unknown) {
    return keepOn(`the second count of open incidents failed (${getErrorMessage(error)})`)
  }
  if (open > 0) return keepOn(`an incident was opened meanwhile`)
  return {
    applied,
    line: `No incident is open: the sweep (${o.workflow}) turned itself off and costs nothing until the next incident, whose intake or alert run turns it back on.`,
    problem: null,
    asleep: true,
  }
}
