// Checks before any work: is there an HTML page with something in it, small enough to process?
// Each refusal carries a message the reading view shows as is.
import type { NoArticleReason } from '../types';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export function guardDocument(doc: Document, maxElements?: number): NoArticleReason | null {
  const root = doc.documentElement;
  const contentType = (doc.contentType || 'text/html').toLowerCase();
  if (!root || root.localName !== 'html' || !HTML_TYPES.has(contentType)) {
    const what = root
      ? `a ${root.localName === 'svg' ? 'SVG image' : `${contentType} document`}`
      : 'an empty document';
    return {
      code: 'not-html',
      message: `This is ${what}, not a web page: there is no article to read.`,
    };
  }
  const body = doc.body;
  if (!body || !hasContent(body)) {
    return { code: 'empty', message: 'This page is empty: it has no text or images to read.' };
  }
  if (maxElements !== undefined) {
    const count = doc.getElementsByTagName('*').length;
    if (count > maxElements) {
      return {
        code: 'too-large',
        message: `This page is too large to open in the reading view (${count.toLocaleString('en-US')} elements; the limit is ${maxElements.toLocaleString('en-US')}).`,
      };
    }
  }
  return null;
}

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);
const SHOW_TEXT = 4;

/** Visible text or media anywhere in the body (script and style text do not count). */
function hasContent(body: HTMLElement): boolean {
  if (body.querySelector('img, picture, video, svg, iframe, frameset, frame') !== null) return true;
  const walker = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\S/.test((node as Text).data)) continue;
    const parent = node.parentElement;
    if (parent && !INVISIBLE.has(parent.localName) && !parent.closest('script, style, template')) {
      return true;
    }
  }
  return false;
}
