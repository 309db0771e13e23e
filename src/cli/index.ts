#!/usr/bin/env node
/* The `incidentops` command. Unlike the action, it talks to a person: plain stdout/stderr. */
import { readFileSync, existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadConfig } from '../config/load.js'
import { ConfigError, getErrorMessage } from '../errors.js'

const HELP = `incidentops — incident response inside your GitHub repository

Usage:
  incidentops validate [file]   Check a configuration file (default .github/incidents.yml).
  incidentops demo [--out dir]  Run an incident through the action on a local GitHub emulator (from a source checkout: npm start).
  incidentops relay --repo owner/name [--port 8080]
                                Forward Alertmanager/Grafana webhooks to the repository as repository_dispatch.
  incidentops alert --repo owner/name --key k --title t [--status firing|resolved]
                                Send a test alert to the repository as a repository_dispatch.
  incidentops report --repo owner/name [--since 30d] [--api-url URL] [--json file]
                                Print the reliability report as markdown (token from GITHUB_TOKEN; writes nothing).
  incidentops --help            This help.

Exit codes: 0 success, 1 the input is invalid (the message says what to fix), 2 usage error.`

const VALIDATE_HELP = `incidentops validate [file]

Checks an IncidentOps configuration file against its schema and prints every problem as
file:line:column: message. With no file, checks .github/incidents.yml. Exit 0 when valid, 1 when not.`

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  const [cmd, ...rest] = argv
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    out(HELP)
    return 0
  }
  switch (cmd) {
    case 'validate': {
      if (rest.includes('--help')) {
        out(VALIDATE_HELP)
        return 0
      }
      const file = rest[0] ?? '.github/incidents.yml'
      if (!existsSync(file)) {
        err(`${file}: no such file. With no configuration file the defaults apply; pass a path to check another file.`)
        return 1
      }
      try {
        const config = loadConfig(readFileSync(file, 'utf8'), file)
        out(`${file}: valid. Priorities: ${Object.entries(config.priorities).map(([p, v]) => `${p} ack ${v.ack / 60000}m`).join(', ')}; ${config.classification.rules.length} classification rules.`)
        return 0
      } catch (error: unknown) {
        err(error instanceof ConfigError ? error.message : `${file}: ${getErrorMessage(error)}`)
        return 1
      }
    }
    case 'demo': {
      // The demo drives the local GitHub emulator, which lives with the tests in a source checkout.
      // Built from parts so the bundler leaves the source-checkout path alone.
      // Found from the running script's path (not import.meta.url, which the bundler would follow
      // and copy the demo into dist/): src/cli/index.ts → test/demo/run.ts in a source checkout.
      const demoPath = pathToFileURL(resolve(dirname(process.argv[1] ?? '.'), '..', '..', 'test', 'demo', 'run.ts'))
      if (!existsSync(demoPath) || !process.argv[1]?.endsWith('.ts')) {
        err('The demo runs from a source checkout: git clone the repository, then `npm ci && npm start`.')
        return 1
      }
      const mod = (await import(demoPath.href)) as { runDemo: (args: string[], out: (s: string) => void) => Promise<number> }
      return mod.runDemo(rest, out)
    }
    case 'relay': {
      const { relayCommand } = await import('../relay/cli.js')
      return relayCommand(rest, out, err)
    }
    case 'alert': {
      const { alertCommand } = await import('../relay/cli.js')
      return alertCommand(rest, out, err)
    }
    case 'report': {
      const { reportCommand } = await import('./report.js')
      return reportCommand(rest, out, err)
    }
    default:
      err(`Unknown command "${cmd}".\n\n${HELP}`)
      return 2
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`incidentops: ${getErrorMessage(error)}\n`)
      process.exit(1)
    },
  )
}
