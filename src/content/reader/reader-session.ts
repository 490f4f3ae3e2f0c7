// Opening and closing the reading view on this page. Opening saves what closing must give back
// (scroll, focus, the page's inline overflow), runs the core's analyzeArticle (analyzePage without
// quotes: those come with the Quotes script) and shows the result,
// or a clear message: never a blank overlay. The analysis runs in slices (run-in-slices.ts): a
// large page gets turns of its event loop between the stages. Very large pages get a message and
// a "Try anyway" first instead of a frozen tab.
//
// Quote marking and the on-page Declutter UI are feature scripts loaded on first use
// (src/content/features): the view paints without them, and their handles here stand in until
// the script has arrived (one round trip to the background, the first time only).
import {
  analyzeArticleInSteps,
  type AnalyzeOptions,
  type ClutterFinding,
  type ClutterKind,
  type PageAnalysis,
} from '../../core/index';
import { enabledKinds, mergeSettings, type Settings } from '../../shared/settings';
import {
  createReaderView,
  type NoticeAction,
  type ReaderContent,
  type ReaderView,
  type ReaderViewOptions,
  type PanelHandle,
  type QuoteLayerHandle,
} from '../../ui/reader/reader-view';
import { capturePageState, lockPageScroll, restorePageState, type PageState } from './page-state';
import {
  DEEP_PAGE_LEVELS,
  HUGE_PAGE_BYTES,
  HUGE_PAGE_ELEMENTS,
  isVeryLarge,
  measurePageSize,
  type PageSize,
} from './page-size';
import { runInSlices } from './run-in-slices';
import type { PageDeclutterSession } from './page-declutter-session';
import { watchPageChanges, type PageChanges } from './page-changes';
import type { KnownFindings } from '../../ui/declutter/page-declutter-types';
import type { QuotesFeature } from '../features/types';
import type { LargePageAttempt } from './read-large-page';
import { createContentDetector, type ContentDetector } from '../clutter-detector';

export interface ReaderSessionDeps {
  document: Document;
  settings(): Promise<Settings>;
  saveSettings(settings: Settings): void;
  declutter?: PageDeclutterSession;
  /** Quote marking over the article (src/ui/quotes); default: through `loadQuotes`. */
  mountQuotes?: ReaderViewOptions['mountQuotes'];
  /** The Quotes feature script (src/content/features). Without it and `mountQuotes`, no switch. */
  loadQuotes?: () => Promise<QuotesFeature>;
  /** Replaces the core's analysis (run in one go then); default: analyzeArticleInSteps. */
  analyze?: (doc: Document, options: AnalyzeOptions) => PageAnalysis;
  /**
   * The content script's clutter detector (default: a new one with the reading view's rules).
   * The default `analyze` runs it; its `covers` says which kinds' rules are there.
   */
  detector?: ContentDetector;
  /**
   * Loads the script that registers the opt-in kinds' rules with `detector` (declutter.js).
   * Called before analysing when a hidden kind has no rule yet; without it, or when it fails, the
   * view shows what it found with the rules it has and says so in the analysis's warnings.
   */
  loadRules?: () => Promise<unknown>;
  /** Element count above which the view asks first (tests lower it). */
  hugePageElements?: number;
  /** HTML size in bytes above which the view asks first (see page-size.ts; tests lower it). */
  hugePageBytes?: number;
  /** Reads the page's size before analysing (default: measurePageSize). */
  pageSize?: (doc: Document) => PageSize;
  /**
   * "Try anyway" on a very large page: reads the page outside the tab (the background:
   * src/background/analyze-page.ts), so the tab stays responsive, and shows the answer
   * (read-large-page.ts, in large-page.js). Without it, the view offers only Close there.
   */
  tryAnyway?: (attempt: LargePageAttempt) => void;
  /** Called after the view closed, however it was closed (button, key, toolbar click). */
  onClosed?: () => void;
  now?: () => number;
}

export interface ReaderSession {
  isOpen(): boolean;
  /** Neither open nor opening. */
  isIdle(): boolean;
  /** Opens or closes; resolves to whether the view is open afterwards. */
  toggle(): Promise<boolean>;
  open(): Promise<void>;
  close(): void;
  /** Applies settings changed elsewhere (options page) to an open view. */
  settingsChanged(settings: Settings): void;
}

/** now() at each step of an open, for the performance entries. */
interface OpenMarks {
  started: number;
  settled: number;
  analysed: number;
  rendered: number;
  attached: number;
}

interface OpenState {
  view: ReaderView;
  page: PageState;
  unlockScroll: () => void;
  analysis: PageAnalysis | null;
  /** The analysis's clutter findings, lent to on-page Declutter while the page is unchanged. */
  known: { findings: KnownFindings; changes: PageChanges } | null;
}

/**
 * The view's quote layer, mounted once the Quotes script has loaded. Until then the handle keeps
 * the wanted state; the quotes themselves are extracted there too (the view's analysis leaves
 * them out, so the core's quote code stays out of the content script).
 */
function deferredQuotes(
  load: () => Promise<QuotesFeature>,
  now: () => number,
  doc: Document,
): NonNullable<ReaderViewOptions['mountQuotes']> {
  return (body, analysis, context) => {
    let layer: QuoteLayerHandle | null = null;
    let wanted = true;
    let destroyed = false;
    const requested = now();
    load().then(
      (quotes) => {
        if (destroyed) return;
        const loaded = now();
        const found =
          analysis.quotes.length > 0 || !analysis.article
            ? analysis
            : quotes.extractQuotes(analysis.article.text);
        layer = quotes.mountQuoteLayer(body, found, {
          panelParent: context.panelParent,
          styleRoot: context.styleRoot,
          onToggle: context.onToggle,
        });
        if (layer.isEnabled() !== wanted) layer.setEnabled(wanted);
        // The panel column was kept hidden while nothing was mounted.
        context.onToggle(layer.isEnabled());
        measure(doc, 'declutter:quotes:load', requested, loaded);
        measure(doc, 'declutter:quotes:mount', loaded, now());
      },
      (error: unknown) => {
        console.warn('Declutter: Quotes could not be loaded', error);
        if (!destroyed) context.onToggle(false);
      },
    );
    return {
      setEnabled(on) {
        wanted = on;
        layer?.setEnabled(on);
      },
      isEnabled: () => layer?.isEnabled() ?? wanted,
      destroy() {
        destroyed = true;
        layer?.destroy();
      },
    };
  };
}

/**
 * V8 keeps the input of the last successful regular-expression match of each realm (the legacy
 * RegExp.input / RegExp.lastMatch), so after a close the whole text of the last article stayed
 * reachable from this isolated world (seen in heap snapshots: tens of KB per page). A match on
 * an empty string replaces it.
 */
function forgetLastRegExpInput(): void {
  /^/.test('');
}

/** A performance entry on the page's timeline (read by benchmarks; see markOpened). */
function measure(doc: Document, name: string, start: number, end: number) {
  try {
    const perf = doc.defaultView?.performance;
    // One entry per name: the page's timeline would otherwise grow with every open.
    perf?.clearMeasures(name);
    perf?.measure(name, { start, end });
  } catch {
    // A test clock that is not performance.now cannot be placed on the timeline.
  }
}

/**
 * The hidden panel, mounted once the Declutter script has loaded, below the list of what the
 * view's analysis kept out (both come with that script).
 */
function deferredPanel(
  declutter: PageDeclutterSession,
  parent: HTMLElement,
  onClose: () => void,
  keptOut: readonly ClutterFinding[],
): PanelHandle {
  let panel: { destroy(): void } | null = null;
  let destroyed = false;
  declutter.mountHiddenPanel(parent, { onClose, keptOut }).then(
    (mounted) => {
      if (destroyed) return mounted.destroy();
      panel = mounted;
      // The view focused the empty column while the panel was on its way.
      const root = parent.getRootNode() as Document | ShadowRoot;
      if (root.activeElement === parent) {
        parent.querySelector<HTMLElement>('button, [tabindex="0"]')?.focus();
      }
    },
    (error: unknown) => console.warn('Declutter: the hidden list could not be loaded', error),
  );
  return {
    destroy() {
      destroyed = true;
      panel?.destroy();
    },
  };
}

export function createReaderSession(deps: ReaderSessionDeps): ReaderSession {
  const doc = deps.document;
  const detector = deps.detector ?? createContentDetector();
  const given = deps.analyze;
  const analyzeSteps = (
    page: Document,
    options: AnalyzeOptions,
  ): Iterator<unknown, PageAnalysis, undefined> =>
    given
      ? { next: () => ({ done: true, value: given(page, options) }) }
      : analyzeArticleInSteps(page, { ...options, detect: detector.detect });
  const now = deps.now ?? (() => performance.now());
  const mountQuotes =
    deps.mountQuotes ?? (deps.loadQuotes ? deferredQuotes(deps.loadQuotes, now, doc) : undefined);
  const hugePage = deps.hugePageElements ?? HUGE_PAGE_ELEMENTS;
  const hugeBytes = deps.hugePageBytes ?? HUGE_PAGE_BYTES;
  const pageSize = deps.pageSize ?? ((page: Document) => measurePageSize(page, hugePage));
  let state: OpenState | null = null;
  let settings: Settings | null = null;
  let opening: Promise<void> | null = null;

  /**
   * Makes sure the detector has rules for every kind in `kinds`, loading the opt-in kinds' rules
   * if needed. Never throws: a kind still missing afterwards is reported by runAnalysis.
   */
  async function ensureRules(kinds: readonly ClutterKind[]): Promise<void> {
    if (!deps.loadRules || kinds.every((kind) => detector.covers(kind))) return;
    try {
      await deps.loadRules();
    } catch (error) {
      console.warn('Declutter: the newsletter and share-bar rules could not be loaded', error);
    }
  }

  /** The view's content for the page's analysis; null when the view closed before it was done. */
  async function runAnalysis(
    kinds: ClutterKind[],
    maxElements: number,
    stillOpen: () => boolean,
  ): Promise<ReaderContent | null> {
    try {
      const steps = analyzeSteps(doc, {
        url: doc.location?.href,
        hideKinds: kinds,
        now,
        maxElements,
      });
      const run = await runInSlices(steps, now, { stillWanted: stillOpen });
      if (!run.done) return null;
      // Kinds whose rules could not be loaded: the view still shows the article; the analysis's
      // warnings record what it could not hide.
      return present(
        run.value,
        kinds,
        kinds.filter((kind) => !detector.covers(kind)),
      );
    } catch (error) {
      return unreadable(error);
    }
  }

  function unreadable(error: unknown): ReaderContent {
    const detail = error instanceof Error ? error.message : String(error);
    return noArticle(`Declutter could not read this page (${detail}).`);
  }

  /** Shows an analysis (made here or away from the tab); `missing`: kinds without rules. */
  function present(
    analysis: PageAnalysis,
    kinds: ClutterKind[],
    missing: ClutterKind[],
  ): ReaderContent {
    if (missing.length > 0) {
      analysis.warnings = [
        ...(analysis.warnings ?? []),
        `The rules for ${missing.join(' and ')} could not be loaded: those blocks are not hidden.`,
      ];
    }
    if (state) {
      state.analysis = analysis;
      state.known?.changes.stop();
      const complete = kinds.filter((kind) => !missing.includes(kind));
      state.known = lendFindings(analysis, complete);
    }
    if (analysis.article) return { kind: 'article', analysis };
    return noArticle(analysis.reason?.message ?? 'No article was found on this page.');
  }

  /**
   * The analysis ran every clutter rule of `kinds` over the page (unless it stopped before, or a
   * rule failed): "Declutter page" can reuse those findings and detect only the other kinds.
   */
  function lendFindings(analysis: PageAnalysis, kinds: ClutterKind[]): OpenState['known'] {
    if (!deps.declutter || analysis.timings.clutter === undefined) return null;
    if (analysis.warnings?.some((w) => w.startsWith('Clutter detection failed'))) return null;
    return { findings: { kinds, findings: analysis.hidden }, changes: watchPageChanges(doc) };
  }

  deps.declutter?.setKnownFindings(() => {
    const known = state?.known;
    return known && !known.changes.changed() ? known.findings : null;
  });

  function noArticle(message: string): ReaderContent {
    const actions: NoticeAction[] = [];
    if (deps.declutter) {
      actions.push({
        label: 'Declutter the page instead',
        primary: true,
        run: () => {
          const kinds = settings ? enabledKinds(settings) : [];
          close();
          void deps.declutter?.enable(kinds);
        },
      });
    }
    actions.push({ label: 'Close', run: () => close() });
    return { kind: 'notice', title: 'No article to show', message, actions };
  }

  function tooLarge(size: PageSize, kinds: ClutterKind[]): ReaderContent {
    const count = size.elements;
    const megabytes = size.bytes / 1e6;
    const amount = [`${count.toLocaleString('en')} elements`];
    if (megabytes >= 1) amount.push(`${megabytes.toFixed(1)} MB`);
    if (size.depth > DEEP_PAGE_LEVELS) {
      amount.push(`nested over ${DEEP_PAGE_LEVELS.toLocaleString('en')} levels deep`);
    }
    return {
      kind: 'notice',
      title: 'A very large page',
      message:
        `This page is very large (${amount.join(', ')}). Reading it may ` +
        'freeze this tab for a long time (seconds, or minutes on a slow computer).',
      actions: [
        ...(deps.tryAnyway
          ? [
              {
                label: 'Try anyway',
                primary: true,
                run: () => {
                  const current = state;
                  if (!current) return;
                  const isCurrent = () => state === current;
                  deps.tryAnyway?.({
                    document: doc,
                    kinds,
                    elements: count,
                    isCurrent,
                    show: (content) => {
                      if (isCurrent()) current.view.show(content);
                    },
                    present: (analysis) => present(analysis, kinds, []),
                    unreadable,
                  });
                },
              },
            ]
          : []),
        { label: 'Close', run: () => close() },
      ],
    };
  }

  function updateSettings(patch: Partial<Settings>) {
    if (!settings) return;
    settings = mergeSettings(settings, patch);
    state?.view.applySettings(settings);
    deps.saveSettings(settings);
  }

  async function open(): Promise<void> {
    if (state) return;
    // Captured before anything else: the click may have come while a field had focus.
    const page = capturePageState(doc);
    const started = now();
    settings = await deps.settings();
    if (state) return;
    const current = settings;
    const kinds = enabledKinds(current);
    // Newsletter boxes and share bars are opt-in: their rules are not in this script.
    await ensureRules(kinds);
    if (state) return;
    const declutter = deps.declutter;

    const view = createReaderView({
      document: doc,
      pageUrl: doc.location?.href ?? '',
      settings: current,
      onClose: () => close(),
      onSettingsChange: updateSettings,
      mountQuotes,
      declutter: declutter && {
        isEnabled: () => declutter.isEnabled(),
        isWorking: () => declutter.isWorking(),
        toggle: () => {
          // A press while it is still at work (shown as on) cancels it.
          if (declutter.isEnabled() || declutter.isWorking()) declutter.disable();
          else void declutter.enable(enabledKinds(settings ?? current));
        },
        onChange: (listener) => declutter.onChange(listener),
      },
      mountHiddenPanel: (parent, analysis, onClose) =>
        declutter
          ? deferredPanel(declutter, parent, onClose, analysis?.hidden ?? [])
          : { destroy() {} },
      hiddenCount: (analysis) => {
        const onPage =
          declutter
            ?.peek()
            ?.items()
            .filter((item) => item.hidden).length ?? 0;
        return Math.max(analysis?.hidden.length ?? 0, onPage);
      },
    });
    state = { view, page, unlockScroll: () => {}, analysis: null, known: null };
    declutter?.setToolbarAllowed(false);
    if (current.declutterOnOpen && declutter) void declutter.enable(kinds);

    const marks: OpenMarks = { started, settled: now(), analysed: 0, rendered: 0, attached: 0 };
    const size = pageSize(doc);
    const huge = isVeryLarge(size, { elements: hugePage, bytes: hugeBytes });
    const opened = state;
    const stillOpen = () => state === opened;
    const content = huge ? tooLarge(size, kinds) : await runAnalysis(kinds, hugePage, stillOpen);
    // Closed while the page had a turn between the analysis's stages.
    if (!content || !stillOpen()) return;
    marks.analysed = now();
    view.show(content);
    if (current.quotesOnOpen) view.setQuotesEnabled(true);
    marks.rendered = now();
    // Before attaching: the page's styles are read there while they are up to date, and a page
    // that hides its <html> is shown, so the view can take focus (page-state.ts). A very large
    // page keeps its scrollbar: taking it away would lay the whole page out again, twice.
    state.unlockScroll = lockPageScroll(doc, { overflow: !huge });
    // Built off-document; attached once.
    view.attach();
    marks.attached = now();
    markOpened(marks, state.analysis);
  }

  /**
   * Leaves the open's cost on the page's performance timeline (shared with the page's own
   * scripts), where benchmarks read it without any hook into the extension (one entry per name,
   * the last open's): `declutter:open` (message to view attached), `declutter:analyze` (the
   * core's total; 0 when nothing was analysed) and the view's own parts,
   * `declutter:view:settings|render|attach`. The core's stages are in `analysis.timings`.
   */
  function markOpened(marks: OpenMarks, analysis: PageAnalysis | null) {
    const started = marks.started;
    measure(doc, 'declutter:open', started, marks.attached);
    measure(doc, 'declutter:view:settings', started, marks.settled);
    measure(doc, 'declutter:view:render', marks.analysed, marks.rendered);
    measure(doc, 'declutter:view:attach', marks.rendered, marks.attached);
    measure(doc, 'declutter:analyze', started, started + (analysis?.timings.total ?? 0));
  }

  function close(): void {
    const current = state;
    if (!current) return;
    state = null;
    current.known?.changes.stop();
    current.view.destroy();
    current.unlockScroll();
    restorePageState(doc, current.page);
    deps.declutter?.setToolbarAllowed(true);
    forgetLastRegExpInput();
    deps.onClosed?.();
  }

  return {
    isOpen: () => state !== null,
    isIdle: () => !state && !opening,
    async toggle() {
      if (opening) await opening;
      // A page script that rebuilt the document may have dropped our host: the user saw no view,
      // so this click must open one rather than "close" an invisible one.
      if (state && !state.view.host.isConnected) close();
      if (state) {
        close();
        return false;
      }
      opening = open().finally(() => {
        opening = null;
      });
      await opening;
      return state !== null;
    },
    open: () => open(),
    close,
    settingsChanged(next) {
      settings = next;
      state?.view.applySettings(next);
    },
  };
}
