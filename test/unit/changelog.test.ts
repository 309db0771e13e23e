import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { changelogSection } from '../../scripts/changelog-section.js'

const SAMPLE = `# Changelog

## [Unreleased]

### Added
- next thing

## [0.2.0] - 2027-01-10

### Fixed
- a fix

## [0.1.0] - 2026-12-20

### Added
- first

## [0.0.9] - 2026-12-01

[0.2.0]: https://example.com/compare/v0.1.0...v0.2.0
`

describe('release notes from CHANGELOG.md (scripts/changelog-section.ts)', () => {
  it("returns the body of the version's section, up to the next section", () => {
    expect(changelogSection(SAMPLE, '0.2.0')).toBe('### Fixed\n- a fix')
    expect(changelogSection(SAMPLE, '0.1.0')).toBe('### Added\n- first')
  })
  it('returns null for a missing or empty section, so the release fails instead of publishing no notes', () => {
    expect(changelogSection(SAMPLE, '0.3.0')).toBeNull()
    expect(changelogSection(SAMPLE, '0.0.9')).toBeNull()
    // 0.1 must not match 0.1.0's heading.
    expect(changelogSection(SAMPLE, '0.1')).toBeNull()
  })
  it('CHANGELOG.md follows Keep a Changelog: an Unreleased section, then dated versions', () => {
    const text = readFileSync('CHANGELOG.md', 'utf8')
    expect(text).toContain('https://keepachangelog.com/')
    const headings = text.split('\n').filter((l) => l.startsWith('## '))
    expect(headings[0]).toBe('## [Unreleased]')
    for (const h of headings.slice(1)) expect(h).toMatch(/^## \[\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\] - \d{4}-\d{2}-\d{2}$/)
    for (const h of text.split('\n').filter((l) => l.startsWith('### ')))
      expect(['### Added', '### Changed', '### Deprecated', '### Removed', '### Fixed', '### Security']).toContain(h)
  })
})
