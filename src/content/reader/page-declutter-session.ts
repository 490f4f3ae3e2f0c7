// One on-page Declutter controller per page, shared by the reading view's "Declutter page" switch,
// the Alt+Shift+D shortcut and the button's context menu, so all three act on the same state.
// The small page toolbar (count, list, undo, quotes) is shown while hiding is on and the reading
// view is closed (the view covers the page, and would be covered by the toolbar otherwise).
//
// The controller, its toolbar and panel, and the page's quote marks are not needed to paint the
// reading view, so they come from feature scripts injected on first use (src/content/features):
// enabling resolves once the Declutter script is in and the page is decluttered.
import type { ClutterFinding, ClutterKind } from '../../core/index';
import type { HiddenPanel } from '../../ui/declutter/hidden-panel';
import type { DeclutterToolbar } from '../../ui/declutter/page-toolbar';
import type { KnownFindings } from '../../ui/declutter/page-declutter-types';
import type { QuoteLayer } from '../../ui/quotes/quote-layer';
import type { PageDeclutter } from '../declutter/page-declutter';
import type { DeclutterFeature, QuotesFeature } from '../features/types';

export interface PageDeclutterSession {
  /** The controller, loading the Declutter script and creating the controller on first use. */
  load(): Promise<PageDeclutter>;
  /** The controller if it exists, without creating it. */
  peek(): PageDeclutter | null;
  isEnabled(): boolean;
  /** Hides the clutter of `kinds`; resolves when done (false when a later disable() won). */
  enable(kinds: ClutterKind[]): Promise<boolean>;
  disable(): void;
  /** Shows or removes the on-page toolbar (call with false while the reading view is open). */
  setToolbarAllowed(allowed: boolean): void;
  /**
   * Lists what is hidden in `parent` (the reading view's side column), after `keptOut`: what the
   * view's analysis left out of the article.
   */
  mountHiddenPanel(
    parent: HTMLElement,
    opts: { onClose?: () => void; keptOut?: readonly ClutterFinding[] },
  ): Promise<HiddenPanel>;
  /** Called after every change of the controller, including one created later. */
  onChange(listener: () => void): () => void;
  /**
   * Where enabling finds findings already detected on the page as it is now (the open reading
   * view's analysis), or null to stop asking.
   */
  setKnownFindings(source: (() => KnownFindings | null) | null): void;
}

export interface PageDeclutterSessionOptions {
  /** Kinds to hide when the controller is created. */
  initialKinds(): ClutterKind[];
  /** The user changed the kinds in the hidden panel: persist the choice. */
  onKindsChanged?(kinds: ClutterKind[]): void;
  /** The Declutter feature (src/content/features/registry.ts loadFeature in the extension). */
  loadDeclutter(): Promise<DeclutterFeature>;
  /** The Quotes feature, for the page toolbar's Quotes switch. */
  loadQuotes(): Promise<QuotesFeature>;
}

const sameKinds = (a: ClutterKind[], b: ClutterKind[]) =>
  a.length === b.length && a.every((kind) => b.includes(kind));

const report = (what: string) => (error: unknown) =>
  console.warn(`Declutter: ${what} could not be loaded`, error);

export function createPageDeclutterSession(
  doc: Document,
  options: PageDeclutterSessionOptions,
): PageDeclutterSession {
  let feature: DeclutterFeature | null = null;
  let declutter: PageDeclutter | null = null;
  let toolbar: DeclutterToolbar | null = null;
  let quotes: QuoteLayer | null = null;
  let quotesLoading = false;
  let toolbarAllowed = true;
  let knownKinds: ClutterKind[] = [];
  let knownFindings: (() => KnownFindings | null) | null = null;
  /** Bumped by every enable/disable, so a slow load cannot undo a later disable. */
  let intent = 0;
  const listeners = new Set<() => void>();

  const toggleQuotes = () => {
    if (quotes) {
      quotes.setEnabled(!quotes.isEnabled());
      return;
    }
    if (quotesLoading) return;
    quotesLoading = true;
    options
      .loadQuotes()
      .then((quotesFeature) => {
        if (!declutter?.isEnabled() || quotes) return;
        quotes = quotesFeature.mountPageQuotes(doc, {
          declutter,
          onToggle: (on) => toolbar?.setQuotesActive(on),
        });
        toolbar?.setQuotesActive(quotes.isEnabled());
      }, report('Quotes'))
      .finally(() => {
        quotesLoading = false;
      });
  };

  const syncToolbar = () => {
    const want = toolbarAllowed && !!declutter?.isEnabled();
    if (want && !toolbar && declutter && feature) {
      toolbar = feature.mountDeclutterToolbar(doc, declutter, {
        onQuotes: toggleQuotes,
        onClose: () => {
          toolbar = null;
        },
      });
      toolbar.setQuotesActive(!!quotes?.isEnabled());
    } else if (!want && toolbar) {
      toolbar.destroy();
      toolbar = null;
    }
    if (!declutter?.isEnabled() && quotes) {
      quotes.destroy();
      quotes = null;
    }
  };

  const onChange = () => {
    const kinds = declutter?.kinds() ?? [];
    if (!sameKinds(kinds, knownKinds)) {
      knownKinds = kinds;
      options.onKindsChanged?.(kinds);
    }
    syncToolbar();
    for (const listener of listeners) listener();
  };

  const load = async (): Promise<PageDeclutter> => {
    if (declutter) return declutter;
    const loaded = (feature ??= await options.loadDeclutter());
    if (!declutter) {
      knownKinds = options.initialKinds();
      declutter = loaded.createPageDeclutter(doc, { kinds: knownKinds });
      declutter.onChange(onChange);
    }
    return declutter;
  };

  return {
    load,
    peek: () => declutter,
    isEnabled: () => !!declutter?.isEnabled(),
    async enable(kinds) {
      const mine = ++intent;
      const d = await load();
      if (mine !== intent) return false;
      // Kinds coming from settings are not a user change to write back.
      knownKinds = kinds;
      d.setKinds(kinds);
      if (!d.isEnabled()) d.enable(kinds, knownFindings?.());
      syncToolbar();
      for (const listener of listeners) listener();
      return true;
    },
    disable() {
      intent++;
      declutter?.disable();
      syncToolbar();
      for (const listener of listeners) listener();
    },
    setToolbarAllowed(allowed) {
      toolbarAllowed = allowed;
      syncToolbar();
    },
    async mountHiddenPanel(parent, { keptOut = [], ...opts }) {
      const d = await load();
      const loaded = feature as DeclutterFeature;
      const list = loaded.keptOutList(doc, keptOut);
      if (list) parent.append(list);
      const panel = loaded.mountHiddenPanel(parent, d, opts);
      return {
        element: panel.element,
        refresh: () => panel.refresh(),
        destroy() {
          panel.destroy();
          list?.remove();
        },
      };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setKnownFindings(source) {
      knownFindings = source;
    },
  };
}
