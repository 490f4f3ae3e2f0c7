// A very large page's HTML travels to the background in slices (one short task each in the tab)
// and is put back together there exactly: across slice boundaries that fall inside a surrogate
// pair (Chrome's messages are UTF-8: a lone half would arrive as U+FFFD), with one unfinished
// request per tab, and nothing left behind for a closed tab.
import { describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../src/core/index';
import {
  isBackgroundMessage,
  sendPageInParts,
  type AnalyzePagePart,
  type AnalyzePageRequest,
} from '../../src/shared/messages';
import { collectPagePart, forgetTabParts } from '../../src/background/page-parts';

/** A message's trip through Chrome: every string becomes UTF-8, where lone surrogates do not survive. */
function overTheWire<T>(message: T): T {
  const utf8 = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));
  return JSON.parse(JSON.stringify(message), (_key, value: unknown) =>
    typeof value === 'string' ? utf8(value) : value,
  ) as T;
}

const ANALYSIS = { title: 'whole page' } as unknown as PageAnalysis;

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
  });
});
