/*
 * Prints the CHANGELOG.md section of one version, for the GitHub release's notes:
 *   tsx scripts/changelog-section.ts 0.2.0 > notes.md
 * The release workflow runs it on the pushed tag; it fails (exit 1, saying what to add) when the
 * section is missing or empty, so a release is never published without its notes.
 */
import { readFileSync } from 'node:fs'

/**
 * The body of the `## [version] - YYYY-MM-DD` section of a Keep a Changelog file, without its
 * heading and trimmed; null when there is no such section or it is empty.
 */
export function changelogSection(text: string, version: string): string | null {
  const lines = text.split(/\r?\n/)
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`))
  if (start < 0) return null
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((l) => /^## /.test(l))
  // Link references at the end of the file ([0.1.0]: https://…) belong to no section.
  const body = (end < 0 ? rest : rest.slice(0, end))
    .filter((l) => !/^\[[^\]]+\]:\s/.test(l))
    .join('\n')
    .trim()
  return body === '' ? null : body
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = (process.argv[2] ?? '').replace(/^v/, '')
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    process.stderr.write('usage: tsx scripts/changelog-section.ts X.Y.Z (the version being released)\n')
    process.exit(2)
  }
  const section = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version)
  if (section === null) {
    process.stderr.write(
      `CHANGELOG.md has no non-empty "## [${version}] - YYYY-MM-DD" section: move the entries of [Unreleased] under that heading, commit, and tag again (RELEASING.md).\n`,
    )
    process.exit(1)
  }
  process.stdout.write(section + '\n')
}
