/**
 * Runs the built bundle (dist/index.js) the way a runner does — the same env contract as
 * test/e2e/harness.ts runAction (INPUT_*, event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) — and
 * measures the child: wall time, peak RSS and CPU time. The action itself is not changed for this.
 *
 * Peak RSS comes from `/usr/bin/time -v` ("Maximum resident set size") when it is installed
 * (Debian/Ubuntu package `time`); otherwise a tiny `--import` preload (bench/rss-preload.mjs)
 * writes `process.resourceUsage()` to a file on exit.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { BUNDLE, parseOutputs, prepareRun } from '../test/e2e/harness.js'
import type { Emulator, RequestLog } from '../src/emulator/index.js'

export const ROOT = resolve(import.meta.dirname, '..')
const TIME = '/usr/bin/time'
const PRELOAD = join(ROOT, 'bench', 'rss-preload.mjs')
export const HAS_TIME = existsSync(TIME)

let bundle = BUNDLE

/** The bundle the runs use: dist/index.js, or its frozen copy. */
export const currentBundle = (): string => bundle

/**
 * Copies dist/index.js (and its package.json) to a temporary directory and runs that copy from now
 * on: a bundle rebuilt while the bench runs must not mix two builds in one table. Returns the copy.
 */
export function freezeBundle(): string {
  if (!existsSync(BUNDLE)) throw new Error('dist/index.js is missing: run `npm run bundle` first')
  const dir = mkdtempSync(join(tmpdir(), 'incidentops-bench-dist-'))
  // The whole dist/ folder: the action loads its handlers from chunk files beside index.js.
  for (const f of readdirSync(dirname(BUNDLE)))
    if (f.endsWith('.js') || f === 'package.json') copyFileSync(join(dirname(BUNDLE), f), join(dir, f))
  bundle = join(dir, 'index.js')
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  return bundle
}

export interface Measured {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** Wall time of the child process, spawn to exit. */
  wallMs: number
  /** Peak resident set size of the action's node process, in MB (null if it could not be read). */
  peakRssMb: number | null
  /** User + system CPU of the child (null if unknown). */
  cpuMs: number | null
  /** Time the emulator's event loop was busy during the run (it runs in this process: that is GitHub's share). */
  emulatorMs: number
}

export interface BundleRun {
  emu: Emulator
  repo: string
  event: string
  payload: unknown
  inputs?: Record<string, string>
  runId?: string
  /** Run this script instead of dist/index.js (the cold-start baseline runs node -e ''). */
  argv?: string[]
  /** Skip the RSS wrapper (cold-start timing measures the bare spawn). */
  plain?: boolean
  /** Extra environment variables (the paging channels' secrets). */
  env?: Record<string, string>
}

let seq = 50_000

/** One run of the bundle, measured. */
export async function runBundle(o: BundleRun): Promise<Measured> {
  // The bench measures the action at GitHub's own pace (the tests' zero spacing would flatter it).
  const { dir, env, outputPath } = prepareRun({
    ...o,
    inputs: { 'api-limits': '', ...o.inputs },
    runId: o.runId ?? String(++seq),
    prefix: 'incidentops-bench-',
  })
  try {
    if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run `npm run bundle` first')

    const script = o.argv ?? [bundle]
    const timeFile = join(dir, 'time.txt')
    const rssFile = join(dir, 'rss.json')
    let cmd: string
    let args: string[]
    if (o.plain) {
      cmd = process.execPath
      args = script
    } else if (HAS_TIME) {
      cmd = TIME
      args = ['-v', '-o', timeFile, process.execPath, ...script]
    } else {
      cmd = process.execPath
      args = ['--import', PRELOAD, ...script]
      env.INCIDENTOPS_BENCH_RSS_FILE = rssFile
    }

    const elu0 = performance.eventLoopUtilization()
    const t0 = performance.now()
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)))
    const wallMs = performance.now() - t0
    const elu = performance.eventLoopUtilization(elu0)

    let peakRssMb: number | null = null
    let cpuMs: number | null = null
    if (!o.plain && HAS_TIME && existsSync(timeFile)) {
      const t = readFileSync(timeFile, 'utf8')
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(t)
      const user = /User time \(seconds\): ([\d.]+)/.exec(t)
      const sys = /System time \(seconds\): ([\d.]+)/.exec(t)
      if (rss) peakRssMb = Number(rss[1]) / 1024
      if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000
    } else if (!o.plain && existsSync(rssFile)) {
      const r = JSON.parse(readFileSync(rssFile, 'utf8')) as {
        maxRSS: number
        userCPUTime: number
        systemCPUTime: number
      }
      peakRssMb = r.maxRSS / 1024
      cpuMs = (r.userCPUTime + r.systemCPUTime) / 1000
    }
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
      wallMs,
      peakRssMb,
      cpuMs,
      emulatorMs: elu.active,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface Tally {
  total: number
  rest: number
  graphql: number
  points: number
  writes: number
  byRoute: Record<string, number>
}

/** REST/GraphQL requests, GraphQL points (the emulator's `graphql.cost`) and writes of a request log. */
export function tally(requests: readonly RequestLog[]): Tally {
  let graphql = 0
  let points = 0
  let writes = 0
  const byRoute: Record<string, number> = {}
  for (const r of requests) {
    byRoute[r.route] = (byRoute[r.route] ?? 0) + 1
    if (r.graphql) {
      graphql++
      points += r.graphql.cost
    }
    if (r.write) writes++
  }
  return { total: requests.length, rest: requests.length - graphql, graphql, points, writes, byRoute }
}

/** The first `::error::` line of a failed run, for the table's note. */
export function firstError(m: Pick<Measured, 'stdout' | 'stderr'>): string {
  return (m.stdout.split('\n').find((l) => l.startsWith('::error')) ?? m.stderr.trim().split('\n')[0] ?? '').slice(
    0,
    200,
  )
}
