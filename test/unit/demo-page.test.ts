import { describe, expect, it } from 'vitest'
import { renderPage } from '../../src/demo/html.js'
import { renderInline, renderMarkdown } from '../../src/demo/markdown.js'

const anchors = new Map([
  [1, 'issue-1'],
  [2, 'issue-2'],
])

describe("the demo page's links work offline", () => {
  it("links to the page's own issues, on GitHub or on the emulator's port, become in-page anchors", () => {
    const o = { anchors, repo: 'acme/shop' }
    expect(renderInline('Incident [acme/shop#1](https://github.com/acme/shop/issues/1) · P1', o)).toBe(
      'Incident <a href="#issue-1">acme/shop#1</a> · P1',
    )
    expect(renderInline('see http://127.0.0.1:39201/acme/shop/issues/2', o)).toBe(
      'see <a href="#issue-2">http://127.0.0.1:39201/acme/shop/issues/2</a>',
    )
    expect(renderInline('follows acme/shop#2 and #1', o)).toBe(
      'follows <a href="#issue-2">acme/shop#2</a> and <a href="#issue-1">#1</a>',
    )
  })

  it('leaves other repositories, and issues without a section, as they are', () => {
    const o = { anchors, repo: 'acme/shop' }
    expect(renderInline('[acme/web#1](https://github.com/acme/web/issues/1)', o)).toBe(
      '<a href="https://github.com/acme/web/issues/1">acme/web#1</a>',
    )
    expect(renderInline('[acme/shop#9](https://github.com/acme/shop/issues/9)', o)).toBe(
      '<a href="https://github.com/acme/shop/issues/9">acme/shop#9</a>',
    )
    expect(renderInline('acme/shop#9', o)).toBe('acme/shop#9')
    // Without the repository option nothing changes (the markdown export).
    expect(renderInline('[acme/shop#1](https://github.com/acme/shop/issues/1)', { anchors })).toBe(
      '<a href="https://github.com/acme/shop/issues/1">acme/shop#1</a>',
    )
  })

  it('shows character references as GitHub does (the action writes &#91; for a [ that must not link, &lt; in cells), never as markup', () => {
    expect(renderInline('&#91;Incident]: Nobody can sign in', {})).toBe('&#91;Incident]: Nobody can sign in')
    expect(renderInline('a &#x5B;b] &amp; c', {})).toBe('a &#x5B;b] &amp; c') // &amp; is an ampersand on GitHub too
    expect(renderInline('&#60;script&#62;x', {})).toBe('&#60;script&#62;x') // drawn as text "<script>x"
    expect(renderInline('&lt;!-- x --&gt; & &copy;', {})).toBe('&lt;!-- x --&gt; &amp; &amp;copy;') // the escapes the action writes; others stay text
    expect(renderInline('`&#91;`', {})).toBe('<code>&amp;#91;</code>') // code spans show what was written
  })

  it('keeps the lines of a multi-line comment as lines, as GitHub shows comments', () => {
    expect(renderMarkdown('/fixing\n/update rollback in progress')).toBe(
      '<p>/fixing<br>\n/update rollback in progress</p>',
    )
    expect(renderMarkdown('one\n\ntwo')).toBe('<p>one</p>\n<p>two</p>')
  })

  it('never nests a link inside a link label', () => {
    const html = renderInline('[see #1 and acme/shop#2](https://github.com/acme/shop/issues/1)', {
      anchors,
      repo: 'acme/shop',
    })
    expect(html).toBe('<a href="#issue-1">see #1 and acme/shop#2</a>')
  })

  it('renderPage turns the postmortem link to its incident into an anchor to the incident section', () => {
    const thread = (n: number, body: string): string =>
      `# Title #${n}\n**Open** · opened by **@alice**\nLabels: \`incident\`\n<!-- thread:body -->\n${body}`
    const page = renderPage(
      {
        title: 'demo',
        intro: 'x',
        notes: [],
        repo: 'acme/shop',
        sections: [
          { id: 'issue-1', nav: '#1', markdown: thread(1, 'The incident.') },
          {
            id: 'issue-3',
            nav: '#3',
            markdown: thread(3, 'Incident [acme/shop#1](http://127.0.0.1:40000/acme/shop/issues/1) · **P1**'),
          },
        ],
      },
      null,
    )
    expect(page).toContain('<a href="#issue-1">acme/shop#1</a>')
    expect(page).not.toContain('127.0.0.1:40000')
  })
})
