// "Try anyway" on a very large page with the analysis moved off the tab (readLargePage over
// analyzeAway, which serialises and sends the page: page-html.test.ts): nothing heavy runs here,
// the answer renders
// as usual, and every failure (message too big, no offscreen document, no answer, timeout) ends
// in a message with a way out, never a blank overlay or a view stuck on "Reading the page…".
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageAnalysis } from '../../src/core/index';
import { createReaderSession, type ReaderSession } from '../../src/content/reader/reader-session';
import { readLargePage } from '../../src/content/reader/read-large-page';
import type { ClutterKind } from '../../src/core/index';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { ArticleBodyDrawer } from '../../src/ui/reader/reader-view';
import { articleAnalysis } from '../ui/reader/analysis-fixture';

let session: ReaderSession | null = null;

afterEach(() => {
  session?.close();
  session = null;
  document.body.replaceChildren();
});

const host = () => document.querySelector<HTMLElement>('[data-declutter-root="reader"]');
const shadowText = () => host()?.shadowRoot?.textContent ?? '';
const button = (label: string) =>
  Array.from(host()?.shadowRoot?.querySelectorAll('button') ?? []).find(
    (b) => b.textContent === label,
  );

async function openHuge(
  analyzeAway: (kinds: ClutterKind[]) => Promise<PageAnalysis | undefined>,
  drawBody?: ArticleBodyDrawer,
) {
  document.body.innerHTML = '<main><p id="marker">Harbour dredging to resume</p></main>';
  const analyze = vi.fn(() => articleAnalysis());
  session = createReaderSession({
    document,
    settings: async () => ({ ...DEFAULT_SETTINGS }),
    saveSettings: () => undefined,
    analyze,
    tryAnyway: (attempt) =>
      readLargePage(attempt, (kinds) =>
        analyzeAway(kinds).then((analysis) => analysis && { analysis, drawBody }),
      ),
    hugePageElements: 3,
  });
  await session.toggle();
  expect(shadowText()).toContain('A very large page');
  // Its scrollbar stays: taking it away would lay the whole huge page out again (page-state.ts).
  expect(document.documentElement.style.overflow).toBe('');
  expect(document.body.style.overflow).toBe('');
  button('Try anyway')?.click();
  return { analyze, session };
}

describe('Try anyway, analysed away from the tab', () => {
  it('hands the hidden kinds over, runs no analysis here and shows the answer', async () => {
    const away = vi.fn(async (_kinds: ClutterKind[]) => articleAnalysis());
    const { analyze } = await openHuge(away);
    await vi.waitFor(() => expect(shadowText()).toContain('Council approves the new hall'));
    expect(analyze, 'the synchronous pipeline never ran on the page').not.toHaveBeenCalled();
    expect(away).toHaveBeenCalledOnce();
    expect(away.mock.calls[0]?.[0]).toEqual(['comments', 'donation']);
  });

  it('shows "Reading the page…" while the answer is on its way', async () => {
    let answer: (a: PageAnalysis) => void = () => undefined;
    const away = vi.fn(() => new Promise<PageAnalysis>((resolve) => (answer = resolve)));
    await openHuge(away);
    expect(shadowText()).toContain('Reading the page…');
    await vi.waitFor(() => expect(away).toHaveBeenCalledOnce());
    expect(shadowText()).toContain('Reading the page…');
    answer(articleAnalysis());
    await vi.waitFor(() => expect(shadowText()).toContain('Council approves the new hall'));
  });

  it('a failure (message too big, offscreen unavailable, timeout) is a message with Close', async () => {
    await openHuge(async () => {
      throw new Error('Message length exceeded maximum allowed length.');
    });
    await vi.waitFor(() =>
      expect(shadowText()).toContain(
        'Declutter could not read this page (Message length exceeded maximum allowed length.)',
      ),
    );
    button('Close')?.click();
    expect(host()).toBeNull();
  });

  it('no answer at all (the background went away) is a message too, not a stuck view', async () => {
    await openHuge(async () => undefined);
    await vi.waitFor(() =>
      expect(shadowText()).toContain('could not read this page (no answer from the extension)'),
    );
    expect(button('Close')).toBeDefined();
  });

  it('an answer that arrives after the view was closed is dropped', async () => {
    let answer: (a: PageAnalysis) => void = () => undefined;
    const away = vi.fn(() => new Promise<PageAnalysis>((resolve) => (answer = resolve)));
    const { session } = await openHuge(away);
    await vi.waitFor(() => expect(away).toHaveBeenCalledOnce());
    session.close();
    answer(articleAnalysis());
    await new Promise((r) => setTimeout(r, 20));
    expect(host()).toBeNull();
  });

  it('draws the article body with the drawer large-page.js brings, and stops it on close', async () => {
    const cancel = vi.fn();
    const drawBody = vi.fn<ArticleBodyDrawer>((doc) => {
      const body = doc.createElement('div');
      body.textContent = 'Drawn in parts';
      return { body, done: new Promise<void>(() => undefined), cancel };
    });
    const { session } = await openHuge(async () => articleAnalysis(), drawBody);
    await vi.waitFor(() => expect(shadowText()).toContain('Drawn in parts'));
    expect(drawBody.mock.calls[0]?.[1].html).toBe(articleAnalysis().article?.html);
    session.close();
    expect(cancel).toHaveBeenCalledOnce();
  });
});
