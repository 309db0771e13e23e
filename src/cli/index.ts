/* The `incidentops` command (started by src/cli/bin.ts). Unlike the action, it talks to a person: plain stdout/stderr. */
import { readFileSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import pkg from '../../package.json' with { type: 'json' }
import { loadConfig } from '../config/load.js'
import { formatConfigDuration } from '../config/duration.js'
import { ConfigError, getErrorMessage } from '../errors.js'
import { parseCommand, type CommandSpec } from './args.js'
import { actionBundle } from './package-root.js'

const HELP = `incidentops — incident response inside your GitHub repository

Usage:
  incidentops validate [file ...]  Check configuration files (default .github/incidents.yml).
  incidentops demo [--out dir] [--quick]
                                   Run incidents through the action bundle on a local GitHub emulator; writes what GitHub would show.
  incidentops emulator [--port N] [--seed demo]
                                   Start the local GitHub emulator (REST + GraphQL) and print its URL and tokens.
  incidentops relay --repo owner/name [--port 8080]
                                   Forward Alertmanager/Grafana webhooks to the repository as repository_dispatch.
  incidentops alert --repo owner/name --key k --title t [--status firing|resolved]
                                   Send a test alert to the repository as a repository_dispatch.
  incidentops report --repo owner/name [--since 7d] [--api-url URL] [--json file]
                                   Print the reliability report as markdown (token from GITHUB_TOKEN; writes nothing).
  incidentops oncall [--schedule S] [--at ISO] [--next N] [--json] [--ics]
                                   Who is on call, from the schedules in the configuration; --ics writes a calendar.
  incidentops COMMAND --help       A command's options.
  incidentops --help               This help.
  incidentops --version            The version.

Exit codes: 0 success, 1 the input is invalid (the message says what to fix), 2 usage error.`

export const VALIDATE_HELP = `incidentops validate [file ...]

Checks IncidentOps configuration files against their schema and prints every problem as
file:line:column: message. With no file, checks .github/incidents.yml. Exit 0 when every file is
valid, 1 when one is not (or is missing), 2 on a usage error.`

export const DEMO_HELP = `incidentops demo [--out dir] [--quick]

Runs the whole incident lifecycle through the real action bundle (dist/index.js) against a local
GitHub emulator: no GitHub, no token. Writes what a person would see on GitHub (each issue thread,
the board, the weekly report) as markdown and one offline HTML page, index.html, into dir
(default demo-output). From a source checkout: npm start.
  --out     the folder to write into (default demo-output)
  --quick   the short story: one incident acknowledged and resolved, then the report (seconds, not a minute)
Exit 0 success, 1 failure, 2 usage error.`

const VALIDATE: CommandSpec<Record<string, never>> = {
  options: {},
  maxPositionals: Number.POSITIVE_INFINITY,
  positionalName: 'file',
}
const DEMO = {
  options: { out: { type: 'string' }, quick: { type: 'boolean' } },
  maxPositionals: 0,
} satisfies CommandSpec<{ out: { type: 'string' }; quick: { type: 'boolean' } }>
const TOP = { options: { version: { type: 'boolean', short: 'v' } }, maxPositionals: 0 } satisfies CommandSpec<{
  version: { type: 'boolean'; short: 'v' }
}>

/** The package version, as `incidentops --version` prints it. */
export const VERSION: string = pkg.version

type Print = (s: string) => void

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: string[],
  out: Print = (s) => process.stdout.write(s + '\n'),
  err: Print = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  const [cmd, ...rest] = argv
  if (cmd === undefined || cmd === 'help') {
    out(HELP)
    return 0
  }
  if (cmd.startsWith('-')) {
    const top = parseCommand(argv, TOP)
    if (top.kind === 'help') {
      out(HELP)
      return 0
    }
    if (top.kind === 'usage') return usage(err, top.message, HELP)
    out(`incidentops ${VERSION}`)
    return 0
  }
  switch (cmd) {
    case 'validate':
      return validateCommand(rest, out, err)
    case 'demo': {
      const parsed = parseCommand(rest, DEMO)
      if (parsed.kind === 'help') {
        out(DEMO_HELP)
        return 0
      }
      if (parsed.kind === 'usage') return usage(err, parsed.message, DEMO_HELP)
      const bundle = actionBundle()
      if ('error' in bundle) {
        err(bundle.error)
        return 1
      }
      const { demo } = await import('../demo/run.js')
      await demo(resolve(parsed.values.out ?? 'demo-output'), out, {
        bundle: bundle.path,
        quick: parsed.values.quick === true,
      })
      return 0
    }
    case 'emulator': {
      const { emulatorCommand } = await import('./emulator.js')
      return emulatorCommand(rest, out, err)
    }
    case 'relay': {
      const { relayCommand } = await import('../relay/cli.js')
      return relayCommand(rest, out, err)
    }
    case 'alert': {
      const { alertCommand } = await import('../relay/cli.js')
      return alertCommand(rest, out, err)
    }
    case 'oncall': {
      const { oncallCommand } = await import('./oncall.js')
      return oncallCommand(rest, out, err)
    }
    case 'report': {
      const { reportCommand } = await import('./report.js')
      return reportCommand(rest, out, err)
    }
    default:
      return usage(err, `Unknown command "${cmd}".`, HELP)
  }
}

/** Prints a usage error followed by the command's usage; returns 2. */
export function usage(err: Print, message: string, help: string): number {
  err(`${message}\n\n${help}`)
  return 2
}

/** `incidentops validate [file ...]`: checks every file, reports each, fails if any is invalid. */
function validateCommand(args: string[], out: Print, err: Print): number {
  const parsed = parseCommand(args, VALIDATE)
  if (parsed.kind === 'help') {
    out(VALIDATE_HELP)
    return 0
  }
  if (parsed.kind === 'usage') return usage(err, parsed.message, VALIDATE_HELP)
  const files = parsed.positionals.length ? parsed.positionals : ['.github/incidents.yml']
  let code = 0
  for (const file of files) {
    if (!existsSync(file)) {
      err(`${file}: no such file. With no configuration file the defaults apply; pass a path to check another file.`)
      code = 1
      continue
    }
    try {
      const config = loadConfig(readFileSync(file, 'utf8'), file)
      const priorities = Object.entries(config.priorities)
        .map(([p, v]) => `${p} ack ${formatConfigDuration(v.ack)}`)
        .join(', ')
      const oncall =
        config.oncall.schedules.length || config.services.length
          ? `; ${config.oncall.schedules.length} on-call schedule${config.oncall.schedules.length === 1 ? '' : 's'}, ${config.services.length} service${config.services.length === 1 ? '' : 's'}`
          : ''
      out(
        `${file}: valid. Priorities: ${priorities}; ${config.classification.rules.length} classification rules${oncall}.`,
      )
      // Warnings leave the file valid (exit 0): a gap in a schedule may be intended (business hours).
      for (const w of config.warnings) out(`${w.file}:${w.line}:${w.column}: warning: ${w.message}`)
    } catch (error: unknown) {
      err(error instanceof ConfigError ? error.message : `${file}: ${getErrorMessage(error)}`)
      code = 1
    }
  }
  return code
}
