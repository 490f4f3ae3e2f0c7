// "Try anyway" analyses a very large page's serialised HTML outside the tab. The request is
// checked on arrival (it crosses a process boundary), the HTML is parsed inert and analysed like
// the live page, the selectors of what was kept out still find the blocks on the live page, and
// the answer does not carry megabytes of comment text the views never show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { FINDING_TEXT_SENT, analyzeHtml } from '../../src/shared/analyze-html';
import {
  isAnalyzePageRequest,
  isBackgroundMessage,
  isOffscreenMessage,
} from '../../src/shared/messages';
import { locateFinding, type PageAnalysis } from '../../src/core/index';

describe('analyze-page messages', () => {
  const request = { html: '<p>x</p>', url: 'https://example.org/', kinds: ['comments'] };

  it('accepts a well-formed request and refuses malformed ones', () => {
    const part = { ...request, id: '1', last: true };
    expect(isBackgroundMessage({ type: 'analyze-page', ...part })).toBe(true);
    expect(isBackgroundMessage({ type: 'analyze-page', ...request }), 'no id, no last').toBe(false);
    expect(isBackgroundMessage({ type: 'analyze-page', ...part, last: 'yes' })).toBe(false);
    expect(isBackgroundMessage({ type: 'analyze-page', ...part, kinds: ['ads'] })).toBe(false);
    expect(isBackgroundMessage({ type: 'analyze-page', ...part, html: 42 })).toBe(false);
    expect(isBackgroundMessage({ type: 'analyze-page', ...part, pieces: true })).toBe(true);
    expect(isBackgroundMessage({ type: 'analyze-page', ...part, pieces: 'yes' })).toBe(false);
    expect(isBackgroundMessage({ type: 'analyze-page', html: '', kinds: [] })).toBe(false);
    expect(isAnalyzePageRequest({ ...request, kinds: 'comments' })).toBe(false);
    expect(isBackgroundMessage({ type: 'load-feature', feature: 'quotes' })).toBe(true);
  });

  it("the offscreen document answers only the background's addressed request, not the content script's", () => {
    expect(isOffscreenMessage({ to: 'offscreen', type: 'analyze-page', request })).toBe(true);
    expect(isOffscreenMessage({ type: 'analyze-page', ...request }), 'content → background').toBe(
      false,
    );
    expect(isOffscreenMessage({ to: 'offscreen', type: 'analyze-page', request: {} })).toBe(false);
  });
});

/** A news page with a 60-comment thread (its text far over FINDING_TEXT_SENT) and a donation ask. */
function newsPage(): string {
  const comments = Array.from(
    { length: 60 },
    (_, i) =>
      `<li id="comment-${i}" class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">reader${i}</b> says:</footer><div class="comment-content"><p>Comment number ${i} says the council should have listened to the residents far sooner.</p></div></article></li>`,
  ).join('');
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) =>
      `<p>Paragraph ${i} of the report explains how the <a href="/harbour/">harbour authority</a> will pay for dredging and why residents objected to the night shifts.</p>`,
  ).join('');
  return `<!doctype html><html><head><title>Dredging to resume</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li></ul></nav></header>
<main><article><h1>Dredging to resume</h1>${paragraphs}</article>
<section id="comments" class="comments-area"><h2 class="comments-title">60 comments</h2><ol class="comment-list">${comments}</ol></section></main>
<footer><p>Quayside Courier</p></footer></body></html>`;
}

describe('analyzeHtml', () => {
  let live: JSDOM;
  let away: JSDOM;
  let analysis: PageAnalysis;

  beforeAll(() => {
    live = new JSDOM(newsPage(), { url: 'https://example.org/news/dredging' });
    // The analysing side: a window of its own, as the offscreen document or background page has.
    away = new JSDOM('', { url: 'chrome-extension://abc/offscreen.html' });
    analysis = analyzeHtml(
      {
        html: live.window.document.documentElement.outerHTML,
        url: 'https://example.org/news/dredging',
        kinds: ['comments', 'donation'],
      },
      away.window as unknown as Window & { DOMParser: typeof DOMParser },
    );
  });
  afterAll(() => {
    live.window.close();
    away.window.close();
  });

  it('parses the serialised page inertly and finds the article, links absolute to the page', () => {
    expect(analysis.article?.text).toContain('Paragraph 11 of the report');
    expect(analysis.article?.text).not.toContain('Comment number');
    expect(analysis.article?.html).toContain('https://example.org/harbour/');
    expect(analysis.article?.html).not.toContain('chrome-extension://');
  });

  it('what was kept out is found on the live page by its selector, and sends at most FINDING_TEXT_SENT characters', () => {
    const thread = analysis.hidden.find((f) => f.kind === 'comments');
    expect(thread, 'the comment thread is found').toBeDefined();
    if (!thread) return;
    const block = locateFinding(live.window.document, thread);
    expect(block?.id, thread.selector).toBe('comments');
    expect(thread.text.length).toBe(FINDING_TEXT_SENT);
    expect(thread.text.startsWith('60 comments')).toBe(true);
  });
});
