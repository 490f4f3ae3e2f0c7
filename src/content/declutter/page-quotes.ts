// Quotes on the live page (Declutter mode): find the article element, extract its quotations and
// mount a quote layer on it, with the "Who is quoted" panel in its own shadow host.
//
// Comment sections often sit inside <article>. Their text is blanked out (same length, so offsets
// still match the article element's canonical text) before extraction: a reader comment quoting
// somebody is never reported as the article's quote, and never marked.
import {
  buildTextMap,
  detectClutter,
  extractQuotes,
  locateFinding,
  type Quote,
  type QuoteResult,
  type Speaker,
  findArticleRoot,
} from '../../core';
import { createShadowHost } from '../../ui/declutter/shadow-host';
import type { PageDeclutter } from '../../ui/declutter/page-declutter-types';
import { mountQuoteLayer, QUOTE_LAYER_CSS, type QuoteLayer } from '../../ui/quotes/quote-layer';

export interface PageQuotesOptions {
  /** The page's Declutter controller: its findings (hidden or not) are clutter for quotes too. */
  declutter?: PageDeclutter;
  /** Injected by tests; default: the core's extractQuotes. */
  extract?: (text: string) => QuoteResult;
  /** Switch the layer on right away (default true). */
  enabled?: boolean;
  onToggle?: (on: boolean) => void;
}

const DOCK_CSS = `
.dock {
  position: fixed; top: 16px; right: 16px; z-index: 2147483646;
  width: 320px; max-width: calc(100vw - 32px); max-height: calc(100vh - 96px); overflow: auto;
  border-radius: 12px; box-shadow: 0 10px 30px rgba(15, 20, 30, 0.16);
}
.dock .dq-panel { max-width: none; }
`;

/** Elements that are clutter: the controller's items, or a fresh detection when there is none. */
function clutterElements(doc: Document, declutter?: PageDeclutter): Set<Element> {
  const set = new Set<Element>();
  if (declutter?.isEnabled()) {
    for (const item of declutter.items()) set.add(item.element);
  } else {
    for (const finding of detectClutter(doc)) {
      const element = locateFinding(doc, finding);
      if (element) set.add(element);
    }
  }
  for (const element of doc.querySelectorAll('[data-declutter-hidden]')) set.add(element);
  return set;
}

function insideAny(node: Node, set: Set<Element>, cache: Map<Element, boolean>): boolean {
  const start = node.parentElement;
  const path: Element[] = [];
  let answer = false;
  for (let element = start; element; element = element.parentElement) {
    const known = cache.get(element);
    if (known !== undefined) {
      answer = known;
      break;
    }
    path.push(element);
    if (set.has(element)) {
      answer = true;
      break;
    }
  }
  for (const element of path) cache.set(element, answer);
  return answer;
}

/** The article's quotes with everything inside clutter left out. */
export function articleQuotes(
  root: Element,
  clutter: Set<Element>,
  extract: (text: string) => QuoteResult,
): QuoteResult {
  const map = buildTextMap(root);
  const masked: [number, number][] = [];
  const cache = new Map<Element, boolean>();
  for (const segment of map.segments) {
    if (insideAny(segment.node, clutter, cache)) {
      masked.push([segment.start, segment.start + segment.nodeOffsets.length]);
    }
  }
  let text = map.text;
  if (masked.length > 0) {
    const parts: string[] = [];
    let at = 0;
    for (const [start, end] of masked) {
      parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\n]/g, ' '));
      at = end;
    }
    parts.push(text.slice(at));
    text = parts.join('');
  }
  const result = extract(text);
  const overlapsClutter = (quote: Quote) =>
    masked.some(([start, end]) => quote.start < end && quote.end > start);
  const quotes = result.quotes.filter((quote) => !overlapsClutter(quote));
  if (quotes.length === result.quotes.length) return result;
  const speakers: Speaker[] = [];
  for (const speaker of result.speakers) {
    const count = quotes.filter((quote) => quote.speaker === speaker.name).length;
    if (count > 0) speakers.push({ ...speaker, quoteCount: count });
  }
  return { quotes, speakers };
}

/**
 * Whether the article sits on a dark or a light background. The page, not the system setting,
 * decides: a light news site seen with a dark system theme still needs the light-theme inks.
 */
export function pageTheme(element: Element): 'light' | 'dark' {
  const view = element.ownerDocument.defaultView;
  if (!view) return 'light';
  for (let node: Element | null = element; node; node = node.parentElement) {
    const match = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?/.exec(
      view.getComputedStyle(node).backgroundColor,
    );
    if (!match) continue;
    const alphaText = match[4];
    const alpha =
      alphaText === undefined
        ? 1
        : alphaText.endsWith('%')
          ? parseFloat(alphaText) / 100
          : Number(alphaText);
    if (alpha < 0.5) continue;
    const [r, g, b] = [match[1], match[2], match[3]].map((v) => Number(v) / 255) as [
      number,
      number,
      number,
    ];
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return luminance < 0.45 ? 'dark' : 'light';
  }
  // Nothing painted: the canvas colour follows the page's color-scheme.
  const scheme = view.getComputedStyle(element.ownerDocument.documentElement).colorScheme ?? '';
  return scheme.trim() === 'dark' ? 'dark' : 'light';
}

export function mountPageQuotes(doc: Document, opts: PageQuotesOptions = {}): QuoteLayer {
  const clutter = clutterElements(doc, opts.declutter);
  const root = findArticleRoot(doc, {
    exclude: (element) =>
      clutter.has(element) ||
      element.hasAttribute('data-declutter-hidden') ||
      element.hasAttribute('data-declutter-root'),
  });
  const analysis = root
    ? articleQuotes(root, clutter, opts.extract ?? ((text) => extractQuotes(text)))
    : { quotes: [], speakers: [] };

  const { host, root: shadow } = createShadowHost(
    doc,
    'quotes-panel',
    QUOTE_LAYER_CSS + DOCK_CSS,
    'declutter-quotes',
  );
  const dock = doc.createElement('div');
  dock.className = 'dock';
  shadow.append(dock);
  const layer = mountQuoteLayer((root as HTMLElement | null) ?? doc.body, analysis, {
    panelParent: dock,
    styleRoot: doc,
    theme: root ? pageTheme(root) : 'light',
    collapsiblePanel: true,
    emptyMessage: root ? undefined : 'No article was found on this page, so no quotes are marked.',
    onToggle: (on) => {
      // The panel host is on the page only while quotes are shown.
      if (on) doc.documentElement.append(host);
      else host.remove();
      opts.onToggle?.(on);
    },
  });
  if (opts.enabled !== false) layer.setEnabled(true);

  return {
    setEnabled: layer.setEnabled,
    isEnabled: layer.isEnabled,
    focusSpeaker: layer.focusSpeaker,
    destroy() {
      layer.destroy();
      host.remove();
    },
  };
}
