// The core's one way to turn an HTML string into nodes: the DOMParser of the page's window (the
// core takes it from its caller, never from a global), in text/html mode. The result lives in a
// new document without a browsing context: nothing in it runs or loads. It replaces innerHTML
// writes into inert elements, which parse the same way but are an HTML sink the extension's lint
// (web-ext, no-unsanitized) rightly flags wherever they appear.
//
// The markup is wrapped exactly as the reading view wraps article HTML (src/ui/dom/safe-html.ts),
// so text offsets computed here match the view's.

/** What parsing needs from a window: its DOMParser constructor. */
export interface ParserWindow {
  DOMParser: typeof DOMParser;
}

/** The <body> of a new inert document holding `html`. */
export function parseHtmlBody(html: string, view: ParserWindow): HTMLElement {
  const parsed = new view.DOMParser().parseFromString(
    `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
    'text/html',
  );
  return parsed.body;
}
