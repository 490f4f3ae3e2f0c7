// Opening and closing the view on a page: what the user had (scroll position, focus, typed form
// values, the page's own inline styles) comes back exactly, and every failure shows a message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalyzeOptions, PageAnalysis } from '../../../src/core/index';
import {
  createReaderSession,
  type ReaderSession,
} from '../../../src/content/reader/reader-session';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import type { LargePageAttempt } from '../../../src/content/reader/read-large-page';
import { articleAnalysis, noArticleAnalysis } from './analysis-fixture';
import type { KnownFindings } from '../../../src/ui/declutter/page-declutter-types';
import { extractQuotes } from '../../../src/core/index';
import { mountPageQuotes } from '../../../src/content/declutter/page-quotes';
import { mountQuoteLayer } from '../../../src/ui/quotes/quote-layer';
import type { QuotesFeature } from '../../../src/content/features/types';

let session: ReaderSession | null = null;
let scroll = { x: 0, y: 0 };

beforeEach(() => {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.replaceChildren();
  const form = document.createElement('form');
  const input = document.createElement('input');
  input.id = 'q';
  const area = document.createElement('textarea');
  area.id = 'note';
  form.append(input, area);
  document.body.append(form);
  scroll = { x: 0, y: 1234 };
  Object.defineProperty(window, 'scrollX', { configurable: true, get: () => scroll.x });
  Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scroll.y });
  window.scrollTo = vi.fn((options?: ScrollToOptions | number, y?: number) => {
    if (typeof options === 'object') scroll = { x: options.left ?? 0, y: options.top ?? 0 };
    else scroll = { x: options ?? 0, y: y ?? 0 };
  }) as typeof window.scrollTo;
});

afterEach(() => {
  session?.close();
  session = null;
});

function start(analyze: (doc: Document, o: AnalyzeOptions) => PageAnalysis, extra = {}) {
  const saved: Settings[] = [];
  session = createReaderSession({
    document,
    settings: async () => ({ ...DEFAULT_SETTINGS }),
    saveSettings: (s) => saved.push(s),
    analyze,
    ...extra,
  });
  return { session, saved };
}

const host = () => document.querySelector<HTMLElement>('[data-declutter-root="reader"]');
const shadowText = () => host()?.shadowRoot?.textContent ?? '';

/** On-page Declutter as the reading view sees it, switched off, with `over` in place. */
function fakeDeclutter<T extends object>(over: T = {} as T) {
  return {
    load: vi.fn(),
    peek: () => null,
    isEnabled: () => false,
    isWorking: () => false,
    enable: vi.fn(async () => true),
    disable: vi.fn(),
    setToolbarAllowed: vi.fn(),
    mountHiddenPanel: vi.fn(),
    onChange: () => () => {},
    setKnownFindings: vi.fn(),
    ...over,
  };
}

describe('reader session', () => {
  it('toggles: the first call opens, the second closes', async () => {
    const analyze = vi.fn((_doc: Document, _options: AnalyzeOptions) => articleAnalysis());
    const { session } = start(analyze);
    await expect(session.toggle()).resolves.toBe(true);
    expect(host()).not.toBeNull();
    expect(analyze).toHaveBeenCalledOnce();
    const options = analyze.mock.calls[0]?.[1] as AnalyzeOptions;
    expect(options.hideKinds).toEqual(['comments', 'donation']);
    // Quotes are not part of opening: they come with the Quotes script on first use.
    expect(options.quotes).toBeUndefined();
    expect(typeof options.now).toBe('function');
    expect(options.maxElements).toBeGreaterThan(0);
    await expect(session.toggle()).resolves.toBe(false);
    expect(host()).toBeNull();
  });

  it('restores scroll, focus and typed values exactly, and leaves no style attribute behind', async () => {
    const input = document.getElementById('q') as HTMLInputElement;
    const note = document.getElementById('note') as HTMLTextAreaElement;
    input.value = 'half-typed query';
    note.value = 'line one\nline two';
    input.focus();
    input.setSelectionRange(4, 9);
    const { session } = start(() => articleAnalysis());
    await session.toggle();
    expect(document.documentElement.style.overflow).toBe('hidden');
    expect(document.activeElement).toBe(host());
    scroll = { x: 0, y: 0 }; // something scrolled the page while the view was open
    // Esc from inside the view
    const scroller = host()?.shadowRoot?.querySelector('.scroller') as HTMLElement;
    scroller.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(session.isOpen()).toBe(false);
    expect(host()).toBeNull();
    expect(scroll).toEqual({ x: 0, y: 1234 });
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('half-typed query');
    expect([input.selectionStart, input.selectionEnd]).toEqual([4, 9]);
    expect(note.value).toBe('line one\nline two');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    expect(document.body.hasAttribute('style')).toBe(false);
  });

  it('gives back the page’s own inline overflow values and priorities', async () => {
    document.documentElement.setAttribute('style', 'overflow: scroll; color: red');
    document.body.setAttribute('style', 'overflow: auto !important');
    const { session } = start(() => articleAnalysis());
    await session.toggle();
    expect(document.body.style.getPropertyValue('overflow')).toBe('hidden');
    await session.toggle();
    // The exact attribute text comes back, not an equivalent re-serialisation.
    expect(document.documentElement.getAttribute('style')).toBe('overflow: scroll; color: red');
    expect(document.body.getAttribute('style')).toBe('overflow: auto !important');
  });

  it('shows the reason and a declutter action when there is no article', async () => {
    const declutter = fakeDeclutter();
    const { session } = start(() => noArticleAnalysis('Nothing here looks like an article.'), {
      declutter,
    });
    await session.toggle();
    expect(shadowText()).toContain('Nothing here looks like an article.');
    const button = Array.from(host()?.shadowRoot?.querySelectorAll('button') ?? []).find(
      (b) => b.textContent === 'Declutter the page instead',
    );
    button?.click();
    expect(session.isOpen()).toBe(false);
    expect(declutter.enable).toHaveBeenCalledWith(['comments', 'donation']);
  });

  it('a press on the Declutter switch while the page is still being searched cancels it', async () => {
    let working = false;
    const declutter = fakeDeclutter({ isWorking: () => working });
    const { session } = start(() => articleAnalysis(), { declutter });
    await session.toggle();
    const button = Array.from(host()?.shadowRoot?.querySelectorAll('button') ?? []).find((b) =>
      b.textContent?.includes('Declutter page'),
    )!;
    button.click();
    expect(declutter.enable).toHaveBeenCalledTimes(1);
    working = true;
    button.click();
    expect(declutter.disable).toHaveBeenCalledTimes(1);
    expect(declutter.enable).toHaveBeenCalledTimes(1);
    session.close();
  });

  it("lends the analysis's findings to on-page Declutter while the view is open and the page unchanged", async () => {
    let source: (() => KnownFindings | null) | null = null;
    const declutter = fakeDeclutter({
      setKnownFindings: (s: typeof source) => void (source = s),
    });
    const analysis = articleAnalysis({ timings: { clutter: 1, total: 2 } });
    const { session } = start(() => analysis, { declutter });
    const lent = () => (source as (() => KnownFindings | null) | null)?.() ?? null;
    expect(lent(), 'nothing before the view opens').toBeNull();
    await session.toggle();
    expect(lent()).toEqual({ kinds: ['comments', 'donation'], findings: analysis.hidden });
    // The view's own host and the scroll lock are not page changes; the page's own edits are.
    document.body.append(document.createElement('p'));
    expect(lent()).toBeNull();
    session.close();
    await session.toggle();
    expect(lent()).not.toBeNull();
    session.close();
    expect(lent(), 'nothing kept after close').toBeNull();
  });

  it('paints without the Quotes script, loads it on the first toggle and extracts the quotes there', async () => {
    let arrive: (feature: QuotesFeature) => void = () => {};
    const loadQuotes = vi.fn(() => new Promise<QuotesFeature>((resolve) => (arrive = resolve)));
    const extract = vi.fn(extractQuotes);
    const { session } = start(() => articleAnalysis(), { loadQuotes });
    await session.toggle();
    expect(loadQuotes, 'the view opens without the Quotes feature').not.toHaveBeenCalled();
    const shadow = host()?.shadowRoot as ShadowRoot;
    const button = Array.from(shadow.querySelectorAll('button[role="switch"]')).find((b) =>
      b.textContent?.includes('Quotes'),
    ) as HTMLButtonElement;
    button.click();
    expect(loadQuotes).toHaveBeenCalledOnce();
    expect(button.getAttribute('aria-checked'), 'the switch answers at once').toBe('true');
    expect(shadow.querySelector('mark[data-declutter-quote]')).toBeNull();
    arrive({ extractQuotes: extract, mountQuoteLayer, mountPageQuotes });
    await vi.waitFor(() =>
      expect(shadow.querySelector('mark[data-declutter-quote]')).not.toBeNull(),
    );
    // The analysis had no quotes (the content script leaves them out): the feature found them.
    expect(extract).toHaveBeenCalledWith(articleAnalysis().article?.text);
    expect(shadow.querySelector('mark[data-declutter-quote]')?.textContent).toContain(
      'We will build it',
    );
    button.click();
    expect(shadow.querySelector('mark[data-declutter-quote]')).toBeNull();
  });

  it('shows a message, not a blank view, when the analysis throws', async () => {
    const { session } = start(() => {
      throw new Error('parser exploded');
    });
    await session.toggle();
    expect(shadowText()).toContain('Declutter could not read this page (parser exploded)');
  });

  it('asks before analysing a huge page, and "Try anyway" hands the reading over', async () => {
    const analyze = vi.fn((_doc: Document, _options: AnalyzeOptions) => articleAnalysis());
    const attempts: LargePageAttempt[] = [];
    const { session } = start(analyze, {
      hugePageElements: 5,
      tryAnyway: (attempt: LargePageAttempt) => attempts.push(attempt),
    });
    await session.toggle();
    expect(analyze).not.toHaveBeenCalled();
    expect(shadowText()).toMatch(/This page is very large \(\d+ elements\)/);
    const tryAnyway = Array.from(host()?.shadowRoot?.querySelectorAll('button') ?? []).find(
      (b) => b.textContent === 'Try anyway',
    );
    tryAnyway?.click();
    expect(attempts).toHaveLength(1);
    const attempt = attempts[0]!;
    expect(attempt.kinds).toEqual(['comments', 'donation']);
    expect(attempt.elements).toBeGreaterThan(5);
    expect(analyze, 'nothing heavy runs in the tab').not.toHaveBeenCalled();
    attempt.show(attempt.present(articleAnalysis()));
    expect(shadowText()).toContain('Council approves the new hall');
    // Closed since the click: the answer has nowhere to go.
    await session.toggle();
    expect(attempt.isCurrent()).toBe(false);
    attempt.show(attempt.unreadable(new Error('late')));
    expect(host()).toBeNull();
  });

  it('offers only Close on a huge page when it cannot read it off the tab', async () => {
    const { session } = start(() => articleAnalysis(), { hugePageElements: 5 });
    await session.toggle();
    const labels = Array.from(host()?.shadowRoot?.querySelectorAll('button') ?? [], (b) =>
      b.textContent?.trim(),
    );
    expect(labels).toContain('Close');
    expect(labels).not.toContain('Try anyway');
  });

  it('asks first on a text-heavy page with few elements (its size in bytes), and only then', async () => {
    const analyze = vi.fn((_doc: Document, _options: AnalyzeOptions) => articleAnalysis());
    const { session } = start(analyze, {
      pageSize: () => ({ elements: 40, bytes: 3_200_000, depth: 6 }),
    });
    await session.toggle();
    expect(analyze).not.toHaveBeenCalled();
    expect(shadowText()).toContain('This page is very large (40 elements, 3.2 MB)');
    await session.toggle();

    const small = start(analyze, { pageSize: () => ({ elements: 40, bytes: 900_000, depth: 6 }) });
    await small.session.toggle();
    expect(analyze).toHaveBeenCalledOnce();
  });

  it('asks first on a page nested deeper than any parser builds (a few elements)', async () => {
    const analyze = vi.fn((_doc: Document, _options: AnalyzeOptions) => articleAnalysis());
    const { session } = start(analyze, {
      pageSize: () => ({ elements: 1_200, bytes: 60_000, depth: 1_001 }),
    });
    await session.toggle();
    expect(analyze).not.toHaveBeenCalled();
    expect(shadowText()).toContain(
      'This page is very large (1,200 elements, nested over 1,000 levels deep)',
    );
  });

  describe('the core analysis in slices (a slow page)', () => {
    // The real pipeline on a real article, with a clock on which every stage takes 100 ms: the
    // analysis pauses between stages, and the page's own timers run in between.
    const slowClock = () => {
      let ms = 0;
      return () => (ms += 100);
    };
    const withArticle = () => {
      const prose = 'The harbour council voted on Tuesday to resume dredging, after a long delay. ';
      const article = document.createElement('article');
      article.innerHTML = `<h1>Dredging to resume</h1>${`<p>${prose.repeat(6)}</p>`.repeat(5)}`;
      document.body.append(article);
    };

    it('shows the article once the page has had its turns', async () => {
      withArticle();
      const pageTimers: string[] = [];
      session = createReaderSession({
        document,
        settings: async () => ({ ...DEFAULT_SETTINGS }),
        saveSettings: () => {},
        now: slowClock(),
      });
      const opening = session.open();
      setTimeout(() => pageTimers.push(host() ? 'view already shown' : 'page ran first'), 0);
      await opening;
      expect(pageTimers).toEqual(['page ran first']);
      expect(shadowText()).toContain('The harbour council voted on Tuesday');
    });

    it('shows nothing when the view was closed while the page had its turn', async () => {
      withArticle();
      const current = createReaderSession({
        document,
        settings: async () => ({ ...DEFAULT_SETTINGS }),
        saveSettings: () => {},
        now: slowClock(),
      });
      session = current;
      const opening = current.open();
      setTimeout(() => current.close(), 0);
      await opening;
      expect(current.isOpen()).toBe(false);
      expect(host()).toBeNull();
      expect(document.documentElement.hasAttribute('style')).toBe(false);
    });
  });

  it('persists toolbar changes through the settings callback', async () => {
    const { session, saved } = start(() => articleAnalysis());
    await session.toggle();
    host()
      ?.shadowRoot?.querySelector<HTMLButtonElement>('button[aria-label="Smaller text"]')
      ?.click();
    expect(saved.at(-1)?.fontSize).toBe(DEFAULT_SETTINGS.fontSize - 1);
  });
});
