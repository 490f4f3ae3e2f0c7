// "Try anyway" on a very large page, after the user asked for it: what the view shows while the
// page is read away from the tab, and then. Part of large-page.js (src/content/features), loaded
// with the click: content.js, which has a size budget, only offers the button
// (reader-session.ts), and hands over what the flow needs from the open view (LargePageAttempt).
import type { ClutterKind, PageAnalysis } from '../../core/index';
import type { ArticleBodyDrawer, ReaderContent } from '../../ui/reader/reader-view';

/** The open view's side of one "Try anyway" (made by reader-session.ts). */
export interface LargePageAttempt {
  document: Document;
  /** The clutter kinds to keep out of the article. */
  kinds: ClutterKind[];
  /** The page's element count, for the "Reading the page…" message. */
  elements: number;
  /** Shows `content` in the view, unless the view was closed (or reopened) since the click. */
  show(content: ReaderContent): void;
  /** False once the view was closed (or reopened) since the click. */
  isCurrent(): boolean;
  /** What the view shows for an analysis: the article, or a message with a way out. */
  present(analysis: PageAnalysis): ReaderContent;
  /** The message for a failure, with a way out. */
  unreadable(error: unknown): ReaderContent;
}

/** The analysis made off the tab (page-html.ts analyzeAway), and how to draw a very large body. */
export interface AwayAnalysis {
  analysis: PageAnalysis;
  drawBody?: ArticleBodyDrawer;
}

/**
 * Shows "Reading the page…", lets it paint, then has `analyzeAway` read the page off the tab and
 * shows its answer; every failure ends in a message with Close, never a view stuck on "Reading".
 */
export function readLargePage(
  attempt: LargePageAttempt,
  analyzeAway: (kinds: ClutterKind[]) => Promise<AwayAnalysis | null | undefined>,
): void {
  attempt.show({
    kind: 'notice',
    title: 'Reading the page…',
    message: `Analysing ${attempt.elements.toLocaleString('en')} elements.`,
    actions: [],
  });
  // Let the message paint before the page is serialised (in short tasks: page-html.ts) and
  // analysed off the tab, where the background gives up after 90 s (the view then says so).
  attempt.document.defaultView?.requestAnimationFrame(() =>
    setTimeout(() => {
      if (!attempt.isCurrent()) return;
      analyzeAway(attempt.kinds)
        // No answer at all: the background went away (extension reloaded).
        .then((away): ReaderContent => {
          if (!away) return attempt.unreadable('no answer from the extension');
          const content = attempt.present(away.analysis);
          // A very large article is drawn over several tasks, not in one.
          return content.kind === 'article' && away.drawBody
            ? { ...content, drawBody: away.drawBody }
            : content;
        })
        .catch((error: unknown) => attempt.unreadable(error))
        .then((content) => attempt.show(content));
    }, 0),
  );
}
