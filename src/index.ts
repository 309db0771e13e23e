import { run } from './main.js'

await run({ env: process.env })
