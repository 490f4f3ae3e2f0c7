// The Node DOM the CLI parses pages with: jsdom. Chosen on measured correctness and speed over
// the Readability corpus (scripts/eval-readability.ts --dom …; figures in src/cli/README.md).
// Scripts never run and no subresource is fetched: the page is only read.
import { JSDOM, VirtualConsole } from 'jsdom';

export interface ParsedPage {
  document: Document;
  window: Window;
  /** The page serialised back to HTML (doctype included), after any changes. */
  serialize(): string;
}

/** Parses `html` as the page at `url` (about:blank when unknown). */
export function parsePage(html: string, url: string | null): ParsedPage {
  // jsdom reports CSS it cannot parse and similar page problems on its virtual console; they are
  // the page's business, not the user's.
  const dom = new JSDOM(html, {
    url: url ?? undefined,
    virtualConsole: new VirtualConsole(),
    pretendToBeVisual: false,
  });
  return {
    document: dom.window.document,
    window: dom.window as unknown as Window,
    serialize: () => dom.serialize(),
  };
}
