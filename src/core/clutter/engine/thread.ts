// Comment-thread structure, shared by the generic detector and the engine's check that a
// "comment section" really holds comments: repeated same-shaped siblings that each carry comment
// metadata (an author, a date or time, a reply or permalink link, a comment anchor id).
import type { PageContext } from './context';
import { firstWithin } from './matcher';

export const CONTAINERS = new Set([
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
export const ITEM_META = [
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

export const DATE_WORDS =
  /\b(?:(?:19|20)\d\d|\d{1,2}:\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago|said|says|wrote|writes)\b/i;

export const COMMENT_HEADING =
  /^\s*(?:(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts?|reactions?)\b|(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)|(?:reader\s+|user\s+)?(?:comments?|responses|discussion|reactions)\s*(?:\(\d+\)|:)?\s*$|join the (?:discussion|conversation)|what do you think\??$)/i;

/** Anchor ids blog engines give comments: c123, comment-123, comment_123. */
export const COMMENT_ID = /^(?:c|comment|div-comment)[-_]?(?:\d+|[0-9a-f]{8,})$/i;

export function looksLikeComment(item: Element, page: PageContext): boolean {
  const text = page.text(item);
  if (text.length < 15) return false;
  if (COMMENT_ID.test(item.getAttribute('id') ?? '')) return true;
  if (firstWithin(item, ITEM_META)) return true;
  return DATE_WORDS.test(text.slice(0, 300));
}

/** Largest group of same-shaped siblings (same tag and first class) that look like comments. */
export function commentGroup(container: Element, page: PageContext, depth = 0): Element[] | null {
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
  if (best || depth >= 5) return best;
  for (const child of container.children) {
    if (CONTAINERS.has(child.tagName) || child.tagName === 'LI') {
      const inner = commentGroup(child, page, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
