/*
 * One argument parser for every `incidentops` command: Node's util.parseArgs in strict mode, so an
 * unknown flag, a missing value or an extra argument is a usage error (exit 2 with the command's
 * usage) instead of being ignored or read as a file name.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

/** What a command accepts: its flags (all `--long`, `--help`/`-h` is added) and how many positionals. */
export interface CommandSpec<O extends Options> {
  options: O
  /** Largest number of positional arguments (0: none). */
  maxPositionals: number
  /** A word for the positionals in messages, e.g. "file". */
  positionalName?: string
}

/** The parsed command line, or a usage message when it is wrong, or `help` when --help was given. */
export type Parsed<O extends Options> =
  | {
      kind: 'ok'
      values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }
      positionals: string[]
    }
  | { kind: 'help' }
  | { kind: 'usage'; message: string }

/**
 * Parses `args` strictly against `spec`. Never throws on user input: a wrong command line comes
 * back as `{ kind: 'usage', message }` saying what is wrong, for the caller to print with its usage.
 */
export function parseCommand<O extends Options>(args: string[], spec: CommandSpec<O>): Parsed<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({
      args,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    }) as { values: Record<string, unknown>; positionals: string[] }
  } catch (error: unknown) {
    // --help wins over anything else wrong on the line: a person asking for help gets it.
    if (args.includes('--help') || args.includes('-h')) return { kind: 'help' }
    return { kind: 'usage', message: usageMessage(error, spec) }
  }
  if (parsed.values.help === true) return { kind: 'help' }
  if (parsed.positionals.length > spec.maxPositionals) {
    const extra = parsed.positionals.slice(spec.maxPositionals)
    const what =
      spec.maxPositionals === 0
        ? 'takes no arguments'
        : `takes at most ${spec.maxPositionals} ${spec.positionalName ?? 'argument'}${spec.maxPositionals === 1 ? '' : 's'}`
    return {
      kind: 'usage',
      message: `Unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((a) => `"${a}"`).join(', ')}: this command ${what}.`,
    }
  }
  const { help: _help, ...values } = parsed.values
  return {
    kind: 'ok',
    values: values as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string },
    positionals: parsed.positionals,
  }
}

function usageMessage(error: unknown, spec: CommandSpec<Options>): string {
  const code = (error as { code?: string }).code
  const text = error instanceof Error ? error.message : String(error)
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(text)?.[1] ?? text
    const known = Object.keys(spec.options).map((o) => `--${o}`)
    return `Unknown option "${flag}".${known.length ? ` Options: ${known.join(', ')}, --help.` : ' This command takes only --help.'}`
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(--[a-z-]+)/.exec(text)?.[1]
    if (flag && spec.options[flag.slice(2)]?.type === 'string')
      return `${flag} needs a value (${flag} VALUE or ${flag}=VALUE).`
    if (flag) return `${flag} does not take a value.`
  }
  return text.split('\n')[0]!
}
