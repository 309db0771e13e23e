/**
 * The newcomer's documents stay true: every configuration example in the README and
 * docs/setup.md validates, every local file they link to exists, and the example workflows the
 * quick start lists are the ones in examples/workflows/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'

const DOCS = ['README.md', 'docs/setup.md']

describe('the setup documents', () => {
  for (const file of DOCS) {
    const text = readFileSync(file, 'utf8')

    it(`${file}: every YAML example of .github/incidents.yml validates`, () => {
      // In the README, only the blocks marked as the config file (others may show workflows).
      const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
        .map((m) => m[1]!)
        .filter((b) => file !== 'README.md' || b.startsWith('# .github/incidents.yml'))
      expect(blocks.length).toBeGreaterThan(0)
      for (const yaml of blocks) expect(() => loadConfig(yaml, `${file} example`)).not.toThrow()
    })

    it(`${file}: every relative link points at a file in the repository`, () => {
      const links = [...text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!)
      expect(links.length).toBeGreaterThan(0)
      const missing = links.filter((l) => !existsSync(join(dirname(file), l)))
      expect(missing).toEqual([])
    })
  }

  it('the quick start lists every example workflow, and setup.md names each one', () => {
    const readme = readFileSync('README.md', 'utf8')
    const setup = readFileSync('docs/setup.md', 'utf8')
    const quick = /\n## Quick start\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? ''
    for (const wf of readdirSync('examples/workflows')) {
      expect(quick).toContain(`examples/workflows/${wf}`)
      expect(setup).toContain(wf)
    }
  })

  it('the CLI commands the documents tell a newcomer to run exist in the bundle', () => {
    const cli = readFileSync('dist/cli/index.js', 'utf8')
    for (const cmd of ['validate', 'alert', 'demo']) expect(cli).toContain(`incidentops ${cmd}`)
    // Not on npm: the documents say to run it from a clone.
    expect(readFileSync('docs/setup.md', 'utf8')).toContain('node dist/cli/index.js validate')
  })
})

describe("the README's first screen", () => {
  const readme = readFileSync('README.md', 'utf8')

  it('starts with the quick start: the uses: block, then the issue form, then tokens and permissions', () => {
    const headings = readme.split('\n').filter((l) => l.startsWith('## '))
    expect(headings[0]).toBe('## Quick start')
    const quick = /\n## Quick start\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? ''
    const uses = quick.indexOf('uses: incidentops/incidentops@v0')
    const form = quick.indexOf('**The issue form.**')
    const tokens = quick.indexOf('**Tokens and permissions.**')
    expect(uses).toBeGreaterThan(0)
    expect(form).toBeGreaterThan(uses)
    expect(tokens).toBeGreaterThan(form)
  })

  it('its workflow block is the example intake workflow without comments (so it cannot drift)', () => {
    const block = /\n {3}```yaml\n([\s\S]*?)\n {3}```/.exec(readme)?.[1]
    expect(block).toBeDefined()
    const unindented = block!
      .split('\n')
      .map((l) => l.replace(/^ {3}/, ''))
      .join('\n')
    const example = readFileSync('examples/workflows/incidentops-intake.yml', 'utf8')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
    expect(unindented).toBe(example)
  })

  it('the issue form it tells people to download is the one in this repository', () => {
    expect(readme).toContain(
      'https://raw.githubusercontent.com/incidentops/incidentops/v0/.github/ISSUE_TEMPLATE/incident.yml',
    )
    expect(existsSync('.github/ISSUE_TEMPLATE/incident.yml')).toBe(true)
  })
})
