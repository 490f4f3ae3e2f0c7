// Where the article is on a live page, for the on-page quote layer: the element whose paragraphs
// hold the article's text. Pure and read-only: it looks at the Document it is given and nothing
// else. Clutter (comments quoting other people, donation boxes) is excluded from the count, so a
// page whose comment thread outweighs its article still resolves to the article.

export interface ArticleRootOptions {
  /** Elements to leave out (with everything inside). Default: blocks Declutter has hidden. */
  exclude?: (element: Element) => boolean;
}

const CANDIDATES =
  'article, [itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, ' +
  '.article__body, .post-body, .story-body, .entry-body, #article-body, #articleBody, main, [role="main"]';

/** Paragraph-like blocks whose text counts as article text. */
const PARAGRAPHS = 'p, blockquote, li, pre, h2, h3';

/** Below this many characters of paragraph text a candidate is not an article. */
const MIN_TEXT = 200;

/** A descendant keeping this share of its ancestor's text is preferred: it is the tighter fit. */
const TIGHT_SHARE = 0.85;

const defaultExclude = (element: Element) =>
  element.hasAttribute('data-declutter-hidden') || element.hasAttribute('data-declutter-root');

function isExcluded(
  element: Element,
  exclude: (element: Element) => boolean,
  stop: Element | null,
) {
  for (let node: Element | null = element; node && node !== stop; node = node.parentElement) {
    if (exclude(node)) return true;
  }
  return false;
}

/** Characters of paragraph text inside `element`, not counting excluded blocks or nested lists twice. */
function paragraphText(element: Element, exclude: (element: Element) => boolean): number {
  let total = 0;
  for (const block of element.querySelectorAll(PARAGRAPHS)) {
    // A <p> inside a <li> or <blockquote> is counted through its outer block only.
    if (
      block.parentElement?.closest(PARAGRAPHS) &&
      element.contains(block.parentElement.closest(PARAGRAPHS))
    )
      continue;
    if (isExcluded(block, exclude, element)) continue;
    total += (block.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  }
  return total;
}

export function findArticleRoot(doc: Document, options: ArticleRootOptions = {}): Element | null {
  const exclude = options.exclude ?? defaultExclude;
  const scored: { element: Element; score: number }[] = [];
  for (const element of doc.querySelectorAll(CANDIDATES)) {
    if (isExcluded(element, exclude, null)) continue;
    const score = paragraphText(element, exclude);
    if (score >= MIN_TEXT) scored.push({ element, score });
  }
  if (scored.length === 0) return densestParagraphParent(doc, exclude);
  let best = scored[0] as { element: Element; score: number };
  for (const entry of scored) if (entry.score > best.score) best = entry;
  // Tighten: the deepest candidate inside `best` that still holds nearly all of its text.
  let tight = best;
  for (const entry of scored) {
    if (
      entry.element !== tight.element &&
      tight.element.contains(entry.element) &&
      entry.score >= best.score * TIGHT_SHARE
    ) {
      tight = entry;
    }
  }
  return tight.element;
}

/**
 * No semantic container: the element whose own paragraphs hold the most text (a paragraph
 * credits its parent), as in Readability's first scoring pass.
 */
function densestParagraphParent(
  doc: Document,
  exclude: (element: Element) => boolean,
): Element | null {
  const scores = new Map<Element, number>();
  for (const paragraph of doc.querySelectorAll('p, pre, blockquote')) {
    const parent = paragraph.parentElement;
    if (!parent || isExcluded(paragraph, exclude, null)) continue;
    const length = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    if (length < 25) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
  }
  let best: Element | null = null;
  let bestScore = MIN_TEXT - 1;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}
