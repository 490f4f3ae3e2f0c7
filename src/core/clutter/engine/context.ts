// Per-call view of the page that rules share: where to look, cached text lengths, the site's host.
import { documentOrder, hostOf, visibleText } from './dom';
import {
  compileSelector,
  matchesCompiled,
  type AttrTest,
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

  /** Builds the element index now rather than on the first query (so it can be timed apart). */
  prepareIndex(): void {
    void this.scopedIndex;
  }

  private scopedIndexCache: ElementIndex | null = null;
  private docIndexCache: ElementIndex | null = null;

  private get scopedIndex(): ElementIndex {
    return (this.scopedIndexCache ??= new ElementIndex(this.scopes));
  }

  private get docIndex(): ElementIndex {
    if (!this.docIndexCache) {
      const root = this.doc.documentElement;
      const whole = this.scopes.length === 1 && this.scopes[0] === root;
      this.docIndexCache = whole || !root ? this.scopedIndex : new ElementIndex([root]);
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
      t = visibleText(el, this.collapsedCache);
      this.textCache.set(el, t);
    }
    return t;
  }

  private readonly collapsedCache = new Map<Element, string>();

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
 * The elements of some subtrees indexed by id, class string and tag, so that a selector query
 * touches only the elements its subject could be. Value tests on id and class
 * (`[id^="comment"]`, `[class*="patreon"]`) run over the distinct strings read here; other
 * attributes are read only on the elements of the subject's tag (`a[href*="ko-fi.com/"]`), and a
 * bare attribute subject (`[data-spotim-app]`) is found by the DOM's own query.
 *
 * The DOM does the walking: one native query lists the elements that carry an id or a class
 * (a minority of a page). The first query by tag lists every element once and sorts them by
 * name: the rules ask for about thirty tags (h2 to h6, iframe, form, a dozen platforms' custom
 * elements), and a native query per tag walked the whole page thirty times (0.3 ms of a 2 ms
 * detection on a median page). Listing every element in script and reading every attribute
 * (NamedNodeMap and Attr objects) cost more than all the rules together, so attributes other
 * than id and class are still read only where a selector needs them.
 */
class ElementIndex {
  private readonly byId = new Map<string, Element[]>();
  private readonly byClassString = new Map<string, Element[]>();
  private byClassCache: Map<string, Element[]> | null = null;
  private byTagCache: Map<string, Element[]> | null = null;
  private allCache: Element[] | null = null;
  private readonly byAttrName = new Map<string, Element[]>();

  constructor(private readonly scopes: readonly Element[]) {
    const { byId, byClassString } = this;
    for (const el of this.native('[id], [class]')) {
      const id = el.getAttribute('id');
      const cls = el.getAttribute('class');
      if (id) push(byId, id, el);
      if (cls) push(byClassString, cls, el);
    }
  }

  /** Elements of the scopes (roots included) matching a selector the DOM answers natively. */
  private native(selector: string): Element[] {
    const out: Element[] = [];
    for (const scope of this.scopes) {
      if (scope.matches(selector)) out.push(scope);
      // Indexed, not for…of: a NodeList's iterator costs about five times as much per element in
      // Chromium (1 460 elements listed by `[id], [class]`: 3.3 ms against 0.65).
      const list = scope.querySelectorAll(selector);
      for (let i = 0; i < list.length; i++) out.push(list[i]!);
    }
    return out;
  }

  query(sel: CompiledSelector): Element[] {
    const only = sel.complexes.length === 1 ? sel.complexes[0]! : null;
    const subject = only?.[only.length - 1];
    if (only && subject && this.isTagOnly(subject)) {
      // One plain tag (`form`, `div.x form`): the tag's list is already in document order.
      return this.tag(subject.tag!).filter((el) => matchesCompiled(el, sel));
    }
    const hits = new Set<Element>();
    for (const cx of sel.complexes) {
      const single: CompiledSelector = { source: '', complexes: [cx] };
      for (const el of this.candidates(cx[cx.length - 1]!)) {
        if (!hits.has(el) && matchesCompiled(el, single)) hits.add(el);
      }
    }
    return this.inDocumentOrder([...hits]);
  }

  private orderCache: Map<Element, number> | null = null;

  /**
   * Sorts `els` into document order: up to a couple of hundred by compareDocumentPosition
   * (about 1 500 comparisons, less than listing and numbering every element of a large page);
   * more (a query that hits every comment of a long thread) by positions from one walk, since
   * thousands of compareDocumentPosition calls cost seconds on a 20 000-comment page.
   */
  private inDocumentOrder(els: Element[]): Element[] {
    if (els.length <= 200) return els.sort(documentOrder);
    if (!this.orderCache) {
      this.orderCache = new Map();
      let i = 0;
      for (const el of this.all()) this.orderCache.set(el, i++);
    }
    const order = this.orderCache;
    return els.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }

  private isTagOnly(c: Compound): boolean {
    return c.tag != null && c.id == null && c.classes.length === 0 && c.attrs.length === 0;
  }

  private candidates(c: Compound): readonly Element[] {
    if (c.id != null) return this.byId.get(c.id) ?? [];
    if (c.classes.length) return this.byClass.get(c.classes[0]!) ?? [];
    const onName = c.attrs.find((a) => a.op !== '' && (a.name === 'id' || a.name === 'class'));
    if (onName) return this.withValue(onName.name, onName);
    if (c.tag) {
      const valued = c.attrs.find((a) => a.op !== '');
      // `a[href*="ko-fi.com/"]`: one read of href per link serves every such selector.
      return valued ? this.withValue(`${c.tag} ${valued.name}`, valued) : this.tag(c.tag);
    }
    if (c.attrs.length) return this.withAttribute(c.attrs[0]!.name);
    return this.all();
  }

  /** Every element of the scopes, in document order, listed once. */
  private all(): Element[] {
    return (this.allCache ??= this.native('*'));
  }

  private readonly joinedCache = new Map<string, Joined>();

  /**
   * The distinct values of an attribute (id, class, or one attribute of one tag: "a href"), each
   * between two NULs (a character the HTML parser never leaves in a value), with where each
   * starts. One native indexOf per selector then finds the values holding a substring: testing
   * every value for every such selector (`[class*="patreon"]`, `a[href*="ko-fi.com/"]`, scores of
   * them) was a third of detection's time.
   */
  private joined(key: string): Joined {
    let joined = this.joinedCache.get(key);
    if (!joined) {
      const values = key === 'id' ? this.byId : key === 'class' ? this.byClassString : null;
      const byValue = values ?? this.tagValues(key);
      const starts: number[] = [];
      const lists: Element[][] = [];
      let at = 1;
      for (const [value, els] of byValue) {
        starts.push(at);
        lists.push(els);
        at += value.length + 1;
      }
      joined = { text: `\0${[...byValue.keys()].join('\0')}\0`, starts, lists };
      this.joinedCache.set(key, joined);
    }
    return joined;
  }

  /**
   * Elements whose attribute value may pass `t`: a superset that query() checks again, since a
   * match can only be found where the substring occurs.
   */
  private withValue(key: string, t: AttrTest): Element[] {
    if (t.value === '') return [];
    const { text, starts, lists } = this.joined(key);
    const lead = t.op === '^=' || t.op === '=' ? '\0' : '';
    const needle = lead + t.value + (t.op === '$=' || t.op === '=' ? '\0' : '');
    const out: Element[] = [];
    let last = -1;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      // The value holding the match: the last one starting at or before it.
      const pos = at + lead.length;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      if (lo !== last) for (const el of lists[(last = lo)]!) out.push(el);
    }
    return out;
  }

  /** Elements by class token, split once per distinct class string. */
  private get byClass(): Map<string, Element[]> {
    if (!this.byClassCache) {
      const map = new Map<string, Element[]>();
      for (const [cls, els] of this.byClassString) {
        for (const token of new Set(cls.split(/\s+/))) {
          if (!token) continue;
          const list = map.get(token);
          if (list) for (const el of els) list.push(el);
          else map.set(token, els.slice());
        }
      }
      this.byClassCache = map;
    }
    return this.byClassCache;
  }

  /** The elements named `name` (a static list: walking jsdom's live collections is quadratic). */
  private tag(name: string): readonly Element[] {
    if (!this.byTagCache) {
      const byTag = new Map<string, Element[]>();
      for (const el of this.all()) push(byTag, el.localName, el);
      this.byTagCache = byTag;
    }
    return this.byTagCache.get(name) ?? [];
  }

  /** The elements of a tag by their value of one attribute ("a href"), read once. */
  private tagValues(key: string): Map<string, Element[]> {
    const [tag, name] = key.split(' ') as [string, string];
    const byValue = new Map<string, Element[]>();
    for (const el of this.tag(tag)) {
      const v = el.getAttribute(name);
      if (v) push(byValue, v, el);
    }
    return byValue;
  }

  /** Elements carrying attribute `name`, through the DOM's own query. */
  private withAttribute(name: string): Element[] {
    let els = this.byAttrName.get(name);
    if (!els) {
      els = this.native(`[${name.replace(/[^\w-]/g, (ch) => `\\${ch}`)}]`);
      this.byAttrName.set(name, els);
    }
    return els;
  }
}

interface Joined {
  text: string;
  starts: number[];
  lists: Element[][];
}

function push(map: Map<string, Element[]>, key: string, el: Element): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}
