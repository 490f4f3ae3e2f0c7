// Per-call view of the page that rules share: where to look, cached text lengths, the site's host.
import { hostOf, visibleText } from './dom';
import {
  attrValueOk,
  compileSelector,
  matchesCompiled,
  type CompiledSelector,
  type Compound,
} from './matcher';

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

  /** Builds the element index now rather than on the first query (so it can be timed apart). */
  prepareIndex(): void {
    void this.scopedIndex;
  }

  private scopedIndexCache: ElementIndex | null = null;
  private docIndexCache: ElementIndex | null = null;

  private get scopedIndex(): ElementIndex {
    return (this.scopedIndexCache ??= new ElementIndex(this.elements, this.scopes));
  }

  private get docIndex(): ElementIndex {
    if (!this.docIndexCache) {
      this.docIndexCache =
        this.allElements === this.elements
          ? this.scopedIndex
          : new ElementIndex(this.allElements, [this.doc.documentElement!]);
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
 * that a selector query touches only the elements its subject could be. Value tests on id and
 * class (`[id^="comment"]`, `[class*="patreon"]`) run over the strings read here; other
 * attributes are read only on the elements of the subject's tag (`a[href*="ko-fi.com/"]`), or,
 * for a bare attribute subject (`[data-spotim-app]`), found by one native query per name.
 * Reading every attribute of every element instead (NamedNodeMap and Attr objects) cost more
 * than all the rules together.
 */
class ElementIndex {
  private readonly els: readonly Element[];
  private readonly byId = new Map<string, number[]>();
  private byClassCache: Map<string, number[]> | null = null;
  private readonly byClassString = new Map<string, number[]>();
  private readonly byTag = new Map<string, number[]>();
  private readonly byAttrName = new Map<string, number[]>();
  private readonly byTagValue = new Map<string, { positions: number[]; values: string[] }>();

  constructor(
    els: readonly Element[],
    private readonly scopes: readonly Element[],
  ) {
    this.els = els;
    const { byId, byClassString, byTag } = this;
    for (let i = 0; i < els.length; i++) {
      const el = els[i]!;
      const id = el.getAttribute('id') ?? '';
      const cls = el.getAttribute('class') ?? '';
      if (id) push(byId, id, i);
      if (cls) push(byClassString, cls, i);
      push(byTag, el.localName, i);
    }
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
    const onName = c.attrs.find((a) => a.op !== '' && (a.name === 'id' || a.name === 'class'));
    if (onName) {
      // Over distinct values: most elements share their class string with many others.
      const values = onName.name === 'id' ? this.byId : this.byClassString;
      const out: number[] = [];
      for (const [value, positions] of values) {
        if (attrValueOk(value, onName)) for (const i of positions) out.push(i);
      }
      return out;
    }
    if (c.tag) {
      const valued = c.attrs.find((a) => a.op !== '');
      if (!valued) return this.byTag.get(c.tag) ?? [];
      // `a[href*="ko-fi.com/"]`: one read of href per link serves every such selector.
      const { positions, values } = this.tagValues(c.tag, valued.name);
      const out: number[] = [];
      for (let k = 0; k < values.length; k++) {
        if (attrValueOk(values[k]!, valued)) out.push(positions[k]!);
      }
      return out;
    }
    if (c.attrs.length) return this.withAttribute(c.attrs[0]!.name);
    return this.els.keys();
  }

  /** Positions of the elements carrying attribute `name`, through the DOM's own query. */
  private withAttribute(name: string): number[] {
    let hits = this.byAttrName.get(name);
    if (!hits) {
      const found = new Set<number>();
      const add = (el: Element) => {
        const i = this.positionOf(el);
        if (i >= 0) found.add(i);
      };
      const selector = `[${name.replace(/[^\w-]/g, (ch) => `\\${ch}`)}]`;
      for (const scope of this.scopes) {
        if (scope.hasAttribute(name)) add(scope);
        for (const el of scope.querySelectorAll(selector)) add(el);
      }
      hits = [...found].sort((a, b) => a - b);
      this.byAttrName.set(name, hits);
    }
    return hits;
  }

  /** Positions by class token, split once per distinct class string. */
  private get byClass(): Map<string, number[]> {
    if (!this.byClassCache) {
      const map = new Map<string, number[]>();
      for (const [cls, positions] of this.byClassString) {
        for (const token of new Set(cls.split(/\s+/))) {
          if (!token) continue;
          const list = map.get(token);
          if (list) for (const i of positions) list.push(i);
          else map.set(token, positions.slice());
        }
      }
      this.byClassCache = map;
    }
    return this.byClassCache;
  }

  /** The value of attribute `name` on every element `tag` that has it, read once. */
  private tagValues(tag: string, name: string): { positions: number[]; values: string[] } {
    const key = `${tag} ${name}`;
    let entry = this.byTagValue.get(key);
    if (!entry) {
      entry = { positions: [], values: [] };
      for (const i of this.byTag.get(tag) ?? []) {
        const v = this.els[i]!.getAttribute(name);
        if (v != null) {
          entry.positions.push(i);
          entry.values.push(v);
        }
      }
      this.byTagValue.set(key, entry);
    }
    return entry;
  }

  /** Position of `el` in the list (document order), by binary search; -1 when not listed. */
  private positionOf(el: Element): number {
    let lo = 0;
    let hi = this.els.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.els[mid]!;
      if (at === el) return mid;
      // FOLLOWING (4): `el` comes after `at` in document order.
      if (at.compareDocumentPosition(el) & 4) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
