// A very large article body drawn in parts (src/ui/reader/article-parts.ts) must end as exactly the
// body the one-shot render makes (same nodes, same prepared links/images/tables, same long-article
// flag and duplicate-title mark, so the same text map for quotes), while really giving the thread
// back between parts; and the view keeps the Quotes switch off until the body is complete.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleData } from '../../../src/core/index';
import { buildTextMap } from '../../../src/core/text/text-map';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { drawArticleBody } from '../../../src/ui/reader/article-parts';
import { parseSanitizedDocumentInParts, writesInPieces } from '../../../src/ui/dom/safe-html';
import { piecesFor } from '../../../src/shared/html-pieces';
import { renderArticleBody } from '../../../src/ui/reader/article-render';
import { createReaderView, type ReaderView } from '../../../src/ui/reader/reader-view';
import { articleAnalysis, canonicalTextOf } from './analysis-fixture';

const PAGE = 'https://example.org/news/story';

/** Big wrappers (drawn as shells), a big table (a shell that gets wrapped), svg, links, images. */
function longHtml(): string {
  const paragraph = (i: number) =>
    `<p id="p${i}">Para ${i} &amp; <a href="#fn${i % 7}">note</a> and <a href="https://example.org/x${i}">more</a> “quoted ${i}”.</p>`;
  const rows = Array.from(
    { length: 40 },
    (_, i) =>
      `<tr><td>${i}</td><td><img src="https://example.org/i${i}.png" alt="r${i}"></td></tr>`,
  ).join('');
  const section = (s: number) =>
    `<section class="part"><h2>Part ${s}</h2>${Array.from({ length: 30 }, (_, i) => paragraph(s * 100 + i)).join('')}` +
    `<div class="table-scroll"><table><tbody><tr><td>kept ${s}</td></tr></tbody></table></div></section>`;
  return (
    `<div id="readability-page-1" class="page"><h1>Council approves the new hall</h1>` +
    Array.from({ length: 6 }, (_, s) => section(s)).join('\n') +
    `<table><tbody>${rows}</tbody></table>` +
    `<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"></circle></svg>` +
    `<ol>${Array.from({ length: 7 }, (_, i) => `<li id="fn${i}">Footnote ${i}</li>`).join('')}</ol></div>` +
    `<p>After the wrapper.</p>`
  );
}

function article(html: string): ArticleData {
  const text = canonicalTextOf(html);
  return { html, text, length: text.length, readingMinutes: 20 };
}

const meta = { lang: 'en', dir: null, title: 'Council approves the new hall' };

describe('drawing a very large article in parts', () => {
  it('ends with the same body as the one-shot render, after many short parts', async () => {
    const data = article(longHtml());
    const whole = renderArticleBody(document, data, PAGE, meta);
    const yields = vi.fn(async () => undefined);
    let clock = 0;
    const drawing = drawArticleBody(document, data, PAGE, meta, {
      partsAbove: 1000,
      small: 20,
      budgetMs: 5,
      parseChars: 2000,
      yieldTo: yields,
      now: () => (clock += 1),
    });
    expect(drawing.body.childNodes.length, 'nothing drawn in the first task').toBe(0);
    await drawing.done;
    expect(yields.mock.calls.length, 'the work was split').toBeGreaterThan(20);
    expect(drawing.body.outerHTML).toBe(whole.outerHTML);
    expect(drawing.body.hasAttribute('data-long')).toBe(true);
    expect(drawing.body.querySelector('[data-reader-duplicate-title]')?.textContent).toBe(
      'Council approves the new hall',
    );
    expect(drawing.body.querySelectorAll('.table-scroll > .table-scroll')).toHaveLength(0);
    expect(buildTextMap(drawing.body).text).toBe(data.text);
  });

  it('makes its batches smaller while the page takes long to render them, larger again after', async () => {
    const html = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i}.</p>`).join('');
    const data = article(html);
    let clock = 0;
    let slowTurns = 0;
    const drawn: number[] = [];
    let body: HTMLElement | null = null;
    const drawing = drawArticleBody(document, data, PAGE, meta, {
      partsAbove: 1000,
      small: 10_000,
      budgetMs: 12,
      turnMs: 90,
      parseChars: 1_000_000,
      // One unit of the clock per look at it: a batch is then about `budget` paragraphs.
      now: () => (clock += 1),
      yieldTo: async () => {
        drawn.push(body?.childElementCount ?? 0);
        // The page's turn: 360 ms after each of the first five batches, then quick.
        if (drawn.length > 1 && slowTurns < 5) {
          slowTurns++;
          clock += 360;
        }
      },
    });
    body = drawing.body;
    await drawing.done;
    const batches = drawn
      .slice(1)
      .map((n, i) => n - drawn[i]!)
      .filter((n) => n > 0);
    const first = batches[0]!;
    const smallest = Math.min(...batches.slice(1, 7));
    expect(smallest, 'shrunk after slow turns').toBeLessThanOrEqual(first / 4);
    expect(Math.max(...batches.slice(-5)), 'grown back after quick ones').toBeGreaterThanOrEqual(
      first - 1,
    );
    expect(buildTextMap(drawing.body).text).toBe(data.text);
  });

  it('draws a small article at once, and stops when cancelled', async () => {
    const small = article('<p>One <a href="https://example.org/a">link</a>.</p>');
    const now = drawArticleBody(document, small, PAGE, meta);
    expect(now.body.outerHTML).toBe(renderArticleBody(document, small, PAGE, meta).outerHTML);

    let release: () => void = () => undefined;
    const gate = () => new Promise<void>((resolve) => (release = resolve));
    const drawing = drawArticleBody(document, article(longHtml()), PAGE, meta, {
      partsAbove: 1000,
      parseChars: 2000,
      yieldTo: gate,
    });
    const done = vi.fn();
    void drawing.done.then(done);
    drawing.cancel();
    for (let i = 0; i < 20; i++) {
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(drawing.body.childNodes.length).toBe(0);
    expect(done).not.toHaveBeenCalled();
  });
});

describe('the view while a body is being drawn', () => {
  let view: ReaderView | null = null;
  afterEach(() => {
    view?.destroy();
    view = null;
  });

  it('keeps the Quotes switch off until the body is complete, then mounts quotes on it', async () => {
    let finish: () => void = () => undefined;
    const mountQuotes = vi.fn((_body: HTMLElement) => ({
      setEnabled() {},
      isEnabled: () => true,
      destroy() {},
    }));
    view = createReaderView({
      document,
      pageUrl: PAGE,
      settings: { ...DEFAULT_SETTINGS },
      onClose: () => undefined,
      onSettingsChange: () => undefined,
      mountQuotes,
    });
    const body = document.createElement('div');
    view.show({
      kind: 'article',
      analysis: articleAnalysis(),
      drawBody: () => ({
        body,
        done: new Promise<void>((resolve) => (finish = resolve)),
        cancel() {},
      }),
    });
    view.attach();
    const quotesSwitch = () =>
      Array.from(view?.shadow.querySelectorAll<HTMLElement>('button') ?? []).find((b) =>
        /quotes/i.test(b.textContent ?? ''),
      );
    expect(view.shadow.contains(body)).toBe(true);
    expect(quotesSwitch()?.hidden ?? true).toBe(true);
    view.setQuotesEnabled(true);
    expect(mountQuotes, 'no quotes over half a body').not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(mountQuotes).toHaveBeenCalledOnce());
    expect(mountQuotes.mock.calls[0]?.[0]).toBe(body);
    expect(quotesSwitch()?.hidden).toBe(false);
  });
});

describe('parsing in pieces', () => {
  it("is used only where the parser takes its input as a stream (jsdom's does not)", async () => {
    const html = '<p title="a &amp; b">One</p><p>Two</p>';
    expect(writesInPieces(document)).toBe(false);
    const yields = vi.fn(async () => undefined);
    const inert = await parseSanitizedDocumentInParts(document, html, yields, 5);
    expect(inert.body.innerHTML).toBe(html);
    expect(yields, 'no pieces: one parse, in a task of its own').toHaveBeenCalledOnce();
  });

  it('builds from the pieces the background cut where it cannot write (a Firefox content script)', async () => {
    const html = longHtml();
    const pieces = piecesFor(html, window, { runChars: 2000, small: 20 });
    expect(pieces).not.toBeNull();
    const yields = vi.fn(async () => undefined);
    const inert = await parseSanitizedDocumentInParts(document, html, yields, 5, pieces, 0);
    expect(inert.body.isEqualNode(new DOMParser().parseFromString(html, 'text/html').body)).toBe(
      true,
    );
    expect(yields.mock.calls.length, 'a piece per task at a zero budget').toBe(pieces!.length / 2);
    // Pieces that do not fit the HTML: the whole parse, the same tree.
    const wrong = await parseSanitizedDocumentInParts(document, html, yields, 5, [0, 3], 0);
    expect(wrong.body.innerHTML).toBe(inert.body.innerHTML);
  });

  it('draws the same body from pieces as the one-shot render', async () => {
    const data = article(longHtml());
    const pieces = piecesFor(data.html, window, { runChars: 2000, small: 20 });
    const drawing = drawArticleBody(document, data, PAGE, meta, {
      partsAbove: 1000,
      small: 20,
      pieces,
      yieldTo: async () => undefined,
    });
    await drawing.done;
    expect(drawing.body.outerHTML).toBe(renderArticleBody(document, data, PAGE, meta).outerHTML);
    expect(buildTextMap(drawing.body).text).toBe(data.text);
  });
});
