// A large article's HTML cut where a parser can take it a piece at a time. Drawing a 10 MB article
// starts with parsing its HTML, and a content script in Firefox may not write into a document it
// made (document.open throws a SecurityError there), so the parse in slices of
// src/ui/dom/safe-html.ts is not open to it: one DOMParser call took 45–170 ms of one task.
// Where the article is analysed (Firefox's background page) its HTML is parsed once more and
// walked: every element with many descendants becomes an "open" piece (its start tag) and a
// "close" piece (its end tag), and what lies between goes in "runs" of whole nodes. Each piece is
// then parsed on its own in its parent's context, and the tree built is checked there against the
// whole parse: only pieces that rebuild it exactly are sent.

import { parseHtmlBody, type ParserWindow } from '../core/index';
import { hasMoreThan } from './element-count';

/** HTML characters above which the reading view draws an article in parts (article-parts.ts). */
export const LARGE_ARTICLE_CHARS = 500_000;

export const OPEN = 0;
export const RUN = 1;
export const CLOSE = 2;

/**
 * How `html` is cut: pairs of [kind, end] (OPEN, RUN or CLOSE, and the offset where the piece
 * ends; each starts where the one before it ended). Plain numbers, to travel in a message.
 */
export type HtmlPieces = number[];

export interface CutOptions {
  /** Characters a run may reach before it is cut (default 100 000). */
  runChars?: number;
  /** Descendants above which an element is opened and closed around its children (default 500). */
  small?: number;
  /**
   * Elements open at once at most (default 16): each piece is parsed after the start tags of those
   * around it, so a page nested thousands deep would parse them thousands of times.
   */
  maxOpen?: number;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/**
 * Never opened on their own: the parser drops a line feed right after their start tag, which a
 * piece parsed in their context would keep; and a template's children live in its content.
 */
const WHOLE = new Set(['pre', 'listing', 'textarea', 'template']);

/** `node` as its parent's innerHTML writes it. */
function serialise(node: ChildNode, parent: ParentNode): string {
  if (node.nodeType === 1) return (node as Element).outerHTML;
  const holder = (parent as Node).cloneNode(false) as Element;
  holder.appendChild(node.cloneNode(false));
  return holder.innerHTML;
}

/** `el`'s start tag as its serialisation writes it (a childless copy, less its end tag). */
function startTag(el: Element): string {
  const html = (el.cloneNode(false) as Element).outerHTML;
  return html.slice(0, html.length - `</${el.localName}>`.length);
}

/**
 * The pieces of `html`, which `body` (a body holding `html` parsed) serialises to; null when
 * `body`'s serialisation differs from `html` anywhere.
 */
export function cutHtml(body: Element, html: string, options: CutOptions = {}): HtmlPieces | null {
  const runChars = options.runChars ?? 100_000;
  const small = options.small ?? 500;
  const maxOpen = options.maxOpen ?? 16;
  const pieces: HtmlPieces = [];
  let at = 0;
  let cut = 0;
  const piece = (kind: number) => {
    pieces.push(kind, at);
    cut = at;
  };
  const take = (text: string) => {
    if (!html.startsWith(text, at)) return false;
    at += text.length;
    return true;
  };
  const visit = (parent: Element, depth: number): boolean => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      const el = child.nodeType === 1 ? (child as Element) : null;
      if (
        el &&
        depth < maxOpen &&
        el.namespaceURI === HTML_NS &&
        !WHOLE.has(el.localName) &&
        hasMoreThan(el, small)
      ) {
        if (at > cut) piece(RUN);
        if (!take(startTag(el))) return false;
        piece(OPEN);
        if (!visit(el, depth + 1)) return false;
        if (at > cut) piece(RUN);
        if (!take(`</${el.localName}>`)) return false;
        piece(CLOSE);
      } else {
        if (!take(serialise(child, parent))) return false;
        if (at - cut >= runChars) piece(RUN);
      }
    }
    return true;
  };
  if (!visit(body, 0)) return null;
  if (at > cut) piece(RUN);
  return at === html.length ? pieces : null;
}

/**
 * Builds `html` into `body` (an empty body of a document without a browsing context) a piece per
 * step: each `next()` parses one piece. A piece is parsed (DOMParser, into a document of its own)
 * after the start tags of the elements open around it, which gives it its parent's context (a
 * row inside its table's body); its nodes are then moved into place. Runs to the end where time
 * does not matter (the check below); the reading view gives the page a turn between steps
 * (src/ui/dom/safe-html.ts).
 */
export function* buildPieces(
  body: HTMLElement,
  html: string,
  pieces: HtmlPieces,
  view: ParserWindow,
): Generator<void, void, void> {
  const open: Element[] = [body];
  const tags: string[] = [];
  let from = 0;
  for (let i = 0; i + 1 < pieces.length; i += 2) {
    const kind = pieces[i];
    const end = pieces[i + 1]!;
    const parent = open[open.length - 1]!;
    if (kind === CLOSE) {
      if (tags.length === 0) throw new Error('an article piece closes more than it opened');
      open.pop();
      tags.pop();
    } else {
      const piece = html.slice(from, end);
      // Sanitised HTML (DOMPurify, in src/core), parsed into a document that runs nothing.
      let holder: Element | null = parseHtmlBody(tags.join('') + piece, view);
      for (let depth = 0; holder && depth < tags.length; depth++) holder = holder.lastElementChild;
      if (!holder) throw new Error('an article piece lost its context');
      if (kind === OPEN) {
        const element = holder.firstElementChild;
        if (!element || holder.childNodes.length !== 1 || element.hasChildNodes()) {
          throw new Error('an article piece opens no single element');
        }
        parent.appendChild(element);
        open.push(element);
        tags.push(piece);
      } else {
        while (holder.firstChild) parent.appendChild(holder.firstChild);
      }
    }
    from = end;
    yield;
  }
  if (tags.length > 0 || from !== html.length) throw new Error('the article pieces end early');
}

/**
 * The pieces of `html` (sanitised article HTML) when they rebuild exactly what one parse of it
 * makes, else null (then the view parses it whole). `view` supplies the parser (here the
 * background page's window).
 */
export function piecesFor(
  html: string,
  view: ParserWindow,
  options: CutOptions = {},
): HtmlPieces | null {
  const whole = parseHtmlBody(html, view).ownerDocument;
  const pieces = cutHtml(whole.body, html, options);
  if (!pieces) return null;
  const rebuilt = whole.implementation.createHTMLDocument('').body;
  try {
    for (const _ of buildPieces(rebuilt, html, pieces, view));
  } catch {
    return null;
  }
  return rebuilt.isEqualNode(whole.body) ? pieces : null;
}
