/**
 * Runs the action bundle (dist/index.js) exactly as a GitHub runner does: a fresh RUNNER_TEMP with
 * the event file and empty GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, the GITHUB_* variables
 * pointing at a GitHub (here the emulator), INPUT_* for the inputs, and the bundle as a child
 * process. Shared by the demo (`incidentops demo`) and the e2e tests (test/e2e/harness.ts).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../emulator/index.js'

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunOptions {
  /** The action bundle to run (dist/index.js of a checkout or of the installed package). */
  bundle: string
  emu: Emulator
  repo: string
  event: string
  payload: unknown
  inputs?: Record<string, string>
  token?: string
  /** A checkout to read the config from; none by default (the config comes through the API). */
  workspace?: string
  /** Node binary (Node 24 smoke); default the current one. */
  node?: string
  /** GITHUB_RUN_ID: the same id is a re-run of the same delivery; default a new one per call. */
  runId?: string
  /** The `api-limits` input unless `inputs` sets it; default '' (GitHub's pace). */
  apiLimits?: string
  /** Remove RUNNER_TEMP after the run (the demo); tests keep it to read files the action wrote there. */
  removeTemp?: boolean
  /** Variables for the Node process itself (e.g. NODE_COMPILE_CACHE), never read by the action. */
  nodeEnv?: Record<string, string>
}

export interface PreparedRun {
  /** A fresh temporary directory (RUNNER_TEMP), holding the event, output and summary files. */
  dir: string
  env: Record<string, string>
  outputPath: string
  summaryPath: string
}

let runSeq = 1000

/**
 * What a runner gives the action, in a fresh directory: the event file, empty GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, a workspace (unless one is given), the GITHUB_* variables pointing at
 * the emulator, and INPUT_* for the inputs over the defaults action.yml declares.
 */
export function prepareRun(
  o: Pick<RunOptions, 'emu' | 'repo' | 'event' | 'payload' | 'inputs' | 'token' | 'workspace' | 'apiLimits'> & {
    runId: string
    prefix: string
  },
): PreparedRun {
  const dir = mkdtempSync(join(tmpdir(), o.prefix))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload))
  const outputPath = join(dir, 'output')
  const summaryPath = join(dir, 'summary.md')
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const inputs: Record<string, string> = {
    'github-token': o.token ?? o.emu.botToken,
    config: '.github/incidents.yml',
    mode: 'auto',
    'dry-run': 'false',
    'project-token': '',
    'api-limits': o.apiLimits ?? '',
    ...o.inputs,
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repo,
    GITHUB_API_URL: o.emu.url,
    GITHUB_GRAPHQL_URL: o.emu.graphqlUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: o.workspace ?? join(dir, 'workspace'),
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: o.runId,
    GITHUB_RUN_ATTEMPT: '1',
  }
  if (!o.workspace) mkdirSync(env.GITHUB_WORKSPACE!, { recursive: true })
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return { dir, env, outputPath, summaryPath }
}

/** Runs the bundle once as a runner does; returns its exit code, output, outputs and step summary. */
export async function runAction(o: RunOptions): Promise<ActionRun> {
  if (!existsSync(o.bundle)) throw new Error(`${o.bundle} is missing: run \`npm run bundle\` first`)
  const { dir, env, outputPath, summaryPath } = prepareRun({
    ...o,
    runId: o.runId ?? String(++runSeq),
    prefix: 'incidentops-run-',
  })
  try {
    const child = spawn(o.node ?? process.execPath, [o.bundle], {
      env: { ...env, ...o.nodeEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number>((res, rej) => {
      child.on('error', rej)
      child.on('close', (c) => res(c ?? -1))
    })
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
    }
  } finally {
    if (o.removeTemp) rmSync(dir, { recursive: true, force: true })
  }
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (m) {
      const [, name, delim] = m
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i]!)
      out[name!] = value.join('\n')
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=')
      out[k!] = v.join('=')
    }
  }
  return out
}
