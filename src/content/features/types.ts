// What each on-demand feature script (src/shared/features.ts) hands to the content script. Type
// imports only: the content script must not pull the features' code into its own bundle.
import type { extractQuotes } from '../../core/index';
import type { mountDeclutterToolbar } from '../../ui/declutter/page-toolbar';
import type { mountHiddenPanel } from '../../ui/declutter/hidden-panel';
import type { keptOutList } from '../../ui/declutter/kept-out-list';
import type { mountQuoteLayer } from '../../ui/quotes/quote-layer';
import type { createPageDeclutter } from '../declutter/page-declutter';
import type { createDeclutterSession } from '../declutter/declutter-session';
import type { mountPageQuotes } from '../declutter/page-quotes';
import type { LargePageAttempt } from '../reader/read-large-page';
import type { SendToBackground } from '../../shared/messages';
import type { ClutterKind } from '../../core/index';
import type { KnownFindings } from '../../ui/declutter/page-declutter-types';

/** Quote marking: in the reading view (mountQuoteLayer) and on the live page (mountPageQuotes). */
export interface QuotesFeature {
  extractQuotes: typeof extractQuotes;
  mountQuoteLayer: typeof mountQuoteLayer;
  mountPageQuotes: typeof mountPageQuotes;
}

/**
 * On-page Declutter: the session behind content.js's handle (controller, toolbar, panel), and the
 * parts it is made of.
 */
export interface DeclutterFeature {
  createDeclutterSession: typeof createDeclutterSession;
  createPageDeclutter: typeof createPageDeclutter;
  mountHiddenPanel: typeof mountHiddenPanel;
  mountDeclutterToolbar: typeof mountDeclutterToolbar;
  keptOutList: typeof keptOutList;
}

/**
 * A very large page read off the tab ("Try anyway", or "Declutter page"): its HTML serialised in
 * pieces and sent to the background.
 */
export interface LargePageFeature {
  /** Reads the page off the tab through `send` and shows the answer in the attempt's view. */
  tryAnyway(attempt: LargePageAttempt, send: SendToBackground): void;
  /** The clutter of `kinds` found off the tab, for the page's Declutter; null when it failed. */
  findClutterAway(
    doc: Document,
    kinds: ClutterKind[],
    send: SendToBackground,
  ): Promise<KnownFindings | null>;
}

export interface Features {
  quotes: QuotesFeature;
  declutter: DeclutterFeature;
  'large-page': LargePageFeature;
}
