/**
 * The chat messages for one incident notification, per platform. Pure: no network, no clock.
 * Every string in the notification is treated as user text (see text.ts): bounded, one line,
 * and defused so that nothing in it can ping anyone.
 */
import type { Priority } from '../config/types.js'
import { discordEscape, plain, safeLink, slackEscape, teamsEscape } from './text.js'

export type NotifyKind = 'slack' | 'teams' | 'discord' | 'webhook'
export type NotifyEvent = 'declared' | 'priority' | 'escalation' | 'resolved'

/** Where a notification goes. The URL is a secret (it embeds a token): it is never logged. */
export interface NotifyTarget {
  kind: NotifyKind
  url: string
}

export interface Notification {
  event: NotifyEvent
  /** `owner/name` */
  repo: string
  number: number
  title: string
  /** The incident's issue URL. */
  url: string
  priority: Priority
  stage: string
  /** One sentence: what happened. */
  text: string
  /** ISO 8601 time of the event. */
  at: string
}

/** The bounds we cut user text to (code points). Well under every platform's own limits. */
export const LIMITS = { title: 200, text: 1000, repo: 140, stage: 60 } as const

const EVENT_LABEL: Record<NotifyEvent, string> = {
  declared: 'Incident declared',
  priority: 'Priority changed',
  escalation: 'Incident escalated',
  resolved: 'Incident resolved',
}

/** Discord embed colours by priority (red, orange, yellow, blue). */
export const DISCORD_COLORS: Record<Priority, number> = { P1: 0xd1242f, P2: 0xe16f24, P3: 0xbf8700, P4: 0x0969da }

/** Adaptive Card text colours by priority. */
const TEAMS_COLORS: Record<Priority, string> = { P1: 'Attention', P2: 'Warning', P3: 'Accent', P4: 'Default' }

interface Clean {
  event: NotifyEvent
  label: string
  repo: string
  number: number
  title: string
  link: string | null
  priority: Priority
  stage: string
  text: string
  /** Valid ISO time without milliseconds, or null when `at` is not a time. */
  iso: string | null
  /** What to show when no platform date formatting applies. */
  when: string
}

function clean(n: Notification): Clean {
  const ms = Date.parse(n.at)
  const iso = Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : null
  const number = Number.isSafeInteger(n.number) && n.number > 0 ? n.number : 0
  return {
    event: n.event,
    label: EVENT_LABEL[n.event] ?? 'Incident update',
    repo: plain(n.repo, LIMITS.repo),
    number,
    title: plain(n.title, LIMITS.title) || '(untitled)',
    link: safeLink(n.url),
    priority: (['P1', 'P2', 'P3', 'P4'] as const).includes(n.priority) ? n.priority : 'P4',
    stage: plain(n.stage, LIMITS.stage),
    text: plain(n.text, LIMITS.text),
    iso,
    when: iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : plain(n.at, 40),
  }
}

function slack(c: Clean): unknown {
  const name = slackEscape(`#${c.number} ${c.title}`)
  const heading = c.link ? `<${slackEscape(c.link)}|${name}>` : name
  // <!date^…|fallback> shows the time in each reader's own time zone.
  const when = c.iso ? `<!date^${Date.parse(c.iso) / 1000}^{date_short_pretty} {time}|${c.when}>` : slackEscape(c.when)
  const context = [slackEscape(c.repo), `Stage: ${slackEscape(c.stage || '-')}`, when].join(' · ')
  return {
    text: slackEscape(`[${c.priority}] ${c.label}: ${c.repo}#${c.number} ${c.title}`),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${c.priority} · ${c.label}*\n*${heading}*${c.text ? `\n${slackEscape(c.text)}` : ''}`,
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ],
    unfurl_links: false,
    unfurl_media: false,
  }
}

function teams(c: Clean): unknown {
  // Adaptive Card date functions render in the reader's time zone; they want RFC 3339 without ms.
  const when = c.iso ? `{{DATE(${c.iso}, SHORT)}} {{TIME(${c.iso})}}` : teamsEscape(c.when)
  const body: unknown[] = [
    {
      type: 'TextBlock',
      text: `${c.priority} · ${c.label}`,
      weight: 'Bolder',
      color: c.event === 'resolved' ? 'Good' : TEAMS_COLORS[c.priority],
      wrap: true,
    },
    { type: 'TextBlock', text: teamsEscape(`#${c.number} ${c.title}`), size: 'Large', weight: 'Bolder', wrap: true },
  ]
  if (c.text) body.push({ type: 'TextBlock', text: teamsEscape(c.text), wrap: true })
  body.push({
    type: 'FactSet',
    facts: [
      { title: 'Repository', value: teamsEscape(c.repo) },
      { title: 'Priority', value: c.priority },
      { title: 'Stage', value: teamsEscape(c.stage || '-') },
    ],
  })
  // DATE()/TIME() are documented for TextBlock (not FactSet values), hence a line of its own.
  body.push({ type: 'TextBlock', text: when, isSubtle: true, size: 'Small', wrap: true })
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: { width: 'Full' },
    fallbackText: teamsEscape(`[${c.priority}] ${c.label}: ${c.repo}#${c.number} ${c.title}`),
    body,
  }
  if (c.link) card.actions = [{ type: 'Action.OpenUrl', title: `Open incident #${c.number}`, url: c.link }]
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  }
}

function discord(c: Clean): unknown {
  // Titles render little markdown; still, no `<@…>` and no `[text](link)` of theirs.
  const title = Array.from(`#${c.number} ${c.title}`.replace(/</g, '<\u200b').replace(/\]\(/g, ']\u200b('))
    .slice(0, 256)
    .join('')
  const embed: Record<string, unknown> = { title }
  if (c.link) embed.url = c.link
  if (c.text) embed.description = discordEscape(c.text)
  embed.color = DISCORD_COLORS[c.priority]
  embed.fields = [
    { name: 'Priority', value: c.priority, inline: true },
    { name: 'Stage', value: discordEscape(c.stage || '-'), inline: true },
    { name: 'Repository', value: discordEscape(c.repo || '-'), inline: true },
  ]
  if (c.iso) embed.timestamp = c.iso
  embed.footer = { text: 'IncidentOps' }
  const content = `**${c.priority} · ${c.label}**: ${discordEscape(`${c.repo}#${c.number} ${c.title}`)}`
  return { content: Array.from(content).slice(0, 2000).join(''), embeds: [embed], allowed_mentions: { parse: [] } }
}

function webhook(c: Clean, n: Notification): unknown {
  return {
    version: 1,
    event: c.event,
    repo: c.repo,
    number: c.number,
    title: c.title,
    url: c.link ?? '',
    priority: c.priority,
    stage: c.stage,
    text: c.text,
    at: c.iso ?? plain(n.at, 40),
  }
}

/**
 * The JSON body to POST to one chat webhook for one notification.
 *
 * @param kind which platform's format to produce.
 * @param target the destination; only its kind matters today (its URL never enters the body).
 * @param n the notification; every string in it is treated as untrusted user text.
 * @returns `{ body }`, ready for `JSON.stringify`.
 */
export function formatNotification(kind: NotifyKind, target: NotifyTarget, n: Notification): { body: unknown } {
  void target
  const c = clean(n)
  switch (kind) {
    case 'slack':
      return { body: slack(c) }
    case 'teams':
      return { body: teams(c) }
    case 'discord':
      return { body: discord(c) }
    case 'webhook':
      return { body: webhook(c, n) }
  }
  throw new Error(`unknown notification kind: ${plain(String(kind), 20)}`)
}
