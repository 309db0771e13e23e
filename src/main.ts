import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { readInputs } from './inputs.js'
import { route } from './events/router.js'
import { ConfigError, PayloadError, getErrorMessage } from './errors.js'
import { finish, nothing } from './outcome.js'
import { logSafe } from './log-safe.js'

/** Event payloads are at most a few hundred KB on GitHub; refuse anything absurd before parsing it. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024

export interface RunEnvironment {
  env: Record<string, string | undefined>
}

/**
 * The composition root: inputs → event → route; then (loaded on demand) config → load → decide →
 * reconcile → apply → outputs. The only place that fails the run.
 */
export async function run({ env }: RunEnvironment): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name))
    core.setSecret(inputs.githubToken)
    if (inputs.projectToken) core.setSecret(inputs.projectToken)
    const eventName = env.GITHUB_EVENT_NAME ?? ''
    const payload = readEvent(env.GITHUB_EVENT_PATH)
    const r = route(eventName, payload, inputs.mode)
    if (r.kind === 'noop') {
      core.notice(logSafe(r.notice))
      return await finish(nothing(`**IncidentOps**: ${r.notice}`))
    }
    const { dispatch } = await import('./dispatch.js')
    await finish(await dispatch(r, inputs, { env }))
  } catch (error: unknown) {
    if (error instanceof ConfigError || error instanceof PayloadError) core.setFailed(error.message)
    // An unexpected error's message may quote what GitHub or a payload said: one inert line.
    else core.setFailed(`IncidentOps failed: ${logSafe(getErrorMessage(error))}`)
  }
}

function readEvent(path: string | undefined): unknown {
  if (!path) throw new PayloadError('GITHUB_EVENT_PATH is not set: IncidentOps runs inside a GitHub Actions workflow.')
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error: unknown) {
    throw new PayloadError(`The event payload at ${path} (GITHUB_EVENT_PATH) cannot be read: ${getErrorMessage(error)}`)
  }
  if (text.length > MAX_EVENT_BYTES)
    throw new PayloadError(`The event payload is larger than ${MAX_EVENT_BYTES} bytes.`)
  try {
    return JSON.parse(text)
  } catch (error: unknown) {
    throw new PayloadError(`The event payload at ${path} is not valid JSON: ${getErrorMessage(error)}`)
  }
}
