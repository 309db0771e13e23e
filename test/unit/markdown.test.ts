import { describe, expect, it } from 'vitest'
import {
  inline,
  quote,
  code,
  neutralizeMentions,
  neutralizeMarkers,
  neutralizeLinks,
} from '../../src/render/markdown.js'

describe('quoting user text back', () => {
  it('images never embed, links never hide their URL, #refs never cross-reference (issue #14)', () => {
    const evil =
      'Down ![px](https://evil.example/px.png), see [Status](https://evil.example/p) or [c][r] and #12, acme/x#3, GH-4\n\n[r]: https://evil.example/r'
    for (const out of [inline(evil), quote(evil)]) {
      expect(out).not.toMatch(/!\[px\]|\[Status\]\(|\[c\]\[r\]|^> \[r\]:/m)
      expect(out).toContain('!&#91;px](https://evil.example/px.png)')
      expect(out).toContain('&#91;Status](https://evil.example/p)')
      expect(out).toContain('#\u200b12')
      expect(out).toContain('acme/x#\u200b3')
      expect(out).toContain('GH\u200b-4')
    }
    // Brackets that open nothing stay as written (a bot's login). Every bracket of a 50,000-deep
    // pile is defused (how fast: `npm run bench -- --only=compute`, not a timed test).
    expect(inline('shipit[bot] wrote [x]')).toBe('shipit[bot] wrote [x]')
    expect(neutralizeLinks(`${'['.repeat(50_000)}](x)`)).toBe(`${'&#91;'.repeat(50_000)}](x)`)
  })
  it('defuses mentions of users and teams but not e-mail addresses', () => {
    expect(neutralizeMentions('ping @alice and @acme/sre')).toBe('ping @\u200balice and @\u200bacme/sre')
    expect(inline('write to ops@acme.io')).toBe('write to ops@\u200bacme.io')
  })
  it('cannot smuggle our markers or open HTML comments', () => {
    const evil = '<!-- incidentops:card --> <!-- incidentops:record:v1:AAAA -->'
    for (const out of [inline(evil), quote(evil), neutralizeMarkers(evil)]) {
      expect(out).not.toContain('<!--')
      expect(out).not.toMatch(/incidentops:(card|record)/)
    }
  })
  it('keeps a table cell a table cell', () => {
    const out = inline('a | b\n| c |\n# heading')
    expect(out).not.toContain('\n')
    expect(out).not.toMatch(/(^|[^\\])\|/)
  })
  it('does not let a leading block marker change the block', () => {
    expect(inline('# big')).toBe('\\# big')
    expect(inline('> quote')).toBe('&gt; quote')
    expect(inline('1. item')).toBe('\\1. item')
  })
  it('escapes HTML so <details> or <script> cannot break the layout', () => {
    expect(inline('<details><script>x</script>')).toBe('&lt;details&gt;&lt;script&gt;x&lt;/script&gt;')
    expect(quote('<img src=x onerror=alert(1)>')).toBe('> &lt;img src=x onerror=alert(1)&gt;')
  })
  it('keeps fences inside the quote', () => {
    expect(
      quote('```\n### not a heading\n')
        .split('\n')
        .every((l) => l.startsWith('>')),
    ).toBe(true)
  })
  it('bounds length and says how much was cut', () => {
    expect(inline('x'.repeat(500), 10)).toBe('xxxxxxxxxx… (490 more characters)')
  })
  it('drops control characters', () => {
    expect(inline('a\u0000b\u001bc')).toBe('abc')
  })
  it('cannot close an inline code span', () => {
    expect(code('a`b')).toBe('`aˋb`')
  })
})
