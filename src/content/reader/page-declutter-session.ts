// One on-page Declutter controller per page, shared by the reading view's "Declutter page" switch,
// the Alt+Shift+D shortcut and the button's context menu, so all three act on the same state.
// The small page toolbar (count, list, undo, quotes) is shown while hiding is on and the reading
// view is closed (the view covers the page, and would be covered by the toolbar otherwise).
import type { ClutterKind } from '../../core/index';
import type { QuoteLayer } from '../../ui/quotes/quote-layer';
import { mountDeclutterToolbar, type DeclutterToolbar } from '../../ui/declutter/page-toolbar';
import { createPageDeclutter, type PageDeclutter } from '../declutter/page-declutter';
import { mountPageQuotes } from '../declutter/page-quotes';

export interface PageDeclutterSession {
  /** The controller, created on first use. */
  get(): PageDeclutter;
  /** The controller if it exists, without creating it. */
  peek(): PageDeclutter | null;
  isEnabled(): boolean;
  enable(kinds: ClutterKind[]): void;
  disable(): void;
  /** Shows or removes the on-page toolbar (call with false while the reading view is open). */
  setToolbarAllowed(allowed: boolean): void;
}

export interface PageDeclutterSessionOptions {
  /** Kinds to hide when the controller is created. */
  initialKinds(): ClutterKind[];
  /** The user changed the kinds in the hidden panel: persist the choice. */
  onKindsChanged?(kinds: ClutterKind[]): void;
}

const sameKinds = (a: ClutterKind[], b: ClutterKind[]) =>
  a.length === b.length && a.every((kind) => b.includes(kind));

export function createPageDeclutterSession(
  doc: Document,
  options: PageDeclutterSessionOptions,
): PageDeclutterSession {
  let declutter: PageDeclutter | null = null;
  let toolbar: DeclutterToolbar | null = null;
  let quotes: QuoteLayer | null = null;
  let toolbarAllowed = true;
  let knownKinds: ClutterKind[] = [];

  const toggleQuotes = () => {
    if (!quotes) {
      quotes = mountPageQuotes(doc, {
        declutter: declutter ?? undefined,
        onToggle: (on) => toolbar?.setQuotesActive(on),
      });
      toolbar?.setQuotesActive(quotes.isEnabled());
    } else {
      quotes.setEnabled(!quotes.isEnabled());
    }
  };

  const syncToolbar = () => {
    const want = toolbarAllowed && !!declutter?.isEnabled();
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
  };

  const get = () => {
    if (!declutter) {
      knownKinds = options.initialKinds();
      declutter = createPageDeclutter(doc, { kinds: knownKinds });
      declutter.onChange(onChange);
    }
    return declutter;
  };

  return {
    get,
    peek: () => declutter,
    isEnabled: () => !!declutter?.isEnabled(),
    enable(kinds) {
      const d = get();
      // Kinds coming from settings are not a user change to write back.
      knownKinds = kinds;
      d.setKinds(kinds);
      if (!d.isEnabled()) d.enable(kinds);
      syncToolbar();
    },
    disable() {
      declutter?.disable();
      syncToolbar();
    },
    setToolbarAllowed(allowed) {
      toolbarAllowed = allowed;
      syncToolbar();
    },
  };
}
