// Per-call view of the page that rules share: where to look, cached text lengths, the site's host.
import { hostOf, visibleText } from './dom';
import { compileSelector, matchesCompiled, type CompiledSelector, type Compound } from './matcher';

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

  private scopedIndexCache: ElementIndex | null = null;
  private docIndexCache: ElementIndex | null = null;

  private get scopedIndex(): ElementIndex {
    return (this.scopedIndexCache ??= new ElementIndex(this.elements));
  }

  private get docIndex(): ElementIndex {
    if (!this.docIndexCache) {
      this.docIndexCache =
        this.allElements === this.elements ? this.scopedIndex : new ElementIndex(this.allElements);
    }
    return this.docIndexCache;
  }

  // Rules ask for the same selectors (forms, headings, links) several times in one pass.
  private readonly scopedQueries = new Map<string, readonly Element[]>();
  private readonly docQueries = new Map<string, readonly Element[]>();

  /** Every element matching `selector` (the matcher's subset) inside the scopes, in document order. */
  queryAll(selector: string): Element[] {
    let hits = this.scopedQueries.get(selector);
    if (!hits) {
      hits = this.scopedIndex.query(compileSelector(selector));
      this.scopedQueries.set(selector, hits);
    }
    return hits.slice();
  }

  /** Every element matching `selector` in the whole document, in document order. */
  queryDocument(selector: string): Element[] {
    let hits = this.docQueries.get(selector);
    if (!hits) {
      hits = this.docIndex.query(compileSelector(selector));
      this.docQueries.set(selector, hits);
    }
    return hits.slice();
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

/**
 * Elements of one list with their tag, id and class read once, indexed by id, class and tag, so
 * that a selector query touches only the elements its subject could be (attribute-substring
 * tests on id and class run over the cached strings, not the DOM).
 */
class ElementIndex {
  private readonly els: readonly Element[];
  private readonly order = new Map<Element, number>();
  private readonly byId = new Map<string, number[]>();
  private readonly byClass = new Map<string, number[]>();
  private readonly byTag = new Map<string, number[]>();
  /** Elements by attribute name, built on the first attribute-only subject. */
  private byAttrCache: Map<string, AttrEntry> | null = null;

  constructor(els: readonly Element[]) {
    this.els = els;
    els.forEach((el, i) => {
      const id = el.getAttribute('id') ?? '';
      const cls = el.getAttribute('class') ?? '';
      this.order.set(el, i);
      if (id) push(this.byId, id, i);
      if (cls) for (const token of cls.split(/\s+/)) if (token) push(this.byClass, token, i);
      push(this.byTag, el.localName, i);
    });
  }

  query(sel: CompiledSelector): Element[] {
    const hits = new Set<number>();
    for (const cx of sel.complexes) {
      const single: CompiledSelector = { source: '', complexes: [cx] };
      for (const i of this.candidates(cx[cx.length - 1]!)) {
        if (!hits.has(i) && matchesCompiled(this.els[i]!, single)) hits.add(i);
      }
    }
    return [...hits].sort((a, b) => a - b).map((i) => this.els[i]!);
  }

  private candidates(c: Compound): Iterable<number> {
    if (c.id != null) return this.byId.get(c.id) ?? [];
    if (c.classes.length) return this.byClass.get(c.classes[0]!) ?? [];
    // A value test on an attribute (`a[href*="patreon.com"]`, `[id^="comment"]`) runs over the
    // values read once per pass: far fewer candidates than every element of the tag.
    const valued = c.attrs.find((a) => a.op !== '');
    if (valued) {
      const entry = this.byAttr.get(valued.name);
      if (!entry) return [];
      const out: number[] = [];
      entry.values.forEach((v, k) => {
        if (v.includes(valued.value)) out.push(entry.indices[k]!);
      });
      return out;
    }
    if (c.tag) return this.byTag.get(c.tag) ?? [];
    // Attribute presence only: the elements that carry that attribute at all.
    if (c.attrs.length) return this.byAttr.get(c.attrs[0]!.name)?.indices ?? [];
    return this.els.keys();
  }

  /** Elements (and the values) by attribute name, read once on the first attribute subject. */
  private get byAttr(): Map<string, AttrEntry> {
    if (!this.byAttrCache) {
      const map = new Map<string, AttrEntry>();
      this.els.forEach((el, i) => {
        for (const a of el.attributes) {
          const name = a.name.toLowerCase();
          let entry = map.get(name);
          if (!entry) map.set(name, (entry = { indices: [], values: [] }));
          entry.indices.push(i);
          entry.values.push(a.value);
        }
      });
      this.byAttrCache = map;
    }
    return this.byAttrCache;
  }
}

/** The elements carrying one attribute, by position in the index, with that attribute's value. */
interface AttrEntry {
  indices: number[];
  values: string[];
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
