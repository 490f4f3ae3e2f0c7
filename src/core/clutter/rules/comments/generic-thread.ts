// Home-made and unknown comment threads, recognised by structure: a block named like a comment
// section (or introduced by a "12 Comments" / "Leave a reply" heading) holding repeated sibling
// items that each carry comment metadata (an author, a date or time, a reply or permalink link).
// The engine then insists the thread comes after the article and is not the page's main content.
import { HEURISTIC, type ClutterRule } from '../../rule';
import type { PageContext } from '../../engine/context';
import { childElements, inCode, isPageRoot } from '../../engine/dom';
import { closestMatch } from '../../engine/matcher';
import {
  COMMENT_HEADING,
  COMMENT_ID,
  CONTAINERS,
  commentItems,
  hasCommentAnchor,
  linksElsewhere,
  looksLikeComment,
  shapeKey,
  WHEN_WORDS,
} from '../../engine/thread';

export { COMMENT_HEADING };

const NAMED =
  '[id*="omment"], [class*="omment"], [id*="iscussion"], [class*="iscussion"], [id*="esponses"], [class*="esponses"], [id*="eplies"], [class*="eplies"]';

/**
 * Siblings of `el` shaped like it (same tag and first class), when they look like comments. When
 * `el` carries a comment anchor id (`c115850`, `comment-12`), only siblings that carry one too
 * are members: a bare `<div>` next to them is the post's "read more" part, not a comment.
 */
function siblingGroup(el: Element, page: PageContext): Element[] | null {
  const k = shapeKey(el);
  const byId = COMMENT_ID.test(el.getAttribute('id') ?? '');
  const members = (el.parentElement ? childElements(el.parentElement) : []).filter(
    (s) => shapeKey(s) === k && (!byId || COMMENT_ID.test(s.getAttribute('id') ?? '')),
  );
  if (members.length < 2 || inCode(el) || closestMatch(el, WIDGETS)) return null;
  const sample = members.slice(0, 6);
  const hits = sample.filter((m) => looksLikeComment(m, page)).length;
  return hits >= 2 && hits >= sample.length * 0.6 && !linksElsewhere(members) ? members : null;
}

/** Sidebar widgets ("Recent comments") list comment snippets; they are not the thread. */
const WIDGETS = 'aside, .widget, .sidebar, #sidebar, .widget-area, [role="complementary"]';

function threadIn(el: Element, page: PageContext): Element[] | null {
  if (!CONTAINERS.has(el.tagName) || isPageRoot(el) || inCode(el)) return null;
  if (closestMatch(el, WIDGETS)) return null;
  return commentItems(el, page);
}

/** Text a thread's container may hold before its first comment: a heading, a count, a note. */
const LEAD_IN = 200;

/** The child of `container` that holds `el`. */
function childOf(container: Element, el: Element): Element {
  let node = el;
  while (node.parentElement && node.parentElement !== container) node = node.parentElement;
  return node;
}

/**
 * The blocks to report for a thread found in `container`: the container when nothing but a
 * heading comes before the comments and they make up most of it or are followed by little more;
 * otherwise (a theme that puts the
 * comments next to the post in one wrapper) the run of the container's children from the first
 * comment to the last, with what lies between them (signature lines, separators), the comment
 * heading just before the run and the signature line just after it.
 */
function threadBlocks(container: Element, items: Element[], page: PageContext): Element[] {
  const itemText = items.reduce((n, item) => n + page.textLength(item), 0);
  const first = childOf(container, items[0]!);
  const last = childOf(container, items[items.length - 1]!);
  let before = 0;
  for (let sib = first.previousElementSibling; sib; sib = sib.previousElementSibling)
    before += page.textLength(sib);
  let after = 0;
  for (let sib = last.nextElementSibling; sib; sib = sib.nextElementSibling)
    after += page.textLength(sib);
  // Everything in it lies between its comments (reply forms, separators) or is a short lead-in
  // or close: the container is the thread.
  if (before <= LEAD_IN && (after <= LEAD_IN || itemText >= page.textLength(container) * 0.85))
    return [container];
  if (first === last) return first === items[0] ? items : threadBlocks(first, items, page);
  const run: Element[] = [];
  const heading = first.previousElementSibling;
  if (heading && isCommentHeading(heading, page)) run.push(heading);
  for (let sib: Element | null = first; sib; sib = sib.nextElementSibling) {
    run.push(sib);
    if (sib === last) break;
  }
  const next = last.nextElementSibling;
  if (next && isSignatureLine(next, page)) run.push(next);
  return run;
}

/** A short block announcing the thread: "Comments", "12 Responses", "Leave a reply". */
function isCommentHeading(el: Element, page: PageContext): boolean {
  const text = page.text(el);
  return text.length > 0 && text.length <= 60 && COMMENT_HEADING.test(text);
}

/** A comment's signature line: "Posted by: Ann | Apr 6, 2007 1:11 PM", "Written by Bo on 3/4/12". */
const SIGNATURE = /^\s*(?:posted|written|submitted|added|comment(?:ed)?)\b(?: by)?|^\s*by\s+\S/i;

function isSignatureLine(el: Element, page: PageContext): boolean {
  const text = page.text(el);
  if (text.length === 0 || text.length > 200) return false;
  return (
    WHEN_WORDS.test(text) &&
    (SIGNATURE.test(text) || /posted|meta|byline|signature/i.test(el.getAttribute('class') ?? ''))
  );
}

/**
 * Old blog templates (Movable Type, Typepad, hand-made) put comments straight after a "Comments"
 * heading as loose siblings of the post, with no wrapper: an anchor (`<a id="c123">`) and a few
 * paragraphs, then a "Posted by: … | date" line, per comment. The run of siblings after the
 * heading (up to the next heading of the same or a higher rank) is the thread when at least two
 * comments in it are marked by anchors or signature lines.
 */
function looseRun(h: Element, page: PageContext): Element[] | null {
  const rank = Number(h.localName.slice(1));
  const run: Element[] = [];
  let marks = 0;
  let anchors = 0;
  for (let sib = h.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (/^h[1-6]$/.test(sib.localName) && Number(sib.localName.slice(1)) <= rank) break;
    if (sib.tagName === 'FORM' || sib.querySelector('textarea')) break;
    run.push(sib);
    if (hasCommentAnchor(sib)) anchors++;
    else if (isSignatureLine(sib, page) || firstSignature(sib, page)) marks++;
  }
  if (anchors + marks >= 2 && run.some((el) => page.textLength(el) >= 30)) {
    // A wrapper that holds nothing but the heading and its run is the thread itself: one block.
    const parent = h.parentElement;
    const whole =
      parent != null &&
      !isPageRoot(parent) &&
      parent.firstElementChild === h &&
      run[run.length - 1] === parent.lastElementChild;
    return whole ? [parent] : [h, ...run];
  }
  return null;
}

/** A signature line as the last child of a comment block (`<div id="c1"><p>…</p><p class="posted">`). */
function firstSignature(el: Element, page: PageContext): boolean {
  const last = el.lastElementChild;
  return last != null && last !== el && isSignatureLine(last, page);
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
      const shape = shapeKey(el);
      const shapes = seen.get(parent) ?? new Set<string>();
      if (shapes.has(shape)) continue;
      seen.set(parent, shapes.add(shape));
      const items = siblingGroup(el, page);
      if (items) found.push(...threadBlocks(parent, items, page));
    }
    for (const h of page.queryAll('h2, h3, h4, h5, h6')) {
      if (!COMMENT_HEADING.test(page.text(h)) || inFound(h)) continue;
      for (let sib = h.nextElementSibling; sib; sib = sib.nextElementSibling) {
        if (/^h[1-6]$/.test(sib.localName)) break;
        consider(sib);
      }
      if (closestMatch(h, WIDGETS) || inCode(h)) continue;
      const run = looseRun(h, page);
      if (run) for (const el of run) if (!inFound(el)) found.push(el);
    }
    return found;
  },
};
