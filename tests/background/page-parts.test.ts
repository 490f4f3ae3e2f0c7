// A very large page's HTML travels to the background in slices (one short task each in the tab)
// and is put back together there exactly: across slice boundaries that fall inside a surrogate
// pair (Chrome's messages are UTF-8: a lone half would arrive as U+FFFD), with one unfinished
// request per tab, and nothing left behind for a closed tab.
import { describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../src/core/index';
import {
  isBackgroundMessage,
  pagePartSender,
  type AnalyzePagePart,
  type AnalyzePageRequest,
  type BackgroundMessage,
  type SendToBackground,
} from '../../src/shared/messages';
import {
  articlePart,
  collectPagePart,
  forgetTabParts,
  holdArticle,
} from '../../src/background/page-parts';
import { analyzeAway } from '../../src/content/reader/page-html';

/** A message's trip through Chrome: every string becomes UTF-8, where lone surrogates do not survive. */
function overTheWire<T>(message: T): T {
  const utf8 = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));
  return JSON.parse(JSON.stringify(message), (_key, value: unknown) =>
    typeof value === 'string' ? utf8(value) : value,
  ) as T;
}

const ANALYSIS = { title: 'whole page' } as unknown as PageAnalysis;

/** A whole page's HTML sent as one piece. */
async function sendPageInParts(
  request: AnalyzePageRequest,
  send: Parameters<typeof pagePartSender>[1],
  size?: number,
) {
  const { html, ...rest } = request;
  const sender = pagePartSender(rest, send, size);
  await sender.add(html);
  return sender.finish();
}

/** The background side for one tab: collects, and "analyses" by echoing the assembled request. */
function background(tabId: number, seen: AnalyzePagePart[], assembled: AnalyzePageRequest[]) {
  return async (raw: AnalyzePagePart) => {
    const part = overTheWire(raw);
    expect(isBackgroundMessage({ type: 'analyze-page', ...part })).toBe(true);
    seen.push(part);
    const request = collectPagePart(tabId, part);
    if (!request) return null;
    assembled.push(request);
    return ANALYSIS;
  };
}

describe('a page sent in parts', () => {
  it('arrives whole, in order, with the answer to the last slice', async () => {
    const html = '<html><body>' + 'Grüße aus Köln 😀 — “quoted” 👍🏽 '.repeat(500) + '</body></html>';
    const seen: AnalyzePagePart[] = [];
    const assembled: AnalyzePageRequest[] = [];
    const answer = await sendPageInParts(
      { html, url: 'https://example.org/a', kinds: ['comments'] },
      background(1, seen, assembled),
      // An odd size puts boundaries inside surrogate pairs.
      977,
    );
    expect(answer).toBe(ANALYSIS);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((p) => p.last)).toHaveLength(1);
    expect(new Set(seen.map((p) => p.id)).size).toBe(1);
    expect(seen.every((p) => p.html.length <= 977)).toBe(true);
    expect(assembled).toHaveLength(1);
    expect(assembled[0]?.html).toBe(html);
    expect(assembled[0]?.html).not.toContain('\ufffd');
    expect(assembled[0]?.kinds).toEqual(['comments']);
  });

  it('pieces written one by one leave in full slices as they come, the rest with the last', async () => {
    const seen: AnalyzePagePart[] = [];
    const assembled: AnalyzePageRequest[] = [];
    const sender = pagePartSender({ url: 'u', kinds: [] }, background(6, seen, assembled), 10);
    const pieces = ['<p>', 'Grüße 😀😀😀', '</p>', '<p>two</p>', '😀'.repeat(7), '<i>x</i>'];
    let written = '';
    for (const piece of pieces) {
      await sender.add(piece);
      written += piece;
      // Every full slice of what was written so far has left; less than one slice waits.
      const sent = seen.map((part) => part.html).join('');
      expect(written.startsWith(sent)).toBe(true);
      expect(written.length - sent.length).toBeLessThan(10);
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.some((part) => part.last)).toBe(false);
    expect(await sender.finish()).toBe(ANALYSIS);
    expect(seen.filter((part) => part.last)).toHaveLength(1);
    expect(seen.every((part) => part.html.length <= 10)).toBe(true);
    expect(assembled[0]?.html).toBe(written);
  });

  it('a small page is one message', async () => {
    const seen: AnalyzePagePart[] = [];
    const assembled: AnalyzePageRequest[] = [];
    await sendPageInParts(
      { html: '<p>short</p>', url: 'u', kinds: [] },
      background(2, seen, assembled),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.last).toBe(true);
    expect(assembled[0]?.html).toBe('<p>short</p>');
  });

  it('a new request from the same tab replaces an unfinished one; tabs do not mix', () => {
    const part = (id: string, html: string, last: boolean): AnalyzePagePart => ({
      id,
      html,
      last,
      url: 'u',
      kinds: [],
    });
    expect(collectPagePart(3, part('old', 'AAA', false))).toBeNull();
    expect(collectPagePart(4, part('other', 'xxx', false))).toBeNull();
    expect(collectPagePart(3, part('new', 'BBB', false))).toBeNull();
    expect(collectPagePart(3, part('new', 'CCC', true))?.html).toBe('BBBCCC');
    expect(collectPagePart(4, part('other', 'yyy', true))?.html).toBe('xxxyyy');

    expect(collectPagePart(5, part('p', 'left behind', false))).toBeNull();
    forgetTabParts(5);
    expect(collectPagePart(5, part('q', 'fresh', true))?.html).toBe('fresh');
    // Whether the tab asked for the article's pieces reaches the analysis.
    expect(collectPagePart(6, { ...part('r', 'x', true), pieces: true })?.pieces).toBe(true);
    expect(collectPagePart(6, part('s', 'x', true))?.pieces).toBeUndefined();
  });
});

describe('the answer: a large article pulled back in slices', () => {
  // Surrogate pairs and an astral character at every offset: a slice cut in a pair would break it.
  const html = `<p>${'déjà 😀 vu '.repeat(40)}</p><p>${'<b>x</b>𝒜'.repeat(30)}</p>`;
  const text = 'déjà 😀 vu '.repeat(40) + '\n\n' + 'x𝒜'.repeat(30);
  const whole = {
    title: 'Long read',
    article: { html, text, length: text.length, readingMinutes: 9 },
    hidden: [],
    // Where the view may cut the HTML to parse it (Firefox): they travel with the answer.
    pieces: [1, html.length],
  } as unknown as PageAnalysis;

  /** The tab's messages through UTF-8, answered as background/index.ts does (small sizes). */
  function wire(tabId: number, log: string[]) {
    return (async (raw: BackgroundMessage) => {
      const message = overTheWire(raw);
      expect(isBackgroundMessage(message)).toBe(true);
      log.push(message.type === 'article-part' ? `${message.field}@${message.at}` : message.type);
      if (message.type === 'analyze-page') {
        const request = collectPagePart(tabId, message);
        return overTheWire(request ? holdArticle(tabId, whole, 100) : null);
      }
      if (message.type === 'article-part') return overTheWire(articlePart(tabId, message, 97));
      throw new Error('unexpected');
    }) as SendToBackground;
  }

  it('holds a large article back and returns it whole, slice by slice, through UTF-8', async () => {
    const log: string[] = [];
    const doc = new DOMParser().parseFromString('<p>page</p>', 'text/html');
    const answer = await analyzeAway(doc, [], wire(31, log));
    expect(answer).toEqual(whole);
    const htmlSlices = log.filter((entry) => entry.startsWith('html@')).length;
    const textSlices = log.filter((entry) => entry.startsWith('text@')).length;
    expect(htmlSlices).toBeGreaterThanOrEqual(Math.ceil(html.length / 97));
    expect(textSlices).toBeGreaterThanOrEqual(Math.ceil(text.length / 97));
    expect(log[0]).toBe('analyze-page');
    // Once its text is served, the article is let go.
    expect(() => articlePart(31, { id: '31-1', field: 'html', at: 0 })).toThrow(/no longer held/);
  });

  it('leaves a small article in the answer, and a stale id gets a clear error', () => {
    const small = { ...whole, article: { ...whole.article!, html: '<p>a</p>', text: 'a' } };
    expect(holdArticle(32, small, 100)).toEqual(small);
    const held = holdArticle(32, whole, 100);
    expect(held.article?.html).toBe('');
    expect(held.held).toMatchObject({ html: html.length, text: text.length });
    expect(() => articlePart(32, { id: 'old', field: 'html', at: 0 })).toThrow(/no longer held/);
    forgetTabParts(32);
    expect(() => articlePart(32, { id: held.held!.id, field: 'html', at: 0 })).toThrow();
  });
});
