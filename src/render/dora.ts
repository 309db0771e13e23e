/**
 * The report's "Delivery (DORA)" section: each figure with its numerator and denominator and its
 * band. docs/metrics.md defines them. Pure.
 */
import type { Band, DoraFigures, DoraReport } from '../changes/dora.js'
import { code } from './markdown.js'

const BAND: Record<Band, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' }

function duration(ms: number | null): string {
  if (ms === null) return '—'
  const h = ms / 3_600_000
  if (h < 1) return `${Math.round(ms / 60_000)} min`
  if (h < 48) return `${Math.round(h * 10) / 10} h`
  return `${Math.round((h / 24) * 10) / 10} d`
}

const band = (b: Band | null): string => (b ? BAND[b] : '—')
const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)
const round = (n: number): string => String(Math.round(n * 100) / 100)

function rows(name: string, f: DoraFigures): string[] {
  const unit = f.source === 'deployments' ? 'deployments' : f.source === 'releases' ? 'releases' : 'merges'
  return [
    `| ${name} | deployment frequency | ${round(f.deploymentFrequency.perWeek)} a week | ${f.deploymentFrequency.numerator} ${unit} / ${round(f.deploymentFrequency.denominator)} days | ${band(f.deploymentFrequency.band)} |`,
    `| ${name} | lead time for changes (median) | ${duration(f.leadTime.medianMs)} | ${f.leadTime.n} pull requests | ${band(f.leadTime.band)} |`,
    `| ${name} | change failure rate | ${pct(f.changeFailureRate.rate)} | ${f.changeFailureRate.numerator} / ${f.changeFailureRate.denominator} ${unit} with a confirmed incident | ${band(f.changeFailureRate.band)} |`,
    `| ${name} | failed deployment recovery time (median) | ${duration(f.recoveryTime.medianMs)} | ${f.recoveryTime.n} incidents${f.recoveryTime.open ? ` (${f.recoveryTime.open} still open)` : ''} | ${band(f.recoveryTime.band)} |`,
  ]
}

/** The section, appended to the report. */
export function renderDora(d: DoraReport): string {
  const src = d.overall.source
  return [
    `### Delivery (DORA), ${d.period.start.slice(0, 10)} → ${d.period.end.slice(0, 10)}`,
    '',
    `Counted from ${src === 'deployments' ? `successful deployments to ${code(d.environment, 40)}` : src === 'releases' ? 'releases (no deployments recorded)' : 'pull requests merged to the default branch (no deployments or releases recorded)'}; a change failed when \`/cause\` names it. Recovery time is kept apart from MTTR: only incidents caused by a change count. docs/metrics.md defines each figure and band.`,
    '',
    '| scope | figure | value | from | DORA band |',
    '|---|---|---|---|---|',
    ...rows('all', d.overall),
    ...d.services.flatMap((s) => rows(code(s.service, 40), s)),
  ].join('\n')
}
