// Where "Try anyway" analyses a very large page: Chrome's service worker has no DOM, so the request
// goes to the offscreen document, which is opened for it and closed once no request is left (it
// holds a copy of the page); a request that gets no answer ends with a message, not a view left
// waiting. Platform layer mocked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageAnalysis } from '../../src/core/index';
import type { AnalyzePageRequest } from '../../src/shared/messages';
import { LARGE_ARTICLE_CHARS } from '../../src/shared/html-pieces';

const calls = vi.hoisted(() => ({
  available: vi.fn<() => boolean>(),
  open: vi.fn<() => Promise<void>>(),
  close: vi.fn<() => Promise<void>>(),
  send: vi.fn<(request: unknown) => Promise<unknown>>(),
}));

vi.mock('../../src/platform/offscreen-document', () => ({
  offscreenAvailable: calls.available,
  openOffscreenDocument: calls.open,
  closeOffscreenDocument: calls.close,
}));
vi.mock('../../src/platform/messaging', () => ({ sendToOffscreen: calls.send }));

const { analyzePageAway, withPieces } = await import('../../src/background/analyze-page');

const REQUEST: AnalyzePageRequest = {
  html: '<html><body><p>x</p></body></html>',
  url: 'https://example.org/a',
  kinds: ['comments'],
};
const ANALYSIS = { title: 'A', article: null, hidden: [] } as unknown as PageAnalysis;

beforeEach(() => {
  vi.clearAllMocks();
  calls.available.mockReturnValue(true);
  calls.open.mockResolvedValue(undefined);
  calls.close.mockResolvedValue(undefined);
});

describe('analyzePageAway (Chrome: offscreen document)', () => {
  it('opens the document, forwards the request as it came, answers with the analysis and closes it', async () => {
    calls.send.mockResolvedValue(ANALYSIS);
    await expect(analyzePageAway(REQUEST)).resolves.toBe(ANALYSIS);
    expect(calls.open).toHaveBeenCalledOnce();
    expect(calls.send).toHaveBeenCalledWith(REQUEST);
    expect(calls.open.mock.invocationCallOrder[0]).toBeLessThan(
      calls.send.mock.invocationCallOrder[0] ?? 0,
    );
    expect(calls.close).toHaveBeenCalledOnce();
  });

  it('keeps the document open while another request is still running', async () => {
    let finishFirst: (a: PageAnalysis) => void = () => undefined;
    calls.send
      .mockImplementationOnce(() => new Promise((resolve) => (finishFirst = resolve)))
      .mockResolvedValueOnce(ANALYSIS);
    const first = analyzePageAway(REQUEST);
    await analyzePageAway(REQUEST);
    expect(calls.close, 'the first request still needs it').not.toHaveBeenCalled();
    finishFirst(ANALYSIS);
    await first;
    expect(calls.close).toHaveBeenCalledOnce();
  });

  it('rejects with a sentence when the document cannot be created, and does not leave it open', async () => {
    calls.open.mockRejectedValue(new Error('Only a single offscreen document may be created.'));
    await expect(analyzePageAway(REQUEST)).rejects.toThrow(/single offscreen document/);
    expect(calls.send).not.toHaveBeenCalled();
    expect(calls.close).toHaveBeenCalledOnce();
  });

  it('gives up after the timeout instead of leaving the view waiting', async () => {
    calls.send.mockImplementation(() => new Promise(() => undefined));
    await expect(analyzePageAway(REQUEST, 20)).rejects.toThrow(
      'the analysis gave no answer in 20 ms',
    );
    expect(calls.close).toHaveBeenCalledOnce();
  });

  it('says so where there is no offscreen API and no DOM (no silent failure)', async () => {
    calls.available.mockReturnValue(false);
    await expect(analyzePageAway(REQUEST)).rejects.toThrow(/outside its tab/);
    expect(calls.open).not.toHaveBeenCalled();
  });
});

describe('the pieces a large article travels with (Firefox, src/shared/html-pieces.ts)', () => {
  const withArticle = (html: string) =>
    ({ ...ANALYSIS, article: { html, text: 'x', length: 1, readingMinutes: 1 } }) as PageAnalysis;

  it('cuts an article the view draws in parts, and only such an article', () => {
    const paragraphs = Array.from(
      { length: 15_000 },
      (_, i) => `<p>Paragraph ${i} of a long one.</p>`,
    );
    const html = `<div class="page">${paragraphs.join('')}</div>`;
    expect(html.length).toBeGreaterThan(LARGE_ARTICLE_CHARS);
    const large = withPieces(withArticle(html), window);
    expect(large.pieces?.length).toBeGreaterThan(6);
    expect(large.pieces?.at(-1)).toBe(html.length);
    expect(withPieces(withArticle('<p>short</p>'), window).pieces).toBeUndefined();
    expect(withPieces(ANALYSIS, window)).toBe(ANALYSIS);
    // HTML that does not write back as it is (a <div> in a <p>): no pieces, parsed whole.
    const odd = `<p>${'<div>inside</div>'.repeat(40_000)}</p>`;
    expect(withPieces(withArticle(odd), window).pieces).toBeUndefined();
  });
});
