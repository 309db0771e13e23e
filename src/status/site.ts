/**
 * The whole static site, by path (pure), and writing it to a directory: built in a sibling
 * directory and swapped in, so a failed run leaves the previous site whole, never half-written.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { atomFeed, badgeSvg } from './feed.js'
import { STYLE_CSS, historyHtml, indexHtml } from './html.js'
import type { StatusPageData } from './model.js'
import { statuspageFiles } from './statuspage.js'
import { maintenancesIcs } from './ics.js'

/** The file that marks a directory as ours: only such a directory (or an empty one) is replaced. */
export const SITE_MARK = '.incidentops-status'

/** The site's address: the config's `status.url`, else GitHub Pages' address for the repository. */
export function siteUrl(d: Pick<StatusPageData, 'url'>, repo: string): string {
  if (d.url) return d.url
  const [owner, name] = repo.split('/') as [string, string]
  return `https://${owner.toLowerCase()}.github.io/${name}/`
}

/** Every file of the site: path (relative, `/`-separated) → content. */
export function buildSite(d: StatusPageData, repo: string): Record<string, string> {
  const base = siteUrl(d, repo)
  const withUrl = { ...d, url: base }
  const files: Record<string, string> = {
    'index.html': indexHtml(withUrl),
    'history.html': historyHtml(withUrl),
    'style.css': STYLE_CSS,
    'badge.svg': badgeSvg(d),
    'history.atom': atomFeed(withUrl, base, d.incidents, `${d.name}: incidents`, 'history.atom', d.maintenances),
    'maintenances.ics': maintenancesIcs(withUrl, repo),
    ...statuspageFiles(withUrl, repo),
    [SITE_MARK]: 'Written by IncidentOps (mode: status); the whole directory is replaced by each run.\n',
  }
  for (const c of d.components)
    files[`components/${c.id}.atom`] = atomFeed(
      withUrl,
      base,
      d.incidents.filter((i) => i.components.includes(c.id)),
      `${d.name}: ${c.name}`,
      `components/${c.id}.atom`,
      d.maintenances.filter((m) => m.components.includes(c.id)),
    )
  return files
}

/**
 * Writes the site to `dir`, replacing what a previous run wrote there. A directory that holds
 * something else (no SITE_MARK) is refused: the `status-dir` input must name a directory of its own.
 */
export function writeSite(dir: string, files: Record<string, string>): void {
  const target = resolve(dir)
  if (existsSync(target) && readdirSync(target).length > 0 && !existsSync(join(target, SITE_MARK)))
    throw new ConfigError(
      `The \`status-dir\` directory ${target} already holds files IncidentOps did not write; name an empty or new directory (the site replaces its whole content each run).`,
    )
  const next = `${target}.incidentops-next`
  const old = `${target}.incidentops-old`
  rmSync(next, { recursive: true, force: true })
  rmSync(old, { recursive: true, force: true })
  for (const [path, text] of Object.entries(files)) {
    const file = join(next, ...path.split('/'))
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
  if (existsSync(target)) renameSync(target, old)
  renameSync(next, target)
  rmSync(old, { recursive: true, force: true })
}
