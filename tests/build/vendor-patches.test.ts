// The build rewrites Readability's and DOMPurify's innerHTML assignments (scripts/vendor-patches.ts).
// Here the patched library code runs side by side with the unpatched package on our fixture pages
// and must give the same article, including on the paths the patches touch: Readability's retry
// with looser flags (forced with a huge charThreshold, so the page cache is restored every time)
// and its <noscript> image unwrapping (the lazy-images fixture, parsed without scripting).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { applyVendorPatches, VENDOR_PATCHES } from '../../scripts/vendor-patches';

const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const READABILITY_FILE = require.resolve('@mozilla/readability/Readability.js');
const PURIFY_FILE = join(ROOT, 'node_modules/dompurify/dist/purify.es.mjs');
const PAGES = join(ROOT, 'tests/fixtures/pages');
// Small pages on purpose (jsdom is slow on the 100 KB seed page); each one exercises a different
// kind of markup: lazy and noscript images, a news article, code blocks, hostile markup, tables.
const FIXTURES = ['lazy-images', 'long-news', 'code-blog', 'hostile', 'data-table-footnotes'];

type ReadabilityClass = typeof Readability;

/** Readability.js with the build's patches, loaded as the CommonJS module it is. */
function patchedReadability(): ReadabilityClass {
  const code = applyVendorPatches(READABILITY_FILE, readFileSync(READABILITY_FILE, 'utf8'));
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports as ReadabilityClass;
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
      const code = applyVendorPatches(PURIFY_FILE, readFileSync(PURIFY_FILE, 'utf8'));
      const patched = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
        default: typeof createDOMPurify;
      };
      const ours = patched.default(window);
      const theirs = createDOMPurify(window);
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
