// The hostile input corpus: hand-written files in test/fixtures/hostile/ and the alert
// fixtures in test/fixtures/alerts/malformed/, plus many cases generated from compact tables.
// Each case is checked in-process against the pure functions (fast); a representative subset is
// also run through the bundle (hardening.test.ts).
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { stringify } from 'yaml'
import { loadConfig } from '../../src/config/load.js'
import { ConfigError, PayloadError } from '../../src/errors.js'
import { decide, desiredIssue, formSpec, MAX_SERVICE_LABELS, type Role } from '../../src/domain/decide.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { CARD_MARKER, decodeRecord, type IncidentRecord } from '../../src/domain/record.js'
import type { CommentSnapshot, IssueContext } from '../../src/github/port.js'
import type { Config } from '../../src/config/types.js'
import { parseAlertDispatch } from '../../src/alerts/index.js'
import { alertIssueBody } from '../../src/events/alerts.js'
import { parseTemplate } from '../../src/postmortem/template.js'
import { DEFAULT_TEMPLATE } from '../../src/postmortem/default-template.js'
import { renderPostmortem } from '../../src/postmortem/render.js'
import { reconcile } from '../../src/plan.js'
import { classify } from '../../src/domain/classify.js'

const HOSTILE = resolve(import.meta.dirname, '..', 'fixtures', 'hostile')
const MALFORMED = resolve(import.meta.dirname, '..', 'fixtures', 'alerts', 'malformed')
export const CONFIG_FILE = '.github/incidents.yml'
const NOW = '2026-11-25T14:30:00Z'

export type Kind = 'config' | 'body' | 'title' | 'comment' | 'dispatch' | 'access'
export interface HostileCase {
  kind: Kind
  name: string
  input: string | unknown
  /** config: error | ok | linear (accepted, and hostile summaries classify fast); dispatch: reject | accept | any; others: neutralised. */
  expect: string
}
export interface HostileResult {
  name: string
  problems: string[]
}

// ---------- what "neutralised" means, checked on everything we would write ----------

/** Problems with a text we would post: live mentions, foreign markers, raw HTML, broken tables or fences, controls. */
export function unsafe(text: string, ownMarkers: RegExp[] = []): string[] {
  const out: string[] = []
  let t = text
  for (const m of ownMarkers) t = t.replace(m, '')
  // Inline code spans are not rendered (no mention, no HTML) — but pipes in them still split table cells.
  const prose = t.replace(/`[^`\n]*`/g, '``')
  const mention = /(^|[^A-Za-z0-9_`\u200b])@(?!\u200b)[A-Za-z0-9]/m.exec(prose)
  if (mention) out.push(`a live mention: …${prose.slice(Math.max(0, mention.index - 10), mention.index + 20)}…`)
  if (/&(#0*64|#x0*40|commat);[A-Za-z0-9]/i.test(prose)) out.push('an @ spelled as an HTML entity before a name')
  if (t.includes('<!--')) out.push('an HTML comment that is not ours (a smuggled marker)')
  if (/incidentops:(card|record|reply|help|denied|alert|escalation|reminder|crisis|postmortem|followup)/i.test(t))
    out.push('our marker text outside our own markers')
  const html = /<\/?(?!sub>|\/sub>)[A-Za-z!?]/.exec(prose.replace(/<\/?sub>/g, ''))
  if (html) out.push(`raw HTML: ${prose.slice(html.index, html.index + 30)}`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) out.push('a control character')
  if (/[\u202a-\u202e\u2066-\u2069]/.test(text))
    out.push('a bidirectional override (text that reads differently than it is)')
  if (/^ {0,3}(```|~~~)/m.test(t)) out.push('a code fence of user text that can swallow what follows')
  // Images, links and references from someone else's text (issue #14): GitHub must not embed, hide or cross-reference them.
  if (/!\[[^\]\n]*\]\s*[([]/.test(prose))
    out.push(`an image that would embed: ${prose.slice(prose.search(/!\[/), prose.search(/!\[/) + 60)}`)
  if (/\[(Status page|click)\][([]/.test(prose) || /^ {0,3}\[r\]:/m.test(prose))
    out.push('a link of theirs that hides its URL behind text')
  if (/(^|[^\u200b&])#42\d\d\b|\bGH-42\d\d\b/.test(prose)) out.push('a live issue reference from their text')
  // Every row of a table has the header's number of cell separators.
  const lines = t.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || (i > 0 && lines[i - 1]!.startsWith('|'))) continue
    const pipes = (l: string) => (l.match(/(?<!\\)(?:\\\\)*\|/g) ?? []).length
    const want = pipes(lines[i]!)
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++)
      if (pipes(lines[j]!) !== want)
        out.push(`a table row with ${pipes(lines[j]!)} cell separators instead of ${want}: ${lines[j]!.slice(0, 80)}`)
  }
  return [...new Set(out)]
}

const RECORD_LINE = /\n<!-- incidentops:record:v1:[A-Za-z0-9+/=]+ -->$/
const LEADING = /^<!-- incidentops:[a-z-]+(:[^\s>]+)? -->/

// ---------- running a case against the pure core ----------

function config(text: string | null = null): Config {
  return loadConfig(text, CONFIG_FILE)
}

function ctx(body: string, comments: CommentSnapshot[] = [], title = '[Incident]: hostile'): IssueContext {
  return {
    repositoryId: 'R_1',
    repoLabels: [],
    issue: {
      nodeId: 'I_2',
      number: 2,
      title,
      body,
      state: 'open',
      stateReason: null,
      createdAt: '2026-11-25T14:00:00Z',
      updatedAt: '2026-11-25T14:00:00Z',
      closedAt: null,
      url: 'https://github.com/acme/shop/issues/2',
      author: 'alice',
      viewerDidAuthor: false,
      assignees: [],
      labels: ['incident'],
      comments,
    },
  }
}

/** Intake of a body: the card and every comment we would post must be safe. */
function intake(
  body: string,
  title?: string,
): { record: IncidentRecord; card: string; problems: string[]; c: IssueContext; cfg: Config } {
  const cfg = config()
  const c = ctx(body, [], title)
  const d = decide(c, { kind: 'issue', action: 'opened', sender: 'alice' }, cfg, formSpec(INCIDENT_FORM, cfg), NOW)
  if (d.kind !== 'incident') return { record: null as never, card: '', problems: [`skipped: ${d.reason}`], c, cfg }
  const want = desiredIssue(c, d.record, d.facts, cfg, d.replies)
  const problems = [
    ...unsafe(want.card, [new RegExp(`^${CARD_MARKER}`), RECORD_LINE]),
    ...want.once.flatMap((o) => unsafe(o.body, [LEADING])),
  ]
  if (decodeRecord(want.card)?.number !== 2) problems.push('the card does not carry our record')
  for (const l of want.labels)
    if (!/^[\w./ -]{1,50}$/.test(l))
      problems.push(`a label we would set is not a plain name: ${JSON.stringify(l).slice(0, 60)}`)
  const services = want.labels.filter((l) => l.startsWith('service/')).length
  if (services > MAX_SERVICE_LABELS) problems.push(`${services} service labels (at most ${MAX_SERVICE_LABELS})`)
  return { record: d.record, card: want.card, problems, c, cfg }
}

function runBody(body: string): string[] {
  return intake(body).problems
}

function runTitle(title: string): string[] {
  const { record, problems, c } = intake(
    renderIssueForm({ summary: 'x', impact: 'Full outage', services: 'api', exposure: [] }, INCIDENT_FORM),
    title,
  )
  const pm = renderPostmortem(parseTemplate(DEFAULT_TEMPLATE, '.github/postmortem.md'), {
    record,
    facts: {
      summary: null,
      impact: null,
      usersAffected: null,
      services: [],
      dataLoss: false,
      security: false,
      detection: null,
      startedAt: null,
      notes: [],
    } as never,
    title,
    url: c.issue!.url,
    repo: 'acme/shop',
    followups: [],
  })
  return [...problems, ...unsafe(pm, [/^<!-- incidentops:postmortem:\d+ -->/, /<!-- \/?incidentops:followups -->/g])]
}

function runComment(text: string, role: Role = 'write'): { problems: string[]; record: IncidentRecord | null } {
  const first = intake(
    renderIssueForm(
      { summary: 'Checkout down', impact: 'Major degradation', services: 'checkout', exposure: [] },
      INCIDENT_FORM,
    ),
  )
  const card: CommentSnapshot = {
    databaseId: 10,
    body: first.card,
    author: 'github-actions[bot]',
    createdAt: '2026-11-25T14:00:00Z',
    updatedAt: '2026-11-25T14:00:00Z',
    viewerDidAuthor: true,
  }
  const c = ctx(first.c.issue!.body, [card])
  const d = decide(
    c,
    { kind: 'comment', commentId: 20, body: text, author: 'alice', createdAt: '2026-11-25T14:20:00Z', role },
    first.cfg,
    formSpec(INCIDENT_FORM, first.cfg),
    NOW,
  )
  if (d.kind !== 'incident') return { problems: [`skipped: ${d.reason}`], record: null }
  const want = desiredIssue(c, d.record, d.facts, first.cfg, d.replies)
  // A reminder or an escalation pings the people on the hook on purpose: the commander a writer set
  // (a login the command parser validated) or the response team. Only that exact line of ours may
  // mention them; the same name anywhere else (say, in quoted user text) is still a live mention.
  const onHook = [d.record.commander, ...first.cfg.responseTeam.map((t) => t.replace(/^@/, ''))].filter(
    (l): l is string => !!l && /^[A-Za-z0-9][A-Za-z0-9-/]{0,80}$/.test(l),
  )
  const asks = onHook.length
    ? [
        new RegExp(
          `^(?:@(?:${onHook.join('|')}) )*@(?:${onHook.join('|')}): please (?=post \`/update <what changed>\`\\. Next update due|take command with \`/ack\`\\.)`,
          'gm',
        ),
      ]
    : []
  const problems = [
    ...unsafe(want.card, [new RegExp(`^${CARD_MARKER}`), RECORD_LINE]),
    ...want.once.flatMap((o) => unsafe(o.body, [LEADING, ...asks])),
  ]
  if (decodeRecord(want.card)?.number !== 2) problems.push('the card does not carry our record')
  const posts = reconcile(want, c).filter((e) => e.kind === 'create-comment')
  if (posts.length > 2) problems.push(`${posts.length} replies to one comment`)
  if (d.record.events.length - first.record.events.length > 40)
    problems.push('more than 20 commands ran from one comment')
  return { problems, record: d.record }
}

function runDispatch(payload: unknown, expect: string, eventType = 'alert'): string[] {
  let alerts
  try {
    alerts = parseAlertDispatch(eventType, payload)
  } catch (error: unknown) {
    if (!(error instanceof PayloadError)) return [`threw ${String(error)} instead of a PayloadError`]
    if (!/^(event_type|client_payload)\b/.test(error.message))
      return [`the error does not name the field: ${error.message}`]
    if (error.message.length > 600) return ['the error message is longer than 600 characters']
    return expect === 'accept' ? [`rejected: ${error.message}`] : []
  }
  if (expect === 'reject') return ['accepted a payload that must be rejected']
  return alerts.flatMap((a) => unsafe(alertIssueBody(a), [/^<!-- incidentops:alert-key:[A-Za-z0-9._:/=+-]+ -->/]))
}

/** Summaries that make a backtracking engine take exponential or high-polynomial time on the REGEX_BOMBS. */
export const REGEX_ATTACKS = [
  `${'a'.repeat(49)}!`,
  'a'.repeat(10_000),
  'ab'.repeat(5_000),
  `${'x'.repeat(9_000)}`,
  `${'word '.repeat(1_900)}!`,
  `${' , '.repeat(3_000)}!`,
  `${'1a'.repeat(4_000)}!`,
]

/**
 * A config case: refused with file:line:column, or accepted; a `linear` one also classifies every
 * hostile summary. How fast (each classification < 500 ms, each case < 2 s) is measured by
 * `npm run bench -- --only=compute`, not here: a timed check fails on a loaded machine. A
 * backtracking engine would not finish within the test timeout.
 */
export function runConfig(text: string, expect: string): string[] {
  try {
    const cfg = loadConfig(text, CONFIG_FILE)
    if (expect === 'error') return ['accepted a config that must be refused']
    if (expect === 'linear') for (const summary of REGEX_ATTACKS) classify({ summary }, cfg)
  } catch (error: unknown) {
    if (!(error instanceof ConfigError)) return [`threw ${String(error)} instead of a ConfigError`]
    if (expect === 'ok') return [`refused: ${error.message}`]
    if (!/\.github\/incidents\.yml:\d+:\d+: /.test(error.message))
      return [`the error has no file:line:column: ${error.message.slice(0, 200)}`]
    if (/\n\s+at /.test(error.message)) return ['the error carries a stack trace']
  }
  return []
}

/**
 * Something a person below triage can do whatever we say (GitHub lets an issue's author close,
 * reopen and edit it), on an incident a responder has acknowledged (`investigating`) or resolved.
 * The incident's course must not move, the issue must be put back, and our reply must be safe.
 */
export interface AccessInput {
  stage: 'investigating' | 'resolved'
  action: 'closed' | 'reopened' | 'edited'
  role?: Role
  stateReason?: 'COMPLETED' | 'NOT_PLANNED'
  body?: string
}

function runAccess(a: AccessInput): string[] {
  const first = intake(
    renderIssueForm(
      { summary: 'Checkout down', impact: 'Major degradation', services: 'checkout', exposure: [] },
      INCIDENT_FORM,
    ),
  )
  const cfg = first.cfg
  const spec = formSpec(INCIDENT_FORM, cfg)
  let card: CommentSnapshot = {
    databaseId: 10,
    body: first.card,
    author: 'github-actions[bot]',
    createdAt: '2026-11-25T14:00:00Z',
    updatedAt: '2026-11-25T14:00:00Z',
    viewerDidAuthor: true,
  }
  const commands = a.stage === 'resolved' ? '/ack\n/resolve' : '/ack'
  const acked = decide(
    ctx(first.c.issue!.body, [card]),
    { kind: 'comment', commentId: 20, body: commands, author: 'bob', createdAt: '2026-11-25T14:10:00Z', role: 'write' },
    cfg,
    spec,
    NOW,
  )
  if (acked.kind !== 'incident') return [`skipped: ${acked.reason}`]
  const c0 = ctx(first.c.issue!.body, [card])
  card = { ...card, body: desiredIssue(c0, acked.record, acked.facts, cfg, []).card }
  const before = acked.record
  const c = ctx(a.body ?? first.c.issue!.body, [card])
  const issue = c.issue!
  issue.state =
    a.action === 'closed' ? 'closed' : a.action === 'reopened' ? 'open' : a.stage === 'resolved' ? 'closed' : 'open'
  issue.stateReason = a.action === 'closed' ? (a.stateReason ?? 'COMPLETED') : null
  issue.updatedAt = issue.closedAt = '2026-11-25T14:20:00Z'
  const d = decide(
    c,
    { kind: 'issue', action: a.action, sender: 'alice', ...(a.role ? { role: a.role } : {}) },
    cfg,
    spec,
    NOW,
  )
  if (d.kind !== 'incident') return [`skipped: ${d.reason}`]
  const want = desiredIssue(c, d.record, d.facts, cfg, d.replies)
  const problems: string[] = []
  if (d.record.stage !== before.stage) problems.push(`the stage moved: ${before.stage} → ${d.record.stage}`)
  if (d.record.priority !== before.priority)
    problems.push(`the priority moved: ${before.priority} → ${d.record.priority}`)
  if (d.record.commander !== before.commander) problems.push('the commander changed')
  if (d.record.events.some((e) => e.kind === 'dismissed')) problems.push('dismissed')
  const state = a.stage === 'resolved' ? 'closed' : 'open'
  if (want.state !== state) problems.push(`the issue would stay ${want.state}, the record says ${state}`)
  if (a.action !== 'edited' && !d.record.events.some((e) => e.kind === 'refused'))
    problems.push('the attempt is not in the timeline')
  const services = want.labels.filter((l) => l.startsWith('service/')).length
  if (services > MAX_SERVICE_LABELS) problems.push(`${services} service labels (at most ${MAX_SERVICE_LABELS})`)
  problems.push(
    ...unsafe(want.card, [new RegExp(`^${CARD_MARKER}`), RECORD_LINE]),
    ...want.once.flatMap((o) => unsafe(o.body, [LEADING])),
  )
  return problems
}

/** Runs one case; the problems found (none: handled). */
export function check(c: HostileCase): string[] {
  switch (c.kind) {
    case 'config':
      return runConfig(c.input as string, c.expect)
    case 'body':
      return runBody(c.input as string)
    case 'title':
      return runTitle(c.input as string)
    case 'comment':
      return runComment(c.input as string).problems
    case 'dispatch': {
      const [eventType, payload] = dispatchArgs(c.input)
      return runDispatch(payload, c.expect, eventType)
    }
    case 'access':
      return runAccess(c.input as AccessInput)
  }
}
export { runComment }

// ---------- the cases ----------

/** Hostile strings, placed into every field, title and command argument. */
export const NASTY: [string, string][] = [
  ['everyone', '@everyone look'],
  ['team mention', 'ping @acme/sre now'],
  ['mention after punctuation', '(@alice),@bob;@carol'],
  ['65 KB', 'x'.repeat(66_000)],
  ['binary', '\u0000\u0001\u0002\u00ff\ufffe\uffff binary \u0007\u001b[31m'],
  ['card marker', '<!-- incidentops:card -->'],
  ['record marker', '<!-- incidentops:record:v1:eyJ2IjoxfQ== -->'],
  ['comment close', 'a --> b <!-- c'],
  ['script', '<script>alert(document.cookie)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['details', '<details open><summary>x</summary>'],
  ['fence with heading', '```\n### Customer impact\nNo customer impact'],
  ['tilde fence', '~~~~\nunclosed'],
  ['table', '| a | b |\n|---|---|\n| c | d |'],
  ['pipes', 'a|b\\|c\\\\|d'],
  ['rtl override', 'payments \u202Estneve yreve\u202C fail'],
  ['isolates', '\u2066@alice\u2069 and \u2067x\u2069'],
  ['javascript link', '[click](javascript:alert(1))'],
  ['mention flood', Array.from({ length: 3000 }, (_, i) => `@user${i}`).join(' ')],
  ['block markers', '# big\n> quote\n- list\n1. one'],
  ['entity mentions', '&#64;alice &#x40;bob &commat;carol'],
  ['fullwidth', 'ＡＢ＠ｃ and ﹫dave'],
  ['line endings', 'a\r\nb\rc\n\n\nd'],
  ['lone surrogate', 'a\ud800b\udc00c'],
  ['marker text', 'incidentops:card INCIDENTOPS:record'],
  ['zero width', '@\u200balready and @\u200dbob'],
  ['code span', '`@alice` ``@bob`` `<!--`'],
  ['heading flood', '### Customer impact\n'.repeat(2000)],
  // Issue #14: images that embed a tracker, links that hide their URL, references that ping other threads.
  ['image', 'Down ![px](https://evil.example/px.png) ![ref img][r]'],
  ['hidden link', '[Status page](https://evil.example/phish) and [click](<https://evil.example/a b>)'],
  ['reference link', '[click][r]\n\n[r]: https://evil.example/ref'],
  ['issue references', 'see #4242, acme/other#4243, GH-4244 and (#4245)'],
  ['workflow command', 'x\n::error title=x::boom\r\n::add-mask::alice ##[warning]y %0A::error::z'],
]

const yaml = (o: unknown): string => stringify(o)
/** `a.b.c` = v as a YAML document. */
const at = (path: string, v: unknown): string => {
  const keys = path.split('.')
  let o: unknown = v
  for (const k of keys.reverse()) o = { [k]: o }
  return yaml(o)
}

const WRONG_TYPES: [string, unknown][] = [
  ['labels.incident', 42],
  ['labels.incident', ['incident']],
  ['labels.services', 'yes'],
  ['priorities.P1.ack', '15 minutes'],
  ['priorities.P1.ack', 15],
  ['priorities.P1.update', '-5m'],
  ['priorities.P1.postmortem', 'maybe'],
  ['priorities.P9.ack', '15m'],
  ['classification.default', 'P5'],
  ['classification.rules', 'all'],
  ['classification.rules', [{ priority: 'P1' }]],
  ['classification.rules', [{ priority: 'P1', when: { field: 'impact', equals: { nested: true } } }]],
  ['classification.score', [{ field: 'impact', weight: 'heavy' }]],
  ['crisis.mention', '@acme/all'],
  ['crisis.checklist', [1, 2]],
  ['escalation', { mention: ['@x'] }],
  ['escalation', [{ mention: '@x' }]],
  ['escalation', [{ mention: ['@x'], after: 'soon' }]],
  ['sweep.budget', -1],
  ['sweep.budget', 'many'],
  ['sweep.budget', 1e12],
  ['alerts.event_types', 'alert'],
  ['alerts.reopen_window', '1 hour'],
  ['alerts.resolved_stage', 'closed'],
  ['project.number', 'one'],
  ['project', true],
  ['project.number', -3],
  ['report.window_days', 0],
  ['report.slo_target', 2],
  ['report.currency', 5],
  ['report.scope', 'galaxy'],
  ['stages.triage.name', ''],
  ['stages.warp', { name: 'warp' }],
  ['notify.events', ['everything']],
  ['postmortem.chase_after', 'never'],
  ['response_team', 'everyone'],
  ['form.headings', ['x']],
]
const UNKNOWN_KEYS = [
  'foo',
  'labels.colour',
  'priorities.P1.acknowledge',
  'project.token',
  'crisis.mentions',
  'sweep.interval',
  'alerts.secret',
  'report.email',
]
// Patterns that take exponential or high-polynomial time in a backtracking engine. Config regexes are
// matched with RE2 (linear time), so they are accepted, and classifying hostile summaries stays fast.
const REGEX_BOMBS = [
  '(a+)+$',
  '(a*)*$',
  '(a+)*b',
  '([a-z]+)+$',
  '(\\w+\\s?)+$',
  '((a+))+$',
  '(a{1,})+$',
  '(a{2,}){2,}$',
  '(?:a+)+$',
  '(.*a){20}',
  '(x+x+)+y',
  '(\\d+|\\w+)+$',
  '(a|a)+$',
  '(a|ab)*c',
  '(?:x|xy)+$',
  '((a|b)|a)+$',
  '(?:(a|b)c)+$',
  '(aa?)+$',
  '^.*a.*a.*a.*b$',
  '(.*)*x$',
  '(\\s*,\\s*)*$',
]
// Invalid, or what RE2 cannot run (backreferences, lookarounds, \\u escapes, possessive quantifiers, huge counts): refused.
const REGEX_BAD = [
  '[',
  '(?<n>a',
  'a{2,1}',
  '(a)\\1',
  '(?<w>a)\\k<w>',
  'x(?=y)',
  'x(?!y)',
  '(?<=x)y',
  '(?<!x)y',
  'caf\\u00e9',
  'a++',
  'a{1,5000}',
  '(\\w{1,1000}){1,1000}',
]
const REGEX_OK = ['^pay', 'checkout|payments', '\\bdb\\b', '(eu|us)-west', '[0-9]{3}', '(eu|us)+']

export function cases(): HostileCase[] {
  const out: HostileCase[] = []
  // Configs from tables.
  for (const [p, v] of WRONG_TYPES)
    out.push({ kind: 'config', name: `config: ${p} = ${JSON.stringify(v)}`, input: at(p, v), expect: 'error' })
  for (const p of UNKNOWN_KEYS)
    out.push({ kind: 'config', name: `config: unknown key ${p}`, input: at(p, 1), expect: 'error' })
  const rule = (re: string) =>
    yaml({ classification: { rules: [{ priority: 'P1', when: { field: 'summary', matches: re } }] } })
  for (const re of REGEX_BOMBS)
    out.push({ kind: 'config', name: `config: regex ${re} (linear)`, input: rule(re), expect: 'linear' })
  for (const re of REGEX_BAD)
    out.push({ kind: 'config', name: `config: regex ${re}`, input: rule(re), expect: 'error' })
  for (const re of REGEX_OK)
    out.push({ kind: 'config', name: `config: regex ${re} (fine)`, input: rule(re), expect: 'ok' })
  out.push(
    {
      kind: 'config',
      name: 'config: 300 KB',
      input: `labels:\n  incident: incident\n# ${'x'.repeat(300 * 1024)}\n`,
      expect: 'error',
    },
    {
      kind: 'config',
      name: 'config: 250 KB of comments (fine)',
      input: `${'# padding\n'.repeat(25_000)}labels:\n  incident: incident\n`,
      expect: 'ok',
    },
    { kind: 'config', name: 'config: binary', input: '\u0000binary', expect: 'error' },
    { kind: 'config', name: 'config: a list', input: '- a\n- b\n', expect: 'error' },
    { kind: 'config', name: 'config: a string', input: '"just text"\n', expect: 'error' },
    {
      kind: 'config',
      name: 'config: deep nesting',
      input: `labels: ${'['.repeat(500)}${']'.repeat(500)}\n`,
      expect: 'error',
    },
    { kind: 'config', name: 'config: unclosed flow', input: 'labels: { incident: [incident\n', expect: 'error' },
    {
      kind: 'config',
      name: 'config: 100 KB label',
      input: at('labels.incident', 'x'.repeat(100_000)),
      expect: 'error',
    },
    { kind: 'config', name: 'config: empty (fine)', input: '', expect: 'ok' },
    {
      kind: 'config',
      name: 'config: !!binary tag',
      input: 'labels:\n  incident: !!binary aW5jaWRlbnQ=\n',
      expect: 'error',
    },
    { kind: 'config', name: 'config: !!set', input: 'crisis:\n  mention: !!set { "@a": null }\n', expect: 'error' },
  )
  for (const f of readdirSync(join(HOSTILE, 'configs')).sort()) {
    const text = readFileSync(join(HOSTILE, 'configs', f), 'utf8')
    out.push({ kind: 'config', name: `config file ${f}`, input: text, expect: /expect: (\w+)/.exec(text)![1]! })
  }

  // Issue bodies: every nasty string in every free-text field, then whole bodies.
  for (const field of ['summary', 'services', 'detection', 'links', 'impact'] as const) {
    for (const [name, s] of NASTY) {
      const values: Record<string, string | string[] | null> = {
        summary: 'Checkout down',
        impact: 'Full outage',
        services: 'checkout',
        exposure: [],
        detection: 'Monitoring alert',
        links: null,
      }
      values[field] = s
      out.push({
        kind: 'body',
        name: `body: ${name} in ${field}`,
        input: renderIssueForm(values, INCIDENT_FORM),
        expect: 'neutralised',
      })
    }
  }
  let seed = 7
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
  out.push(
    {
      kind: 'body',
      name: 'body: 65 KB of random code units',
      input: Array.from({ length: 65_536 }, () => String.fromCharCode(Math.floor(rnd() * 65_536))).join(''),
      expect: 'neutralised',
    },
    {
      kind: 'body',
      name: 'body: 65 KB of headings and fences',
      input: '### What is broken?\n```\n'.repeat(3000).slice(0, 65_536),
      expect: 'neutralised',
    },
    { kind: 'body', name: 'body: 20,000 lines', input: 'line @x\n'.repeat(20_000), expect: 'neutralised' },
    {
      kind: 'body',
      name: 'body: unclosed HTML comment first',
      input: `<!--\n${renderIssueForm({ summary: 'x', impact: 'Full outage', exposure: [] }, INCIDENT_FORM)}`,
      expect: 'neutralised',
    },
    {
      kind: 'body',
      name: 'body: only markers',
      input: '<!-- incidentops:card -->\n<!-- incidentops:record:v1:AAAA -->',
      expect: 'neutralised',
    },
    { kind: 'body', name: 'body: empty', input: '', expect: 'neutralised' },
  )
  for (const f of readdirSync(join(HOSTILE, 'bodies')).sort())
    out.push({
      kind: 'body',
      name: `body file ${f}`,
      input: readFileSync(join(HOSTILE, 'bodies', f), 'utf8'),
      expect: 'neutralised',
    })

  // Titles (quoted into the postmortem).
  for (const [name, s] of NASTY) out.push({ kind: 'title', name: `title: ${name}`, input: s, expect: 'neutralised' })

  // Comments run as commands by someone with write access.
  const COMMANDS: [string, string][] = [
    ['record in a reason', '/priority P1 <!-- incidentops:record:v1:eyJ2IjoxfQ== -->'],
    ['team as commander', '/commander @org/team'],
    ['1,000 commands', '/note x\n'.repeat(1000)],
    ['1,000 acks', '/ack\n'.repeat(1000)],
    ['quoted', '> /resolve\n>/dismiss'],
    ['fenced', '```\n/resolve\n```\n~~~\n/dismiss\n~~~'],
    ['in an HTML comment', '<!--\n/resolve\n-->'],
    ['in an unclosed fence', '```\n/resolve'],
    ['70 KB note', `/note ${'y'.repeat(70_000)}`],
    ['follow-up with markers', '/followup @everyone <!-- incidentops:card --> <script>'],
    ['stage with HTML', '/stage <img src=x onerror=alert(1)>'],
    ['stage with a mention', '/stage @alice'],
    ['priority with a mention flood', `/priority P1 ${'@team '.repeat(300)}`],
    ['dismiss opening a comment', '/dismiss <!-- never closed'],
    ['50 helps', '/help\n'.repeat(50)],
    ['long commander', `/commander ${'a'.repeat(60)}`],
    ['priority P0', '/priority P0 worst ever'],
    ['priority with NUL', '/priority P1\u0000 nul'],
    ['note with an override', '/note \u202Eevil\u202C'],
    ['update with a fence', '/update ```\n### heading\n```'],
    ['CRLF', '/ack\r\n/update line one\r\nline two\r\n'],
    ['entity mention', '/note &#64;alice'],
    ['NUL before the slash', '\u0000/resolve'],
    ['pipes', `/note ${'|'.repeat(100)}`],
    ['table in an update', '/update | a | b |\n|---|---|'],
  ]
  for (const [name, s] of COMMANDS)
    out.push({ kind: 'comment', name: `comment: ${name}`, input: s, expect: 'neutralised' })
  for (const [name, s] of NASTY)
    out.push({ kind: 'comment', name: `comment: /update ${name}`, input: `/update ${s}`, expect: 'neutralised' })
  for (const f of readdirSync(join(HOSTILE, 'comments')).sort())
    out.push({
      kind: 'comment',
      name: `comment file ${f}`,
      input: readFileSync(join(HOSTILE, 'comments', f), 'utf8'),
      expect: 'neutralised',
    })

  // Dispatch payloads: the malformed fixtures, the hostile files, and generated ones.
  for (const f of readdirSync(MALFORMED)
    .filter((x) => x.endsWith('.json') && x !== 'index.json')
    .sort()) {
    const j = JSON.parse(readFileSync(join(MALFORMED, f), 'utf8')) as { event_type: string; client_payload: unknown }
    out.push({
      kind: 'dispatch',
      name: `dispatch fixture ${f}`,
      input: j.event_type === 'alert' ? j.client_payload : { __eventType: j.event_type, payload: j.client_payload },
      expect: 'reject',
    })
  }
  for (const f of readdirSync(join(HOSTILE, 'payloads')).sort()) {
    const j = JSON.parse(readFileSync(join(HOSTILE, 'payloads', f), 'utf8')) as {
      expect: string
      client_payload: unknown
    }
    out.push({ kind: 'dispatch', name: `dispatch file ${f}`, input: j.client_payload, expect: j.expect })
  }
  const alert = (extra: Record<string, unknown>) => ({
    incidentops: { version: 1, alerts: [{ status: 'firing', key: 'k', title: 'Probe failing', ...extra }] },
  })
  for (const f of [
    'status',
    'key',
    'title',
    'description',
    'service',
    'severity',
    'labels',
    'startsAt',
    'endsAt',
    'source',
    'links',
  ]) {
    for (const [vn, v] of [
      ['a number', 12345],
      ['true', true],
      ['a list', ['x']],
      ['an object', { a: 1 }],
    ] as [string, unknown][]) {
      out.push({ kind: 'dispatch', name: `dispatch: ${f} is ${vn}`, input: alert({ [f]: v }), expect: 'any' })
    }
  }
  for (const [name, s] of NASTY)
    out.push({
      kind: 'dispatch',
      name: `dispatch: ${name} in title and description`,
      input: alert({ title: s, description: s, labels: { team: s } }),
      expect: 'any',
    })
  let deep: unknown = 'x'
  for (let i = 0; i < 5000; i++) deep = [deep]
  out.push(
    { kind: 'dispatch', name: 'dispatch: 5,000 levels deep', input: alert({ labels: { deep } }), expect: 'any' },
    { kind: 'dispatch', name: 'dispatch: 70 KB', input: alert({ description: 'z'.repeat(70_000) }), expect: 'any' },
    {
      kind: 'dispatch',
      name: 'dispatch: 1,000 labels',
      input: alert({ labels: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`l${i}`, '@x'])) }),
      expect: 'any',
    },
    {
      kind: 'dispatch',
      name: 'dispatch: 11 top-level keys',
      input: { ...alert({}), a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 },
      expect: 'any',
    },
    { kind: 'dispatch', name: 'dispatch: an array', input: [alert({})], expect: 'reject' },
    { kind: 'dispatch', name: 'dispatch: null', input: null, expect: 'reject' },
  )

  // People below triage through the channels GitHub gives them anyway (issue #14).
  const body = (impact: string, services = 'checkout'): string =>
    renderIssueForm({ summary: 'Checkout down', impact, services, exposure: [] }, INCIDENT_FORM)
  const roles: (Role | undefined)[] = ['read', 'none', undefined]
  for (const role of roles) {
    const who = role ?? 'unknown role'
    out.push(
      {
        kind: 'access',
        name: `access: ${who} closes an acknowledged incident`,
        input: { stage: 'investigating', action: 'closed', role },
        expect: 'unchanged',
      },
      {
        kind: 'access',
        name: `access: ${who} closes it as not planned`,
        input: { stage: 'investigating', action: 'closed', role, stateReason: 'NOT_PLANNED' },
        expect: 'unchanged',
      },
      {
        kind: 'access',
        name: `access: ${who} reopens a resolved incident`,
        input: { stage: 'resolved', action: 'reopened', role },
        expect: 'unchanged',
      },
      {
        kind: 'access',
        name: `access: ${who} edits it down to no impact`,
        input: { stage: 'investigating', action: 'edited', role, body: body('No customer impact') },
        expect: 'unchanged',
      },
      {
        kind: 'access',
        name: `access: ${who} edits it up to a full outage`,
        input: { stage: 'investigating', action: 'edited', role, body: body('Full outage') },
        expect: 'unchanged',
      },
    )
  }
  const flood = Array.from({ length: 200 }, (_, i) => `svc-${i}`).join(', ')
  out.push(
    {
      kind: 'access',
      name: 'access: read edits in 200 services',
      input: { stage: 'investigating', action: 'edited', role: 'read', body: body('Major degradation', flood) },
      expect: 'unchanged',
    },
    {
      kind: 'access',
      name: 'access: read edits in hostile service names',
      input: {
        stage: 'investigating',
        action: 'edited',
        role: 'read',
        body: body('Major degradation', '@everyone, <!-- incidentops:card -->, ../../x, service/evil'),
      },
      expect: 'unchanged',
    },
    { kind: 'body', name: 'body: 200 services', input: body('Full outage', flood), expect: 'neutralised' },
  )
  return out
}

/** A dispatch case with another event type (a fixture that tests event_type). */
export function dispatchArgs(input: unknown): [string, unknown] {
  if (typeof input === 'object' && input !== null && '__eventType' in input)
    return [String((input as { __eventType: unknown }).__eventType), (input as unknown as { payload: unknown }).payload]
  return ['alert', input]
}
