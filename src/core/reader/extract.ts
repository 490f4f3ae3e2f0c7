// Readability, run on a prepared clone. Classes are kept: a code block's language class must
// reach the sanitiser, which keeps only those (Readability's own class clean-up would drop them,
// and costs a walk of the article). The serializer hands back the element itself: no HTML round
// trip here.
import Readability from '@mozilla/readability/Readability.js';
import { CONTENT_EMBED_URL } from './embeds';
import type { PageMetadata } from '../types';

/** What Readability found: the article element and the metadata fields it fills in. */
export type Extraction = Omit<PageMetadata, 'url' | 'readerable'> & { content: Element };

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
};

/**
 * Runs Readability on `clone` (which it rewrites). Null when it finds no article. `refill`
 * returns a new body as `clone`'s was before Readability ran: Readability starts its retries
 * from it (scripts/vendor-patches.ts) instead of copying the body up front on every page.
 */
export function extractArticle(clone: Document, refill?: () => HTMLElement): Extraction | null {
  const options = {
    keepClasses: true,
    // Keep posts, charts and maps as well as videos: they become inert links afterwards.
    allowedVideoRegex: CONTENT_EMBED_URL,
    serializer: (node: Node) => node as Element,
    // Added by the vendor patch, so not in Readability's option type (hence this variable).
    refillPage: refill,
  };
  const reader = new Readability<Element>(clone, options);
  const parsed = reader.parse();
  if (!parsed || !parsed.content) return null;
  return {
    content: parsed.content,
    title: clean(parsed.title),
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    lang: clean(parsed.lang),
    dir: clean(parsed.dir),
    publishedTime: clean(parsed.publishedTime),
    excerpt: clean(parsed.excerpt),
  };
}
