// Small DOM helpers shared by the engine and the rules. Everything here only reads the document.
import { closestMatch, matchesSelector } from './matcher';

/** Node type numbers (the Node global is off limits in core). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Elements whose content is never visible text. */
const NON_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg']);

/** Inline elements (by localName): text inside them belongs to the nearest non-inline ancestor. */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/**
 * Visible text of an element, whitespace collapsed (scripts, styles and templates skipped).
 * `known` keeps, per element read, its text collapsed but not trimmed: a later read of an
 * ancestor (rules walk up from a link or a comment, asking each level's length) takes those
 * children's text instead of walking them again. Collapsing is the same done in parts or whole.
 */
export function visibleText(el: Element, known?: Map<Element, string>): string {
  return collapsedText(el, known).trim();
}

function collapsedText(el: Element, known: Map<Element, string> | undefined): string {
  let text = known?.get(el);
  if (text === undefined) {
    const parts: string[] = [];
    collectText(el, parts, known);
    text = parts.join('').replace(/\s+/g, ' ');
    known?.set(el, text);
  }
  return text;
}

function collectText(node: Node, out: string[], known: Map<Element, string> | undefined): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      out.push(child.nodeValue ?? '');
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      const name = el.localName;
      if (NON_TEXT.has(name)) continue;
      const block = !INLINE.has(name);
      if (block) out.push(' ');
      if (name === 'br') out.push(' ');
      else {
        const read = known?.get(el);
        if (read !== undefined) out.push(read);
        else collectText(el, out, known);
      }
      if (block) out.push(' ');
    }
  }
}

/**
 * The element children of `el`, in order. Walking siblings instead of `el.children`: jsdom answers
 * each index of an HTMLCollection by a named-item lookup, so iterating a list of thousands of
 * comments there took quadratic time (a 20 000-comment page: minutes).
 */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) out.push(child);
  return out;
}

/** Sort comparator: document order. */
export function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  // FOLLOWING (4): `b` comes after `a`.
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

/** True when `el` is `ancestor` or inside it. */
export function within(el: Element, ancestor: Element): boolean {
  return el === ancestor || ancestor.contains(el);
}

/** The lowercased host of a URL-ish attribute value, or null for relative/invalid ones. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:@]+(?:@[^/?#:]+)?)/i.exec(url.trim());
  if (!m || !m[1]) return null;
  const host = m[1].includes('@') ? m[1].slice(m[1].indexOf('@') + 1) : m[1];
  return host.toLowerCase().replace(/\.$/, '');
}

/** True when `host` is `domain` or a subdomain of it. */
export function hostIs(host: string | null, domain: string): boolean {
  return host != null && (host === domain || host.endsWith('.' + domain));
}

/** The path part of a URL-ish attribute value (relative or absolute), lowercased. */
export function pathOf(url: string | null): string {
  if (!url) return '';
  const trimmed = url.trim();
  const noScheme = trimmed.replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i, '');
  const end = noScheme.search(/[?#]/);
  return (end < 0 ? noScheme : noScheme.slice(0, end)).toLowerCase();
}

/** The id and class attribute, lowercased and joined, for cheap name tests. */
export function names(el: Element): string {
  return ((el.getAttribute('id') ?? '') + ' ' + (el.getAttribute('class') ?? '')).toLowerCase();
}

/** Tags that never count as a block to hide. */
const NEVER_BLOCK = new Set(['HTML', 'BODY', 'HEAD', 'MAIN']);

export function isPageRoot(el: Element): boolean {
  return NEVER_BLOCK.has(el.tagName);
}

/** Inside code, preformatted or syntax-highlighted text (where `.comment` means a code comment). */
export function inCode(el: Element): boolean {
  return memoClosest(el, CODE, passMemo?.code);
}

/** Navigation chrome: menus, site header/footer link lists. */
export function inNavigation(el: Element): boolean {
  return memoClosest(el, NAVIGATION, passMemo?.nav);
}

// Ancestor answers shared by every candidate of one detection pass (candidates share most of
// their ancestors, and each walk tests a long selector list per ancestor). Detection only reads
// the page, so answers cannot go stale within a pass; outside a pass nothing is remembered.
let passMemo: { code: Map<Element, boolean>; nav: Map<Element, boolean> } | null = null;

/** Runs `fn` with inCode/inNavigation answers remembered until it returns. */
export function withAncestorMemo<T>(fn: () => T): T {
  const outer = passMemo;
  passMemo = outer ?? { code: new Map(), nav: new Map() };
  try {
    return fn();
  } finally {
    passMemo = outer;
  }
}

function memoClosest(
  el: Element,
  selector: string,
  memo: Map<Element, boolean> | undefined,
): boolean {
  if (!memo) return closestMatch(el, selector) != null;
  const path: Element[] = [];
  let result = false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const known = memo.get(node);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(node);
    if (matchesSelector(node, selector)) {
      result = true;
      break;
    }
  }
  for (const node of path) memo.set(node, result);
  return result;
}

/** An iframe's block is the iframe or the wrapper that holds nothing else. */
export function frameBlock(el: Element): Element {
  let block = el;
  while (
    block.parentElement &&
    !isPageRoot(block.parentElement) &&
    block.parentElement.childElementCount === 1
  ) {
    block = block.parentElement;
  }
  return block;
}

const CODE =
  'pre, code, kbd, samp, .highlight, .syntaxhighlighter, .hljs, .prism, .codehilite, .sourceCode, .CodeMirror, .cm-editor, .monaco-editor, [class*="language-"]';
const NAVIGATION =
  'nav, [role="navigation"], [role="menubar"], [role="menu"], header, .menu, .nav, .navbar, .navigation, #menu, #nav, #navigation';

/**
 * ASP.NET and similar frameworks wrap the whole page in one <form>: such a form holds the
 * article and is read like any container, never taken for a comment or search form.
 */
export function isPageForm(el: Element): boolean {
  return (
    el.localName === 'form' && el.querySelector('h1, article, [itemprop="articleBody"]') != null
  );
}
