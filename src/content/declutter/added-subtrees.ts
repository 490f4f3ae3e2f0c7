// A cheap, throttled view of what a page adds to itself: comment platforms (Disqus, Coral,
// OpenWeb…) inject their thread after load or on scroll. MutationObserver callbacks only collect
// the added elements; at most once per `throttleMs` (and in an idle period where the browser offers
// one) the collected nodes are reduced to their top-most connected roots and handed on once.

export interface ObserverBatch {
  /** Element nodes reported added since the last batch (before reduction). */
  addedNodes: number;
  /** Top-most connected subtrees handed to the consumer. */
  roots: number;
  /** True when nodes were removed too (hidden blocks may have gone). */
  removed: boolean;
  startedAt: number;
  /** Filled in by the consumer: total cost of the batch in ms, reduction included. */
  ms: number;
  clock: () => number;
}

export interface WatchOptions {
  throttleMs: number;
  /** Nodes we inserted or removed ourselves: their mutations are not the page's. */
  isOwn: (node: Node) => boolean;
  /** Subtrees to ignore at flush time: blocks already hidden. */
  skip: (element: Element) => boolean;
  onBatch: (roots: Element[], batch: ObserverBatch) => void;
}

/** Tags that never hold a comment thread or a donation box. */
const INERT_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'NOSCRIPT',
  'TEMPLATE',
  'BR',
  'WBR',
]);

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

type IdleScheduler = (cb: () => void, opts: { timeout: number }) => unknown;

/** Starts watching `doc`; returns a function that stops it and drops pending work. */
export function watchAddedSubtrees(doc: Document, opts: WatchOptions): () => void {
  // The content script's own constructors first (in Firefox the page window is seen through Xray
  // wrappers); the document's window only where there are no globals (jsdom under Node).
  const view = doc.defaultView as (Window & { requestIdleCallback?: IdleScheduler }) | null;
  const MutationObserverImpl: typeof MutationObserver =
    typeof MutationObserver === 'function'
      ? MutationObserver
      : (view as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
  const idle: IdleScheduler | undefined =
    typeof requestIdleCallback === 'function'
      ? (cb, options) => requestIdleCallback(cb, options)
      : view?.requestIdleCallback?.bind(view);
  let pending: Element[] = [];
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = -Infinity;
  let stopped = false;

  const flush = () => {
    timer = null;
    if (stopped) return;
    const startedAt = now();
    lastRun = startedAt;
    const added = pending;
    const sawRemoval = removed;
    pending = [];
    removed = false;
    const roots = topMostRoots(added, opts.skip);
    if (roots.length === 0 && !sawRemoval) return;
    opts.onBatch(roots, {
      addedNodes: added.length,
      roots: roots.length,
      removed: sawRemoval,
      startedAt,
      ms: 0,
      clock: now,
    });
  };

  const schedule = () => {
    if (timer !== null || stopped) return;
    const wait = Math.max(50, lastRun + opts.throttleMs - now());
    timer = setTimeout(() => {
      if (idle && !stopped) idle(flush, { timeout: opts.throttleMs });
      else flush();
    }, wait);
  };

  const observer = new MutationObserverImpl((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || INERT_TAGS.has((node as Element).tagName.toUpperCase()))
          continue;
        if (!opts.isOwn(node)) pending.push(node as Element);
      }
      if (!removed) {
        for (const node of record.removedNodes) {
          if (node.nodeType === 1 && !opts.isOwn(node)) {
            removed = true;
            break;
          }
        }
      }
    }
    if (pending.length > 0 || removed) schedule();
  });
  observer.observe(doc, { childList: true, subtree: true });

  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = [];
  };
}

/**
 * Reduces added elements to the connected ones that have no added ancestor, skipping our own UI.
 * Cost is one parent walk per added element (page depth), without touching the subtrees.
 */
export function topMostRoots(added: Element[], skip: (element: Element) => boolean): Element[] {
  if (added.length === 0) return [];
  const set = new Set(added);
  const roots: Element[] = [];
  const seen = new Set<Element>();
  for (const element of added) {
    if (seen.has(element)) continue;
    seen.add(element);
    if (!element.isConnected) continue;
    let covered = false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) {
        covered = true;
        break;
      }
    }
    if (covered || skip(element)) continue;
    roots.push(element);
  }
  return roots;
}
