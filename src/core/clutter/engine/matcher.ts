// A small compiled selector matcher for the signature subset we use (type, #id, .class,
// [attr], [attr=v], [attr^=v], [attr$=v], [attr*=v], [attr~=v], descendant combinator).
// Why not querySelectorAll: one pass over the page's elements with plain string tests costs the
// same in every DOM, while long selector lists are slow in some (jsdom's nwsapi takes seconds on
// a combined list that Chromium runs in microseconds). Unsupported syntax throws at compile time.

export interface AttrTest {
  name: string;
  op: '' | '=' | '^=' | '$=' | '*=' | '~=';
  value: string;
}

export interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: AttrTest[];
}

/** A complex selector: compounds joined by descendant combinators, the subject last. */
export type Complex = Compound[];

export interface CompiledSelector {
  source: string;
  complexes: Complex[];
}

const IDENT = /^(?:\\.|[\w-]|[^\p{ASCII}])+/u;

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

function parseCompound(src: string): Compound {
  const c: Compound = { tag: null, id: null, classes: [], attrs: [] };
  let rest = src;
  const tag = /^(?:\*|(?:\\.|[\w-])+)/.exec(rest);
  if (tag) {
    if (tag[0] !== '*') c.tag = unescape(tag[0]).toLowerCase();
    rest = rest.slice(tag[0].length);
  }
  while (rest.length) {
    const ch = rest[0];
    if (ch === '#' || ch === '.') {
      const m = IDENT.exec(rest.slice(1));
      if (!m) throw new Error(`bad selector: ${src}`);
      if (ch === '#') c.id = unescape(m[0]);
      else c.classes.push(unescape(m[0]));
      rest = rest.slice(1 + m[0].length);
    } else if (ch === '[') {
      const m = /^\[\s*([\w:-]+)\s*(?:([~^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*)?\]/.exec(
        rest,
      );
      if (!m) throw new Error(`unsupported attribute selector in: ${src}`);
      c.attrs.push({
        name: m[1]!.toLowerCase(),
        op: (m[2] ?? '') as AttrTest['op'],
        value: m[3] ?? m[4] ?? m[5] ?? '',
      });
      rest = rest.slice(m[0].length);
    } else {
      throw new Error(`unsupported selector syntax "${rest}" in: ${src}`);
    }
  }
  return c;
}

/** Splits on top-level commas (not inside quotes or brackets). */
function splitList(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    } else if (ch === '\\') i++;
  }
  out.push(src.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

function splitCompounds(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '\\') {
      cur += ch + (src[i + 1] ?? '');
      i++;
      continue;
    } else if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
      continue;
    } else if (ch === '>' || ch === '+' || ch === '~') {
      if (depth === 0) throw new Error(`only descendant combinators are supported: ${src}`);
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const cache = new Map<string, CompiledSelector>();

export function compileSelector(source: string): CompiledSelector {
  let c = cache.get(source);
  if (!c) {
    c = { source, complexes: splitList(source).map((s) => splitCompounds(s).map(parseCompound)) };
    cache.set(source, c);
  }
  return c;
}

function attrOk(el: Element, t: AttrTest): boolean {
  const v = el.getAttribute(t.name);
  return v != null && attrValueOk(v, t);
}

/** The value test of an attribute selector on a value already read. */
function attrValueOk(v: string, t: AttrTest): boolean {
  switch (t.op) {
    case '':
      return true;
    case '=':
      return v === t.value;
    case '^=':
      return t.value !== '' && v.startsWith(t.value);
    case '$=':
      return t.value !== '' && v.endsWith(t.value);
    case '*=':
      return t.value !== '' && v.includes(t.value);
    case '~=':
      return v.split(/\s+/).includes(t.value);
  }
}

function compoundOk(el: Element, c: Compound): boolean {
  if (c.tag && el.localName !== c.tag) return false;
  if (c.id != null && el.getAttribute('id') !== c.id) return false;
  if (c.classes.length) {
    const cls = el.getAttribute('class');
    if (!cls) return false;
    const tokens = cls.split(/\s+/);
    for (const k of c.classes) if (!tokens.includes(k)) return false;
  }
  for (const a of c.attrs) if (!attrOk(el, a)) return false;
  return true;
}

function complexOk(el: Element, cx: Complex): boolean {
  if (!compoundOk(el, cx[cx.length - 1]!)) return false;
  let i = cx.length - 2;
  for (let node = el.parentElement; node && i >= 0; node = node.parentElement) {
    if (compoundOk(node, cx[i]!)) i--;
  }
  return i < 0;
}

export function matchesCompiled(el: Element, sel: CompiledSelector): boolean {
  for (const cx of sel.complexes) if (complexOk(el, cx)) return true;
  return false;
}

// Single-element tests go to the DOM's own matcher: a native `matches`/`closest`/`querySelector`
// with a short selector list is fast everywhere (jsdom's nwsapi included), and much faster in a
// browser than walking descendants in script. Only the page-wide queries over every rule's
// signatures use the compiled matcher, through the element index (context.ts).

/** `el.matches(selector)`. */
export function matchesSelector(el: Element, selector: string): boolean {
  return el.matches(selector);
}

/** `el.closest(selector)`. */
export function closestMatch(el: Element, selector: string): Element | null {
  return el.closest(selector);
}

/** `el.querySelector(selector)` (descendants only). */
export function firstWithin(el: Element, selector: string): Element | null {
  return el.querySelector(selector);
}
