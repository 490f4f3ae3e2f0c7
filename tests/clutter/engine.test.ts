// Engine behaviour that every rule relies on: read-only, unique clone-stable selectors, nested
// findings merged to the outermost block, `roots` and `kinds` narrowing, the selector matcher.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClutter, locateFinding } from '../../src/core/clutter';
import { compileSelector, matchesCompiled } from '../../src/core/clutter/engine/matcher';

const matchesSelector = (el: Element, sel: string) => matchesCompiled(el, compileSelector(sel));
import { cssEscape, uniqueSelector } from '../../src/core/clutter/engine/selector';
import { PageContext } from '../../src/core/clutter/engine/context';

const FIXTURES = resolve(__dirname, '../fixtures/clutter');
const load = (path: string) =>
  new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, path), 'utf8'), 'text/html');

describe('detectClutter engine', () => {
  it('never changes the document', () => {
    const doc = load('comments__wpdiscuz/positive.html');
    const before = doc.documentElement.outerHTML;
    detectClutter(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns selectors that locate exactly the block, in the document and in a clone', () => {
    const doc = load('comments__wordpress/positive.html');
    const findings = detectClutter(doc);
    expect(findings.length).toBeGreaterThan(0);
    const clone = doc.cloneNode(true) as Document;
    for (const f of findings) {
      expect(doc.querySelectorAll(f.selector)).toHaveLength(1);
      const inClone = locateFinding(clone, f);
      expect(inClone?.textContent?.replace(/\s+/g, ' ').trim()).toBe(f.text);
    }
  });

  it('keeps the outermost comment container and reports the most specific rule', () => {
    const doc = load('comments__wpdiscuz/positive.html');
    const comments = detectClutter(doc).filter((f) => f.kind === 'comments');
    // #comments (wrapping #wpdcom, #wpd-threads…) and the floating bubble outside it.
    expect(comments.map((f) => f.selector)).toEqual(['#comments', '#wpd-bubble-wrapper']);
    expect(comments[0]!.rule).toBe('comments/wpdiscuz');
    expect(comments[0]!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('looks only inside the given roots when asked (late-loading threads)', () => {
    const doc = load('comments__disqus/positive.html');
    const thread = doc.getElementById('disqus_thread')!;
    const article = doc.querySelector('.entry-content')!;
    expect(detectClutter(doc, { roots: [article] })).toEqual([]);
    const late = detectClutter(doc, { roots: [thread] });
    expect(late.map((f) => f.rule)).toEqual(['comments/disqus']);
  });

  it('runs only the requested kinds', () => {
    const doc = load('social__share-links/positive.html');
    expect(detectClutter(doc, { kinds: ['comments', 'donation'] })).toEqual([]);
    expect(detectClutter(doc, { kinds: ['social'] }).map((f) => f.kind)).toEqual(['social']);
  });

  it('returns nothing for an empty document', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(detectClutter(doc)).toEqual([]);
  });
});

describe('unique selectors', () => {
  it('escapes awkward ids and falls back to an nth-child path for duplicates', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="1a:b"><p>x</p></div><div id="dup"></div><div id="dup"><span>y</span></div>',
      'text/html',
    );
    const odd = doc.getElementById('1a:b')!;
    expect(doc.querySelector(uniqueSelector(doc, odd))).toBe(odd);
    const span = doc.querySelector('span')!;
    const sel = uniqueSelector(doc, span);
    expect(sel.startsWith('html')).toBe(true);
    expect(doc.querySelector(sel)).toBe(span);
    expect(cssEscape('-1x')).toBe('-\\31 x');
  });
});

describe('selector matcher', () => {
  const doc = new DOMParser().parseFromString(
    '<div id="a" class="x y"><a href="https://disqus.com/embed/c" data-k="v"><img src="i.png"></a></div><fb:comments></fb:comments>',
    'text/html',
  );
  const a = doc.querySelector('a')!;
  it('compiles the supported subset to match like the DOM does', () => {
    for (const sel of [
      'a[href*="disqus.com"]',
      '#a a',
      'div.x.y a[data-k="v"]',
      '[href^="https://"]',
      '[href$="/c"]',
      'a[data-k]',
    ]) {
      expect(matchesSelector(a, sel), sel).toBe(a.matches(sel));
    }
    expect(matchesSelector(a, '#b a, .z')).toBe(false);
    const fb = doc.getElementsByTagName('fb:comments')[0]!;
    expect(matchesSelector(fb, 'fb\\:comments')).toBe(true);
  });
  it('refuses syntax it does not support instead of guessing', () => {
    expect(() => compileSelector('div > a')).toThrow();
    expect(() => compileSelector('a:not(.x)')).toThrow();
  });
});

describe('element index', () => {
  // Values chosen so that a substring sits at the seam of two values, at the very start or end
  // of one, twice in one, or spans two class tokens: the index searches all of an attribute's
  // values as one string and must still answer exactly what the DOM answers.
  const doc = new DOMParser().parseFromString(
    `<div id="comments" class="comment-list wrap"><p id="c12" class="comment">x</p>
     <p id="c12-reply" class="comment comment-reply">y</p><span class="ment">z</span>
     <section id="respond" class="com ment"><a href="https://ko-fi.com/ab">k</a>
     <a href="https://example.com/?u=ko-fi.com/ab">l</a><a href="/ko-fi">m</a><a href="">e</a>
     <a class="comment">n</a></section><div class="comment-list wrap"></div></div>`,
    'text/html',
  );
  it('answers attribute value selectors exactly like the DOM, in document order', () => {
    const page = new PageContext(doc);
    for (const sel of [
      '[class*="comment"]',
      '[class*="ment"]',
      '[class*="com ment"]',
      '[class^="comment"]',
      '[class$="reply"]',
      '[class="comment"]',
      '[class="comment-list wrap"]',
      '[class~="comment"]',
      '[class*="nothing"]',
      '[id^="c"]',
      '[id$="12"]',
      '[id="c12"]',
      '[id*="espo"]',
      'a[href*="ko-fi.com/"]',
      'a[href^="/"]',
      'a[href$="/ab"]',
      'a[href="/ko-fi"]',
      'section a[href*="ko-fi"]',
      'p[class*="comment"]',
    ]) {
      expect(page.queryAll(sel), sel).toEqual(Array.from(doc.querySelectorAll(sel)));
    }
  });
});

describe('visible text', () => {
  it('is the same read bottom-up (children first, reused) as read at once', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="d">  Lead<span> in </span><b>bold</b>text<p id="p">One <a id="a"> two </a>three</p>
       <ul id="u"><li>x</li><li> y <br>z </li></ul><script>no()</script><span id="s">  end  </span></div>`,
      'text/html',
    );
    const byId = (id: string) => doc.getElementById(id)!;
    const fresh = new PageContext(doc).text(byId('d'));
    expect(fresh).toBe('Lead in boldtext One two three x y z end');
    const page = new PageContext(doc);
    for (const id of ['a', 's', 'p', 'u']) page.text(byId(id));
    expect(page.text(byId('a'))).toBe('two');
    expect(page.text(byId('d'))).toBe(fresh);
  });
});
