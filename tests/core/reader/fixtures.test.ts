// Readability-style fixture pages: tests/fixtures/pages/<slug>/source.html + expected.json.
// Every failure names the fixture and the snippet, node count or field that differs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzePage, parseArticleHtml } from '../../../src/core/analyze';
import type { ClutterKind, NoArticleCode, PageAnalysis } from '../../../src/core/types';
import { decodeHtml } from '../../../src/cli/decode';
import { canonicalText } from '../../../src/core/text/text-map';

const ROOT = join(import.meta.dirname, '../../fixtures/pages');

interface Expected {
  url: string;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  dir?: string | null;
  publishedTime?: string | null;
  readerable?: boolean;
  /** Set for pages that must give no article. */
  reason?: NoArticleCode;
  mustContain?: string[];
  mustNotContain?: string[];
  /** Substrings of the article text compared exactly, white space included (code blocks). */
  exactContain?: string[];
  /** The `src` of every article image, in order. */
  imageSources?: string[];
  /** True for pages with no clutter at all: nothing may be reported hidden. */
  noHidden?: boolean;
  /** Exact number of elements matching each selector in the article HTML. */
  counts?: Record<string, number>;
  /** Clutter the page must report as hidden: a finding of `kind` whose text includes this. */
  hidden?: Array<{ kind: ClutterKind; textIncludes: string }>;
  /** Article text no finding may include (the article is never hidden). */
  hiddenMustNotInclude?: string[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function load(slug: string): { expected: Expected; result: PageAnalysis; articleDom: Element } {
  const folder = join(ROOT, slug);
  const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected;
  const { text } = decodeHtml(readFileSync(join(folder, 'source.html')));
  const dom = new JSDOM(text, { url: expected.url });
  const result = analyzePage(dom.window.document, { url: expected.url });
  const articleDom = parseArticleHtml(result.article?.html ?? '', dom.window.document);
  return { expected, result, articleDom };
}

const slugs = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, entry.name, 'expected.json')))
  .map((entry) => entry.name)
  .sort();

it('has at least eight fixture pages, each with its expected.json', () => {
  const folders = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const incomplete = folders
    .filter((entry) => !existsSync(join(ROOT, entry.name, 'expected.json')))
    .map((entry) => entry.name);
  expect(incomplete, 'fixture folders without expected.json').toEqual([]);
  expect(slugs.length).toBeGreaterThanOrEqual(8);
});

describe.each(slugs)('fixture %s', (slug) => {
  const { expected, result, articleDom } = load(slug);
  const text = squash(result.article?.text ?? '');

  it('gives an article, or the expected reason', () => {
    if (expected.reason) {
      expect(result.article, `${slug}: expected no article`).toBeNull();
      expect(result.reason?.code, `${slug}: reason code`).toBe(expected.reason);
      expect(result.reason?.message.length, `${slug}: reason message`).toBeGreaterThan(20);
    } else {
      expect(result.reason, `${slug}: unexpected reason`).toBeNull();
      expect(result.article, `${slug}: article`).not.toBeNull();
    }
  });

  it("gives the text of the view's own parse of the html (quote offsets index it)", () => {
    if (!result.article) return;
    expect(canonicalText(articleDom), `${slug}: text of the parsed html`).toBe(result.article.text);
  });

  it('reports the expected metadata', () => {
    for (const field of [
      'title',
      'byline',
      'siteName',
      'lang',
      'dir',
      'publishedTime',
      'readerable',
    ] as const) {
      if (field in expected) {
        expect(result[field], `${slug}: ${field}`).toEqual(expected[field]);
      }
    }
  });

  it.each(expected.mustContain ?? [])('article text contains %j', (snippet) => {
    expect(
      text.includes(squash(snippet)),
      `${slug}: article text lacks ${JSON.stringify(snippet)}`,
    ).toBe(true);
  });

  it.each(expected.mustNotContain ?? [])('article text leaves out %j', (snippet) => {
    expect(
      text.includes(squash(snippet)),
      `${slug}: article text contains ${JSON.stringify(snippet)}`,
    ).toBe(false);
  });

  it.each(expected.exactContain ?? [])('article text contains exactly %j', (snippet) => {
    const raw = result.article?.text ?? '';
    expect(
      raw.includes(snippet),
      `${slug}: article text lacks (exactly) ${JSON.stringify(snippet)}`,
    ).toBe(true);
  });

  if (expected.imageSources) {
    it('resolves every image source', () => {
      const sources = Array.from(articleDom.querySelectorAll('img'), (img) =>
        img.getAttribute('src'),
      );
      expect(sources, `${slug}: image sources`).toEqual(expected.imageSources);
    });
  }

  if (expected.noHidden) {
    it('reports nothing hidden on a page without clutter', () => {
      const seen = result.hidden.map((f) => `${f.kind}/${f.rule}: ${f.text.slice(0, 80)}`);
      expect(seen, `${slug}: false positives`).toEqual([]);
    });
  }

  it.each(Object.entries(expected.counts ?? {}))('article has %s × %i', (selector, count) => {
    const found = articleDom.querySelectorAll(selector).length;
    expect(found, `${slug}: number of <${selector}> in the article`).toBe(count);
  });

  it.each(expected.hidden ?? [])(
    'hides $kind containing $textIncludes',
    ({ kind, textIncludes }) => {
      const match = result.hidden.find(
        (finding) => finding.kind === kind && squash(finding.text).includes(squash(textIncludes)),
      );
      const seen = result.hidden.map((f) => `${f.kind}/${f.rule}: ${f.text.slice(0, 60)}`);
      expect(
        match,
        `${slug}: no ${kind} finding containing ${JSON.stringify(textIncludes)}; found ${JSON.stringify(seen)}`,
      ).toBeDefined();
    },
  );

  it.each(expected.hiddenMustNotInclude ?? [])('never hides article text %j', (snippet) => {
    const culprit = result.hidden.find((finding) => squash(finding.text).includes(squash(snippet)));
    expect(
      culprit?.selector,
      `${slug}: ${culprit?.rule} hides ${JSON.stringify(snippet)}`,
    ).toBeUndefined();
  });

  it('never lets unsafe markup through', () => {
    const html = result.article?.html ?? '';
    expect(html, `${slug}: unsafe markup`).not.toMatch(
      /<(?:script|style|form|input|button|iframe|object|embed)\b|\son\w+=|javascript:/i,
    );
  });
});
