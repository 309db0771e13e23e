/**
 * Scheduled maintenance told to subscribers: each transition a run records (scheduled when it goes
 * public, in progress, verifying, completed) and each `/maintenance <text>` update gives one notice,
 * carrying the maintenance as the page's `scheduled-maintenances.json` shows it (Statuspage models a
 * maintenance as an incident with `scheduled_for`/`scheduled_until`). The transitions and updates
 * are in the maintenance's record, written in the card write the notice waits for, so a re-run finds
 * them recorded and announces nothing: at most once, as for incidents.
 */
import type { Config } from '../config/types.js'
import type { MaintenanceRecord, MaintenanceTransition } from '../maintenance/record.js'
import { buildStatusPage } from '../status/model.js'
import { maintenanceId } from '../status/maintenance.js'
import { maintenanceJson, pageIdOf } from '../status/statuspage.js'
import { hasSubscribers } from './config.js'
import { buildNotice, noticePage, type Notice } from './notice.js'

/**
 * The notice of what this run changed in a maintenance; null when nothing public changed, nobody
 * subscribed, or the maintenance is not on the page (not confirmed yet, or cancelled: Statuspage's
 * public API has no cancelled status, and the page takes it off).
 */
export function maintenanceNotice(
  previous: MaintenanceRecord | null,
  record: MaintenanceRecord | null,
  recorded: readonly MaintenanceTransition[],
  config: Pick<Config, 'status' | 'services'>,
  repo: string,
  now: string,
): Notice | null {
  if (!record || !hasSubscribers(config.status.subscribers)) return null
  const keys = [
    ...recorded.filter((t) => t.status !== 'cancelled').map((t) => `maintenance:${t.status}@${t.at}`),
    ...record.updates.slice(previous?.updates.length ?? 0).map((u) => `maintenance:update@${u.at}`),
  ]
  if (keys.length === 0) return null
  const data = buildStatusPage([], config, repo, now, [record])
  const m = data.maintenances.find((x) => x.id === maintenanceId(repo, record.number))
  if (!m) return null
  return buildNotice({
    kind: 'maintenance',
    issue: record.number,
    keys,
    page: noticePage(data, repo),
    incident: maintenanceJson(m, data, pageIdOf(repo)),
    now,
  })
}
