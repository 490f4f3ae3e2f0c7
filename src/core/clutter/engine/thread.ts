// Comment-thread structure, shared by the generic detector and the engine's check that a
// "comment section" really holds comments: repeated same-shaped siblings that each carry comment
// metadata (an author, a date or time, a reply or permalink link, a comment anchor id).
import type { PageContext } from './context';
import { firstWithin } from './matcher';
import { isPageForm } from './dom';

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

/** Who wrote an item: author, avatar, user name, signature. */
const WHO = [
  'cite',
  '.fn',
  '.vcard',
  '[class*="avatar"]',
  '[class*="author"]',
  '[class*="user"]',
  '[class*="name"]',
  '[class*="byline"]',
  '[class*="posted"]',
].join(', ');

/** When it was written, or how to reply to or link to it. */
const WHEN_OR_REPLY = [
  'time',
  'abbr[title]',
  '[class*="date"]',
  '[class*="time"]',
  '[class*="meta"]',
  '[class*="reply"]',
  '[class*="permalink"]',
  'a[href*="#comment"]',
  'a[href*="replytocom"]',
].join(', ');

/** Evidence that an item is a comment: who wrote it, when, and how to reply or link to it. */
export const ITEM_META = `${WHO}, ${WHEN_OR_REPLY}`;

export const DATE_WORDS =
  /\b(?:(?:19|20)\d\d|\d{1,2}:\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago|said|says|wrote|writes)\b/i;

/** A date or time of day, without the reported-speech words. */
export const WHEN_WORDS =
  /\b(?:(?:19|20)\d\d|\d{1,2}:\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b/i;

export const COMMENT_HEADING =
  /^\s*(?:(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts?|reactions?)\b|(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)|(?:reader\s+|user\s+)?(?:comments?|responses|discussion|reactions)\s*(?:\(\d+\)|:)?\s*$|join the (?:discussion|conversation)|what do you think\??$)/i;

/** Anchor ids blog engines give comments: c123, comment-123, comment_123. */
export const COMMENT_ID = /^(?:c|comment|div-comment)[-_]?(?:\d+|[0-9a-f]{8,})$/i;

/** The item is, or holds, an anchor named like a comment (`id="c123"`, `<a name="comment123">`). */
export function hasCommentAnchor(item: Element): boolean {
  if (COMMENT_ID.test(item.getAttribute('id') ?? '')) return true;
  if (item.tagName === 'A' && COMMENT_ID.test(item.getAttribute('name') ?? '')) return true;
  for (const a of item.querySelectorAll('a[name], a[id]')) {
    if (
      COMMENT_ID.test(a.getAttribute('name') ?? '') ||
      COMMENT_ID.test(a.getAttribute('id') ?? '')
    )
      return true;
  }
  return false;
}

/** Share of the item's text that is link text: link lists ("Recent comments") are not comments. */
function linkDensity(item: Element, page: PageContext, len: number): number {
  let links = 0;
  for (const a of item.getElementsByTagName('a')) links += page.textLength(a);
  return len === 0 ? 1 : links / len;
}

export function looksLikeComment(item: Element, page: PageContext): boolean {
  const text = page.text(item);
  if (text.length < 15) return false;
  // Form parts (a login box, "commenting as…" panels) and link lists are not comments.
  const form = item.closest('form');
  if ((form && !isPageForm(form)) || item.querySelector('textarea')) return false;
  // Link lists are not comments; an author line ("<a>Ann</a> said...") is mostly a link too.
  if (linkDensity(item, page, text.length) > 0.5 && !/\b(?:said|says|wrote|writes)\b/i.test(text))
    return false;
  if (hasCommentAnchor(item)) return true;
  // A comment says when it was written or how to answer it, not only who wrote it.
  if (firstWithin(item, WHEN_OR_REPLY)) return true;
  const head = text.slice(0, 300);
  if (firstWithin(item, WHO)) return WHEN_WORDS.test(text) || DATE_WORDS.test(head);
  return DATE_WORDS.test(head);
}

/** A link to one comment: a `#comment-12` / `#c12` fragment or a `commentId=` query (not a reply link). */
const COMMENT_LINK = /#(?:comment|c\d)|[?&](?:commentid|comment_id)=/i;

/**
 * A list of comments made elsewhere ("Recent comments", "Most recommended comments" widgets):
 * its items link to comments on at least two different pages. A thread's own permalinks all
 * point into one page (in-page fragments, or the same path with another query).
 */
export function linksElsewhere(members: readonly Element[]): boolean {
  const paths = new Set<string>();
  let linked = 0;
  for (const m of members.slice(0, 8)) {
    let hit = false;
    for (const a of m.getElementsByTagName('a')) {
      const href = a.getAttribute('href') ?? '';
      if (href.startsWith('#') || !COMMENT_LINK.test(href)) continue;
      // One post's comment pages (WordPress `/post/comment-page-2/`) are one page.
      const path = href
        .replace(/[?#].*$/, '')
        .replace(/^https?:\/\/[^/]+/i, '')
        .replace(/\/(?:comment-page-\d+\/?)?$/, '');
      // A page of its own per comment (Drupal's `/comment/301#comment-301`) is a permalink.
      const id = /(\d+)\D*$/.exec(href.replace(/^[^?#]*/, ''))?.[1];
      if (id && path.includes(id)) continue;
      paths.add(path);
      hit = true;
    }
    if (hit) linked++;
  }
  return paths.size >= 2 && linked * 2 >= Math.min(members.length, 8);
}

/** Zebra-striping classes themes put first on every other item (`alt item`, `odd comment`). */
const STRIPES = /^(?:alt|alternate|odd|even|first|last)$/i;

/** An element's shape for grouping siblings: its tag and first class that is not a stripe. */
export function shapeKey(el: Element): string {
  const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/);
  return el.localName + '.' + (classes.find((c) => !STRIPES.test(c)) ?? '');
}

/** Largest group of same-shaped siblings (same tag and first class) that look like comments. */
export function commentGroup(container: Element, page: PageContext, depth = 0): Element[] | null {
  const groups = new Map<string, Element[]>();
  for (const child of container.children) {
    const key = shapeKey(child);
    const g = groups.get(key);
    if (g) g.push(child);
    else groups.set(key, [child]);
  }
  let best: Element[] | null = null;
  for (const members of groups.values()) {
    if (members.length < 2 || (best && best.length >= members.length)) continue;
    const sample = members.slice(0, 6);
    const hits = sample.filter((m) => looksLikeComment(m, page)).length;
    if (hits >= 2 && hits >= sample.length * 0.6 && !linksElsewhere(members)) best = members;
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
