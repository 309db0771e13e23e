import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { DEFAULT_TEMPLATE } from '../../../src/postmortem/default-template.js'

it('the bundled default template is templates/postmortem.md (regenerate src/postmortem/default-template.ts when editing it)', () => {
  expect(DEFAULT_TEMPLATE).toBe(readFileSync('templates/postmortem.md', 'utf8'))
})
