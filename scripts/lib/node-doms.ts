// The three Node DOM implementations the CLI could use, behind one interface, so that
// eval-readability can measure them on the same pages (`--dom`). The CLI itself uses the winner
// (see src/cli/dom.ts and the figures there).
import { JSDOM, VirtualConsole } from 'jsdom';
import { NodeFilter as LinkedomNodeFilter, parseHTML } from 'linkedom';
import { Window as HappyWindow } from 'happy-dom';
import { parsePage } from '../../src/cli/dom';

export type DomName = 'jsdom' | 'linkedom' | 'happy-dom';

export interface DomAdapter {
  parse(html: string, url: string): { document: Document; window: Window };
  /** textContent of an HTML fragment (for expected outputs). */
  textOf(html: string): string;
}

const quiet = new VirtualConsole();

const jsdom: DomAdapter = {
  // Exactly what the CLI does (including its fallback for style sheets jsdom cannot parse).
  parse: (html, url) => parsePage(html, url),
  textOf(html) {
    return new JSDOM(html, { virtualConsole: quiet }).window.document.body?.textContent ?? '';
  },
};

const linkedom: DomAdapter = {
  parse(html) {
    const { window, document } = parseHTML(html);
    // linkedom has no DOMImplementation; the pipeline needs createHTMLDocument for inert parsing.
    const implementation = {
      createHTMLDocument: (title = '') =>
        parseHTML(`<!doctype html><html><head><title>${title}</title></head><body></body></html>`)
          .document,
    };
    Object.defineProperty(document, 'implementation', { value: implementation });
    // Nor NodeFilter on its window, which DOMPurify walks with. (It also lacks
    // Document.createTreeWalker, which DOMPurify and the pipeline need: measured, every corpus
    // page then fails; see src/cli/README.md.)
    Object.defineProperty(window, 'NodeFilter', { value: LinkedomNodeFilter });
    return { document: document as unknown as Document, window: window as unknown as Window };
  },
  textOf(html) {
    return (
      parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body?.textContent ?? ''
    );
  },
};

const happyDom: DomAdapter = {
  parse(html, url) {
    const window = new HappyWindow({
      url,
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        navigation: {
          disableMainFrameNavigation: true,
          disableChildFrameNavigation: true,
          disableChildPageNavigation: true,
          disableFallbackToSetURL: true,
        },
      },
    });
    window.document.write(html);
    return {
      document: window.document as unknown as Document,
      window: window as unknown as Window,
    };
  },
  textOf(html) {
    const window = new HappyWindow();
    window.document.body.innerHTML = html;
    return window.document.body.textContent ?? '';
  },
};

export const DOM_ADAPTERS: Record<DomName, DomAdapter> = {
  jsdom,
  linkedom,
  'happy-dom': happyDom,
};
