// Comment-thread structure, shared by the generic detector and the engine's check that a
// "comment section" really holds comments: repeated same-shaped siblings that each carry comment
// metadata (an author, a date or time, a reply or permalink link, a comment anchor id).
import type { PageContext } from './context';
import { firstWithin } from './matcher';
import { childElements, isPageForm } from './dom';

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
  '[class*="reply"]',
  '[class*="permalink"]',
  'a[href*="#comment"]',
  'a[href*="replytocom"]',
].join(', ');

/**
 * A "meta" line: in a comment it carries the date or the author, but teaser cards and group
 * boxes ("Members: 748 Topics: 39") use the same class for counts, so it is evidence only next
 * to a date or an author.
 */
const META = '[class*="meta"]';

/** Evidence that an item is a comment: who wrote it, when, and how to reply or link to it. */
export const ITEM_META = `${WHO}, ${WHEN_OR_REPLY}, ${META}`;

/**
 * A date as comments print it: a day with its month, a numeric date, a time of day, "3 days
 * ago". A bare year is not one: prose mentions years everywhere ("at Wired 2012").
 */
const DATE = String.raw`\d{1,2}:\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:19|20)\d\d-\d\d-\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?:19|20)\d\d|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago`;

export const DATE_WORDS = new RegExp(String.raw`\b(?:${DATE}|said|says|wrote|writes)\b`, 'i');

/** A date or time of day, without the reported-speech words. */
export const WHEN_WORDS = new RegExp(String.raw`\b(?:${DATE})\b`, 'i');

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
  if (firstWithin(item, META)) return WHEN_WORDS.test(text);
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

/**
 * An element's shape for grouping siblings: its tag and first class that is not a stripe, with a
 * numbered stripe's digits dropped (Joomla's `jomentry1`/`jomentry2`, `row-1`/`row-2`).
 */
export function shapeKey(el: Element): string {
  const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/);
  const first = classes.find((c) => !STRIPES.test(c)) ?? '';
  return el.localName + '.' + first.replace(/(?<=[a-z])[-_]?\d$/i, '');
}

/**
 * The members of a group from its first to its last comment-looking one: a theme's loose
 * siblings of one shape (`<div>` after `<div>`) can open with the post's own "read more" part.
 */
function trimToComments(members: Element[], page: PageContext): Element[] {
  let start = 0;
  let end = members.length - 1;
  while (start < end && !looksLikeComment(members[start]!, page)) start++;
  while (end > start && !looksLikeComment(members[end]!, page)) end--;
  return members.slice(start, end + 1);
}

/**
 * The comments a container holds: a group of at least two (see commentItems), or else one
 * comment on its own — a thread with a single reply is still a thread. A lone comment must carry
 * a comment anchor or a date next to an author or a "said/wrote" line, and enough words outside
 * any form: an empty section ("No comments yet", "Comments are closed", a login prompt) has none.
 */
export function commentGroup(container: Element, page: PageContext): Element[] | null {
  return commentItems(container, page) ?? loneComment(container, page);
}

function loneComment(container: Element, page: PageContext): Element[] | null {
  let outside = page.textLength(container);
  for (const form of container.getElementsByTagName('form')) outside -= page.textLength(form);
  if (outside < 80) return null;
  // Down the largest block a few levels: the deepest one that reads as a comment.
  let found: Element | null = null;
  let el: Element = container;
  for (let depth = 0; depth < 4; depth++) {
    let largest: Element | null = null;
    for (const child of childElements(el)) {
      if (child.tagName === 'FORM' || !(CONTAINERS.has(child.tagName) || LONE.has(child.tagName)))
        continue;
      if (!largest || page.textLength(child) > page.textLength(largest)) largest = child;
    }
    if (!largest || page.textLength(largest) < 60) break;
    if (looksLikeComment(largest, page) && hasAuthorAndDate(largest, page)) found = largest;
    el = largest;
  }
  return found ? [found] : null;
}

/** Blocks a lone comment is often wrapped in besides the containers. */
const LONE = new Set(['LI', 'DD', 'DT']);

/** A single comment needs more than a group member: an anchor, or a date with an author line. */
function hasAuthorAndDate(el: Element, page: PageContext): boolean {
  if (hasCommentAnchor(el)) return true;
  const text = page.text(el);
  if (!WHEN_WORDS.test(text)) return false;
  return firstWithin(el, WHO) != null || /\b(?:said|says|wrote|writes)\b/i.test(text);
}

/** Largest group of same-shaped siblings (same tag and first class) that look like comments. */
export function commentItems(container: Element, page: PageContext, depth = 0): Element[] | null {
  const groups = new Map<string, Element[]>();
  for (const child of childElements(container)) {
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
  if (best) return trimToComments(best, page);
  if (depth >= 5) return null;
  for (const child of childElements(container)) {
    if (CONTAINERS.has(child.tagName) || child.tagName === 'LI') {
      const inner = commentItems(child, page, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
