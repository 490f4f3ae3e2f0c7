// Where the article is, worked out cheaply so that no finding ever hides it.
// One walk over the text nodes (skipping the blocks already suspected to be clutter) gives each
// block its text length; as in Readability, a paragraph credits its parent fully and its
// grandparent by half, a container with its own loose text credits itself. The element with the
// highest score is the article body. Explicit article markers (articleBody microdata, the usual
// CMS content classes) are protected too.
import { ELEMENT_NODE, INLINE, isPageForm, TEXT_NODE } from './dom';

export interface ArticleInfo {
  /** The element holding the largest share of paragraph text (null on an empty page). */
  body: Element | null;
  /** Its score: roughly the characters of paragraph text it holds. */
  bodyScore: number;
  /** The body's last paragraph (document order): a home-made thread must come after it. */
  lastBlock: Element | null;
  /** The body's paragraphs with their text lengths, in document order. */
  blocks: readonly { el: Element; len: number }[];
  /** Elements no finding may contain: the body and explicit article markers with real text. */
  protectedEls: readonly Element[];
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'aside',
  'footer',
  'form',
  'select',
  'button',
  'textarea',
  'iframe',
  'svg',
]);

/** Paragraph-like blocks credit their parent; containers with loose text credit themselves. */
const PARAGRAPHS = new Set([
  'p',
  'pre',
  'blockquote',
  'li',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'td',
  'th',
]);

export const ARTICLE_MARKERS =
  '[itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, .article__body, .post-body, .story-body, .entry-body, .post-entry, .articleBody, #article-body, #articleBody, #article-content, #story-body';

const MIN_BLOCK = 25;

export function findArticle(
  doc: Document,
  excluded: ReadonlySet<Element>,
  markers: readonly Element[],
): ArticleInfo {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { body: null, bodyScore: 0, lastBlock: null, blocks: [], protectedEls: [] };

  const blockLen = new Map<Element, number>();
  const walk = (el: Element, block: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const len = (child.nodeValue ?? '').trim().length;
        if (len > 0) blockLen.set(block, (blockLen.get(block) ?? 0) + len);
      } else if (child.nodeType === ELEMENT_NODE) {
        const c = child as Element;
        const name = c.localName;
        if ((SKIP.has(name) && !isPageForm(c)) || excluded.has(c)) continue;
        walk(c, INLINE.has(name) ? block : c);
      }
    }
  };
  walk(root, root);

  const scores = new Map<Element, number>();
  const add = (el: Element | null, n: number) => {
    if (el && el !== doc.documentElement) scores.set(el, (scores.get(el) ?? 0) + n);
  };
  for (const [block, len] of blockLen) {
    if (len < MIN_BLOCK) continue;
    if (PARAGRAPHS.has(block.localName)) {
      add(block.parentElement, len);
      add(block.parentElement?.parentElement ?? null, len / 2);
    } else {
      add(block, len);
      add(block.parentElement, len / 2);
    }
  }

  let body: Element | null = null;
  let bodyScore = 0;
  for (const [el, score] of scores) {
    if (score > bodyScore) {
      body = el;
      bodyScore = score;
    }
  }

  let lastBlock: Element | null = null;
  const blocks: { el: Element; len: number }[] = [];
  for (const [block, len] of blockLen) {
    if (len < MIN_BLOCK || !body) continue;
    const credited = PARAGRAPHS.has(block.localName)
      ? block.parentElement === body || block.parentElement?.parentElement === body
      : block === body || block.parentElement === body;
    if (credited) {
      lastBlock = block;
      blocks.push({ el: block, len });
    }
  }

  const protectedEls: Element[] = body ? [body] : [];
  for (const marker of markers) {
    if (marker === body || insideAny(marker, excluded)) continue;
    if ((marker.textContent ?? '').trim().length >= 25) protectedEls.push(marker);
  }
  return { body, bodyScore, lastBlock, blocks, protectedEls };
}

function insideAny(el: Element, set: ReadonlySet<Element>): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (set.has(node)) return true;
  }
  return false;
}
