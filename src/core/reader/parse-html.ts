// The core's one way to turn an HTML string into nodes: the DOMParser of the page's window (the
// core takes it from its caller, never from a global), in text/html mode. The result lives in a
// new document without a browsing context: nothing in it runs or loads. It replaces innerHTML
// writes into inert elements, which parse the same way but are an HTML sink the extension's lint
// (web-ext, no-unsanitized) rightly flags wherever they appear.
//
// The reading view parses article HTML with these same functions (src/ui/dom/safe-html.ts), so
// text offsets computed here match the view's.

/** What parsing needs from a window: its DOMParser constructor. */
export interface ParserWindow {
  DOMParser: typeof DOMParser;
}

/** `html` as the body of a whole document, the one way both the core and the view parse it. */
export const asDocument = (html: string): string =>
  `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;

/** The <body> of a new inert document holding `html`. */
export function parseHtmlBody(html: string, view: ParserWindow): HTMLElement {
  return new view.DOMParser().parseFromString(asDocument(html), 'text/html').body;
}
