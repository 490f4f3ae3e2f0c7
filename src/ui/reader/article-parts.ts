// A very large article body drawn in parts ("Try anyway" on a very large page): importing a 10 MB
// article's nodes and preparing them in one go holds the tab for over a second. Here the sanitised
// HTML is parsed into an inert document a slice per task (src/ui/dom/safe-html.ts; in Firefox a
// piece per task, cut where the article was analysed: src/shared/html-pieces.ts), then its
// nodes are moved into the view's body a batch per task, within a time budget (smaller while the
// page takes long to render the batches): an element with many descendants is brought over as an
// empty shell first and filled child by child, the rest whole. Each batch goes through the same
// preparation as renderArticleBody (media, links) in a holding element before it is placed, so
// the finished body is the one renderArticleBody makes (tests/ui/article-parts.test.ts), and
// `done` says when it is: the text map the quote layer needs is only right from then on.
import type { ArticleData, PageAnalysis } from '../../core/index';
import { releaseMedia } from '../../core/index';
import { h } from '../dom/element';
import { hasMoreThan } from '../../shared/element-count';
import { parseSanitizedDocumentInParts } from '../dom/safe-html';
import { LARGE_ARTICLE_CHARS, type HtmlPieces } from '../../shared/html-pieces';
import {
  LAZY_BLOCKS,
  LONG_ARTICLE_BLOCKS,
  handleInPageLinks,
  markDuplicateTitle,
  prepareLinkTargets,
  prepareMedia,
  renderArticleBody,
} from './article-render';

/** The smallest batch of work per task: below it, the tasks' own overhead would dominate. */
const MIN_BUDGET_MS = 2;

export interface ArticlePartsOptions {
  /** HTML characters above which the body is drawn in parts (default LARGE_ARTICLE_CHARS). */
  partsAbove?: number;
  /** Characters parsed per task (default 100 000). */
  parseChars?: number;
  /** Where the HTML may be cut for parsing, when a script may not write in pieces (Firefox). */
  pieces?: HtmlPieces | null;
  /**
   * Milliseconds of work per task at most (default 12: each task's nodes are then styled and
   * laid out). Less when the page's turn after a task takes over `turnMs` (see below).
   */
  budgetMs?: number;
  /** How long the page's turn between two tasks may take before batches shrink (default 90). */
  turnMs?: number;
  /** Elements above which an element is brought over as a shell and filled (default 500). */
  small?: number;
  /** Gives the thread back (default: a new task). */
  yieldTo?: () => Promise<void>;
  now?: () => number;
}

export interface ArticleBodyDrawing {
  /** The body, placed in the view at once and filled in over the next tasks. */
  body: HTMLElement;
  /** Resolves once the body is complete (rejects if drawing failed). */
  done: Promise<void>;
  /** Stops drawing (the view moved on); `done` then never resolves. */
  cancel(): void;
}

/** The body of `article`, in parts when its HTML is large (else at once, as renderArticleBody). */
export function drawArticleBody(
  doc: Document,
  article: ArticleData,
  pageUrl: string,
  meta: Pick<PageAnalysis, 'lang' | 'dir' | 'title'>,
  options: ArticlePartsOptions = {},
): ArticleBodyDrawing {
  if (article.html.length <= (options.partsAbove ?? LARGE_ARTICLE_CHARS)) {
    return {
      body: renderArticleBody(doc, article, pageUrl, meta),
      done: Promise.resolve(),
      cancel() {},
    };
  }
  const win = doc.defaultView;
  const maxBudget = options.budgetMs ?? 12;
  const turnTarget = options.turnMs ?? 90;
  let budget = maxBudget;
  const small = options.small ?? 500;
  const now = options.now ?? (() => (win ?? globalThis).performance.now());
  const yieldTo =
    options.yieldTo ??
    (() => new Promise<void>((resolve) => (win ?? globalThis).setTimeout(resolve, 0)));
  const body = h(doc, 'div', { class: 'content', attrs: { lang: meta.lang, dir: meta.dir } });
  handleInPageLinks(body);
  let cancelled = false;
  let blocks = 0;

  /** Prepares imported nodes as renderArticleBody would, then appends them to `to`. */
  function place(nodes: Node[], to: Element): void {
    if (!nodes.length) return;
    // The holding element takes `to`'s classes: prepareMedia leaves a table alone whose parent
    // is already a .table-scroll.
    const holding = doc.createElement('div');
    holding.className = to.className;
    holding.append(...nodes);
    prepareMedia(holding);
    prepareLinkTargets(holding, pageUrl);
    blocks += holding.querySelectorAll(LAZY_BLOCKS).length;
    // Set as soon as it holds: the blocks drawn later are then laid out lazily too.
    if (blocks > LONG_ARTICLE_BLOCKS) body.setAttribute('data-long', '');
    to.append(...Array.from(holding.childNodes));
  }

  /**
   * The page's turn after a task renders what it placed, and its cost grows with the body, not
   * only with the batch: in Chromium every lazily laid-out block is checked on every frame (51 ms
   * of a 195 ms frame near the end of a 10 MB article, the rest style, layout and paint of the
   * batch). When a turn takes longer than the target, the next batches are smaller in
   * proportion; when turns are quick again, they grow back.
   */
  function nextBudget(current: number, turn: number): number {
    const next = turn > turnTarget ? (current * turnTarget) / turn : current * 1.25;
    return Math.min(maxBudget, Math.max(MIN_BUDGET_MS, next));
  }

  async function draw(): Promise<void> {
    const inert = await parseSanitizedDocumentInParts(
      doc,
      article.html,
      yieldTo,
      options.parseChars,
      options.pieces,
    );
    if (cancelled) return;
    let since = now();
    let batch: Node[] = [];

    async function move(from: Node, to: Element): Promise<void> {
      for (let child = from.firstChild, next: ChildNode | null; child; child = next) {
        next = child.nextSibling;
        if (cancelled) return;
        if (child.nodeType === 1 && hasMoreThan(child as Element, small)) {
          place(batch, to);
          batch = [];
          const shell = doc.importNode(child, false) as Element;
          place([shell], to);
          // The shell may have been wrapped (a table): fill the element itself.
          await move(child, shell);
        } else {
          // Moved, not copied: no second copy of a 10 MB article to allocate and collect.
          batch.push(doc.adoptNode(child));
        }
        if (now() - since >= budget) {
          place(batch, to);
          batch = [];
          const yielded = now();
          await yieldTo();
          since = now();
          budget = nextBudget(budget, since - yielded);
        }
      }
      place(batch, to);
      batch = [];
    }

    await move(inert.body, body);
    releaseMedia(inert.body);
    if (cancelled) return;
    markDuplicateTitle(body, meta.title);
  }

  const done = draw();
  return {
    body,
    done: done.then(() => (cancelled ? new Promise<void>(() => {}) : undefined)),
    cancel() {
      cancelled = true;
    },
  };
}
