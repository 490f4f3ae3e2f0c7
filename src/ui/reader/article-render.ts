// The article part of the view: header (site, title, byline, reading time) and the sanitised body.
// The body is parsed into one <div> whose canonical text equals `article.text`, which the quote
// layer relies on to turn offsets into ranges; the adjustments below add no text and no blocks
// that change it (a table is already a block, so wrapping it in a div adds no break).
import type { ArticleData, PageAnalysis } from '../../core/index';
import { h } from '../dom/element';
import { parseSanitizedHtml } from '../dom/safe-html';

export function readingTimeLabel(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  return `${m} min read`;
}

function sameDocument(href: string, pageUrl: string): boolean {
  try {
    const target = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    return target.hash.length > 1 && target.href.split('#')[0] === page.href.split('#')[0];
  } catch {
    return false;
  }
}

function fragmentId(href: string): string {
  const raw = href.slice(href.indexOf('#') + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed %-escape: use the id as written
  }
}

/** Links open in a new tab; links to a spot in this article (footnotes) scroll the view there. */
export function prepareLinkTargets(root: ParentNode, pageUrl: string): void {
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    if (sameDocument(href, pageUrl) || href.startsWith('#')) {
      link.dataset.inPage = fragmentId(href);
      continue;
    }
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
}

/** In-page links (marked by prepareLinkTargets) scroll the view to their target. */
export function handleInPageLinks(body: HTMLElement): void {
  body.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-in-page]');
    if (!link) return;
    const id = (link as HTMLElement).dataset.inPage ?? '';
    const target = Array.from(body.querySelectorAll('[id], a[name]')).find(
      (el) => el.id === id || el.getAttribute('name') === id,
    );
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
  });
}

export function prepareMedia(body: HTMLElement): void {
  for (const img of Array.from(body.querySelectorAll('img'))) {
    img.decoding = 'async';
    img.loading = 'lazy';
    // A dead image would keep a large empty box (its width/height attributes) in the text.
    img.addEventListener('error', () => img.setAttribute('data-reader-broken', ''), { once: true });
  }
  for (const table of Array.from(body.querySelectorAll('table'))) {
    if (table.parentElement?.classList.contains('table-scroll')) continue;
    const wrap = body.ownerDocument.createElement('div');
    wrap.className = 'table-scroll';
    table.replaceWith(wrap);
    wrap.append(table);
  }
}

/** Above this many blocks, off-screen blocks are laid out lazily (see reader-styles). */
export const LONG_ARTICLE_BLOCKS = 150;
export const LAZY_BLOCKS = 'p, li, figure, pre, blockquote, table, h2, h3, h4, dl';

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Many articles repeat their title as the first heading of the body, right under the view's own
 * title. It is hidden with CSS (not removed), so the body's text, which quote offsets index,
 * stays exactly article.text.
 */
export function markDuplicateTitle(body: HTMLElement, title: string | null): void {
  if (!title) return;
  const first = body.querySelector('h1, h2, h3');
  if (!first) return;
  // Only when nothing but empty wrappers comes before it.
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (first.contains(node)) break;
    if (node.textContent?.trim()) return;
  }
  if (squash(first.textContent) === squash(title))
    first.setAttribute('data-reader-duplicate-title', '');
}

/** The article body as one element; `buildTextMap(result).text === article.text`. */
export function renderArticleBody(
  doc: Document,
  article: ArticleData,
  pageUrl: string,
  meta: Pick<PageAnalysis, 'lang' | 'dir' | 'title'>,
): HTMLElement {
  const body = h(doc, 'div', { class: 'content', attrs: { lang: meta.lang, dir: meta.dir } });
  body.append(parseSanitizedHtml(doc, article.html));
  prepareMedia(body);
  prepareLinkTargets(body, pageUrl);
  handleInPageLinks(body);
  markDuplicateTitle(body, meta.title);
  if (body.querySelectorAll(LAZY_BLOCKS).length > LONG_ARTICLE_BLOCKS) {
    body.setAttribute('data-long', '');
  }
  return body;
}

export function renderArticleHead(doc: Document, analysis: PageAnalysis): HTMLElement {
  const title = analysis.title?.trim() || 'Untitled article';
  const meta: HTMLElement[] = [];
  if (analysis.byline?.trim())
    meta.push(h(doc, 'span', { class: 'byline', text: analysis.byline.trim() }));
  if (analysis.article) {
    meta.push(
      h(doc, 'span', {
        class: 'reading-time',
        text: readingTimeLabel(analysis.article.readingMinutes),
      }),
    );
  }
  return h(doc, 'header', { class: 'head' }, [
    analysis.siteName?.trim()
      ? h(doc, 'p', { class: 'site', text: analysis.siteName.trim() })
      : null,
    h(doc, 'h1', { class: 'title', text: title, attrs: { id: 'reader-title' } }),
    meta.length ? h(doc, 'p', { class: 'meta' }, meta) : null,
  ]);
}
