/*
 * Text sent to phones comes from issue titles: bounded, one line, with no `@name` that could ping
 * anyone where it is pasted or forwarded, and no `<!-- incidentops:… -->` marker that could be
 * smuggled back into GitHub through a reply.
 */
import { plain } from '../notify/text.js'

/**
 * One line of at most `max` code points, mentions broken (notify/text.ts `plain`), and `<` `>` shown
 * as `‹` `›`, so that no HTML comment (our markers) or tag survives in it.
 */
export function pageText(text: string, max: number): string {
  return plain(text, max).replace(/</g, '‹').replace(/>/g, '›')
}
