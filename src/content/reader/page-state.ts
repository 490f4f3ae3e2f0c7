// What the reading view must give back to the page when it closes: the exact scroll position, the
// element that had focus, and the page's own inline `overflow` on <html> and <body> (changed while
// the view is open to stop the page scrolling underneath), plus <html>'s `display` / `opacity` where
// the page's own styles hide it. Form fields are never read or written: they keep their values
// because nothing here touches them.

interface InlineLock {
  element: HTMLElement;
  property: string;
  /** The whole style attribute before we touched it (null: there was none). */
  attribute: string | null;
  value: string;
  priority: string;
  /** The style attribute right after locking: if it is still that at unlock, nobody else touched it. */
  afterLock: string | null;
}

export interface PageState {
  scrollX: number;
  scrollY: number;
  focused: HTMLElement | null;
}

export function capturePageState(doc: Document): PageState {
  const win = doc.defaultView;
  const active = doc.activeElement;
  return {
    scrollX: win?.scrollX ?? 0,
    scrollY: win?.scrollY ?? 0,
    focused:
      active && active !== doc.body && active !== doc.documentElement
        ? (active as HTMLElement)
        : null,
  };
}

/** Puts scroll and focus back as captured. Focus never scrolls the page (preventScroll). */
export function restorePageState(doc: Document, state: PageState): void {
  const win = doc.defaultView;
  if (win && (win.scrollX !== state.scrollX || win.scrollY !== state.scrollY)) {
    win.scrollTo({ left: state.scrollX, top: state.scrollY, behavior: 'instant' });
  }
  const target = state.focused;
  if (target?.isConnected && typeof target.focus === 'function') {
    target.focus({ preventScroll: true });
  }
}

function lockOne(element: HTMLElement, property = 'overflow', value = 'hidden'): InlineLock {
  const saved: InlineLock = {
    element,
    property,
    attribute: element.getAttribute('style'),
    value: element.style.getPropertyValue(property),
    priority: element.style.getPropertyPriority(property),
    afterLock: null,
  };
  element.style.setProperty(property, value, 'important');
  saved.afterLock = element.getAttribute('style');
  return saved;
}

function unlockOne(saved: InlineLock): void {
  const { element, property } = saved;
  // Common case: only we changed the attribute, so put the page's exact text back.
  if (element.getAttribute('style') === saved.afterLock) {
    if (saved.attribute === null) element.removeAttribute('style');
    else element.setAttribute('style', saved.attribute);
    return;
  }
  // The page changed other inline styles meanwhile: undo only our property.
  if (saved.value) element.style.setProperty(property, saved.value, saved.priority);
  else element.style.removeProperty(property);
  // Leave no empty style="" behind where the page had no style attribute at all.
  if (saved.attribute === null && element.getAttribute('style') === '') {
    element.removeAttribute('style');
  } else if (
    saved.attribute !== null &&
    element.style.cssText === '' &&
    saved.attribute.trim() === ''
  ) {
    element.setAttribute('style', saved.attribute);
  }
}

/**
 * Stops the page from scrolling under the view. The overlay covers the viewport, so removing the
 * page's scrollbar changes nothing visible. Returns the function that undoes exactly this.
 *
 * Removing the scrollbar narrows nothing the user sees, but the browser lays the whole page out
 * again at the new width, on open and again on close: a few ms on an article, but 220 ms on a
 * page of 380 000 elements (Chromium, the 20 000-comment stress page: the longest task of the
 * open went 360 → 139 ms without it). `overflow: false` leaves the page's overflow alone for such
 * pages; the view's own scroller contains wheel and touch scrolling either way (reader-styles.ts).
 *
 * Some pages hide their whole <html> until their own scripts run (the frame-busting
 * `html { display: none }` a script undoes when the page is not framed): where those scripts are
 * blocked or have not run, the view, attached to <html>, was hidden with it, "open" but never
 * painted. Such an <html> is shown while the view is open. Call before attaching the view: the
 * page's style is then up to date, so reading it costs nothing, and the view can take focus.
 */
export function lockPageScroll(doc: Document, { overflow = true } = {}): () => void {
  const root = doc.documentElement;
  const style = doc.defaultView?.getComputedStyle(root);
  const hidden = style?.display === 'none';
  const transparent = style?.opacity === '0';
  const locked: InlineLock[] = [];
  if (overflow) locked.push(lockOne(root));
  if (overflow && doc.body) locked.push(lockOne(doc.body));
  if (hidden) locked.push(lockOne(root, 'display', 'block'));
  if (transparent) locked.push(lockOne(root, 'opacity', '1'));
  let done = false;
  return () => {
    if (done) return;
    done = true;
    for (const saved of locked.reverse()) unlockOne(saved);
  };
}
