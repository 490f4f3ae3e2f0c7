// A cheap reading of how big the page is, taken before analysing it, to predict a long freeze.
// The analysis runs on the page's main thread (in slices: run-in-slices.ts, but its stages
// themselves cannot be cut) and grows with both the element count and the amount of text, and a
// text-heavy page is slow long before it has many elements (bench scale ladder, Chromium, this
// 2-core machine: 1 MB of HTML with 4,900 elements 0.14 s, 3 MB with 14,400 elements 0.5 s,
// 10 MB 1.7 s; a slower computer takes several times as long). So the gate reads both:
// - elements: getElementsByTagName('*').length (under 1 ms for 15,000 elements);
// - HTML bytes: the navigation entry's decodedBodySize, which the browser already knows (no
//   serialising). Where it does not (file:// pages, a document written by script), the text
//   length stands in: textContent costs about 8 ms per MB, small next to seconds of analysis;
// - depth: how deeply elements nest. Readability's cost grows with depth times size (each level
//   re-reads the text below it), so a short article nested 5,000 levels deep froze the tab for
//   2.4 s (scripts/bench/scale.ts, deep-5000) with only 5,000 elements and 20 KB of text.

export interface PageSize {
  elements: number;
  /** Decoded HTML bytes of the page as loaded, or its text length where the browser has none. */
  bytes: number;
  /** Levels of element nesting below the root, counted up to DEEP_PAGE_LEVELS + 1 at most. */
  depth: number;
}

/**
 * Above this many elements the view asks before analysing: measured in headless Chromium on a busy
 * 2-core machine, 200,000 elements took 5.8 s, so about 70,000 reach 2 s. Text-heavy pages with
 * fewer elements are caught by their size in bytes.
 */
export const HUGE_PAGE_ELEMENTS = 70_000;

/** Above this many bytes of HTML the analysis takes about 2 s or more on a slow machine. */
export const HUGE_PAGE_BYTES = 1_500_000;

/**
 * Deeper than this, the page was built by a script: HTML parsers stop nesting at 512 levels, and
 * real pages stay far below that. The analysis took 0.57 s at 2,000 levels and 2.4 s at 5,000
 * (Chromium, this 2-core machine), growing with the square of the depth: about 0.15 s at 1,000.
 */
export const DEEP_PAGE_LEVELS = 1_000;

/**
 * Too large to analyse (or search for clutter) on the page's main thread: over the element or
 * byte limit, or nested deeper than any HTML parser builds.
 */
export function isVeryLarge(
  size: PageSize,
  limits: { elements: number; bytes: number } = {
    elements: HUGE_PAGE_ELEMENTS,
    bytes: HUGE_PAGE_BYTES,
  },
): boolean {
  return (
    size.elements > limits.elements || size.bytes > limits.bytes || size.depth > DEEP_PAGE_LEVELS
  );
}

/**
 * The page's size. Its depth is read only up to `maxElements` elements: a page with more is too
 * large whatever its depth, and a walk over 400,000 elements (20,000 comments) would cost tens of
 * milliseconds of the click that only shows the notice.
 */
export function measurePageSize(doc: Document, maxElements = Infinity): PageSize {
  const elements = doc.getElementsByTagName('*').length;
  return {
    elements,
    bytes: loadedBytes(doc) ?? doc.documentElement?.textContent?.length ?? 0,
    depth: elements > maxElements ? 0 : nesting(doc.documentElement, DEEP_PAGE_LEVELS + 1),
  };
}

/**
 * The deepest element's level below `root`, or `limit` once that is reached: one pass over the
 * elements (about 0.1 ms for 2,000), stopping early on a page nested deeper than `limit`.
 */
export function nesting(root: Element | null, limit: number): number {
  let deepest = 0;
  let depth = 0;
  let node = root;
  while (node) {
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      if (++depth > deepest && (deepest = depth) >= limit) return limit;
      continue;
    }
    // Up to the nearest ancestor with a next sibling (never above `root`).
    while (node !== root && !node.nextElementSibling) {
      node = node.parentElement!;
      depth--;
    }
    node = node === root ? null : node.nextElementSibling;
  }
  return deepest;
}

function loadedBytes(doc: Document): number | null {
  try {
    const entries = doc.defaultView?.performance?.getEntriesByType?.('navigation') ?? [];
    const nav = entries[0] as PerformanceNavigationTiming | undefined;
    return nav && nav.decodedBodySize > 0 ? nav.decodedBodySize : null;
  } catch {
    return null;
  }
}
