import * as core from '@actions/core'
import { changesLikelyNeeded } from './changes/need.js'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Inputs } from './inputs.js'
import { nothing, type RunOutcome } from './outcome.js'
import { logSafe } from './log-safe.js'
import { code, inline } from './render/markdown.js'
import type { Route } from './events/router.js'
import { loadConfig } from './config/load.js'
import { ConfigError, PayloadError } from './errors.js'
import { OctokitPort, createOctokit } from './github/octokit.js'
import { RequestLimiter, realClock } from './github/limiter.js'
import type { GitHubPort, IncidentPage, LabelSpec, RepoRef } from './github/port.js'
import { OctokitBoardPort, type BoardPort } from './github/board.js'
import { handleIncident, type IncomingEvent } from './events/incident.js'
import { handleRevert } from './events/revert.js'
import { historyLoader } from './history/lookup.js'
import { Executor } from './apply.js'
import { announceHandoffs } from './events/handoff.js'
import { decodeRecord, findCard } from './domain/record.js'
import { createPager, pagingSecrets, type Pager } from './paging/send.js'
import { createAnnouncer, type Announcer } from './subscriptions/send.js'
import { hasSubscribers, subscriberSecrets } from './subscriptions/config.js'
import { runReportMode } from './events/report.js'
import { runStatusMode } from './events/status.js'
import { handleAlerts } from './events/alerts.js'
import { sweep } from './events/sweep.js'
import { NONE, markSweepOn, sleepSweep, wakeSweep, type CalmOutcome } from './events/calm.js'
import { handlePing, stampSweep, watchHeartbeats } from './events/heartbeats.js'
import { HEARTBEATS_LABEL, SWEEP_ON_LABEL_NAME, sweepLateNotice } from './domain/heartbeats.js'
import { parseAlertDispatch } from './alerts/index.js'
import { isChangeEvent, pagerDutyChange, type ChangeEvent } from './alerts/pagerduty.js'
import { quote } from './render/markdown.js'
import { incidentAlerts } from './alerts/group.js'
import type { Config } from './config/types.js'
import { parseTargets, sendNotifications, type Notification } from './notify/index.js'
import { handleOncallComment, oncallViewLoader, type OncallIssue } from './events/oncall.js'
import type { AppliedEffect } from './apply.js'
import { findOncallIssue, parseOncallCommands } from './oncall/store.js'
import { isMaintenanceIssue, runMaintenanceIntake, sweepMaintenanceIfAny } from './events/maintenance.js'

/** Writes allowed in one run before it stops and leaves the rest to the next run. */
const WRITE_BUDGET = 200

export interface DispatchEnvironment {
  env: Record<string, string | undefined>
}

/**
 * Everything after routing: loaded only when there is work, so that a no-op event (the most
 * frequent kind in busy repositories) starts fast without parsing Octokit and the rest.
 */
export async function dispatch(
  r: Exclude<Route, { kind: 'noop' }>,
  inputs: Inputs,
  { env }: DispatchEnvironment,
): Promise<RunOutcome> {
  const repo = repoRef(env.GITHUB_REPOSITORY)
  const baseUrl = env.GITHUB_API_URL || 'https://api.github.com'
  if (r.kind === 'report')
    return await runReportMode({
      env,
      inputs,
      repo,
      baseUrl,
      budget: WRITE_BUDGET,
      local: localConfig(env.GITHUB_WORKSPACE, inputs.configPath),
    })
  if (r.kind === 'status')
    return await runStatusMode({
      env,
      inputs,
      repo,
      baseUrl,
      local: localConfig(env.GITHUB_WORKSPACE, inputs.configPath),
    })
  const wait = realClock.sleep
  const limiter = new RequestLimiter(inputs.limits, { ...realClock, sleep: wait })
  const port = new OctokitPort(
    createOctokit({ token: inputs.githubToken, repo, baseUrl, warn: (m) => core.warning(logSafe(m)), limiter }),
    repo,
    {
      retries: 4,
      baseMs: inputs.limits.retryBaseMs,
      sleep: wait,
    },
  )

  // The config comes from the checkout when there is one, otherwise from the same query as the issue.
  const local = localConfig(env.GITHUB_WORKSPACE, inputs.configPath)
  const boardFor = (config: Config): BoardPort | null =>
    config.project && inputs.projectToken
      ? new OctokitBoardPort(
          createOctokit({
            token: inputs.projectToken,
            repo,
            baseUrl,
            warn: (m) => core.warning(logSafe(m)),
            limiter: new RequestLimiter(inputs.limits, { ...realClock, sleep: wait }),
          }),
        )
      : null
  // One executor per run, made once the config (and so the board) is known: the run's only writer,
  // with one budget for every write of the run and the only check of dry-run.
  let runExec: Executor | null = null
  const writer = (config: Config): { board: BoardPort | null; exec: Executor } => {
    const board = boardFor(config)
    runExec ??= new Executor(
      { github: port, board, pager: pagerFor(config, env), announcer: announcerFor(config, env, wait) },
      {
        dryRun: inputs.dryRun,
        budget: WRITE_BUDGET,
        log: (l: string) => core.info(logSafe(l)),
        warn: (l: string) => core.warning(logSafe(l)),
      },
    )
    return { board, exec: runExec }
  }
  const handleOpts = {
    repoOwner: repo.owner,
    repo: `${repo.owner}/${repo.repo}`,
    // Every line a handler logs may carry an issue title, a comment, a label or an alert field.
    log: (l: string) => core.info(logSafe(l)),
    warn: (l: string) => core.warning(logSafe(l)),
    sleep: wait,
    boardSettleMs: inputs.limits.boardSettleMs,
    now: () => port.serverTime(),
    notify: notifier(inputs),
  }

  if (r.kind === 'sweep') {
    const localConfig = local ? loadConfig(local, inputs.configPath) : null
    const label = localConfig ? localConfig.labels.incident : 'incident'
    // The on-call issue and the heartbeats issue come with the first page the sweep reads anyway:
    // escalations to a schedule and the heartbeats' check cost no request.
    const oncallLabel = localConfig ? localConfig.oncall.label : 'incidentops-oncall'
    const pages = port.incidentPages({
      label,
      states: ['OPEN'],
      withRepoLabels: true,
      labelled: oncallLabel,
      heartbeats: HEARTBEATS_LABEL.name,
      ...(local === undefined ? { configPath: inputs.configPath } : {}),
    })
    const first = await pages.next()
    const config = loadConfig(
      local !== undefined ? local : first.done ? null : (first.value.configText ?? null),
      inputs.configPath,
    )
    if (config.labels.incident !== label)
      throw new ConfigError(
        `labels.incident is "${config.labels.incident}": check out the repository before the action (actions/checkout) so the sweep reads the config first.`,
      )
    // Schedules with a `channel` get hand-off notices (src/oncall/handoff.ts), which list the open incidents.
    const handoffsOn = config.oncall.schedules.some((x) => x.channel)
    // The open incidents are kept as they stream by when heartbeats or hand-offs need them after the sweep.
    const open: { first: IncidentPage | null; incidents: IncidentPage['incidents'] } = {
      first: first.done ? null : first.value,
      incidents: [],
    }
    async function* all() {
      if (!first.done) yield first.value
      yield* pages
    }
    async function* kept() {
      for await (const p of all()) {
        if (config.heartbeats.length || handoffsOn) open.incidents.push(...p.incidents)
        yield p
      }
    }
    const now = port.serverTime() ?? new Date().toISOString()
    const found =
      !first.done && config.oncall.label === oncallLabel ? findOncallIssue(first.value.labelled ?? []) : undefined
    const preloaded: OncallIssue | null | undefined =
      found === undefined ? undefined : found && { number: found.number, body: found.body }
    // What `validate` warns about (an hour with nobody on call), as annotations on the config file:
    // once per scheduled run, not in every issue's run.
    for (const w of config.warnings)
      core.warning(logSafe(w.message), { file: w.file, startLine: w.line, startColumn: w.column })
    const { board, exec } = writer(config)
    // The sweep has a budget of its own in the config, lower than a run's by default.
    exec.capBudget(config.sweep.budget)
    const calmOpts = { workflow: inputs.sweepWorkflow, exec }
    const result = await sweep(
      port,
      board,
      kept(),
      config,
      { ...handleOpts, exec, oncallView: oncallViewLoader(port, config, preloaded) },
      now,
    )
    const beats = await watchHeartbeats(port, board, config, open, {
      ...handleOpts,
      exec,
      oncallView: oncallViewLoader(port, config, preloaded),
      now: () => port.serverTime() ?? now,
      runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
    })
    result.applied.push(...beats.applied)
    result.problems.push(...beats.problems)
    const handoffs = await announceHandoffs(
      port,
      config,
      now,
      open.incidents.map((i) => {
        const c = findCard(i.comments)
        return { number: i.number, title: i.title, record: c ? decodeRecord(c.body) : null }
      }),
      preloaded,
      exec,
    )
    result.applied.push(...handoffs.applied)
    const repoLabels = first.done ? [] : (first.value.repoLabels ?? [])
    // Scheduled maintenance (src/events/maintenance.ts): each window's start and end recorded as it passes.
    const maint = await sweepMaintenanceIfAny(port, repoLabels, config, exec, now, {
      repo: `${repo.owner}/${repo.repo}`,
      log: (l) => core.info(logSafe(l)),
    })
    result.applied.push(...(maint?.applied ?? []))
    result.problems.push(...(maint?.problems ?? []))
    // A heartbeat that stops is noticed only by a scheduled run: while any is declared, the sweep never sleeps.
    // Otherwise, the sweep records its run (sweep.interval) unless it just went to sleep on purpose.
    const marker = (labels: readonly LabelSpec[]): LabelSpec[] => [
      ...labels.filter((l) => l.name !== SWEEP_ON_LABEL_NAME),
      { name: SWEEP_ON_LABEL_NAME, color: '', description: '' },
    ]
    let calm: CalmOutcome
    // Hand-offs, too, are noticed only by a scheduled run: with a schedule that announces them, the sweep never sleeps.
    // A pending maintenance too: its start and end are recorded only by a run (docs/status-page.md, cost).
    if (result.scanned === 0 && config.heartbeats.length === 0 && !handoffsOn && !maint?.pending) {
      calm = await sleepSweep(repoLabels, () => countOpen(port, config.labels.incident), calmOpts)
      const putBack = calm.applied.some((a) => a.kind === 'create-labels' && a.status === 'done')
      if (!calm.asleep)
        calm.applied.push(...(await stampSweep(putBack ? marker(repoLabels) : repoLabels, config, now, exec)))
    } else {
      const stamped = await stampSweep(repoLabels, config, now, exec)
      calm = await markSweepOn(
        stamped.some((a) => a.kind === 'create-labels') ? marker(repoLabels) : repoLabels,
        calmOpts,
      )
      calm = { ...calm, applied: [...stamped, ...calm.applied] }
      if (result.scanned === 0 && inputs.sweepWorkflow)
        calm.line = maint?.pending
          ? `No incident is open, but a maintenance is scheduled or in progress: the sweep (${inputs.sweepWorkflow}) stays on, because only a run records its start and end.`
          : config.heartbeats.length
            ? `No incident is open, but ${config.heartbeats.length} heartbeat${config.heartbeats.length === 1 ? ' is' : 's are'} watched: the sweep (${inputs.sweepWorkflow}) stays on, because only a scheduled run can notice a ping that did not come.`
            : `No incident is open, but a schedule announces its hand-offs (\`channel\`): the sweep (${inputs.sweepWorkflow}) stays on, because only a scheduled run can notice a shift change.`
    }
    result.applied.push(...calm.applied)
    if (calm.problem) result.problems.push(calm.problem)
    const summary = [
      `### IncidentOps sweep at ${now.slice(0, 16).replace('T', ' ')} UTC`,
      `${result.scanned} open incident${result.scanned === 1 ? '' : 's'} read, ${result.due} with something due, ${result.handled.length} handled.`,
      ...(result.left.length
        ? [
            `Write budget (${config.sweep.budget}) reached: left for the next run: ${result.left.map((n) => `#${n}`).join(', ')}.`,
          ]
        : []),
      ...(result.adopted.length
        ? [
            `Adopted ${result.adopted.length} incident${result.adopted.length === 1 ? '' : 's'} that had no card (labelled by hand or opened before IncidentOps): ${result.adopted.map((n) => `#${n}`).join(', ')}.`,
          ]
        : []),
      ...(result.waiting.length
        ? [
            `Without a card yet, changed in the last 10 minutes (left to their own intake run; adopted by a later sweep if still without one): ${result.waiting.map((n) => `#${n}`).join(', ')}.`,
          ]
        : []),
      ...beats.lines.map((l) => `- ${l}`),
      ...handoffs.lines.map((l) => `- ${l}`),
      ...(maint?.changes ?? []).map((l) => `- maintenance ${inline(l, 300)}`),
      ...(maint?.next && !maint.pending
        ? [
            `- Next maintenance start or end to record: ${maint.next.slice(0, 16).replace('T', ' ')} UTC; the sweep may sleep until \`status.maintenance.wake_before\` before it (the status workflow wakes it).`,
          ]
        : []),
      ...(calm.line ? [calm.line] : []),
      ...result.problems.map((p) => `- ⚠️ ${p}`),
    ]
    core.info(logSafe(summary.slice(1).join(' ')))
    if (result.left.length) core.notice(logSafe(summary[2]!))
    if (calm.line) (calm.warn ? core.warning : core.info)(calm.line)
    return {
      outputs: { actions: JSON.stringify(result.applied) },
      summary: { head: summary, applied: result.applied },
      problems: result.problems,
    }
  }

  if (r.kind === 'alerts') {
    const label = local ? loadConfig(local, inputs.configPath).labels.incident : 'incident'
    const collect = async (lbl: string, withConfig: boolean) => {
      const out: { first: IncidentPage | null; incidents: IncidentPage['incidents'] } = { first: null, incidents: [] }
      for await (const p of port.incidentPages({
        label: lbl,
        states: ['OPEN'],
        withRepoLabels: true,
        ...(withConfig ? { configPath: inputs.configPath } : {}),
      })) {
        out.first ??= p
        out.incidents.push(...p.incidents)
      }
      return out
    }
    let open = await collect(label, local === undefined)
    const config = loadConfig(local !== undefined ? local : (open.first?.configText ?? null), inputs.configPath)
    if (config.labels.incident !== label) open = await collect(config.labels.incident, false)
    if (!config.alerts.eventTypes.includes(r.eventType)) {
      core.notice(
        logSafe(
          `repository_dispatch "${r.eventType}" is not one of the alert event types (${config.alerts.eventTypes.join(', ')}); nothing was done.`,
        ),
      )
      return nothing(null)
    }
    const change = pagerDutyChangeOf(r.payload)
    if (change) {
      // A PagerDuty change event (a deploy, a config change) never opens an incident: it is recorded
      // in the run's outputs, log and job summary, for the changes view to come (PRODUCT.md).
      core.info(
        `PagerDuty change event: ${change.summary}${change.source ? ` (${change.source})` : ''}${change.timestamp ? ` at ${change.timestamp}` : ''}; no incident.`,
      )
      return {
        outputs: {
          'incident-number': '',
          priority: '',
          stage: '',
          'alert-key': '',
          'alert-outcome': 'change',
          actions: '[]',
        },
        summary: {
          head: [
            '### IncidentOps: a change (PagerDuty change event), no incident',
            `- ${change.summary}${change.source ? ` · source ${inline(change.source, 120)}` : ''}${change.timestamp ? ` · ${change.timestamp.slice(0, 16).replace('T', ' ')} UTC` : ''}`,
            ...(change.details ? ['', quote(change.details, 1500)] : []),
            ...(change.links.length
              ? ['', `Links: ${change.links.map((l, i) => `[${i + 1}](${l})`).join(' · ')}`]
              : []),
          ],
          applied: [],
        },
        problems: [],
      }
    }
    const parsed = parseAlertDispatch(r.eventType, r.payload, { eventTypes: config.alerts.eventTypes })
    const alerts = incidentAlerts(parsed, r.payload)
    core.info(
      logSafe(
        `${alerts.length} alert${alerts.length === 1 ? '' : 's'} from ${[...new Set(alerts.map((a) => a.source))].join(', ')}`,
      ),
    )
    const { board, exec } = writer(config)
    const calmOpts = { workflow: inputs.sweepWorkflow, exec }
    const late = sweepLateNotice(open.first?.repoLabels, config.sweep.interval, port.serverTime())
    if (late.line) core.warning(logSafe(late.line))
    const result = await handleAlerts(port, board, alerts, config, open, {
      ...handleOpts,
      oncallView: oncallViewLoader(port, config),
      history: historyLoader(port, config.labels.incident),
      exec,
      cardWarnings: late.card,
      now: () => port.serverTime() ?? new Date().toISOString(),
      runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
    })
    // The outputs describe one alert: the first of the delivery that reached an incident (a group is one alert).
    const main = result.outcomes.find((o) => o.incident !== null) ?? result.outcomes[0]
    const outputs: Record<string, string> = main
      ? {
          'incident-number': main.incident === null ? '' : String(main.incident),
          priority: main.priority ?? '',
          stage: main.stage ?? '',
          'alert-key': main.key,
          'alert-outcome': main.outcome,
        }
      : {}
    // An incident reached, or opened (a dry run's is not numbered yet): the sweep must be on.
    const reached = result.outcomes.some((o) => o.incident !== null || o.what === 'opened')
    const calm = reached ? await wakeSweep(open.first?.repoLabels ?? [], calmOpts) : NONE
    result.applied.push(...calm.applied)
    if (calm.problem) result.problems.push(calm.problem)
    return {
      outputs: { ...outputs, actions: JSON.stringify(result.applied) },
      summary: {
        head: [
          '### IncidentOps: alerts',
          ...result.outcomes.map(
            (o) =>
              `- ${code(o.key, 200)}: ${o.outcome}${o.incident ? ` #${o.incident}` : ''}${o.priority ? ` · **${o.priority}** · stage **${o.stage ?? '?'}**` : ''}${o.note ? ` (${inline(o.note, 300)})` : ''}`,
          ),
          ...(calm.line ? [calm.line] : []),
          ...(late.line ? [late.line] : []),
          ...result.problems.map((p) => `- ⚠️ ${p}`),
        ],
        applied: result.applied,
      },
      problems: result.problems,
    }
  }

  if (r.kind === 'revert') return handleRevert(port, r, { local, configPath: inputs.configPath, writer, handleOpts })

  if (r.kind === 'heartbeat') {
    // A ping: the open incidents (to resolve this heartbeat's, when late), with the config, the
    // labels and the heartbeat issue in the same first page. Nothing else is read.
    const label = local ? loadConfig(local, inputs.configPath).labels.incident : 'incident'
    const collect = async (lbl: string, withConfig: boolean) => {
      const out: { first: IncidentPage | null; incidents: IncidentPage['incidents'] } = { first: null, incidents: [] }
      for await (const p of port.incidentPages({
        label: lbl,
        states: ['OPEN'],
        withRepoLabels: true,
        heartbeats: HEARTBEATS_LABEL.name,
        ...(withConfig ? { configPath: inputs.configPath } : {}),
      })) {
        out.first ??= p
        out.incidents.push(...p.incidents)
      }
      return out
    }
    let open = await collect(label, local === undefined)
    const config = loadConfig(local !== undefined ? local : (open.first?.configText ?? null), inputs.configPath)
    if (config.labels.incident !== label) open = await collect(config.labels.incident, false)
    const late = sweepLateNotice(open.first?.repoLabels, config.sweep.interval, port.serverTime())
    if (late.line) core.warning(logSafe(late.line))
    const shown = code(r.name, 70)
    if (!config.heartbeats.some((h) => h.name === r.name)) {
      const known = config.heartbeats.map((h) => `\`${h.name}\``)
      const notice = `No heartbeat is named ${shown} in ${config.source === 'defaults' ? 'the configuration (there is no .github/incidents.yml)' : config.source}; nothing was written. ${known.length ? `Known heartbeats: ${known.join(', ')}.` : 'Declare it under `heartbeats:` (docs/monitoring.md, Heartbeats).'}`
      core.notice(logSafe(notice))
      return {
        outputs: {
          'incident-number': '',
          priority: '',
          stage: '',
          'alert-key': '',
          'alert-outcome': 'ignored',
          actions: '[]',
        },
        summary: {
          head: ['### IncidentOps: heartbeat ping', `- ⚠️ ${notice}`, ...(late.line ? [late.line] : [])],
          applied: [],
        },
        problems: [],
      }
    }
    const { board, exec } = writer(config)
    const result = await handlePing(port, board, r.name, config, open, {
      ...handleOpts,
      exec,
      cardWarnings: late.card,
      now: () => port.serverTime() ?? new Date().toISOString(),
      runId: env.GITHUB_RUN_ID ?? `local-${Date.now()}`,
    })
    // Heartbeats need the sweep: a ping wakes it if it sleeps (free while its marker label is there).
    const calm = await wakeSweep(open.first?.repoLabels ?? [], { workflow: inputs.sweepWorkflow, exec })
    result.applied.push(...calm.applied)
    if (calm.problem) result.problems.push(calm.problem)
    const o = result.resolved
    return {
      outputs: {
        'incident-number': o?.incident ? String(o.incident) : '',
        priority: o?.priority ?? '',
        stage: o?.stage ?? '',
        'alert-key': `heartbeat:${r.name}`,
        'alert-outcome': o ? o.outcome : 'ping',
        actions: JSON.stringify(result.applied),
      },
      summary: {
        head: [
          '### IncidentOps: heartbeat ping',
          `- ${shown}: ${result.outcome === 'recorded' ? 'ping recorded' : 'pinged again within a minute of the recorded ping (nothing written)'}${o?.incident ? `; it was late: incident #${o.incident} ${o.outcome === 'resolve' ? 'resolved' : o.outcome} · stage **${o.stage ?? '?'}**` : ''}.`,
          ...(calm.line ? [calm.line] : []),
          ...(late.line ? [late.line] : []),
          ...result.problems.map((p) => `- ⚠️ ${p}`),
        ],
        applied: result.applied,
      },
      problems: result.problems,
    }
  }

  const ctx = await port.loadIssueContext(r.number, {
    ...(local === undefined ? { configPath: inputs.configPath } : {}),
    // The suspects of a declaration and what `/changes` and `/cause` need come in the same read.
    withChanges: changesLikelyNeeded(r),
  })
  const configText = local !== undefined ? local : (ctx.configText ?? null)
  const config = loadConfig(configText, inputs.configPath)
  core.info(logSafe(`Configuration: ${config.source === 'defaults' ? 'no file, defaults apply' : config.source}`))

  // `/oncall` and `/cover` (any issue): answered and recorded before the incident's own handling.
  const oncallApplied: AppliedEffect[] = []
  if (r.kind === 'comment' && parseOncallCommands(r.body).length) {
    const oc = await handleOncallComment(
      port,
      ctx,
      { commentId: r.commentId, body: r.body, author: r.author, createdAt: r.createdAt },
      config,
      { exec: writer(config).exec, now: handleOpts.now },
    )
    for (const c of oc.changes) core.info(logSafe(`on call: ${c}`))
    oncallApplied.push(...oc.applied)
    const isIncident = ctx.issue?.labels.some((l) => l.toLowerCase() === config.labels.incident.toLowerCase()) ?? false
    if (!isIncident) {
      return {
        outputs: { actions: JSON.stringify(oc.applied) },
        summary: {
          head: ['### IncidentOps: on call', ...oc.changes.map((c) => `- ${inline(c, 300)}`)],
          applied: oc.applied,
        },
        problems: [],
      }
    }
  }

  // A scheduled maintenance (its own label, not the incident label): its own handler.
  if (ctx.issue && (r.kind === 'issue' || r.kind === 'comment') && isMaintenanceIssue(ctx.issue.labels, config))
    return runMaintenanceIntake(
      port,
      ctx.issue,
      ctx.repoLabels,
      r.kind === 'comment'
        ? { kind: 'comment', commentId: r.commentId, body: r.body, author: r.author }
        : { kind: 'issue', action: r.action, sender: r.sender, ...(r.label ? { label: r.label } : {}) },
      config,
      { workflow: inputs.sweepWorkflow, exec: writer(config).exec },
      port.serverTime() ?? new Date().toISOString(),
      (l) => core.info(logSafe(l)),
      `${repo.owner}/${repo.repo}`,
    )

  const incoming: IncomingEvent =
    r.kind === 'comment'
      ? { kind: 'comment', commentId: r.commentId, body: r.body, author: r.author, createdAt: r.createdAt }
      : r.kind === 'merged'
        ? { kind: 'merged', pr: r.pr, sender: r.sender, ...(r.at ? { at: r.at } : {}) }
        : { kind: 'issue', action: r.action, sender: r.sender, label: r.label, ...(r.at ? { at: r.at } : {}) }
  core.startGroup(`Incident #${r.number}`)
  const { board, exec } = writer(config)
  const calmOpts = { workflow: inputs.sweepWorkflow, exec }
  const late = sweepLateNotice(ctx.repoLabels, config.sweep.interval, port.serverTime())
  if (late.line) core.warning(logSafe(late.line))
  const result = await handleIncident(port, board, ctx, incoming, config, {
    ...handleOpts,
    exec,
    oncallView: oncallViewLoader(port, config),
    history: historyLoader(port, config.labels.incident),
    cardWarnings: late.card,
  })
  result.applied.unshift(...oncallApplied)
  const decision = result.decision
  if (decision.kind === 'skip') {
    core.endGroup()
    core.notice(logSafe(`Nothing to do: ${decision.reason}.`))
    return nothing(`**IncidentOps**: nothing to do: ${inline(decision.reason, 500)}.`)
  }
  for (const c of decision.changes) core.info(logSafe(`record: ${c}`))
  if (result.applied.length === 0) core.info('Already up to date: nothing to write.')
  core.endGroup()
  const calm = decision.record.stage !== 'closed' ? await wakeSweep(ctx.repoLabels, calmOpts) : NONE
  result.applied.push(...calm.applied)
  if (calm.problem) result.problems.push(calm.problem)
  if (calm.line) core.info(calm.line)

  return {
    outputs: {
      'incident-number': String(decision.record.number),
      priority: decision.record.priority,
      stage: decision.record.stage,
      actions: JSON.stringify(result.applied),
    },
    summary: {
      head: [
        `### IncidentOps: incident #${decision.record.number}`,
        `**${decision.record.priority}** · stage **${decision.record.stage}** · ${decision.record.priorityReason}${inputs.dryRun ? ' · _dry run: nothing was written_' : ''}`,
        // Changes can quote a comment, a label or an edited field: neutralised as any quoted text.
        ...decision.changes.map((c) => `- ${inline(c, 500)}`),
        ...(calm.line ? [calm.line] : []),
        ...(late.line ? [late.line] : []),
        ...result.problems.map((p) => `- ⚠️ ${inline(p, 500)}`),
      ],
      applied: result.applied,
    },
    problems: result.problems,
  }
}

/** The PagerDuty change event in a dispatch's client_payload, checked; null when it holds something else. */
function pagerDutyChangeOf(clientPayload: unknown): ChangeEvent | null {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const pd = isObj(clientPayload) && isObj(clientPayload.incidentops) ? clientPayload.incidentops.pagerduty : undefined
  return isChangeEvent(pd) ? pagerDutyChange(pd, 'client_payload.incidentops.pagerduty') : null
}

/** The phone pager for the config's channels (null when it names none); the secrets it reads are masked in the log. */
function pagerFor(config: Config, env: Record<string, string | undefined>): Pager | null {
  const p = config.oncall.paging
  if (!Object.keys(p.people).length && !Object.keys(p.schedules).length) return null
  for (const s of pagingSecrets(p, env)) core.setSecret(s)
  return createPager(p, { env })
}

/** The status page subscribers' announcer (null when there are none); the secrets it reads are masked in the log. */
function announcerFor(
  config: Config,
  env: Record<string, string | undefined>,
  sleep: (ms: number) => Promise<void>,
): Announcer | null {
  const s = config.status.subscribers
  if (!hasSubscribers(s)) return null
  for (const v of subscriberSecrets(s, env)) core.setSecret(v)
  return createAnnouncer(s, { env, sleep })
}

/** Sends to the configured webhooks; their URLs are secrets, masked in the log. Failures are warnings. */
function notifier(inputs: Inputs): ((n: Notification) => Promise<void>) | undefined {
  const targets = parseTargets(inputs.notify)
  for (const t of targets) core.setSecret(t.url)
  if (targets.length === 0) return undefined
  return async (n) => {
    const r = await sendNotifications(targets, n, { warn: (m) => core.warning(logSafe(m)) })
    core.info(logSafe(`notification "${n.event}" for #${n.number}: ${r.sent} sent, ${r.failed} failed`))
  }
}

function repoRef(full: string | undefined): RepoRef {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full ?? '')
  if (!m) throw new PayloadError(`GITHUB_REPOSITORY must be owner/name; it is "${full ?? ''}".`)
  return { owner: m[1]!, repo: m[2]! }
}

/** The config file from the workspace: its text, null when the checkout has none, undefined with no checkout. */
function localConfig(workspace: string | undefined, path: string): string | null | undefined {
  if (!workspace || !existsSync(join(workspace, '.git'))) return undefined
  const file = join(workspace, path)
  return existsSync(file) ? readFileSync(file, 'utf8') : null
}

/** How many incidents are open now (one GraphQL request: the first page's total). */
async function countOpen(port: GitHubPort, label: string): Promise<number> {
  for await (const page of port.incidentPages({ label, states: ['OPEN'] })) return page.totalCount
  return 0
}
