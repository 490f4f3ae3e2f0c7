// Home-made and unknown comment threads, recognised by structure: a block named like a comment
// section (or introduced by a "12 Comments" / "Leave a reply" heading) holding repeated sibling
// items that each carry comment metadata (an author, a date or time, a reply or permalink link).
// The engine then insists the thread comes after the article and is not the page's main content.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { inCode, isPageRoot } from '../../engine/dom';
import { closestMatch } from '../../engine/matcher';
import {
  COMMENT_HEADING,
  COMMENT_ID,
  CONTAINERS,
  commentGroup,
  looksLikeComment,
} from '../../engine/thread';

export { COMMENT_HEADING };

const NAMED =
  '[id*="omment"], [class*="omment"], [id*="iscussion"], [class*="iscussion"], [id*="esponses"], [class*="esponses"], [id*="eplies"], [class*="eplies"]';

/** Siblings of `el` shaped like it (same tag and first class), when they look like comments. */
function shapeOf(e: Element): string {
  return e.localName + '.' + ((e.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '');
}

function siblingGroup(el: Element, page: PageContext): Element[] | null {
  const k = shapeOf(el);
  const members = [...(el.parentElement?.children ?? [])].filter((s) => shapeOf(s) === k);
  if (members.length < 2 || inCode(el) || closestMatch(el, WIDGETS)) return null;
  const sample = members.slice(0, 6);
  const hits = sample.filter((m) => looksLikeComment(m, page)).length;
  return hits >= 2 && hits >= sample.length * 0.6 ? members : null;
}

/** Sidebar widgets ("Recent comments") list comment snippets; they are not the thread. */
const WIDGETS = 'aside, .widget, .sidebar, #sidebar, .widget-area, [role="complementary"]';

function threadIn(el: Element, page: PageContext): Element[] | null {
  if (!CONTAINERS.has(el.tagName) || isPageRoot(el) || inCode(el)) return null;
  if (closestMatch(el, WIDGETS)) return null;
  return commentGroup(el, page);
}

/**
 * The blocks to report for a thread found in `container`: the container when the comments make
 * up most of it, otherwise the comment items themselves (a theme that puts comments next to the
 * post in one wrapper).
 */
function threadBlocks(container: Element, items: Element[], page: PageContext): Element[] {
  const itemText = items.reduce((n, item) => n + page.textLength(item), 0);
  if (itemText >= page.textLength(container) * 0.85) return [container];
  return items;
}

export const genericThread: ClutterRule = {
  id: 'comments/generic-thread',
  kind: 'comments',
  why: 'Repeated items with an author, a date and reply links, in a block named or headed as comments after the article, are a comment thread on any site.',
  confidence: 0.75,
  specificity: HEURISTIC,
  detect(page) {
    const found: Element[] = [];
    const inFound = (el: Element) => found.some((f) => f.contains(el));
    const consider = (el: Element) => {
      if (inFound(el)) return;
      const items = threadIn(el, page);
      if (items) found.push(...threadBlocks(el, items, page));
    };
    const seeds = page.queryAll(NAMED);
    for (const el of seeds) consider(el);
    // Comments that are loose siblings next to the post (no wrapper of their own): group them
    // by their shared parent.
    const seen = new Map<Element, Set<string>>();
    for (const el of [
      ...seeds,
      ...page.queryAll('[id^="c"], [id^="comment"], [id^="div-comment"]'),
    ]) {
      const parent = el.parentElement;
      if (!parent || inFound(el) || isPageRoot(parent)) continue;
      if (
        !COMMENT_ID.test(el.getAttribute('id') ?? '') &&
        !/omment/i.test(el.getAttribute('class') ?? '')
      )
        continue;
      const shape = shapeOf(el);
      const shapes = seen.get(parent) ?? new Set<string>();
      if (shapes.has(shape)) continue;
      seen.set(parent, shapes.add(shape));
      const items = siblingGroup(el, page);
      if (items) found.push(...threadBlocks(parent, items, page));
    }
    for (const h of page.queryAll('h2, h3, h4, h5, h6')) {
      if (!COMMENT_HEADING.test(page.text(h))) continue;
      for (let sib = h.nextElementSibling; sib; sib = sib.nextElementSibling) {
        if (/^h[1-6]$/.test(sib.localName)) break;
        consider(sib);
      }
    }
    return found;
  },
};
