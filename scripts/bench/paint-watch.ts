// In-page probes for the click path (run in the page's main world, serialised by the driver).
//
// The content script sets no performance mark or event when the view is on screen, so "painted"
// is observed from the page: a MutationObserver sees the reader host
// (`[data-declutter-root="reader"]`) arrive; once its open shadow root holds something with a
// real box, the next animation frame is the one that paints it, and a message posted from that
// frame's rAF callback runs right after the frame: that moment is "painted". Long tasks (> 50 ms,
// any world of this frame, content script included) are recorded by a PerformanceObserver.

export interface PaintWatch {
  t0: number;
  attached: number;
  painted: number;
  closed: number;
  view: 'article' | 'notice' | '';
  text: number;
  /** The host was attached with content but nothing in it had a box (e.g. the page hides <html>). */
  boxless: boolean;
  longTasks: Array<[number, number]>;
}

type WatchWindow = Window & { __benchPaint?: PaintWatch; __benchObservers?: unknown[] };

/** Arms the watcher. Call before triggering the action; then `markStart` right before it. */
export function armPaintWatch(): void {
  const w = window as WatchWindow;
  const state: PaintWatch = {
    t0: 0,
    attached: 0,
    painted: 0,
    closed: 0,
    view: '',
    text: 0,
    boxless: false,
    longTasks: [],
  };
  w.__benchPaint = state;
  for (const o of (w.__benchObservers ?? []) as Array<{ disconnect(): void }>) o.disconnect();
  const observers: unknown[] = [];
  try {
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
    });
    po.observe({ type: 'longtask' });
    observers.push(po);
  } catch {
    // Firefox has no longtask entries; the figure is then missing, not zero.
  }
  const host = () => document.querySelector('[data-declutter-root="reader"]');
  const hasBox = (root: ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) return true;
    }
    return false;
  };
  let armed = false;
  const check = () => {
    const h = host();
    if (!h) {
      if (state.painted && !state.closed) state.closed = performance.now();
      return;
    }
    const root = h.shadowRoot;
    if (armed || !root) return;
    if (!hasBox(root)) {
      state.boxless = root.childElementCount > 0;
      return;
    }
    armed = true;
    state.attached = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.painted = performance.now();
        state.view = root.querySelector('article') ? 'article' : 'notice';
        state.text = (root.textContent ?? '').length;
      };
      channel.port2.postMessage(0);
    });
  };
  const mo = new MutationObserver(check);
  mo.observe(document.documentElement, { childList: true, subtree: true });
  observers.push(mo);
  w.__benchObservers = observers;
}

export function markStart(): number {
  const state = (window as WatchWindow).__benchPaint;
  if (state) state.t0 = performance.now();
  return state?.t0 ?? -1;
}

export function readPaintWatch(): PaintWatch | null {
  return (window as WatchWindow).__benchPaint ?? null;
}

/** Longest long task and their sum between t0 and `until` (ms, page clock). */
export function longTasksBetween(w: PaintWatch, until: number) {
  const inRange = w.longTasks.filter(([start, d]) => start + d >= w.t0 && start <= until);
  return {
    count: inRange.length,
    longest: inRange.reduce((m, [, d]) => Math.max(m, d), 0),
    total: inRange.reduce((s, [, d]) => s + d, 0),
  };
}

/** Navigation timing and long tasks of the current page load (for the idle-cost section). */
export function loadFigures() {
  const nav = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  const w = window as Window & { __benchLoadLongTasks?: number[] };
  const tasks = w.__benchLoadLongTasks ?? [];
  return {
    domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
    load: nav?.loadEventEnd ?? Number.NaN,
    longTaskCount: tasks.length,
    longTaskTotal: tasks.reduce((a, b) => a + b, 0),
    declutterNodes: document.querySelectorAll('[data-declutter-root], [data-declutter-hidden]')
      .length,
  };
}

/** Init script (source text): records long tasks from the very start of every page load. */
export const LOAD_LONGTASK_INIT = `(() => {
  const tasks = (window.__benchLoadLongTasks = []);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;
