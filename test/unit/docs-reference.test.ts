import { readFileSync } from 'node:fs'
import { parseOncallCommands } from '../../src/oncall/store.js'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import {
  BEGIN,
  COMMANDS_DOCS_FILE,
  END,
  actionTables,
  commandsDocsText,
  readmeWithTables,
} from '../../scripts/gen-reference-docs.js'
import { parseCommands } from '../../src/domain/commands.js'

const actionYml = readFileSync('action.yml', 'utf8')
const readme = readFileSync('README.md', 'utf8')

describe("the README's inputs and outputs (generated from action.yml)", () => {
  it('are up to date with action.yml (run `npm run docs`)', () => {
    expect(readme).toContain(BEGIN)
    expect(readme).toContain(END)
    expect(readme).toBe(readmeWithTables(readme, actionYml))
  })

  it('have one row per input and output of action.yml, with its default', () => {
    const action = parse(actionYml) as {
      inputs: Record<string, { default?: string }>
      outputs: Record<string, unknown>
    }
    const tables = actionTables(actionYml)
    const rows = tables.split('\n').filter((l) => l.startsWith('| `'))
    expect(rows).toHaveLength(Object.keys(action.inputs).length + Object.keys(action.outputs).length)
    for (const name of [
      'notify-slack',
      'notify-teams',
      'notify-discord',
      'notify-webhook',
      'api-limits',
      'sweep-workflow',
    ])
      expect(Object.keys(action.inputs)).toContain(name)
    for (const [name, def] of Object.entries(action.inputs)) {
      const row = rows.find((r) => r.startsWith(`| \`${name}\` |`))
      expect(row, name).toBeDefined()
      expect(row, name).toContain(def.default ? `| \`${def.default}\` |` : '| — |')
    }
    for (const name of Object.keys(action.outputs))
      expect(
        rows.some((r) => r.startsWith(`| \`${name}\` |`)),
        name,
      ).toBe(true)
    // Every row has its cells: a `|` inside a description would otherwise split it.
    for (const r of rows)
      expect(r.replace(/\\\|/g, '').split('|').length - 2, r).toBe(
        r.includes('| input') ? 3 : rows.indexOf(r) < Object.keys(action.inputs).length ? 3 : 2,
      )
  })

  it('replaces exactly the generated section', () => {
    const fake = `intro\n${BEGIN}\nold table\n${END}\noutro\n`
    const out = readmeWithTables(fake, 'inputs:\n  x:\n    description: "a | b"\n    default: y\n')
    expect(out).toBe(
      `intro\n${BEGIN}\n| input | default | meaning |\n|---|---|---|\n| \`x\` | \`y\` | a \\| b |\n\n| output | meaning |\n|---|---|\n${END}\noutro\n`,
    )
    expect(() => readmeWithTables('no markers', actionYml)).toThrow('lacks the generated-section markers')
  })
})

describe('docs/commands.md (generated from src/domain/commands.ts)', () => {
  it('is up to date (run `npm run docs`)', () => {
    expect(readFileSync(COMMANDS_DOCS_FILE, 'utf8')).toBe(commandsDocsText())
  })

  it('lists every command the parser knows, and only those', () => {
    const text = commandsDocsText()
    // The commands named in the table's rows.
    const tableRows = text.split('\n').filter((l) => l.startsWith('| `/'))
    const listed = [...new Set(tableRows.flatMap((c) => [...c.matchAll(/`\/([a-z]+)/g)].map((m) => m[1]!)))]
    for (const word of listed) {
      const p = parseCommands(`/${word} P2 text`)
      // `/oncall` and `/cover` have their own parser (they run on any issue, src/events/oncall.ts).
      const oncall = parseOncallCommands(`/${word} P2 text`).length
      expect(
        p.commands.length + p.problems.length + oncall,
        `/${word} is documented but the parser ignores it`,
      ).toBeGreaterThan(0)
    }
    for (const word of [
      'ack',
      'confirm',
      'commander',
      'priority',
      'stage',
      'update',
      'note',
      'followup',
      'postmortem',
      'dismiss',
      'help',
      'investigating',
      'fixing',
      'monitoring',
      'resolve',
    ]) {
      expect(listed, word).toContain(word)
    }
  })

  it('is linked from the README, with the other guides', () => {
    for (const doc of ['docs/commands.md', 'docs/notifications.md', 'docs/postmortems.md', 'docs/security.md'])
      expect(readme).toContain(`](${doc})`)
  })
})
