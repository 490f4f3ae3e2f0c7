// Puts a page's HTML back together from the slices the content script sends
// (src/shared/messages.ts pagePartSender). One unfinished request per tab: a new request from
// the tab (the user closed the view and tried again) replaces it, and a closed tab's slices are
// dropped with `forgetTabParts`.
import type { PageAnalysis } from '../core/index';
import {
  HELD_ARTICLE_CHARS,
  PAGE_PART_CHARS,
  sliceEnd,
  type AnalyzePageAnswer,
  type AnalyzePagePart,
  type AnalyzePageRequest,
  type ArticlePartRequest,
} from '../shared/messages';

interface Pending {
  id: string;
  parts: string[];
}

const pending = new Map<number, Pending>();

/** Adds a slice; returns the whole request once its last slice has come, else null. */
export function collectPagePart(tabId: number, part: AnalyzePagePart): AnalyzePageRequest | null {
  let entry = pending.get(tabId);
  if (!entry || entry.id !== part.id) {
    entry = { id: part.id, parts: [] };
    pending.set(tabId, entry);
  }
  entry.parts.push(part.html);
  if (!part.last) return null;
  pending.delete(tabId);
  return { html: entry.parts.join(''), url: part.url, kinds: part.kinds, pieces: part.pieces };
}

/** A large article's HTML and text, kept for the tab until it has pulled them. */
interface Held {
  id: string;
  html: string;
  text: string;
}

const held = new Map<number, Held>();
let heldCount = 0;

/**
 * The answer for the tab: a large article's HTML and text are kept here (replacing any the tab had
 * not pulled) and left empty in the answer, which says how long they are ('article-part' pulls them).
 */
export function holdArticle(
  tabId: number,
  analysis: PageAnalysis,
  limit = HELD_ARTICLE_CHARS,
): AnalyzePageAnswer {
  const article = analysis.article;
  held.delete(tabId);
  if (!article || article.html.length + article.text.length <= limit) return analysis;
  const id = `${tabId}-${++heldCount}`;
  held.set(tabId, { id, html: article.html, text: article.text });
  return {
    ...analysis,
    article: { ...article, html: '', text: '' },
    held: { id, html: article.html.length, text: article.text.length },
  };
}

/**
 * A slice of a held article's HTML or text. The article is let go once the slice that ends its
 * text is served (the tab pulls the HTML first, then the text).
 */
export function articlePart(
  tabId: number,
  request: ArticlePartRequest,
  size = PAGE_PART_CHARS,
): string {
  const entry = held.get(tabId);
  if (!entry || entry.id !== request.id) throw new Error('the article is no longer held');
  const whole = entry[request.field];
  const end = sliceEnd(whole, request.at, size);
  if (request.field === 'text' && end >= whole.length) held.delete(tabId);
  return whole.slice(request.at, end);
}

export function forgetTabParts(tabId: number): void {
  pending.delete(tabId);
  held.delete(tabId);
}
