/* Writes schema/incidents.schema.json from src/config/schema.ts (a test fails when it is stale). */
import { writeFileSync } from 'node:fs'
import { CONFIG_SCHEMA } from '../src/config/schema.js'

export const SCHEMA_FILE = 'schema/incidents.schema.json'
export const schemaText = (): string => JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n'

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, schemaText())
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`)
}
