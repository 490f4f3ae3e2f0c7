// The page's HTML for "Try anyway" on a very large page, serialised without freezing the tab:
// documentElement.outerHTML is one task that grows with the page (Chromium: ~110 ms for 10 MB,
// ~180 ms for 200,000 elements, more on a 20 MB thread). Here any element with more than
// `small` descendants is written as its own start tag, its children one by one, and its end
// tag; the rest go whole through outerHTML. Between pieces the thread is given back whenever
// `budgetMs` has passed. Elements are never cloned (a clone of a page's custom element would run
// its constructor). The pieces leave for the background in slices as they are written
// (pagePartSender): the tab never holds the page's HTML as one string. Joining it first, then
// slicing it, set off a garbage collection on a 20 MB page that froze the tab for 200–350 ms.
//
// Where a big element's own tags are written here, they follow the HTML serialisation algorithm:
// attribute values escape & " and no-break space; text escapes & < > and no-break space (a big
// element is never a raw-text element: those hold no elements).
import type { ClutterKind } from '../../core/index';
import {
  pagePartSender,
  type AnalyzePageAnswer,
  type HeldArticle,
  type OffTabAnalysis,
  type SendToBackground,
} from '../../shared/messages';
import { hasMoreThan } from '../../shared/element-count';

export interface SerialiseOptions {
  /** Milliseconds of work per task (default 30). */
  budgetMs?: number;
  /** Elements below which a subtree goes whole through outerHTML (default 2,000). */
  small?: number;
  /** Gives the thread back (default: a new task). */
  yieldTo?: () => Promise<void>;
  now?: () => number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');
}

function escapeText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

function startTag(el: Element): string {
  let tag = `<${el.localName}`;
  for (const attr of Array.from(el.attributes))
    tag += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
  return `${tag}>`;
}

/**
 * Writes the page's HTML to `emit` piece by piece, giving the thread back between pieces once
 * `budgetMs` has passed. When `emit` returns a promise (a slice being sent), it is awaited.
 */
export async function writePage(
  doc: Document,
  emit: (piece: string) => Promise<void> | undefined | void,
  options: SerialiseOptions = {},
): Promise<void> {
  const budget = options.budgetMs ?? 30;
  const small = options.small ?? 2000;
  const yieldTo = options.yieldTo ?? nextTask;
  const now = options.now ?? (() => performance.now());
  let since = now();
  const put = async (piece: string) => {
    const sending = emit(piece);
    if (sending) {
      await sending;
      since = now(); // the thread was given back while the slice travelled
    }
  };

  async function write(node: Node): Promise<void> {
    if (node.nodeType === 3) await put(escapeText((node as Text).data));
    else if (node.nodeType === 8) await put(`<!--${(node as Comment).data}-->`);
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (!hasMoreThan(el, small)) await put(el.outerHTML);
    else {
      await put(startTag(el));
      for (let child = el.firstChild; child; child = child.nextSibling) await write(child);
      await put(`</${el.localName}>`);
    }
    if (now() - since >= budget) {
      await yieldTo();
      since = now();
    }
  }

  // The doctype keeps the parsed copy in standards mode, as the page is.
  if (doc.doctype) await put(`<!DOCTYPE ${doc.doctype.name}>`);
  if (doc.documentElement) await write(doc.documentElement);
}

/** Pulls one held string from the background slice by slice (one message, one short task each). */
async function pullHeld(
  held: HeldArticle,
  field: 'html' | 'text',
  send: SendToBackground,
): Promise<string> {
  const length = held[field];
  const parts: string[] = [];
  for (let at = 0; at < length;) {
    const part = await send({ type: 'article-part', id: held.id, field, at });
    if (typeof part !== 'string' || part.length === 0) {
      throw new Error('the article came back incomplete');
    }
    parts.push(part);
    at += part.length;
  }
  return parts.join('');
}

/** The whole analysis: a held article's HTML and text are pulled in slices and put back. */
export async function completeAnswer(
  answer: AnalyzePageAnswer | null | undefined,
  send: SendToBackground,
): Promise<OffTabAnalysis | null | undefined> {
  if (!answer?.held) return answer;
  const { held, ...analysis } = answer;
  if (!analysis.article) return analysis;
  const html = await pullHeld(held, 'html', send);
  // Joining the slices of a 10 MB article takes 25–110 ms in Firefox: a task each, not one with
  // what follows.
  await nextTask();
  const text = await pullHeld(held, 'text', send);
  await nextTask();
  return { ...analysis, article: { ...analysis.article, html, text } };
}

/**
 * "Try anyway": serialises the page and sends it in slices to the background, which analyses it
 * off the tab; resolves with the whole analysis (a large article pulled back in slices). `draw`:
 * the article will be drawn (a large one then comes with its pieces, where the browser needs them).
 */
export async function analyzeAway(
  doc: Document,
  kinds: ClutterKind[],
  send: SendToBackground,
  draw = false,
): Promise<OffTabAnalysis | null | undefined> {
  // Each slice leaves as soon as it is written: the whole page is never one string in the tab.
  const request = { url: doc.location?.href ?? '', kinds, ...(draw ? { pieces: true } : {}) };
  const sender = pagePartSender(request, (part) => send({ type: 'analyze-page', ...part }));
  await writePage(doc, (piece) => sender.add(piece));
  return completeAnswer(await sender.finish(), send);
}
