// Shared helpers for the reader tests: documents built the way a browser builds them.
import { JSDOM } from 'jsdom';

export const PAGE_URL = 'https://news.example.org/2024/05/story.html';

/** A document with a window (DOMPurify needs one), at `url`. */
export function pageDocument(html: string, url = PAGE_URL): Document {
  return new JSDOM(html, { url }).window.document;
}

/** A plausible article page around `body` (enough prose for Readability to pick it). */
export function articlePage(body: string, head = '<title>A story</title>'): string {
  const prose = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the story runs long enough, with commas, clauses and details, that any reader-mode scorer treats it as the article body rather than a caption or a teaser.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>A story</h1>${prose}${body}${prose}</article></main>
<footer><p>© Example News</p></footer></body></html>`;
}
