import { describe, expect, it } from 'vitest'
import { recurrenceOf, similar, type PastIncident, type Query } from '../../../src/history/similar.js'
import { tokenize, topTerms } from '../../../src/history/terms.js'
import { similarLines, toEntry } from '../../../src/history/render.js'

const DAY = 86_400_000
const T0 = Date.parse('2026-06-01T00:00:00Z')

function past(number: number, daysAgo: number, title: string, extra: Partial<PastIncident> = {}): PastIncident {
  const { terms, length } = topTerms(title)
  return {
    number,
    title,
    declaredAt: T0 - daysAgo * DAY,
    services: [],
    alertKey: null,
    terms,
    length,
    paths: [],
    end: 'resolved',
    minutes: 42,
    cause: null,
    postmortem: null,
    followups: { open: [], closed: 0 },
    ...extra,
  }
}

/** A fixed corpus: the expected top 3 and reasons below are worked out from it. */
const CORPUS: PastIncident[] = [
  past(10, 200, 'Checkout returns 502 after deploy', {
    services: ['checkout'],
    alertKey: 'alertmanager-group:checkout-5xx',
    cause: 'rolled back release 4.2',
    postmortem: 14,
    followups: { open: [15], closed: 1 },
  }),
  past(20, 120, 'Search is slow for some users', { services: ['search'] }),
  past(30, 90, 'Checkout page timeouts', { services: ['checkout'] }),
  past(40, 60, 'Database failover in eu-west', { services: ['db'], paths: ['infra/db/failover.tf'] }),
  past(50, 20, 'Login emails delayed'),
  past(60, 10, 'Payments 502 from the gateway', { services: ['payments'] }),
  past(70, 5, 'Status page typo'),
]

const query = (over: Partial<Query> = {}): Query => ({
  number: 100,
  declaredAt: T0,
  title: 'Checkout 502 errors',
  summary: 'Customers see 502 on checkout since the deploy',
  services: ['checkout'],
  alertKey: 'alertmanager-group:checkout-5xx',
  paths: [],
  ...over,
})

describe('tokenize', () => {
  it('lower-cases, drops stopwords and short numbers, stems words, keeps status codes', () => {
    expect(tokenize('The Checkout TIMEOUTS for 12 users: HTTP 502 @alice')).toEqual([
      'checkout',
      'timeout',
      'user',
      'http',
      '502',
      'alic',
    ])
  })
})

describe('similar: a fixed corpus', () => {
  it('gives the expected top 3, with their reasons, the alert key first', () => {
    const q = query()
    const top = similar(CORPUS, q)
    expect(top.map((m) => m.incident.number)).toEqual([10, 30, 60])
    expect(top[0]!.reasons).toEqual([
      { kind: 'alert-key', key: 'alertmanager-group:checkout-5xx' },
      { kind: 'service', services: ['checkout'] },
      { kind: 'terms', terms: ['deploy', '502', 'checkout'] },
    ])
    expect(top[1]!.reasons).toEqual([
      { kind: 'service', services: ['checkout'] },
      { kind: 'terms', terms: ['checkout'] },
    ])
    expect(top[2]!.reasons).toEqual([{ kind: 'terms', terms: ['502'] }])
  })

  it('matches on suspect paths, and skips incidents that share nothing', () => {
    const q = query({
      title: 'Writes failing',
      summary: null,
      services: [],
      alertKey: null,
      paths: ['infra/db/failover.tf'],
    })
    const top = similar(CORPUS, q)
    expect(top.map((m) => m.incident.number)).toEqual([40])
    expect(top[0]!.reasons).toEqual([{ kind: 'paths', paths: ['infra/db/failover.tf'] }])
  })

  it('is deterministic: ties go to the more recent, then the higher number; the order of the corpus does not matter', () => {
    const twins = [past(1, 30, 'Cache miss storm'), past(2, 10, 'Cache miss storm'), past(3, 10, 'Cache miss storm')]
    const q = query({ title: 'Cache miss storm', summary: null, services: [], alertKey: null })
    const a = similar(twins, q).map((m) => m.incident.number)
    const b = similar([...twins].reverse(), q).map((m) => m.incident.number)
    expect(a).toEqual([3, 2, 1])
    expect(b).toEqual(a)
  })

  it('never matches the incident itself or a later one', () => {
    const q = query({ number: 30, declaredAt: T0 - 90 * DAY })
    const top = similar(CORPUS, q)
    expect(top.map((m) => m.incident.number)).toEqual([10])
  })
})

describe('recurrence', () => {
  it('flags a best match that is recent with open follow-ups, and nothing else', () => {
    const q = query()
    const recent = [
      past(10, 12, 'Checkout returns 502 after deploy', { alertKey: q.alertKey, followups: { open: [15], closed: 0 } }),
    ]
    expect(recurrenceOf(similar(recent, q), q)).toBe(10)
    const old = [
      past(10, 45, 'Checkout returns 502 after deploy', { alertKey: q.alertKey, followups: { open: [15], closed: 0 } }),
    ]
    expect(recurrenceOf(similar(old, q), q)).toBeNull()
    const done = [
      past(10, 12, 'Checkout returns 502 after deploy', { alertKey: q.alertKey, followups: { open: [], closed: 2 } }),
    ]
    expect(recurrenceOf(similar(done, q), q)).toBeNull()
  })
})

describe('the rendered list', () => {
  it('says why and how it ended, and quotes titles and causes defused', () => {
    const hostile = past(10, 12, 'Ping @oncall-team <!-- incidentops:card --> [x](https://evil)', {
      alertKey: 'k',
      cause: '@alice restarted it | see #12',
      postmortem: 14,
      followups: { open: [15], closed: 1 },
    })
    const q = query({ alertKey: 'k' })
    const m = similar([hostile], q)
    const text = similarLines({ at: 'x', matches: m.map(toEntry), recurrenceOf: recurrenceOf(m, q), note: null }).join(
      '\n',
    )
    expect(text).toContain('1. #10 Ping @\u200boncall-team')
    expect(text).not.toContain('<!-- incidentops')
    expect(text).not.toContain('](https://evil)'.replace('](', '[x]('))
    expect(text).toContain('**Why:** same alert key `k`')
    expect(text).toContain('resolved in 42m')
    expect(text).toContain('last update: “@\u200balice restarted it \\| see #\u200b12”')
    expect(text).toContain('postmortem #14 · follow-ups: 1 open (#15), 1 closed')
    expect(text).toContain('**Possible recurrence** of #10')
  })
})
