// One on-page Declutter controller per page, shared by the reading view's "Declutter page" switch,
// the Alt+Shift+D shortcut and the button's context menu, so all three act on the same state.
// The small page toolbar (count, list, undo) is shown while hiding is on and the reading view is
// closed (the view covers the page, and would be covered by the toolbar otherwise).
import type { ClutterKind } from '../../core/index';
import { mountDeclutterToolbar, type DeclutterToolbar } from '../../ui/declutter/page-toolbar';
import { createPageDeclutter, type PageDeclutter } from '../declutter/page-declutter';

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

export function createPageDeclutterSession(
  doc: Document,
  initialKinds: () => ClutterKind[],
): PageDeclutterSession {
  let declutter: PageDeclutter | null = null;
  let toolbar: DeclutterToolbar | null = null;
  let toolbarAllowed = true;

  const syncToolbar = () => {
    const want = toolbarAllowed && !!declutter?.isEnabled();
    if (want && !toolbar && declutter) {
      toolbar = mountDeclutterToolbar(doc, declutter, {
        onClose: () => {
          toolbar = null;
        },
      });
    } else if (!want && toolbar) {
      toolbar.destroy();
      toolbar = null;
    }
  };

  const get = () => {
    if (!declutter) {
      declutter = createPageDeclutter(doc, { kinds: initialKinds() });
      declutter.onChange(syncToolbar);
    }
    return declutter;
  };

  return {
    get,
    peek: () => declutter,
    isEnabled: () => !!declutter?.isEnabled(),
    enable(kinds) {
      const d = get();
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
