// The exact JSON each chat platform receives, and what hostile user text turns into.
import { describe, expect, it } from 'vitest'
import { formatNotification, type Notification, type NotifyKind } from '../../../src/notify/format.js'

const sample: Notification = {
  event: 'declared',
  repo: 'acme/shop',
  number: 12,
  title: 'Checkout is down',
  url: 'https://github.com/acme/shop/issues/12',
  priority: 'P1',
  stage: 'Investigating',
  text: 'Declared by octocat from the incident form.',
  at: '2025-03-04T05:06:07.000Z',
}

const body = (kind: NotifyKind, n: Notification = sample): unknown =>
  formatNotification(kind, { kind, url: 'https://hooks.example/secret' }, n).body

describe('formatNotification: exact JSON for a sample', () => {
  it('slack: text fallback, a section and a context, with a mrkdwn link and a localised date', () => {
    expect(body('slack')).toEqual({
      text: '[P1] Incident declared: acme/shop#12 Checkout is down',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*P1 · Incident declared*\n*<https://github.com/acme/shop/issues/12|#12 Checkout is down>*\nDeclared by octocat from the incident form.',
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: 'acme/shop · Stage: Investigating · <!date^1741064767^{date_short_pretty} {time}|2025-03-04 05:06 UTC>',
            },
          ],
        },
      ],
      unfurl_links: false,
      unfurl_media: false,
    })
  })

  it('teams: an Adaptive Card 1.4 message, as Workflows and incoming webhooks take it', () => {
    expect(body('teams')).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            msteams: { width: 'Full' },
            fallbackText: '[P1] Incident declared: acme/shop#12 Checkout is down',
            body: [
              { type: 'TextBlock', text: 'P1 · Incident declared', weight: 'Bolder', color: 'Attention', wrap: true },
              { type: 'TextBlock', text: '#12 Checkout is down', size: 'Large', weight: 'Bolder', wrap: true },
              { type: 'TextBlock', text: 'Declared by octocat from the incident form.', wrap: true },
              {
                type: 'FactSet',
                facts: [
                  { title: 'Repository', value: 'acme/shop' },
                  { title: 'Priority', value: 'P1' },
                  { title: 'Stage', value: 'Investigating' },
                ],
              },
              {
                type: 'TextBlock',
                text: '{{DATE(2025-03-04T05:06:07Z, SHORT)}} {{TIME(2025-03-04T05:06:07Z)}}',
                isSubtle: true,
                size: 'Small',
                wrap: true,
              },
            ],
            actions: [
              { type: 'Action.OpenUrl', title: 'Open incident #12', url: 'https://github.com/acme/shop/issues/12' },
            ],
          },
        },
      ],
    })
  })

  it('discord: content, one embed coloured by priority, and no mentions parsed', () => {
    expect(body('discord')).toEqual({
      content: '**P1 · Incident declared**: acme/shop#12 Checkout is down',
      embeds: [
        {
          title: '#12 Checkout is down',
          url: 'https://github.com/acme/shop/issues/12',
          description: 'Declared by octocat from the incident form.',
          color: 0xd1242f,
          fields: [
            { name: 'Priority', value: 'P1', inline: true },
            { name: 'Stage', value: 'Investigating', inline: true },
            { name: 'Repository', value: 'acme/shop', inline: true },
          ],
          timestamp: '2025-03-04T05:06:07Z',
          footer: { text: 'IncidentOps' },
        },
      ],
      allowed_mentions: { parse: [] },
    })
  })

  it('webhook: our documented generic JSON, version 1', () => {
    expect(body('webhook')).toEqual({
      version: 1,
      event: 'declared',
      repo: 'acme/shop',
      number: 12,
      title: 'Checkout is down',
      url: 'https://github.com/acme/shop/issues/12',
      priority: 'P1',
      stage: 'Investigating',
      text: 'Declared by octocat from the incident form.',
      at: '2025-03-04T05:06:07Z',
    })
  })

  it('colours and labels follow the priority and the event', () => {
    const colors = (['P1', 'P2', 'P3', 'P4'] as const).map(
      (priority) => (body('discord', { ...sample, priority }) as { embeds: { color: number }[] }).embeds[0]!.color,
    )
    expect(new Set(colors).size).toBe(4)
    const resolved = body('teams', { ...sample, event: 'resolved' }) as {
      attachments: { content: { body: { text: string; color?: string }[] } }[]
    }
    expect(resolved.attachments[0]!.content.body[0]).toMatchObject({ text: 'P1 · Incident resolved', color: 'Good' })
    expect((body('slack', { ...sample, event: 'escalation' }) as { text: string }).text).toBe(
      '[P1] Incident escalated: acme/shop#12 Checkout is down',
    )
    expect((body('slack', { ...sample, event: 'priority', priority: 'P2' }) as { text: string }).text).toBe(
      '[P2] Priority changed: acme/shop#12 Checkout is down',
    )
  })
})

const ZWSP = '\u200b'
/** Everything a reader of the message would see, as one string per kind. */
const all = (kind: NotifyKind, n: Notification): string => JSON.stringify(body(kind, n))

describe('formatNotification: hostile user text', () => {
  const hostile: Notification = {
    ...sample,
    title:
      'Down @here @channel @everyone <!here> <!channel> <!subteam^S123|ops> <@U123> <@&987654321> <@!42> <#555> @ops-team [click](https://evil.example) & <b>x</b>',
    text: 'Paged @everyone\nand <!everyone> \u202eevil\u0000',
    stage: '@here',
    repo: 'acme/shop',
  }

  it('slack: <, > and & escaped, so no <!here>, <!channel> or <@U…> survives; @words broken', () => {
    const s = all('slack', hostile)
    for (const bad of [
      '<!here>',
      '<!channel>',
      '<!everyone>',
      '<!subteam',
      '<@U123>',
      '@here',
      '@channel',
      '@everyone',
    ])
      expect(s).not.toContain(bad)
    expect(s).toContain('&lt;!here&gt;')
    expect(s).toContain(`@${ZWSP}here`)
    expect(s).toContain('&amp; &lt;b&gt;x&lt;/b&gt;')
    // the only link is ours
    expect(s.match(/<https?:/g)).toEqual(['<https:'])
  })

  it('discord: nothing parses as a mention, allowed_mentions is empty, no masked link of theirs', () => {
    const b = body('discord', hostile) as {
      content: string
      embeds: { title: string; description: string }[]
      allowed_mentions: unknown
    }
    expect(b.allowed_mentions).toEqual({ parse: [] })
    const s = JSON.stringify(b)
    for (const bad of ['@everyone', '@here', '<@&987654321>', '<@U123>', '<@!42>', '<#555>', '[click]('])
      expect(s).not.toContain(bad)
    expect(b.content).toContain(`@${ZWSP}everyone`)
    expect(b.content).toContain(`<${ZWSP}@&987654321>`)
    // Brackets escaped (no masked link), and their URL wrapped in <…>: linked, never previewed.
    expect(b.content).toContain('\\[click\\](<https://evil.example>)')
  })

  it('discord: every URL from their text is wrapped in <…> (no preview), ours stays the embed link', () => {
    const b = body('discord', {
      ...hostile,
      title: 'Down, see https://evil.example/px.png and http://x.test/a_b?c=1.',
      text: 'mirror at https://evil.example/m',
    }) as { content: string; embeds: { url?: string; description: string }[] }
    expect(b.content).toContain('<https://evil.example/px.png>')
    expect(b.content).toContain('<http://x.test/a_b?c=1>.')
    expect(b.embeds[0]!.description).toBe('mirror at <https://evil.example/m>')
    // No bare URL of theirs is left anywhere in the content.
    expect(b.content.replace(/<https?:\/\/[^>]+>/g, '')).not.toMatch(/https?:\/\//)
  })

  it('teams: no <at> can be formed, no link of theirs, @words broken', () => {
    const s = all('teams', { ...hostile, title: '<at>Everyone</at> [Open](https://evil.example) @everyone' })
    expect(s).not.toContain('<at>')
    expect(s).not.toContain('](https://evil.example)')
    expect(s).not.toContain('@everyone')
  })

  it('webhook: bounded and defused too, as it may be forwarded to chat', () => {
    const b = body('webhook', hostile) as { title: string; text: string; stage: string }
    expect(b.title).not.toMatch(/@(here|channel|everyone)/)
    expect(b.stage).toBe(`@${ZWSP}here`)
    expect(b.text).toBe(`Paged @${ZWSP}everyone and <!everyone> evil`)
  })

  it('controls, newlines and bidi overrides go; every kind is bounded', () => {
    const long: Notification = {
      ...sample,
      title: 'x'.repeat(10_000),
      text: 'y'.repeat(50_000),
      stage: 'z'.repeat(500),
    }
    for (const kind of ['slack', 'teams', 'discord', 'webhook'] as const) {
      const s = all(kind, long)
      expect(s.length).toBeLessThan(6000)
      expect(s).not.toMatch(/x{201}/)
      expect(s).toContain('…')
    }
    const d = body('discord', long) as { content: string; embeds: { title: string; description: string }[] }
    expect(Array.from(d.content).length).toBeLessThanOrEqual(2000)
    expect(Array.from(d.embeds[0]!.title).length).toBeLessThanOrEqual(256)
    const s = all('slack', hostile)
    expect(s).not.toContain('\\u0000')
    expect(s).not.toContain('\u202e')
    expect(s).not.toContain('\\n' + 'and')
  })

  it('a URL that is not http(s) is never linked', () => {
    const n = { ...sample, url: 'javascript:alert(1)' }
    for (const kind of ['slack', 'teams', 'discord', 'webhook'] as const)
      expect(all(kind, n)).not.toContain('javascript:')
    expect(all('slack', n)).toContain('*#12 Checkout is down*')
  })
})
