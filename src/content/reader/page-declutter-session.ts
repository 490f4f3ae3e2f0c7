// One on-page Declutter controller per page, shared by the reading view's "Declutter page" switch,
// the Alt+Shift+D shortcut and the button's context menu, so all three act on the same state.
// The small page toolbar (count, list, undo, quotes) is shown while hiding is on and the reading
// view is closed (the view covers the page, and would be covered by the toolbar otherwise).
//
// The controller, its toolbar and panel, and the page's quote marks are not needed to paint the
// reading view, so they come from feature scripts injected on first use (src/content/features):
// enabling resolves once the Declutter script is in and the page is decluttered. This file is the
// handle content.js keeps; the working part (src/content/declutter/declutter-session.ts) comes
// with the Declutter script. Here is only what must work before it has arrived: the listeners,
// the toolbar's permission, the known findings and a disable that overtakes a slow load.
import { CLUTTER_KINDS, type ClutterFinding, type ClutterKind } from '../../core/index';
import type { HiddenPanel } from '../../ui/declutter/hidden-panel';
import type { KnownFindings } from '../../ui/declutter/page-declutter-types';
import type { DeclutterSession } from '../declutter/declutter-session';
import type { PageDeclutter } from '../declutter/page-declutter';
import type { DeclutterFeature, QuotesFeature } from '../features/types';

export interface PageDeclutterSession {
  /** The controller, loading the Declutter script and creating the controller on first use. */
  load(): Promise<PageDeclutter>;
  /** The controller if it exists, without creating it. */
  peek(): PageDeclutter | null;
  isEnabled(): boolean;
  /** Nothing hidden on the page, and no enable() on its way. */
  isIdle(): boolean;
  /**
   * An enable() is on its way and nothing is hidden yet: the Declutter script loading, or a very
   * large page being read off the tab (seconds on the 380,000-element stress page).
   */
  isWorking(): boolean;
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
  /**
   * Whether the page is too large to search for clutter here: detection runs in one task, which
   * on 380,000 elements (the bench's comments-20k) froze the tab for 2.5 s in Chromium, 1.9 s of
   * it script (scripts/bench/declutter-large.ts).
   */
  isVeryLarge?(): boolean;
  /** Every kind's findings, detected off the tab (the "Try anyway" route); null when it failed. */
  findAway?(kinds: ClutterKind[]): Promise<KnownFindings | null>;
}

export function createPageDeclutterSession(
  doc: Document,
  options: PageDeclutterSessionOptions,
): PageDeclutterSession {
  let inner: DeclutterSession | null = null;
  let toolbarAllowed = true;
  let knownFindings: (() => KnownFindings | null) | null = null;
  /** Bumped by every enable/disable, so a slow load cannot undo a later disable. */
  let intent = 0;
  /** enable() calls still waiting for the Declutter script or for findAway. */
  let enabling = 0;
  /** The page being read off the tab for an enable(), while it is. */
  let findingAway: Promise<KnownFindings | null> | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };

  const session = async (): Promise<DeclutterSession> => {
    if (inner) return inner;
    const feature = await options.loadDeclutter();
    // Re-read after the wait: a concurrent call may have created it meanwhile.
    return (inner ??= feature.createDeclutterSession(doc, {
      ...options,
      toolbarAllowed: () => toolbarAllowed,
      notify,
    }));
  };

  return {
    load: async () => (await session()).controller(),
    peek: () => inner?.peek() ?? null,
    isEnabled: () => !!inner?.peek()?.isEnabled(),
    isIdle: () => enabling === 0 && !inner?.peek()?.isEnabled(),
    isWorking: () => enabling > 0 && !inner?.peek()?.isEnabled(),
    async enable(kinds) {
      const mine = ++intent;
      // Listeners hear both ends of the wait: the view's switch shows it is at work meanwhile.
      if (enabling++ === 0) notify();
      try {
        const ready = await session();
        if (mine !== intent) return false;
        let known = knownFindings?.() ?? null;
        if (!known && options.findAway && options.isVeryLarge?.()) {
          // Every kind, as detection here would find them: the panel can show any kind later.
          // When that fails, detection runs here after all: slow, but the page is decluttered.
          // A second press while the page is being read (seconds, with nothing to show for it
          // yet) waits for the same reading instead of starting another.
          const reading = (findingAway ??= options
            .findAway([...CLUTTER_KINDS])
            .catch(() => null)
            .finally(() => (findingAway = null)));
          known = await reading;
          if (mine !== intent) return false;
        }
        ready.enable(kinds, known);
        return true;
      } finally {
        if (--enabling === 0) notify();
      }
    },
    disable() {
      intent++;
      if (inner) inner.disable();
      else notify();
    },
    setToolbarAllowed(allowed) {
      toolbarAllowed = allowed;
      inner?.syncToolbar();
    },
    mountHiddenPanel: async (parent, opts) => (await session()).mountHiddenPanel(parent, opts),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setKnownFindings(source) {
      knownFindings = source;
    },
  };
}
