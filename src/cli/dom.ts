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

function load(html: string, url: string | null): JSDOM {
  // jsdom reports CSS it cannot parse and similar page problems on its virtual console; they are
  // the page's business, not the user's.
  return new JSDOM(html, { url: url ?? undefined, virtualConsole: new VirtualConsole() });
}

/** Style sheets emptied: the article does not need them. */
const withoutStyleSheets = (html: string) =>
  html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');

/**
 * Parses `html` as the page at `url` (about:blank when unknown). jsdom's CSS engine throws on some
 * valid style sheets while parsing (seen: a `border: inherit` shorthand); the page is then parsed
 * again with its <style> elements emptied, which changes nothing Readability looks at.
 */
export function parsePage(html: string, url: string | null): ParsedPage {
  let dom: JSDOM;
  try {
    dom = load(html, url);
  } catch {
    dom = load(withoutStyleSheets(html), url);
  }
  return {
    document: dom.window.document,
    window: dom.window as unknown as Window,
    serialize: () => dom.serialize(),
  };
}
