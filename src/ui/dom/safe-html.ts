// The ONE place where an HTML string becomes nodes in a page. Its input is the article HTML that
// src/core already sanitised with DOMPurify (no scripts, handlers, javascript: URLs, forms or live
// iframes). It is parsed with DOMParser into an inert document (nothing runs, nothing loads) and
// the nodes are imported into the target document: no innerHTML-style sink is used, so the lint
// rule against unsafe sinks holds everywhere else without exceptions. (A very large article may
// come with pieces to parse one at a time: src/shared/html-pieces.ts, with the same parser.)

import { asDocument, parseHtmlBody, releaseMedia } from '../../core/index';
import { buildPieces, type HtmlPieces } from '../../shared/html-pieces';

/**
 * Parses sanitised `html` into an inert document; its body's nodes go into `doc` through importNode
 * (a very large article is moved in parts: src/ui/reader/article-parts.ts). Whoever takes the nodes
 * calls releaseMedia(inert.body) once done.
 */
export function parseSanitizedDocument(doc: Document, html: string): Document {
  return parseHtmlBody(html, doc.defaultView ?? { DOMParser }).ownerDocument;
}

/**
 * Does a document's parser take its input in pieces, as from the network (a tag cut in two by the
 * cut between writes still one tag)? Browsers' parsers do; one that parsed each write on its own
 * (jsdom's) would make a different document, so it gets the one-shot parse.
 */
export function writesInPieces(doc: Document): boolean {
  try {
    const probe = doc.implementation.createHTMLDocument('');
    probe.open();
    probe.write('<body><p title="a');
    probe.write('b">c');
    probe.write('d</p></body>');
    probe.close();
    const p = probe.body?.firstElementChild;
    return p?.getAttribute('title') === 'ab' && p.textContent === 'cd' && !p.nextSibling;
  } catch {
    return false;
  }
}

/**
 * The same inert document as parseSanitizedDocument, parsed a slice per task: one DOMParser call
 * on a 10 MB article holds the thread for up to a second, while the parser of a document made with
 * createHTMLDocument (no browsing context: nothing runs, nothing loads) takes its input written in
 * pieces, as it would from the network. Where a script may not write into that document (a
 * Firefox content script), `pieces` (src/shared/html-pieces.ts) say where the HTML can be cut
 * instead. Without either, the one-shot parse, in a task of its own.
 */
export async function parseSanitizedDocumentInParts(
  doc: Document,
  html: string,
  yieldTo: () => Promise<void>,
  chars = 100_000,
  pieces?: HtmlPieces | null,
  budgetMs = PIECES_BUDGET_MS,
): Promise<Document> {
  const started = clockOf(doc).now();
  if (!writesInPieces(doc)) {
    if (pieces) {
      const built = await buildInPieces(doc, html, pieces, yieldTo, budgetMs);
      if (built) return measured(doc, 'pieces', started, built);
    }
    await yieldTo();
    return measured(doc, 'whole', started, parseSanitizedDocument(doc, html));
  }
  const inert = doc.implementation.createHTMLDocument('');
  const source = asDocument(html);
  try {
    inert.open();
    for (let at = 0; at < source.length;) {
      let end = Math.min(at + chars, source.length);
      const code = source.charCodeAt(end - 1);
      if (end < source.length && code >= 0xd800 && code <= 0xdbff) end--;
      // The input is DOMPurify's output (see above), written into a document that runs nothing.
      inert.write(source.slice(at, end));
      at = end;
      if (at < source.length) await yieldTo();
    }
    inert.close();
  } catch {
    return measured(doc, 'whole', started, parseSanitizedDocument(doc, html));
  }
  if (inert.body?.firstChild || !html.trim()) return measured(doc, 'stream', started, inert);
  return measured(doc, 'whole', started, parseSanitizedDocument(doc, html));
}

const clockOf = (doc: Document) => (doc.defaultView ?? globalThis).performance;

/**
 * Puts the parse on the page's timeline as `declutter:article-parse:<how>` (stream: written in
 * slices; pieces: src/shared/html-pieces.ts; whole: one DOMParser call), for the bench and the
 * end-to-end tests to see which way a browser took.
 */
function measured(doc: Document, how: string, start: number, parsed: Document): Document {
  try {
    const name = `declutter:article-parse:${how}`;
    const perf = clockOf(doc);
    perf.clearMeasures(name);
    perf.measure(name, { start, end: perf.now() });
  } catch {
    // A timeline that takes no measures (an old engine, a test double) changes nothing.
  }
  return parsed;
}

/**
 * Milliseconds of piece parsing per task. Nothing parsed is on screen yet, while each turn given
 * back to a page this large costs it 40–120 ms of its own rendering: fewer, longer tasks finish
 * sooner (a 10 MB article's pieces take about 40 ms in all in Firefox).
 */
const PIECES_BUDGET_MS = 50;

/**
 * The inert document built from `html`'s pieces, for about `budgetMs` per task; null if the
 * pieces do not fit the HTML (then it is parsed whole).
 */
async function buildInPieces(
  doc: Document,
  html: string,
  pieces: HtmlPieces,
  yieldTo: () => Promise<void>,
  budgetMs: number,
): Promise<Document | null> {
  const clock = clockOf(doc);
  const inert = doc.implementation.createHTMLDocument('');
  try {
    const steps = buildPieces(inert.body, html, pieces, doc.defaultView ?? { DOMParser });
    let since = clock.now();
    while (!steps.next().done) {
      if (clock.now() - since >= budgetMs) {
        await yieldTo();
        since = clock.now();
      }
    }
  } catch {
    return null;
  }
  return inert;
}

/** Parses sanitised `html` into a fragment owned by `doc`. */
export function parseSanitizedHtml(doc: Document, html: string): DocumentFragment {
  const inert = parseSanitizedDocument(doc, html);
  const fragment = doc.createDocumentFragment();
  for (const node of Array.from(inert.body.childNodes)) {
    fragment.append(doc.importNode(node, true));
  }
  // Chromium never frees a frameless document that still holds a video, audio or source[media]
  // element (src/core/reader/inert-media.ts): one leaked article document per opening.
  releaseMedia(inert.body);
  return fragment;
}
