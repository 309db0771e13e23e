/**
 * Slash commands in issue comments. A command is a line that starts with `/word`, outside fenced
 * code, outside HTML comments and outside `>` quotes (quoting someone's `/resolve` must not resolve).
 * Several commands in one comment run in order. Pure.
 */
import { parseCause, type CauseRef } from '../changes/cause.js'

import { parseStatus, type StatusCommand } from '../status/public.js'

export type Command =
  | { name: 'ack' }
  | { name: 'confirm' }
  | { name: 'commander'; user: string }
  | { name: 'priority'; priority: 'P1' | 'P2' | 'P3' | 'P4'; reason: string }
  | { name: 'stage'; stage: string }
  | { name: 'update'; text: string }
  | { name: 'note'; text: string }
  | { name: 'followup'; title: string }
  | { name: 'postmortem'; done?: boolean }
  | { name: 'dismiss'; reason: string }
  | { name: 'help' }
  | { name: 'summary' }
  | { name: 'changes' }
  | { name: 'cause'; cause: CauseRef }
  | { name: 'similar' }
  | StatusCommand

/** `/oncall` and `/cover` are not incident commands (they run on any issue, see src/events/oncall.ts), but `/help` lists them. */
const ONCALL_HELP_ROWS = [
  '| `/oncall` | who is on call now and next, per schedule (anyone; any issue) |',
  '| `/cover @user until 2026-12-06 09:00` | an on-call override, on the on-call issue only (docs/oncall.md) |',
]

export interface CommandProblem {
  line: string
  message: string
}

export interface ParsedCommands {
  commands: Command[]
  problems: CommandProblem[]
}

type Parsed = Command | { message: string }

/**
 * The command table: every slash command, its words, what `/help` and docs/commands.md say about it,
 * and how its argument is parsed. Adding a command: a row here, its case in decide.ts (runCommand),
 * its reply text in render/ if it answers, and a test.
 */
export interface CommandSpec {
  /** The words that run it (`/resolve` and `/resolved` are one row). */
  words: string[]
  /** How the help table shows it. */
  usage: string
  /** What it does, one line (the help table's second column). */
  help: string
  /** The command, or a message that says how to write it. `text` is the argument cut to MAX_TEXT. */
  parse: (arg: string, text: string, word: string) => Parsed
  /** `/update` and `/note` take the lines that follow, up to the next command or blank line. */
  multiline?: boolean
}

const SHORTHANDS: Record<string, string> = {
  investigating: 'investigating',
  fixing: 'fixing',
  monitoring: 'monitoring',
  resolve: 'resolved',
  resolved: 'resolved',
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    words: ['ack'],
    usage: '`/ack`',
    help: 'take command: you become the commander (assigned), Triage → Investigating',
    parse: () => ({ name: 'ack' }),
  },
  {
    words: ['confirm'],
    usage: '`/confirm`',
    help: 'confirm an incident held as unconfirmed (declared by someone below triage): paging and escalation start',
    parse: () => ({ name: 'confirm' }),
  },
  {
    words: ['commander'],
    usage: '`/commander @user`',
    help: 'hand command to someone else',
    parse: (arg) => {
      const u = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(arg.split(/\s+/)[0] ?? '')
      return u ? { name: 'commander', user: u[1]! } : { message: '`/commander` needs a user: `/commander @alice`' }
    },
  },
  {
    words: ['priority'],
    usage: '`/priority P2 <reason>`',
    help: 'set the priority by hand (wins over the rules)',
    parse: (arg) => {
      const p = /^(p[1-4])\b\s*(.*)$/is.exec(arg)
      return p
        ? { name: 'priority', priority: p[1]!.toUpperCase() as 'P1', reason: p[2]!.trim().slice(0, 500) }
        : { message: '`/priority` needs P1, P2, P3 or P4 and a reason: `/priority P2 only EU customers affected`' }
    },
  },
  {
    words: ['stage', ...Object.keys(SHORTHANDS)],
    usage: '`/investigating`, `/fixing`, `/monitoring`, `/resolve`',
    help: 'move to that stage (`/stage <name>` too)',
    parse: (arg, _text, word) =>
      word !== 'stage'
        ? { name: 'stage', stage: SHORTHANDS[word]! }
        : arg
          ? { name: 'stage', stage: arg.split(/\s+/)[0]!.toLowerCase() }
          : { message: '`/stage` needs a stage: `/stage fixing`' },
  },
  {
    words: ['update'],
    usage: '`/update <text>`',
    help: 'a status update: goes in the timeline and resets the update clock',
    multiline: true,
    parse: (_arg, text) =>
      text
        ? { name: 'update', text }
        : { message: '`/update` needs the news: `/update rollback deployed, error rate falling`' },
  },
  {
    words: ['note'],
    usage: '`/note <text>`',
    help: 'a timeline entry',
    multiline: true,
    parse: (_arg, text) => (text ? { name: 'note', text } : { message: '`/note` needs a text' }),
  },
  {
    words: ['followup'],
    usage: '`/followup <title>`',
    help: 'open a linked follow-up issue; the postmortem lists it with its state',
    parse: (_arg, text) =>
      text ? { name: 'followup', title: text.split('\n')[0]!.slice(0, 200) } : { message: '`/followup` needs a title' },
  },
  {
    words: ['postmortem'],
    usage: '`/postmortem`',
    help: 'write a postmortem now, whatever the priority',
    parse: (arg) => (/^done\b/i.test(arg) ? { name: 'postmortem', done: true } : { name: 'postmortem' }),
  },
  {
    words: [],
    usage: '`/postmortem done`',
    help: 'finish a postmortem written as a comment (a postmortem issue is finished by closing it)',
    parse: () => ({ name: 'postmortem', done: true }),
  },
  {
    words: ['dismiss'],
    usage: '`/dismiss <reason>`',
    help: 'a false alarm: closed as not planned, counted as noise',
    parse: (_arg, text) => ({ name: 'dismiss', reason: text }),
  },
  {
    words: ['summary'],
    usage: '`/summary`',
    help: 'reply with the incident in one paragraph: priority, stage, commander, latest update, next one due',
    parse: () => ({ name: 'summary' }),
  },
  {
    words: ['changes'],
    usage: '`/changes`',
    help: 'read the changes again (merged pull requests, deployments, releases before the start) and rank the suspects in the card',
    parse: () => ({ name: 'changes' }),
  },
  {
    words: ['cause'],
    usage: '`/cause #PR`, `/cause <sha>`, `/cause <deployment id>`, `/cause none`',
    help: 'confirm the change that caused the incident (or that none did): the timeline, the postmortem and the report count it',
    parse: (arg) => {
      const c = parseCause(arg)
      return 'message' in c ? c : { name: 'cause', cause: c }
    },
  },
  {
    words: ['similar'],
    usage: '`/similar`',
    help: 'search the whole history again and reply with the 3 most similar past incidents, why they match and how they ended',
    parse: () => ({ name: 'similar' }),
  },
  {
    words: ['status'],
    usage: '`/status publish <public title>`, `/status <text>`, `/status postmortem <summary>`, `/status unpublish`',
    help: 'the public status page: publish the incident with a title for customers, post an update for them, publish the postmortem summary once resolved, or take it off (docs/status-page.md)',
    multiline: true,
    parse: (_arg, text) => parseStatus(text),
  },
  { words: ['help'], usage: '`/help`', help: 'this list', parse: () => ({ name: 'help' }) },
]

const BY_WORD = new Map(COMMANDS.flatMap((c) => c.words.map((w) => [w, c] as const)))
/** Longest text a command keeps (`/update`, `/note`, …); the rest is cut. */
export const MAX_TEXT = 2000
/** Most commands run from one comment. */
export const MAX_COMMANDS = 20

/** Finds the commands in a comment body. Unknown `/words` are ignored (they may be paths or other bots' commands). */
export function parseCommands(body: string): ParsedCommands {
  const commands: Command[] = []
  const problems: CommandProblem[] = []
  const lines = body.replace(/\r\n?/g, '\n').split('\n')
  let fence: string | null = null
  let inComment = false
  for (let i = 0; i < lines.length && commands.length < MAX_COMMANDS; i++) {
    const raw = lines[i]!
    const line = raw.trim()
    if (inComment) {
      if (line.includes('-->')) inComment = false
      continue
    }
    const f = /^(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.slice(f[1]!.length).trim() === '')
        fence = null
      continue
    }
    if (f) {
      fence = f[1]!
      continue
    }
    if (line.startsWith('<!--')) {
      if (!line.includes('-->')) inComment = true
      continue
    }
    if (line.startsWith('>')) continue
    const m = /^\/([a-z]+)\b[ \t]*(.*)$/i.exec(line)
    if (!m) continue
    const word = m[1]!.toLowerCase()
    const spec = BY_WORD.get(word)
    if (!spec) continue
    let arg = m[2]!.trim()
    // `/update` and `/note` take the lines that follow, up to the next command or blank line.
    if (spec.multiline) {
      const more: string[] = []
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '' && !/^\s*\/[a-z]+\b/i.test(lines[i + 1]!))
        more.push(lines[++i]!.trim())
      arg = [arg, ...more].filter(Boolean).join('\n')
    }
    const c = spec.parse(arg, arg.slice(0, MAX_TEXT), word)
    if ('message' in c) problems.push({ line, message: c.message })
    else commands.push(c)
  }
  return { commands, problems }
}

/** True when the comment contains at least one command line (cheap pre-check before any API call). */
export function hasCommands(body: string): boolean {
  const p = parseCommands(body)
  return p.commands.length + p.problems.length > 0
}

/** The table `/help` replies with and docs/commands.md shows, from the command table (and the on-call commands, handled apart: src/events/oncall.ts). */
export const HELP_TEXT = [
  '| command | what it does |',
  '|---|---|',
  ...COMMANDS.map((c) => `| ${c.usage} | ${c.help} |`),
  ...ONCALL_HELP_ROWS,
].join('\n')
