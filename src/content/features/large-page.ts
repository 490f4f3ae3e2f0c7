// Entry of dist/*/large-page.js, injected when the user clicks "Try anyway" on a very large page
// (src/content/reader/reader-session.ts; what the view shows meanwhile: read-large-page.ts): the
// page's HTML serialised in pieces across tasks and sent to the background in slices
// (src/content/reader/page-html.ts), where it is analysed off
// the tab (src/background/analyze-page.ts). Kept out of content.js, which has a size budget.
// The article comes back in slices too, and a very large one is drawn in parts
// (src/ui/reader/article-parts.ts).
import type { SendToBackground } from '../../shared/messages';
import { drawArticleBody } from '../../ui/reader/article-parts';
import { analyzeAway } from '../reader/page-html';
import { readLargePage, type LargePageAttempt } from '../reader/read-large-page';
import { registerFeature } from './registry';

/** Reads the page off the tab through `send` (the background) and shows the answer. */
function tryAnyway(attempt: LargePageAttempt, send: SendToBackground): void {
  readLargePage(attempt, (kinds) =>
    analyzeAway(attempt.document, kinds, send).then(
      (analysis) => analysis && { analysis, drawBody: drawArticleBody },
    ),
  );
}

registerFeature('large-page', { tryAnyway });
