// The analysis that "Try anyway" runs away from the tab: the page's serialised HTML is parsed with
// DOMParser (an inert document: no scripts run, nothing loads) and goes through the core's
// analyzeArticle like a live page would. Runs wherever a DOM is at hand outside the tab: Chrome's
// offscreen document (src/offscreen), Firefox's background page. The window is passed in, not
// taken from globals, so tests can run it over jsdom.
import { analyzeArticle, type PageAnalysis } from '../core/index';
import type { AnalyzePageRequest } from './messages';

/**
 * Characters of each finding's text sent back. A finding's text is the whole block's (a
 * 20 000-comment thread: 5 MB, the bulk of the answer the tab must take in), while the views show
 * at most 120 (src/ui/declutter/labels.ts preview) and find the block by its selector.
 */
export const FINDING_TEXT_SENT = 1000;

export function analyzeHtml(
  request: AnalyzePageRequest,
  win: Window & { DOMParser: typeof DOMParser },
): PageAnalysis {
  const doc = new win.DOMParser().parseFromString(request.html, 'text/html');
  const analysis = analyzeArticle(doc, {
    url: request.url,
    hideKinds: request.kinds,
    now: () => win.performance.now(),
    // The parsed document has no window of its own: the sanitiser takes this one's DOM classes.
    window: win,
  });
  analysis.hidden = analysis.hidden.map((finding) =>
    finding.text.length > FINDING_TEXT_SENT
      ? { ...finding, text: finding.text.slice(0, FINDING_TEXT_SENT) }
      : finding,
  );
  return analysis;
}
