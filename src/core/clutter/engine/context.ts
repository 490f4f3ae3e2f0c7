// Per-call view of the page that rules share: where to look, cached text lengths, the site's host.
import { hostOf, visibleText } from './dom';
import { compileSelector, matchesCompiled } from './matcher';

export class PageContext {
  readonly doc: Document;
  /** Subtrees to search (the whole document unless the caller narrowed it to added nodes). */
  readonly scopes: readonly Element[];
  /** Host of the page itself, when the document tells (canonical link, og:url, its own URL). */
  readonly pageHost: string | null;
  private readonly textCache = new Map<Element, string>();

  constructor(doc: Document, roots?: readonly Element[]) {
    this.doc = doc;
    const root = doc.documentElement;
    this.scopes =
      roots && roots.length > 0 ? roots.filter((r) => r.isConnected !== false) : root ? [root] : [];
    this.pageHost = findPageHost(doc);
  }

  private scopedCache: Element[] | null = null;
  private allCache: Element[] | null = null;

  /** Every element inside the scopes (scope roots included), in document order. */
  get elements(): Element[] {
    if (!this.scopedCache) {
      const out: Element[] = [];
      for (const scope of this.scopes) {
        out.push(scope);
        for (const el of scope.querySelectorAll('*')) out.push(el);
      }
      this.scopedCache = out;
    }
    return this.scopedCache;
  }

  /** Every element of the document, in document order (the article guard needs the whole page). */
  get allElements(): Element[] {
    if (!this.allCache) {
      const root = this.doc.documentElement;
      const whole = this.scopes.length === 1 && this.scopes[0] === root;
      this.allCache = whole ? this.elements : root ? [root, ...root.querySelectorAll('*')] : [];
    }
    return this.allCache;
  }

  /** Every element matching `selector` (the matcher's subset) inside the scopes, in document order. */
  queryAll(selector: string): Element[] {
    const sel = compileSelector(selector);
    return this.elements.filter((el) => matchesCompiled(el, sel));
  }

  /** Visible text of `el`, whitespace collapsed; cached for the duration of one detection. */
  text(el: Element): string {
    let t = this.textCache.get(el);
    if (t === undefined) {
      t = visibleText(el);
      this.textCache.set(el, t);
    }
    return t;
  }

  textLength(el: Element): number {
    return this.text(el).length;
  }

  /** True when a link points at this same site (relative, or the page's own host). */
  isSameSite(href: string | null): boolean {
    if (!href) return false;
    const host = hostOf(href);
    if (host == null) return !/^[a-z][a-z0-9+.-]*:/i.test(href.trim());
    if (this.pageHost == null) return false;
    return siteOf(host) === siteOf(this.pageHost);
  }
}

function findPageHost(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null,
    doc.URL && /^https?:/i.test(doc.URL) ? doc.URL : null,
  ];
  for (const c of candidates) {
    const host = hostOf(c);
    if (host) return host;
  }
  return null;
}

/** The registrable part of a host, roughly: `support.example.co.uk` → `example.co.uk`. */
export function siteOf(host: string): string {
  const labels = host.split('.');
  const keep =
    labels.length > 2 && /^(?:co|com|org|net|gov|ac|edu)$/.test(labels[labels.length - 2] ?? '')
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}
