import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuoteResult } from '../../../src/core';
import { findArticleRoot } from '../../../src/core/reader/article-root';
import { createPageDeclutter } from '../../../src/content/declutter/page-declutter';
import { mountPageQuotes } from '../../../src/content/declutter/page-quotes';
import type { QuoteLayer } from '../../../src/ui/quotes/quote-layer';
import { makeFakeDetect } from './fake-detect';

// Comments inside <article>, as on many WordPress themes; the thread is longer than the story.
const PAGE = `<!doctype html><html><head><title>t</title></head><body>
<nav><p>Home · World · Politics · About this site and its many sections</p></nav>
<main>
  <article>
    <h1>Headline</h1>
    <div class="entry-content">
      <p>Abu Omar Khorasani was taken from Kabul’s prison and shot, officials said on Tuesday in the capital.</p>
      <p>“It’s a Catch-22,” said a retired counter-terrorism official, speaking on condition of anonymity.</p>
      <p>Political violence scholar Aaron Y. Zelin cautioned that “it is difficult to determine” who escaped.</p>
    </div>
    <section id="comments">
      <h3>3 comments</h3>
      <p>Reader one wrote at length about the region and its long history of conflict, and then: “we will win,” he wrote.</p>
      <p>Reader two replied with an even longer comment that ran on and on about many different things, quoting “a source” again.</p>
      <p>Reader three agreed with reader two and added a few more sentences of their own to the thread, as readers do.</p>
    </section>
  </article>
</main></body></html>`;

function loadPage(html = PAGE) {
  document.open();
  document.write(html);
  document.close();
}

/** A stand-in extractor: every “…” span is a quote by "X" (this tests masking, not extraction). */
function naiveExtract(text: string): QuoteResult {
  const quotes = [...text.matchAll(/“([^”]+)”/g)].map((m) => ({
    text: m[1]!,
    start: m.index! + 1,
    end: m.index! + 1 + m[1]!.length,
    speaker: 'X',
    mention: null,
    speakerKind: 'named' as const,
    role: null,
    cue: 'said',
    partial: false,
    confidence: 0.9,
  }));
  return {
    quotes,
    speakers: quotes.length
      ? [{ name: 'X', kind: 'named', role: null, quoteCount: quotes.length }]
      : [],
  };
}

describe('findArticleRoot', () => {
  beforeEach(() => loadPage());

  it('picks the tightest container holding the article text', () => {
    expect(findArticleRoot(document)!.tagName).toBe('ARTICLE'); // comments still count here
    document.querySelector('#comments')!.setAttribute('data-declutter-hidden', 'comments');
    expect(findArticleRoot(document)!.className).toBe('entry-content');
  });

  it('falls back to text density when there is no semantic container', () => {
    loadPage(
      `<html><body><div id="a"><p>${'Plain paragraph text. '.repeat(20)}</p><p>${'More text here. '.repeat(20)}</p></div><div id="b"><p>short</p></div></body></html>`,
    );
    expect(findArticleRoot(document)!.id).toBe('a');
  });

  it('does not change the document', () => {
    const before = document.documentElement.outerHTML;
    findArticleRoot(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('mountPageQuotes', () => {
  let layer: QuoteLayer | null = null;
  beforeEach(() => loadPage());
  afterEach(() => {
    layer?.destroy();
    layer = null;
  });

  it('marks the article’s quotes and never those inside comments', () => {
    const declutter = createPageDeclutter(document, {
      kinds: ['comments'],
      detect: makeFakeDetect(),
      observe: false,
    });
    declutter.enable();
    // Even with the comments shown again, they are still clutter for quotes.
    declutter.restore(declutter.items()[0]!.id);
    layer = mountPageQuotes(document, { declutter, extract: naiveExtract });
    const marked = [...document.querySelectorAll('mark[data-declutter-quote]')].map(
      (m) => m.textContent,
    );
    expect(marked).toEqual(['It’s a Catch-22,', 'it is difficult to determine']);
    expect(document.querySelector('#comments mark')).toBeNull();
    const host = document.querySelector('[data-declutter-root="quotes-panel"]')!;
    expect(host.shadowRoot!.querySelector('.dq-panel h3')!.textContent).toBe('Named (1)');
    declutter.destroy();
  });

  it('does not make the Declutter observer run detection on its marks', async () => {
    vi.useFakeTimers();
    try {
      const calls: { roots: number | undefined }[] = [];
      const declutter = createPageDeclutter(document, {
        kinds: ['comments'],
        detect: makeFakeDetect(calls),
      });
      declutter.enable();
      layer = mountPageQuotes(document, { declutter, extract: naiveExtract });
      expect(document.querySelectorAll('mark[data-declutter-quote]').length).toBeGreaterThan(0);
      layer.setEnabled(false);
      layer.setEnabled(true);
      await vi.advanceTimersByTimeAsync(2000);
      expect(calls).toHaveLength(1);
      declutter.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('masks comments without a controller too, and switching off leaves the page as it was', () => {
    const before = document.documentElement.outerHTML;
    layer = mountPageQuotes(document, { extract: naiveExtract, enabled: false });
    expect(document.documentElement.outerHTML).toBe(before);
    layer.setEnabled(true);
    expect(document.querySelectorAll('mark[data-declutter-quote]').length).toBeGreaterThan(0);
    expect(document.querySelector('style[data-declutter-quote-style]')).not.toBeNull();
    layer.setEnabled(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('says so when the page has no article', () => {
    loadPage('<html><body><p>hi</p></body></html>');
    layer = mountPageQuotes(document, { extract: naiveExtract });
    const host = document.querySelector('[data-declutter-root="quotes-panel"]')!;
    expect(host.shadowRoot!.textContent).toContain('No article was found on this page');
  });
});
