/**
 * Slash commands in issue comments. A command is a line that starts with `/word`, outside fenced
 * code, outside HTML comments and outside `>` quotes (quoting someone's `/resolve` must not resolve).
 * Several commands in one comment run in order. Pure.
 */

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

export interface CommandProblem {
  line: string
  message: string
}

export interface ParsedCommands {
  commands: Command[]
  problems: CommandProblem[]
}

const SHORTHANDS: Record<string, string> = { investigating: 'investigating', fixing: 'fixing', monitoring: 'monitoring', resolve: 'resolved', resolved: 'resolved' }
const KNOWN = new Set(['ack', 'confirm', 'commander', 'priority', 'stage', 'update', 'note', 'followup', 'postmortem', 'dismiss', 'help', ...Object.keys(SHORTHANDS)])
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
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.slice(f[1]!.length).trim() === '') fence = null
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
    if (!KNOWN.has(word)) continue
    let arg = m[2]!.trim()
    // `/update` and `/note` take the lines that follow, up to the next command or blank line.
    if (word === 'update' || word === 'note') {
      const more: string[] = []
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '' && !/^\s*\/[a-z]+\b/i.test(lines[i + 1]!)) more.push(lines[++i]!.trim())
      arg = [arg, ...more].filter(Boolean).join('\n')
    }
    const c = toCommand(word, arg)
    if ('message' in c) problems.push({ line, message: c.message })
    else commands.push(c)
  }
  return { commands, problems }
}

function toCommand(word: string, arg: string): Command | { message: string } {
  const text = arg.slice(0, MAX_TEXT)
  switch (word) {
    case 'ack':
      return { name: 'ack' }
    case 'confirm':
      return { name: 'confirm' }
    case 'help':
      return { name: 'help' }
    case 'postmortem':
      return /^done\b/i.test(arg) ? { name: 'postmortem', done: true } : { name: 'postmortem' }
    case 'commander': {
      const u = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(arg.split(/\s+/)[0] ?? '')
      return u ? { name: 'commander', user: u[1]! } : { message: '`/commander` needs a user: `/commander @alice`' }
    }
    case 'priority': {
      const p = /^(p[1-4])\b\s*(.*)$/is.exec(arg)
      return p
        ? { name: 'priority', priority: p[1]!.toUpperCase() as 'P1', reason: p[2]!.trim().slice(0, 500) }
        : { message: '`/priority` needs P1, P2, P3 or P4 and a reason: `/priority P2 only EU customers affected`' }
    }
    case 'stage':
      return arg ? { name: 'stage', stage: arg.split(/\s+/)[0]!.toLowerCase() } : { message: '`/stage` needs a stage: `/stage fixing`' }
    case 'update':
      return text ? { name: 'update', text } : { message: '`/update` needs the news: `/update rollback deployed, error rate falling`' }
    case 'note':
      return text ? { name: 'note', text } : { message: '`/note` needs a text' }
    case 'followup':
      return text ? { name: 'followup', title: text.split('\n')[0]!.slice(0, 200) } : { message: '`/followup` needs a title' }
    case 'dismiss':
      return { name: 'dismiss', reason: text }
    default:
      return { name: 'stage', stage: SHORTHANDS[word]! }
  }
}

/** True when the comment contains at least one command line (cheap pre-check before any API call). */
export function hasCommands(body: string): boolean {
  const p = parseCommands(body)
  return p.commands.length + p.problems.length > 0
}

export const HELP_TEXT = [
  '| command | what it does |',
  '|---|---|',
  '| `/ack` | take command: you become the commander (assigned), Triage → Investigating |',
  '| `/confirm` | confirm an incident held as unconfirmed (declared by someone below triage): paging and escalation start |',
  '| `/commander @user` | hand command to someone else |',
  '| `/priority P2 <reason>` | set the priority by hand (wins over the rules) |',
  '| `/investigating`, `/fixing`, `/monitoring`, `/resolve` | move to that stage (`/stage <name>` too) |',
  '| `/update <text>` | a status update: goes in the timeline and resets the update clock |',
  '| `/note <text>` | a timeline entry |',
  '| `/followup <title>` | open a linked follow-up issue; the postmortem lists it with its state |',
  '| `/postmortem` | write a postmortem now, whatever the priority |',
  '| `/postmortem done` | finish a postmortem written as a comment (a postmortem issue is finished by closing it) |',
  '| `/dismiss <reason>` | a false alarm: closed as not planned, counted as noise |',
  '| `/oncall` | who is on call now and next, per schedule (anyone; any issue) |',
  '| `/cover @user until 2026-12-06 09:00` | an on-call override, on the on-call issue only (docs/oncall.md) |',
  '| `/help` | this list |',
].join('\n')
