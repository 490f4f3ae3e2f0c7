// The reading view: a host element on the page's <html> with an open shadow root holding the whole
// UI and all of its styles. It is built completely off-document and attached once (one layout, one
// paint), is a modal dialog for assistive technology, keeps keyboard focus inside itself, and
// closes on Esc. It knows nothing about browsers' extension APIs or how the page is decluttered:
// src/content passes those in as small handles.
import type { PageAnalysis } from '../../core/index';
import type { Settings } from '../../shared/settings';
import { applyShadowStyles } from '../dom/shadow-styles';
import { h } from '../dom/element';
import { FONT_STACKS } from '../theme/fonts';
import { renderArticleBody, renderArticleHead } from './article-render';
import { wrapTab } from './focus-trap';
import { READER_CSS } from './reader-styles';
import { createToolbar } from './toolbar';

export const READER_ROOT_ATTRIBUTE = 'data-declutter-root';
export const READER_ROOT_VALUE = 'reader';

export interface NoticeAction {
  label: string;
  primary?: boolean;
  run(): void;
}

/**
 * Draws a very large article's body over several tasks (src/ui/reader/article-parts.ts, shipped in
 * large-page.js): the body at once, complete when `done` resolves.
 */
export type ArticleBodyDrawer = (
  doc: Document,
  article: NonNullable<PageAnalysis['article']>,
  pageUrl: string,
  meta: Pick<PageAnalysis, 'lang' | 'dir' | 'title'>,
) => { body: HTMLElement; done: Promise<void>; cancel(): void };

export type ReaderContent =
  | { kind: 'article'; analysis: PageAnalysis; drawBody?: ArticleBodyDrawer }
  | { kind: 'notice'; title: string; message: string; actions: NoticeAction[] };

export interface QuoteContext {
  /** Where the "Who is quoted" panel goes (a column beside the article). */
  panelParent: HTMLElement;
  /** The view's shadow root, for the marks' styles. */
  styleRoot: ShadowRoot;
  /** The layer was switched on or off from its own panel. */
  onToggle(on: boolean): void;
}

export interface QuoteLayerHandle {
  setEnabled(on: boolean): void;
  isEnabled(): boolean;
  destroy(): void;
}

/** On-page hiding, as the view sees it. */
export interface DeclutterHandle {
  isEnabled(): boolean;
  /** Switched on, and still finding what to hide (a very large page is read off the tab). */
  isWorking(): boolean;
  toggle(): void;
  onChange(listener: () => void): () => void;
}

export interface PanelHandle {
  destroy(): void;
}

export interface ReaderViewOptions {
  document: Document;
  pageUrl: string;
  settings: Settings;
  /** The user asked to close (button or Esc). The owner restores the page and calls destroy(). */
  onClose(): void;
  onSettingsChange(patch: Partial<Settings>): void;
  /** Marks quotations in the article body (src/ui/quotes). Without it the Quotes switch is hidden. */
  mountQuotes?: (
    body: HTMLElement,
    analysis: PageAnalysis,
    context: QuoteContext,
  ) => QuoteLayerHandle;
  declutter?: DeclutterHandle;
  /** Lists hidden blocks in `parent`. Without it the Hidden button is hidden. */
  mountHiddenPanel?: (
    parent: HTMLElement,
    analysis: PageAnalysis | null,
    close: () => void,
  ) => PanelHandle;
  /** How many blocks the hidden panel would list. */
  hiddenCount?: (analysis: PageAnalysis | null) => number;
}

export interface ReaderView {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The focusable scroll container. */
  scroller: HTMLElement;
  show(content: ReaderContent): void;
  /** Appends the host to <html> (once) and focuses the scroll container. */
  attach(): void;
  applySettings(settings: Settings): void;
  setQuotesEnabled(on: boolean): void;
  /** Re-reads counts and switch states from the handles. */
  refresh(): void;
  destroy(): void;
}

function renderNotice(
  doc: Document,
  content: Extract<ReaderContent, { kind: 'notice' }>,
): HTMLElement {
  return h(doc, 'section', { class: 'notice', attrs: { 'aria-labelledby': 'reader-title' } }, [
    h(doc, 'h1', { text: content.title, attrs: { id: 'reader-title' } }),
    h(doc, 'p', { class: 'message', text: content.message, attrs: { role: 'status' } }),
    h(
      doc,
      'div',
      { class: 'actions' },
      content.actions.map((action) =>
        h(doc, 'button', {
          class: action.primary ? 'primary' : '',
          text: action.label,
          attrs: { type: 'button' },
          on: { click: () => action.run() },
        }),
      ),
    ),
  ]);
}

export function createReaderView(options: ReaderViewOptions): ReaderView {
  const doc = options.document;
  let settings = options.settings;
  let analysis: PageAnalysis | null = null;
  let articleBody: HTMLElement | null = null;
  /** A body still being drawn in parts. */
  let drawing: ReturnType<ArticleBodyDrawer> | null = null;
  let quoteLayer: QuoteLayerHandle | null = null;
  let quotesOn = false;
  let panel: PanelHandle | null = null;
  let attached = false;
  const cleanups: Array<() => void> = [];

  const host = doc.createElement('div');
  host.setAttribute(READER_ROOT_ATTRIBUTE, READER_ROOT_VALUE);
  const shadow = host.attachShadow({ mode: 'open' });
  applyShadowStyles(shadow, READER_CSS);

  const toolbar = createToolbar(doc, {
    close: () => options.onClose(),
    change: (patch) => options.onSettingsChange(patch),
    toggleQuotes: () => setQuotes(!quotesOn),
    toggleDeclutter: () => options.declutter?.toggle(),
    toggleHidden: () => (panel ? closePanel() : openPanel()),
  });
  const page = h(doc, 'div', { class: 'page' });
  const scroller = h(
    doc,
    'div',
    {
      class: 'scroller',
      attrs: { tabindex: 0, 'aria-label': 'Article', role: 'document' },
    },
    [page],
  );
  // One column beside the article holds both panels ("Who is quoted" above, "Hidden" below), so
  // opening both never squeezes the text into a third of the screen.
  const sideBody = h(doc, 'section', {
    class: 'side-part hidden-part',
    attrs: { id: 'reader-side', 'aria-label': 'Hidden blocks', hidden: true, tabindex: -1 },
  });
  const quoteSide = h(doc, 'section', {
    class: 'side-part quote-part',
    attrs: { 'aria-label': 'Who is quoted', hidden: true },
  });
  const side = h(doc, 'aside', { class: 'side', attrs: { hidden: true } }, [quoteSide, sideBody]);
  const syncSide = () => {
    side.hidden = quoteSide.hidden && sideBody.hidden;
  };
  const dialog = h(
    doc,
    'div',
    {
      class: 'overlay',
      attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Reading view' },
    },
    [toolbar.element, h(doc, 'div', { class: 'body' }, [scroller, side])],
  );
  shadow.append(dialog);

  function applySettings(next: Settings) {
    settings = next;
    dialog.dataset.theme = next.theme;
    page.dataset.font = next.fontFamily;
    page.style.setProperty('--font', FONT_STACKS[next.fontFamily]);
    page.style.setProperty('--size', `${next.fontSize}px`);
    page.style.setProperty('--leading', String(next.lineHeight));
    page.style.setProperty('--measure', `${next.contentWidth}ch`);
    toolbar.sync(next);
  }

  function refresh() {
    // Quotes index the body's text: not before the body is complete.
    const hasArticle = !!analysis?.article && !drawing;
    toolbar.setQuotes({ available: hasArticle && !!options.mountQuotes, on: quotesOn });
    toolbar.setDeclutter({
      available: !!options.declutter,
      on: !!options.declutter?.isEnabled(),
      working: !!options.declutter?.isWorking(),
    });
    const count = options.hiddenCount?.(analysis) ?? analysis?.hidden.length ?? 0;
    toolbar.setHidden({ available: !!options.mountHiddenPanel, count, open: !!panel });
  }

  function setQuotes(on: boolean) {
    quotesOn = on;
    if (on && !quoteLayer && !drawing && articleBody && analysis?.article && options.mountQuotes) {
      quoteLayer = options.mountQuotes(articleBody, analysis, {
        panelParent: quoteSide,
        styleRoot: shadow,
        onToggle: (next) => {
          if (next !== quotesOn) setQuotes(next);
        },
      });
    }
    if (quoteLayer && quoteLayer.isEnabled() !== on) quoteLayer.setEnabled(on);
    quoteSide.hidden = !(on && quoteLayer);
    syncSide();
    refresh();
  }

  function openPanel() {
    if (!options.mountHiddenPanel || panel) return;
    sideBody.hidden = false;
    syncSide();
    panel = options.mountHiddenPanel(sideBody, analysis, () => closePanel());
    refresh();
    (sideBody.querySelector<HTMLElement>('button, [tabindex="0"]') ?? sideBody).focus();
  }

  function closePanel(focusBack = true) {
    if (!panel) return;
    panel.destroy();
    panel = null;
    sideBody.replaceChildren();
    sideBody.hidden = true;
    syncSide();
    refresh();
    if (focusBack) toolbar.focusHidden();
  }

  function show(content: ReaderContent) {
    quoteLayer?.destroy();
    quoteLayer = null;
    quoteSide.replaceChildren();
    quoteSide.hidden = true;
    syncSide();
    articleBody = null;
    drawing?.cancel();
    drawing = null;
    if (content.kind === 'article') {
      analysis = content.analysis;
      const title = analysis.title?.trim();
      dialog.setAttribute('aria-label', title ? `Reading view: ${title}` : 'Reading view');
      const parts: HTMLElement[] = [renderArticleHead(doc, analysis)];
      if (analysis.article) {
        if (content.drawBody) {
          const current = content.drawBody(doc, analysis.article, options.pageUrl, analysis);
          drawing = current;
          articleBody = current.body;
          current.done.then(
            () => {
              if (drawing !== current) return;
              drawing = null;
              if (quotesOn) setQuotes(true);
              else refresh();
            },
            (error: unknown) => console.error('Declutter: the article was not drawn', error),
          );
        } else {
          articleBody = renderArticleBody(doc, analysis.article, options.pageUrl, analysis);
        }
        parts.push(articleBody);
      }
      page.replaceChildren(
        h(
          doc,
          'article',
          { attrs: { 'aria-labelledby': 'reader-title', lang: analysis.lang, dir: analysis.dir } },
          parts,
        ),
      );
    } else {
      dialog.setAttribute('aria-label', `Reading view: ${content.title}`);
      page.replaceChildren(renderNotice(doc, content));
    }
    scroller.scrollTop = 0;
    if (quotesOn) setQuotes(true);
    refresh();
  }

  // Keys typed inside the view stay inside it: page shortcuts (j/k, "/") must not react.
  const onShadowKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      if (panel) closePanel();
      else options.onClose();
    } else {
      wrapTab(event, shadow, dialog);
    }
    event.stopPropagation();
  };
  shadow.addEventListener('keydown', onShadowKey as EventListener);

  // Focus that reached the page underneath (a click through, a page script): Esc still closes,
  // Tab comes back into the view.
  const onDocKey = (event: KeyboardEvent) => {
    if (event.target === host || event.composedPath().includes(host)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      options.onClose();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      scroller.focus({ preventScroll: true });
    }
  };
  const onDocFocus = (event: FocusEvent) => {
    if (event.target !== host && !event.composedPath().includes(host)) {
      scroller.focus({ preventScroll: true });
    }
  };

  function attach() {
    if (attached) return;
    attached = true;
    doc.documentElement.append(host);
    doc.addEventListener('keydown', onDocKey, true);
    doc.addEventListener('focusin', onDocFocus, true);
    cleanups.push(() => {
      doc.removeEventListener('keydown', onDocKey, true);
      doc.removeEventListener('focusin', onDocFocus, true);
    });
    if (options.declutter) cleanups.push(options.declutter.onChange(() => refresh()));
    scroller.focus({ preventScroll: true });
  }

  applySettings(settings);
  refresh();

  return {
    host,
    shadow,
    scroller,
    show,
    attach,
    applySettings,
    setQuotesEnabled: setQuotes,
    refresh,
    destroy() {
      drawing?.cancel();
      drawing = null;
      closePanel(false);
      quoteLayer?.destroy();
      quoteLayer = null;
      for (const cleanup of cleanups.splice(0)) cleanup();
      shadow.removeEventListener('keydown', onShadowKey as EventListener);
      host.remove();
    },
  };
}
