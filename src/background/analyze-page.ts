// "Try anyway" on a very large page: the content script sends the page's HTML and this analyses
// it outside the tab, so the tab never freezes for the seconds the analysis takes.
// - Firefox: the MV3 background is an event page with a DOM; it parses and analyses itself.
// - Chrome: the service worker has no DOMParser; an offscreen document does the work, opened for
//   the request and closed when no request is left (it holds a copy of a huge page meanwhile).
import type { PageAnalysis } from '../core/index';
import type { AnalyzePageRequest, OffTabAnalysis } from '../shared/messages';
import { analyzeHtml } from '../shared/analyze-html';
import { LARGE_ARTICLE_CHARS, piecesFor } from '../shared/html-pieces';
import { sendToOffscreen } from '../platform/messaging';
import {
  closeOffscreenDocument,
  offscreenAvailable,
  openOffscreenDocument,
} from '../platform/offscreen-document';

/** Seconds a request may take (a 20 000-comment page takes ~5 s): never a view left waiting. */
export const ANALYSIS_TIMEOUT_MS = 90_000;

let inFlight = 0;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `the analysis gave no answer in ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function hasOwnDom(): boolean {
  return typeof DOMParser === 'function' && typeof window !== 'undefined';
}

/**
 * A large article's pieces go with the analysis in Firefox, whose content scripts may not parse
 * HTML written in slices (src/shared/html-pieces.ts); Chrome's can.
 */
export function withPieces(
  analysis: PageAnalysis,
  win: { DOMParser: typeof DOMParser },
): OffTabAnalysis {
  const html = analysis.article?.html ?? '';
  if (html.length <= LARGE_ARTICLE_CHARS) return analysis;
  const pieces = piecesFor(html, win);
  return pieces ? { ...analysis, pieces } : analysis;
}

export async function analyzePageAway(
  request: AnalyzePageRequest,
  timeoutMs = ANALYSIS_TIMEOUT_MS,
): Promise<OffTabAnalysis> {
  // The __BROWSER__ test lets Chrome's background.js leave the core out (it never runs it).
  if (__BROWSER__ === 'firefox' && hasOwnDom()) {
    const analysis = analyzeHtml(request, window);
    return request.pieces ? withPieces(analysis, window) : analysis;
  }
  if (!offscreenAvailable()) {
    throw new Error('this browser offers no place to analyse the page outside its tab');
  }
  inFlight++;
  try {
    await openOffscreenDocument();
    return await withTimeout(sendToOffscreen(request), timeoutMs);
  } finally {
    inFlight--;
    if (inFlight === 0) {
      closeOffscreenDocument().catch((error: unknown) =>
        console.warn('Declutter: the offscreen document did not close', error),
      );
    }
  }
}
