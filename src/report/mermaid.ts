/**
 * Mermaid charts for the report (`xychart-beta`, which GitHub renders). No user text enters a
 * chart: labels are dates and numbers only, so nothing can break out of the code fence.
 */
import { PRIORITIES } from '../config/types.js'
import type { HistoryWeek } from './types.js'

/** Bar colours, P1 … P4 (red, orange, yellow, green, as the card's icons). */
const COLORS = ['#d73a49', '#fb8500', '#e3b341', '#2da44e']

const label = (iso: string): string => `"${iso.slice(5, 10)}"`
const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits

/**
 * Incidents per week by priority, stacked. xychart-beta draws bar series over each other rather
 * than stacking them, so we draw cumulative series, tallest first: P1+…+P4, P1+P2+P3, P1+P2,
 * then P1. What shows of each colour is that priority's count. Weeks are labelled by their start.
 */
export function incidentsChart(weeks: readonly HistoryWeek[]): string {
  const cumulative = PRIORITIES.map((_, r) =>
    weeks.map((w) => PRIORITIES.slice(0, r + 1).reduce((s, p) => s + w.byPriority[p], 0)),
  )
  const top = Math.max(1, ...cumulative[PRIORITIES.length - 1]!)
  const palette = [...COLORS].reverse().join(', ')
  return [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    '  title "Incidents per week (stacked: P1 red, P2 orange, P3 yellow, P4 green)"',
    `  x-axis [${weeks.map((w) => label(w.start)).join(', ')}]`,
    `  y-axis "Incidents" 0 --> ${top}`,
    ...[...cumulative].reverse().map((series) => `  bar [${series.join(', ')}]`),
    '```',
  ].join('\n')
}

/**
 * Mean time to resolve per week, in hours, over the weeks with at least one resolved incident
 * (a week without one has no MTTR: it is left out rather than drawn as 0). Null when no week has one.
 */
export function mttrChart(weeks: readonly HistoryWeek[]): string | null {
  const points = weeks.filter((w) => w.mttr.meanMs !== null)
  if (points.length === 0) return null
  const values = points.map((w) => round(w.mttr.meanMs! / 3_600_000, 2))
  const top = Math.max(1, Math.ceil(Math.max(...values)))
  return [
    '```mermaid',
    // Mermaid's default line colour is a pale grey that barely shows on a white page.
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%',
    'xychart-beta',
    '  title "Mean time to resolve per week (hours, resolved incidents)"',
    `  x-axis [${points.map((w) => label(w.start)).join(', ')}]`,
    `  y-axis "Hours" 0 --> ${top}`,
    `  line [${values.join(', ')}]`,
    '```',
  ].join('\n')
}
