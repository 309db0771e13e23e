#!/usr/bin/env node
/*
 * The `incidentops` executable: always runs the CLI. It is a file of its own because npm starts
 * an installed command through a symlink (node_modules/.bin/incidentops, or a global bin), so a
 * "was this file started directly?" test on the script's name never matches and the command
 * silently did nothing. src/cli/index.ts only exports `main`, for tests and this file.
 */
import { getErrorMessage } from '../errors.js'
import { main } from './index.js'

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`incidentops: ${getErrorMessage(error)}\n`)
    process.exit(1)
  },
)
