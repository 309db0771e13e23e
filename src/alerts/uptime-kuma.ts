/**
 * Uptime Kuma's webhook notification. Its default JSON body is `{ heartbeat, monitor, msg }`
 * (server/notification-providers/webhook.js); with "Custom Body" the same objects are available to
 * the Liquid template as `heartbeatJSON`, `monitorJSON` and `msg` (notification-provider.js
 * renderTemplate), so our recipe embeds them with `| json`.
 *
 * heartbeat (server/model/heartbeat.js toJSON): { monitorID, status, time, msg, ping, important,
 * duration, … } with status 0 = DOWN, 1 = UP, 2 = PENDING, 3 = MAINTENANCE, and `time` as
 * "YYYY-MM-DD HH:mm:ss.SSS" in UTC. monitor: { id, name, url, type, hostname, … }.
 * The "Test" button sends `heartbeat: null, monitor: null`.
 */
import { PayloadError } from '../errors.js'
import { LIMITS, type NormalizedAlert } from './schema.js'
import {
  collectLinks,
  derivedKey,
  fail,
  field,
  isObj,
  isoTime,
  lenientLabels,
  multiline,
  plainLine,
  slugOrNull,
} from './text.js'

const STATUS_NAMES: Record<number, string> = { 0: 'down', 1: 'up', 2: 'pending', 3: 'maintenance' }

export function uptimeKuma(body: unknown, path: string): NormalizedAlert[] {
  if (!isObj(body)) fail(path, 'must be the Uptime Kuma webhook body { heartbeat, monitor, msg }', body)
  const hb = body.heartbeat
  const mon = body.monitor
  // The Test button sends no heartbeat and no monitor; through our Liquid recipe they arrive as
  // objects of nulls instead.
  const blank = (o: unknown, ...keys: string[]) =>
    o === null || o === undefined || (isObj(o) && keys.every((k) => o[k] === null || o[k] === undefined))
  if (blank(hb, 'status', 'monitorID') && blank(mon, 'id'))
    throw new PayloadError(
      `${path}.heartbeat is null: this is Uptime Kuma's test notification, which carries no monitor; nothing to do.`,
    )
  if (!isObj(hb)) fail(field(path, 'heartbeat'), 'must be the heartbeat object', hb)
  if (!isObj(mon)) fail(field(path, 'monitor'), 'must be the monitor object', mon)
  const st = hb.status
  if (st !== 0 && st !== 1)
    fail(
      field(field(path, 'heartbeat'), 'status'),
      `must be 0 (down) or 1 (up)${typeof st === 'number' && STATUS_NAMES[st] ? ` — ${STATUS_NAMES[st]} is not an alert` : ''}`,
      st,
    )
  const id = mon.id ?? hb.monitorID
  if (!((typeof id === 'number' && Number.isInteger(id)) || (typeof id === 'string' && id.trim())))
    fail(field(field(path, 'monitor'), 'id'), 'must be the monitor id (a number)', id)
  const name =
    typeof mon.name === 'string' && mon.name.trim() ? mon.name.slice(0, LIMITS.rawString) : `monitor ${String(id)}`
  const down = st === 0
  const detail = typeof hb.msg === 'string' && hb.msg.trim() ? hb.msg : typeof body.msg === 'string' ? body.msg : null
  const time = isoTime(hb.time, field(field(path, 'heartbeat'), 'time'), { assumeUtc: true })
  return [
    {
      status: down ? 'firing' : 'resolved',
      key: derivedKey('uptime-kuma', String(id)),
      title: plainLine(`${name} is ${down ? 'down' : 'up'}`, LIMITS.title),
      description: detail === null ? null : multiline(detail.slice(0, LIMITS.rawString), LIMITS.description),
      service: slugOrNull(name, LIMITS.service),
      severity: null,
      labels: lenientLabels({ monitor: name, monitor_type: mon.type }),
      startsAt: down ? time : null,
      endsAt: down ? null : time,
      source: 'uptime-kuma',
      links: collectLinks([mon.url]),
    },
  ]
}
