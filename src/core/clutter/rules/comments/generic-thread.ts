// Home-made and unknown comment threads, recognised by structure: a block named like a comment
// section (or introduced by a "12 Comments" / "Leave a reply" heading) holding repeated sibling
// items that each carry comment metadata (an author, a date or time, a reply or permalink link).
// The engine then insists the thread comes after the article and is not the page's main content.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { inCode, isPageRoot } from '../../engine/dom';
import { closestMatch, firstWithin } from '../../engine/matcher';

const NAMED =
  '[id*="omment"], [class*="omment"], [id*="iscussion"], [class*="iscussion"], [id*="esponses"], [class*="esponses"], [id*="eplies"], [class*="eplies"]';

const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'OL',
  'UL',
  'DL',
  'ASIDE',
  'ARTICLE',
  'TABLE',
  'TBODY',
  'FOOTER',
]);

/** Evidence that an item is a comment: who wrote it, when, and how to reply or link to it. */
const ITEM_META = [
  'cite',
  'time',
  'abbr[title]',
  '.fn',
  '.vcard',
  '[class*="avatar"]',
  '[class*="author"]',
  '[class*="user"]',
  '[class*="name"]',
  '[class*="date"]',
  '[class*="time"]',
  '[class*="meta"]',
  '[class*="posted"]',
  '[class*="byline"]',
  '[class*="reply"]',
  '[class*="permalink"]',
  'a[href*="#comment"]',
  'a[href*="replytocom"]',
].join(', ');

const DATE_WORDS =
  /\b(?:(?:19|20)\d\d|\d{1,2}:\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago|said|says|wrote|writes)\b/i;

export const COMMENT_HEADING =
  /^\s*(?:(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts?|reactions?)\b|(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)|(?:reader\s+|user\s+)?(?:comments?|responses|discussion|reactions)\s*(?:\(\d+\)|:)?\s*$|join the (?:discussion|conversation)|what do you think\??$)/i;

function looksLikeComment(item: Element, page: PageContext): boolean {
  const text = page.text(item);
  if (text.length < 15) return false;
  if (firstWithin(item, ITEM_META)) return true;
  return DATE_WORDS.test(text.slice(0, 300));
}

/** Largest group of same-shaped siblings (same tag and first class) that look like comments. */
function commentGroup(container: Element, page: PageContext, depth = 0): Element[] | null {
  const groups = new Map<string, Element[]>();
  for (const child of container.children) {
    const cls = (child.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
    const key = child.localName + '.' + cls;
    const g = groups.get(key);
    if (g) g.push(child);
    else groups.set(key, [child]);
  }
  let best: Element[] | null = null;
  for (const members of groups.values()) {
    if (members.length < 2 || (best && best.length >= members.length)) continue;
    const sample = members.slice(0, 6);
    const hits = sample.filter((m) => looksLikeComment(m, page)).length;
    if (hits >= 2 && hits >= sample.length * 0.6) best = members;
  }
  if (best || depth >= 3) return best;
  for (const child of container.children) {
    if (CONTAINERS.has(child.tagName) || child.tagName === 'LI') {
      const inner = commentGroup(child, page, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
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
  if (itemText >= page.textLength(container) * 0.6) return [container];
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
    for (const el of page.queryAll(NAMED)) consider(el);
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
