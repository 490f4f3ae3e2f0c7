// The ONE place where an HTML string becomes nodes in a page. Its input is the article HTML that
// src/core already sanitised with DOMPurify (no scripts, handlers, javascript: URLs, forms or live
// iframes). It is parsed with DOMParser into an inert document (nothing runs, nothing loads) and
// the nodes are imported into the target document: no innerHTML-style sink is used, so the lint
// rule against unsafe sinks holds everywhere else without exceptions.

import { releaseMedia } from '../../core/index';

/** Parses sanitised `html` into a fragment owned by `doc`. */
export function parseSanitizedHtml(doc: Document, html: string): DocumentFragment {
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const inert = new Parser().parseFromString(
    `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
    'text/html',
  );
  const fragment = doc.createDocumentFragment();
  for (const node of Array.from(inert.body.childNodes)) {
    fragment.append(doc.importNode(node, true));
  }
  // Chromium never frees a frameless document that still holds a video, audio or source[media]
  // element (src/core/reader/inert-media.ts): one leaked article document per opening.
  releaseMedia(inert.body);
  return fragment;
}
