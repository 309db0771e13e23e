// Loaded with `node --import` by bench/runner.ts when /usr/bin/time is not installed: writes the
// process's peak RSS and CPU time to $INCIDENTOPS_BENCH_RSS_FILE on exit. Not part of the action.
import { writeFileSync } from 'node:fs'

const file = process.env.INCIDENTOPS_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, userCPUTime: u.userCPUTime, systemCPUTime: u.systemCPUTime }))
  })
}
