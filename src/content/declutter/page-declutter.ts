// Declutter mode on the live page: hide what the core recognised as clutter, reversibly.
//
// Hiding never removes or moves page nodes: the element gets `data-declutter-hidden="<kind>"` and
// one injected stylesheet hides everything carrying that attribute (a very large block, or any
// block of a very large page in Firefox, is hidden otherwise, so as not to freeze the tab:
// ./block-hider.ts). A chip in its own shadow root is inserted before each hidden block so the
// reader knows something is there and can show it.
// Undoing everything removes every attribute, chip and the stylesheet, leaving the page's markup
// exactly as it was. Sections that load late are caught by a throttled mutation observer.
import {
  CLUTTER_KINDS,
  detectClutter,
  locateFinding,
  type ClutterFinding,
  type ClutterKind,
} from '../../core';
import { createHiddenChip, type HiddenChip } from '../../ui/declutter/hidden-chip';
import type {
  HiddenItem,
  KnownFindings,
  PageDeclutter,
} from '../../ui/declutter/page-declutter-types';
import { isOurNode } from '../../ui/declutter/shadow-host';
import { watchAddedSubtrees, type ObserverBatch } from './added-subtrees';
import {
  createBlockHider,
  HIDE_STYLE_ATTRIBUTE,
  type BlockHiderOptions,
  type HidingStrategy,
} from './block-hider';

export { HIDDEN_ATTRIBUTE, HIDE_CSS, HIDE_STYLE_ATTRIBUTE } from './block-hider';

// The interfaces live beside the UI that consumes them (src/ui may not import src/content).
export type {
  HiddenItem,
  KnownFindings,
  PageDeclutter,
} from '../../ui/declutter/page-declutter-types';

/**
 * Finds clutter in `doc`; `roots`, when given, are freshly added subtrees worth a look; `kinds`,
 * when given, limits detection to the rules of those kinds.
 */
export type DetectClutter = (
  doc: Document,
  roots?: readonly Element[],
  kinds?: readonly ClutterKind[],
) => ClutterFinding[];

export interface PageDeclutterOptions {
  kinds: ClutterKind[];
  /** Injected by tests and benchmarks; default: the core's detectClutter. */
  detect?: DetectClutter;
  /** Watch for late-loading sections (default true). */
  observe?: boolean;
  /** Minimum time between two observer-triggered detection runs (default 500 ms). */
  throttleMs?: number;
  /** Called after each observer batch with its cost (for the benchmark and diagnostics). */
  onBatch?: (batch: ObserverBatch & { findings: number; newItems: number }) => void;
  /**
   * How blocks are hidden (./block-hider.ts): by default the way measured best in the browser
   * this build is for. Tests pick either, with smaller thresholds.
   */
  strategy?: HidingStrategy;
  blockHider?: Omit<BlockHiderOptions, 'strategy'>;
}

const DEFAULT_STRATEGY: HidingStrategy = __BROWSER__ === 'firefox' ? 'in-steps' : 'skip-rendering';

interface Item extends HiddenItem {
  chip: HiddenChip | null;
}

/** Whole page at enable time; only the added subtrees for observer batches. */
const defaultDetect: DetectClutter = (doc, roots, kinds) =>
  detectClutter(doc, { ...(roots ? { roots } : {}), ...(kinds ? { kinds } : {}) });

/**
 * What our features write into the page's own tree: the hiding stylesheet, and the quote layer's
 * marks, labels and stylesheet (Declutter mode with quotes on). Not the page's mutations.
 */
const OWN_MARKUP_ATTRIBUTES = [
  HIDE_STYLE_ATTRIBUTE,
  'data-declutter-quote',
  'data-declutter-quote-label',
  'data-declutter-quote-style',
];
function isOurPageMarkup(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return OWN_MARKUP_ATTRIBUTES.some((name) => element.hasAttribute(name));
}

/** Elements whose hiding would blank the page: never hide these, whatever a rule says. */
function isStructural(doc: Document, element: Element): boolean {
  return element === doc.documentElement || element === doc.head || element === doc.body;
}

export function createPageDeclutter(doc: Document, opts: PageDeclutterOptions): PageDeclutter {
  const detect = opts.detect ?? defaultDetect;
  let kinds = new Set<ClutterKind>(opts.kinds);
  let enabled = false;
  /** After "restore all", sections that load later are listed but not hidden. */
  let paused = false;
  let nextId = 1;
  const items = new Map<string, Item>();
  const itemByElement = new Map<Element, Item>();
  /** Every finding of every kind, so switching a kind on needs no new detection run. */
  const candidates = new Map<Element, ClutterFinding>();
  const listeners = new Set<() => void>();
  const hider = createBlockHider(doc, {
    strategy: opts.strategy ?? DEFAULT_STRATEGY,
    ...opts.blockHider,
  });
  let stopWatching: (() => void) | null = null;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  /** The item of the same rule right before `item` among its siblings (chips skipped). */
  const previousInRun = (item: Item): Item | null => {
    let prev = item.element.previousElementSibling;
    while (prev && isOurNode(prev)) prev = prev.previousElementSibling;
    const before = prev ? itemByElement.get(prev) : undefined;
    return before && before.finding.rule === item.finding.rule ? before : null;
  };

  /**
   * `leader` and the items of the same rule that follow it as siblings: one block to the reader.
   * A thread that shares a wrapper with the post is found as a run of sibling elements (heading,
   * comments, signature lines); a chip before each would bury the page in chips.
   */
  const runOf = (leader: Item): Item[] => {
    const run = [leader];
    for (let el = leader.element.nextElementSibling; el; el = el.nextElementSibling) {
      if (isOurNode(el)) continue;
      const next = itemByElement.get(el);
      if (!next || next.finding.rule !== leader.finding.rule) break;
      run.push(next);
    }
    return run;
  };

  const ensureChip = (item: Item) => {
    if (previousInRun(item)) {
      // The run's first item carries the one chip; it shows and hides the whole run.
      item.chip?.destroy();
      item.chip = null;
      return;
    }
    if (!item.chip) {
      item.chip = createHiddenChip(doc, item.finding.kind, (hide) => {
        for (const member of runOf(item)) {
          if (hide) api.hideAgain(member.id);
          else api.restore(member.id);
        }
      });
    }
    if (!item.chip.host.isConnected || item.chip.host.nextSibling !== item.element) {
      item.element.before(item.chip.host);
    }
    item.chip.setHidden(item.hidden);
  };

  const applyHidden = (item: Item, hidden: boolean) => {
    item.hidden = hidden;
    hider.set(item.element, hidden ? item.finding.kind : null);
  };

  const forget = (item: Item) => {
    applyHidden(item, false);
    item.chip?.destroy();
    items.delete(item.id);
    itemByElement.delete(item.element);
  };

  const insideItem = (element: Element): boolean => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      if (itemByElement.has(node)) return true;
    }
    return false;
  };

  /** Turns candidates of the chosen kinds into items; returns how many were added. */
  const materialise = (): number => {
    const fresh: [Element, ClutterFinding][] = [];
    for (const [element, finding] of candidates) {
      if (!element.isConnected) {
        candidates.delete(element);
        continue;
      }
      if (kinds.has(finding.kind) && !itemByElement.has(element)) fresh.push([element, finding]);
    }
    // Document order puts ancestors first, so a block nested in another finding is skipped.
    fresh.sort(([a], [b]) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    let added = 0;
    for (const [element, finding] of fresh) {
      if (insideItem(element)) continue;
      const item: Item = { id: `h${nextId++}`, finding, element, hidden: false, chip: null };
      items.set(item.id, item);
      itemByElement.set(element, item);
      if (!paused) {
        applyHidden(item, true);
        ensureChip(item);
      }
      added++;
    }
    return added;
  };

  /**
   * Every kind's findings on the whole page, or in `roots`. Kinds `known` already holds are taken
   * from it instead of being detected again (the reading view has just analysed the page).
   */
  const find = (roots?: readonly Element[], known?: KnownFindings | null): ClutterFinding[] => {
    if (roots) return detect(doc, roots);
    if (!known) return detect(doc);
    const missing = CLUTTER_KINDS.filter((kind) => !known.kinds.includes(kind));
    const reused = known.findings.filter((finding) => known.kinds.includes(finding.kind));
    return missing.length > 0 ? [...reused, ...detect(doc, undefined, missing)] : reused;
  };

  /** Runs detection and records where each finding is, before any chip shifts :nth-child paths. */
  const collect = (roots?: readonly Element[], known?: KnownFindings | null): number => {
    const findings = find(roots, known);
    let count = 0;
    for (const finding of findings) {
      const element = locateFinding(doc, finding);
      if (!element || isStructural(doc, element) || isOurNode(element)) continue;
      if (!candidates.has(element)) candidates.set(element, finding);
      count++;
    }
    return count;
  };

  const pruneDetached = () => {
    for (const item of [...items.values()]) if (!item.element.isConnected) forget(item);
  };

  const startWatching = () => {
    if (stopWatching || opts.observe === false) return;
    stopWatching = watchAddedSubtrees(doc, {
      throttleMs: opts.throttleMs ?? 500,
      isOwn: (node) => isOurNode(node) || isOurPageMarkup(node),
      skip: (element) => isOurNode(element) || insideItem(element),
      onBatch: (roots, batch) => {
        pruneDetached();
        let findings = 0;
        let newItems = 0;
        if (roots.length > 0) {
          findings = collect(roots);
          newItems = materialise();
        }
        batch.ms = batch.clock() - batch.startedAt;
        opts.onBatch?.({ ...batch, findings, newItems });
        if (newItems > 0 || batch.removed) notify();
      },
    });
  };

  const snapshot = (item: Item): HiddenItem => ({
    id: item.id,
    finding: item.finding,
    element: item.element,
    hidden: item.hidden,
  });

  const api: PageDeclutter = {
    enable(nextKinds, known) {
      if (nextKinds) kinds = new Set(nextKinds);
      enabled = true;
      paused = false;
      for (const item of items.values()) {
        applyHidden(item, true);
        ensureChip(item);
      }
      collect(undefined, known);
      materialise();
      startWatching();
      notify();
      return api.items();
    },
    disable() {
      stopWatching?.();
      stopWatching = null;
      for (const item of [...items.values()]) forget(item);
      candidates.clear();
      // The hider takes its stylesheet away once the last block is shown (a very large one may
      // take a few tasks to show without freezing the page).
      enabled = false;
      paused = false;
      notify();
    },
    isEnabled: () => enabled,
    items: () => [...items.values()].map(snapshot),
    restore(id) {
      const item = items.get(id);
      if (!item || !item.hidden) return;
      applyHidden(item, false);
      ensureChip(item);
      notify();
    },
    hideAgain(id) {
      const item = items.get(id);
      if (!item || item.hidden || !item.element.isConnected) return;
      applyHidden(item, true);
      ensureChip(item);
      notify();
    },
    restoreAll() {
      for (const item of items.values()) {
        applyHidden(item, false);
        item.chip?.destroy();
        item.chip = null;
      }
      paused = true;
      notify();
    },
    setKinds(nextKinds) {
      kinds = new Set(nextKinds);
      for (const item of [...items.values()]) if (!kinds.has(item.finding.kind)) forget(item);
      if (enabled) materialise();
      notify();
    },
    kinds: () => [...kinds],
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    destroy() {
      api.disable();
      // Torn down (the content script is going away): nothing may be left half shown.
      hider.clear();
      listeners.clear();
    },
  };
  return api;
}
