// The build rewrites Readability's and DOMPurify's innerHTML assignments (scripts/vendor-patches.ts).
// Here the patched library code runs side by side with the unpatched package on our fixture pages
// and must give the same article, including on the paths the patches touch: Readability's retry
// with looser flags (forced with a huge charThreshold, so the page cache is restored every time)
// and its <noscript> image unwrapping (the lazy-images fixture, parsed without scripting).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Readability as ReadabilityType } from '@mozilla/readability';
import type createDOMPurifyType from 'dompurify';
import { applyVendorPatches, VENDOR_PATCHES } from '../../scripts/vendor-patches';

const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const READABILITY_FILE = require.resolve('@mozilla/readability/Readability.js');
const READERABLE_FILE = require.resolve('@mozilla/readability/Readability-readerable.js');
const PURIFY_FILE = join(ROOT, 'node_modules/dompurify/dist/purify.es.mjs');
const PAGES = join(ROOT, 'tests/fixtures/pages');
// Small pages on purpose (jsdom is slow on the 100 KB seed page); each one exercises a different
// kind of markup: lazy and noscript images, a news article, code blocks, hostile markup, tables.
const FIXTURES = ['lazy-images', 'long-news', 'code-blog', 'hostile', 'data-table-footnotes'];

type ReadabilityClass = typeof ReadabilityType;
type PurifyFactory = typeof createDOMPurifyType;

/**
 * One of the package's CommonJS files (Readability.js, Readability-readerable.js) loaded as it is,
 * with the build's patches or without. (Importing the package would not do for the reference: the
 * test runner applies the same patches to it, vite.config.ts.)
 */
function loadCommonJs<T>(file: string, patched: boolean): T {
  const source = readFileSync(file, 'utf8');
  const code = patched ? applyVendorPatches(file, source) : source;
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports as T;
}
const patchedReadability = () => loadCommonJs<ReadabilityClass>(READABILITY_FILE, true);
const Readability = loadCommonJs<ReadabilityClass>(READABILITY_FILE, false);

type Readerable = (doc: Document) => boolean;
const loadReaderable = (patched: boolean) => loadCommonJs<Readerable>(READERABLE_FILE, patched);

/** DOMPurify's ES module from the package's file, with the build's patches or without. */
async function loadPurify(patched: boolean): Promise<PurifyFactory> {
  const source = readFileSync(PURIFY_FILE, 'utf8');
  const code = patched ? applyVendorPatches(PURIFY_FILE, source) : source;
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    default: PurifyFactory;
  };
  return module.default;
}

function page(slug: string): Document {
  const html = readFileSync(join(PAGES, slug, 'source.html'), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function parse(Impl: ReadabilityClass, slug: string, options = {}) {
  const result = new Impl(page(slug), { keepClasses: true, ...options }).parse();
  return result && { title: result.title, content: result.content, length: result.length };
}

describe('vendor patches', () => {
  it('leave no innerHTML assignment in the patched code', () => {
    const original = readFileSync(READABILITY_FILE, 'utf8');
    const patched = applyVendorPatches(READABILITY_FILE, original);
    expect(patched).not.toBe(original);
    expect(patched).not.toMatch(/\.innerHTML\s*=[^=]/);
    const purify = applyVendorPatches(PURIFY_FILE, readFileSync(PURIFY_FILE, 'utf8'));
    expect(purify).not.toMatch(/\.innerHTML\s*=[^=]/);
  });

  it('fail loudly when the library text they expect is gone (an upgrade changed it)', () => {
    const changed = readFileSync(READABILITY_FILE, 'utf8').replace(
      'var pageCacheHtml = page.innerHTML;',
      'var pageCacheHtml = page.getHTML();',
    );
    expect(() => applyVendorPatches(READABILITY_FILE, changed)).toThrow(
      /readability: page cache as a cloned node/,
    );
    expect(VENDOR_PATCHES.every((patch) => patch.replacements.length > 0)).toBe(true);
  });

  it.each(FIXTURES)('patched Readability reads %s exactly as the package does', (slug) => {
    const Patched = patchedReadability();
    const expected = parse(Readability, slug);
    expect(expected?.content?.length).toBeGreaterThan(200);
    expect(parse(Patched, slug)).toEqual(expected);
  });

  it('gives the package answers where the speed patches change how it looks (hidden, bylines, empty blocks)', () => {
    // Each patched test on both sides of its answer: inline styles that hide and that do not,
    // byline candidates short and too long, blocks empty, blank, with only <br>s and with text.
    const prose = (n: number) =>
      `<p>Paragraph ${n} of the harbour story, long enough, with commas, clauses and details, to be read as the article by any scorer.</p>`;
    const html = `<!doctype html><html><head><title>Harbour dredging to resume</title></head><body>
      <div class="byline">${'A byline far too long to be one. '.repeat(4)}</div>
      <main><article>
        <p class="byline"><span rel="author">Ana Ruiz</span></p>
        <div style="display: none">${prose(1)}</div>
        <div style="visibility:hidden">${prose(2)}</div>
        <div style="color: red">${prose(3)}</div>
        <div style="">${prose(4)}</div>
        <section>   </section><div> <br> <br> </div><div><span> </span></div><h2> \u00a0 </h2>
        <div><!-- a comment only --></div><header><img src="/a.jpg" alt=""></header>
        ${prose(5)}${prose(6)}<div>${prose(7)}</div><div>Text directly in a div, then ${prose(8)}</div>
      </article></main></body></html>`;
    const read = (Impl: ReadabilityClass) => {
      const result = new Impl(new DOMParser().parseFromString(html, 'text/html')).parse();
      return result && { ...result, content: result.content };
    };
    const expected = read(Readability);
    expect(expected?.byline).toBe('Ana Ruiz');
    expect(expected?.content).toContain('Paragraph 3');
    expect(expected?.content).not.toContain('Paragraph 1 ');
    expect(read(patchedReadability())).toEqual(expected);
  });

  it('measures the link density of nested candidates exactly as the package does while reusing link lengths', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="outer"><div id="middle"><p id="inner">Read <a href="/a">the council minutes</a>,
       <a href="#note-1">note 1</a> and <a href="https://example.org/b">the harbour plan</a> before
       the vote.</p><p>Unlinked text that only the outer blocks hold, long enough to count.</p></div>
       <a href="/c">A link beside the story</a></div>`,
      'text/html',
    );
    const ids = ['inner', 'middle', 'outer', 'inner', 'outer'];
    type Densities = { _getLinkDensity(el: Element): number; _linkLengths?: Map<Element, number> };
    const theirs = new Readability(doc) as unknown as Densities;
    const ours = new (patchedReadability())(doc) as unknown as Densities;
    // As in the candidate loop: the memo is on, and the same links are measured again and again.
    ours._linkLengths = new Map();
    for (const id of ids) {
      const el = doc.getElementById(id)!;
      expect(ours._getLinkDensity(el), id).toBe(theirs._getLinkDensity(el));
    }
    expect(ours._linkLengths.size, 'each link measured once').toBe(4);
  });

  it('answers isProbablyReaderable as the package does, hidden paragraphs included', () => {
    const theirs = loadReaderable(false);
    const ours = loadReaderable(true);
    const long =
      'A paragraph long enough to count towards the readerable score of the page. '.repeat(4);
    const pages = [
      `<p>${long}</p><p>${long}</p><p>${long}</p>`,
      `<p style="display:none">${long}</p><p style="color: red; display: none">${long}</p>`,
      `<p hidden>${long}</p><p aria-hidden="true">${long}</p><p>short</p>`,
      `<p style="color:red">${long}</p><p class="x">${long}</p><p style="display: none">${long}</p>`,
      `<p>short</p>`,
    ].map((body) => new DOMParser().parseFromString(body, 'text/html'));
    const answers = pages.map(theirs);
    expect(answers).toEqual([true, false, false, true, false]);
    expect(pages.map(ours)).toEqual(answers);
    for (const slug of FIXTURES) expect(ours(page(slug)), slug).toBe(theirs(page(slug)));
  });

  it.each(FIXTURES)(
    '…also when every retry restores the page cache (%s)',
    { timeout: 20_000 },
    (slug) => {
      const Patched = patchedReadability();
      const options = { charThreshold: 1_000_000 };
      const expected = parse(Readability, slug, options);
      expect(expected?.content?.length).toBeGreaterThan(200);
      expect(parse(Patched, slug, options)).toEqual(expected);
    },
  );

  it.each(FIXTURES)(
    '…and when every retry starts from a page the caller makes again (refillPage, %s)',
    { timeout: 20_000 },
    (slug) => {
      const Patched = patchedReadability();
      const options = { charThreshold: 1_000_000 };
      const expected = parse(Readability, slug, options);
      let refills = 0;
      const refillPage = () => {
        refills++;
        return page(slug).body;
      };
      expect(parse(Patched, slug, { ...options, refillPage })).toEqual(expected);
      // Every retry refilled the page: no copy was kept.
      expect(refills).toBeGreaterThan(0);
    },
  );

  it('unwraps noscript images like the package (lazy-images fixture)', () => {
    const expected = parse(Readability, 'lazy-images');
    // The path is really taken: the noscript's image replaced the placeholder.
    expect(expected?.content).toContain('/wp-content/uploads/2023/04/lisbon-tram-28.jpg');
    expect(expected?.content).toContain('data-old-src');
    expect(parse(patchedReadability(), 'lazy-images')).toEqual(expected);
  });

  it(
    'patched DOMPurify sanitises our fixtures exactly as the package does',
    { timeout: 30_000 },
    async () => {
      const ours = (await loadPurify(true))(window);
      const theirs = (await loadPurify(false))(window);
      for (const slug of FIXTURES) {
        const body = page(slug).body;
        const expected = theirs.sanitize(body.cloneNode(true) as Element);
        expect(expected.length).toBeGreaterThan(200);
        expect(ours.sanitize(body.cloneNode(true) as Element)).toBe(expected);
        expect(ours.sanitize(body.innerHTML)).toBe(theirs.sanitize(body.innerHTML));
      }
    },
  );
});
