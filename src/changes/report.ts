/**
 * DORA in the weekly report: reads the changes of the history (⌈deployments/100⌉ + ⌈pull
 * requests/100⌉ GraphQL pages) and computes the four keys (dora.ts) from them and the incidents.
 */
import type { Config } from '../config/types.js'
import type { GitHubPort } from '../github/port.js'
import type { ReportIncident } from '../report/types.js'
import { computeDora, type DoraReport } from './dora.js'

const DAY = 86_400_000

/** The DORA figures over the report's history (`report.history_weeks`), ending at the report's end. */
export async function doraForReport(
  port: GitHubPort,
  incidents: readonly ReportIncident[],
  config: Config,
  end: string,
): Promise<DoraReport> {
  const start = new Date(Date.parse(end) - config.report.historyWeeks * 7 * DAY).toISOString()
  const changes = await port.changeHistory(start)
  return computeDora({
    changes,
    incidents: incidents.map((i) => ({
      number: i.number,
      services: i.services,
      startedAt: i.startedAt,
      resolvedAt: i.resolvedAt,
      dismissed: i.dismissed,
      ...(i.cause ? { cause: i.cause } : {}),
    })),
    start,
    end,
    environment: config.changes.environment,
    frequency: config.changes.frequency,
    services: config.services.map((s) => ({ name: s.name, paths: s.paths })),
  })
}
