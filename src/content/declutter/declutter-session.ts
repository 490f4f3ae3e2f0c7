// The on-page Declutter session's working part, in the declutter.js feature script: it creates the
// controller, keeps the small page toolbar in step with it (shown while hiding is on and the
// reading view is closed), toggles the page's quote marks from that toolbar and mounts the hidden
// panel. content.js holds only the handle every caller uses (src/content/reader/
// page-declutter-session.ts), which creates this once the script has arrived: none of this is
// needed to paint the reading view.
import type { ClutterFinding, ClutterKind } from '../../core/index';
import { mountHiddenPanel, type HiddenPanel } from '../../ui/declutter/hidden-panel';
import { keptOutList } from '../../ui/declutter/kept-out-list';
import { mountDeclutterToolbar, type DeclutterToolbar } from '../../ui/declutter/page-toolbar';
import type { KnownFindings } from '../../ui/declutter/page-declutter-types';
import type { QuoteLayer } from '../../ui/quotes/quote-layer';
import type { QuotesFeature } from '../features/types';
import { createPageDeclutter, type PageDeclutter } from './page-declutter';

export interface DeclutterSessionOptions {
  /** Kinds to hide when the controller is created. */
  initialKinds(): ClutterKind[];
  /** The user changed the kinds in the hidden panel: persist the choice. */
  onKindsChanged?(kinds: ClutterKind[]): void;
  /** The Quotes feature, for the page toolbar's Quotes switch. */
  loadQuotes(): Promise<QuotesFeature>;
  /** Whether the page toolbar may show (false while the reading view is open). */
  toolbarAllowed(): boolean;
  /** Called after every change of the controller or of what the session shows. */
  notify(): void;
}

export interface DeclutterSession {
  /** The controller, created on first use. */
  controller(): PageDeclutter;
  peek(): PageDeclutter | null;
  /** Hides the clutter of `kinds`, reusing `known` findings of the page as it is now. */
  enable(kinds: ClutterKind[], known: KnownFindings | null | undefined): void;
  disable(): void;
  /** Shows or removes the toolbar after toolbarAllowed() changed. */
  syncToolbar(): void;
  mountHiddenPanel(
    parent: HTMLElement,
    opts: { onClose?: () => void; keptOut?: readonly ClutterFinding[] },
  ): HiddenPanel;
}

const sameKinds = (a: ClutterKind[], b: ClutterKind[]) =>
  a.length === b.length && a.every((kind) => b.includes(kind));

export function createDeclutterSession(
  doc: Document,
  options: DeclutterSessionOptions,
): DeclutterSession {
  let declutter: PageDeclutter | null = null;
  let toolbar: DeclutterToolbar | null = null;
  let quotes: QuoteLayer | null = null;
  let quotesLoading = false;
  let knownKinds: ClutterKind[] = [];

  const toggleQuotes = () => {
    if (quotes) {
      quotes.setEnabled(!quotes.isEnabled());
      return;
    }
    if (quotesLoading) return;
    quotesLoading = true;
    options
      .loadQuotes()
      .then(
        (quotesFeature) => {
          if (!declutter?.isEnabled() || quotes) return;
          quotes = quotesFeature.mountPageQuotes(doc, {
            declutter,
            onToggle: (on) => toolbar?.setQuotesActive(on),
          });
          toolbar?.setQuotesActive(quotes.isEnabled());
        },
        (error: unknown) => console.warn('Declutter: Quotes could not be loaded', error),
      )
      .finally(() => {
        quotesLoading = false;
      });
  };

  const syncToolbar = () => {
    const want = options.toolbarAllowed() && !!declutter?.isEnabled();
    if (want && !toolbar && declutter) {
      toolbar = mountDeclutterToolbar(doc, declutter, {
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
    options.notify();
  };

  const controller = (): PageDeclutter => {
    if (!declutter) {
      knownKinds = options.initialKinds();
      declutter = createPageDeclutter(doc, { kinds: knownKinds });
      declutter.onChange(onChange);
    }
    return declutter;
  };

  return {
    controller,
    peek: () => declutter,
    enable(kinds, known) {
      const d = controller();
      // Kinds coming from settings are not a user change to write back.
      knownKinds = kinds;
      d.setKinds(kinds);
      if (!d.isEnabled()) d.enable(kinds, known ?? undefined);
      syncToolbar();
      options.notify();
    },
    disable() {
      declutter?.disable();
      syncToolbar();
      options.notify();
    },
    syncToolbar,
    mountHiddenPanel(parent, { keptOut = [], ...opts }) {
      const list = keptOutList(doc, keptOut);
      if (list) parent.append(list);
      const panel = mountHiddenPanel(parent, controller(), opts);
      return {
        element: panel.element,
        refresh: () => panel.refresh(),
        destroy() {
          panel.destroy();
          list?.remove();
        },
      };
    },
  };
}
