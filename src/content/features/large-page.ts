// Entry of dist/*/large-page.js, injected when the user clicks "Try anyway" on a very large page,
// or asks to declutter one
// (src/content/reader/reader-session.ts; what the view shows meanwhile: read-large-page.ts): the
// page's HTML serialised in pieces across tasks and sent to the background in slices
// (src/content/reader/page-html.ts), where it is analysed off
// the tab (src/background/analyze-page.ts). Kept out of content.js, which has a size budget.
// The article comes back in slices too, and a very large one is drawn in parts
// (src/ui/reader/article-parts.ts).
import type { ClutterKind } from '../../core/index';
import type { SendToBackground } from '../../shared/messages';
import type { KnownFindings } from '../../ui/declutter/page-declutter-types';
import { drawArticleBody } from '../../ui/reader/article-parts';
import { analyzeAway } from '../reader/page-html';
import { readLargePage, type LargePageAttempt } from '../reader/read-large-page';
import { registerFeature } from './registry';

/** Reads the page off the tab through `send` (the background) and shows the answer. */
function tryAnyway(attempt: LargePageAttempt, send: SendToBackground): void {
  readLargePage(attempt, (kinds) =>
    analyzeAway(attempt.document, kinds, send, true).then((analysis) => {
      if (!analysis) return analysis;
      const { pieces, ...rest } = analysis;
      return {
        analysis: rest,
        drawBody: (doc, article, pageUrl, meta) =>
          drawArticleBody(doc, article, pageUrl, meta, { pieces }),
      };
    }),
  );
}

/**
 * "Declutter page" on a very large page: the clutter of `kinds` found off the tab, in the same
 * analysis (findings name their element by a selector, which the page side locates). Null when
 * the analysis failed or its detection did (then there is nothing to trust).
 */
async function findClutterAway(
  doc: Document,
  kinds: ClutterKind[],
  send: SendToBackground,
): Promise<KnownFindings | null> {
  const analysis = await analyzeAway(doc, kinds, send);
  if (!analysis || analysis.timings.clutter === undefined) return null;
  if (analysis.warnings?.some((warning) => warning.startsWith('Clutter detection failed'))) {
    return null;
  }
  return { kinds, findings: analysis.hidden };
}

registerFeature('large-page', { tryAnyway, findClutterAway });
