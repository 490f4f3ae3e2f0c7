// Functions that run INSIDE the page (passed to page.evaluate). Each must be self-contained: no
// imports, no outer variables, no helpers defined outside the function body.

export interface ReaderProbe {
  /** Number of reader hosts in the document (must never exceed 1). */
  hosts: number;
  /** A host is present, has an open shadow root and paints something of real size. */
  open: boolean;
  /** All text of the view (style and script text excluded), whitespace collapsed. */
  text: string;
  /** Only the text that is rendered (not inside display:none / visibility:hidden parts). */
  visibleText: string;
}

/** What the reading view shows right now. */
export function probeReader(): ReaderProbe {
  const hosts = document.querySelectorAll('[data-declutter-root="reader"]');
  const host = hosts[0];
  const root = host?.shadowRoot;
  if (!host || !root) return { hosts: hosts.length, open: false, text: '', visibleText: '' };
  const parts: string[] = [];
  const visible: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const tag = parent?.tagName;
    if (tag === 'STYLE' || tag === 'SCRIPT' || tag === 'TEMPLATE') continue;
    parts.push(node.nodeValue ?? '');
    if (parent?.checkVisibility({ visibilityProperty: true })) visible.push(node.nodeValue ?? '');
  }
  // "Open" means painted: the host or something in its shadow tree covers a real area.
  let painted = false;
  const boxes = [host, ...Array.from(root.querySelectorAll('*'))];
  for (const el of boxes) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (
      r.width > 200 &&
      r.height > 200 &&
      style.visibility !== 'hidden' &&
      style.display !== 'none' &&
      Number(style.opacity) > 0
    ) {
      painted = true;
      break;
    }
  }
  const hostStyle = getComputedStyle(host);
  if (hostStyle.display === 'none' || hostStyle.visibility === 'hidden') painted = false;
  const collapse = (list: string[]) => list.join(' ').replace(/\s+/g, ' ').trim();
  return {
    hosts: hosts.length,
    open: painted,
    text: collapse(parts),
    visibleText: collapse(visible),
  };
}

/**
 * The page's own markup: documentElement.outerHTML with everything Declutter adds taken out (its
 * hosts and chips, and the one stylesheet Declutter mode injects). Equal before and after means
 * the page underneath was left as it was.
 */
export function pageSnapshot(options?: { ignoreScrollLock?: boolean }): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  // While the overlay is up, the view may lock the page's scrolling with an inline style on
  // <html>/<body>; that one change is allowed while open (and must be gone after closing).
  if (options?.ignoreScrollLock) {
    clone.removeAttribute('style');
    clone.querySelector('body')?.removeAttribute('style');
  }
  for (const el of Array.from(
    clone.querySelectorAll('[data-declutter-root], style[data-declutter-style]'),
  )) {
    el.remove();
  }
  return clone.outerHTML;
}

export interface ControlHit {
  x: number;
  y: number;
  label: string;
}

/**
 * Finds a control (button, switch, checkbox, link) by its accessible label in Declutter's own UI:
 * inside the shadow roots of `[data-declutter-root]` hosts (`root` narrows to one kind). Scrolls
 * it into view and returns its centre for a trusted mouse click, or the labels it saw instead.
 */
export function findControl(args: {
  label: string;
  root?: string;
}): ControlHit | { missing: string[] } {
  const pattern = new RegExp(args.label, 'i');
  const hostSelector = args.root ? `[data-declutter-root="${args.root}"]` : '[data-declutter-root]';
  const seen: string[] = [];
  const scopes: Array<Document | ShadowRoot | Element> = [];
  for (const host of Array.from(document.querySelectorAll(hostSelector))) {
    scopes.push(host);
    if (host.shadowRoot) scopes.push(host.shadowRoot);
  }
  for (const scope of scopes) {
    const candidates = scope.querySelectorAll(
      'button, [role="switch"], [role="button"], [role="checkbox"], [role="menuitem"], input[type="checkbox"], a[href]',
    );
    for (const el of Array.from(candidates)) {
      const owner = el.getRootNode() as Document | ShadowRoot;
      const id = el.getAttribute('id');
      const forLabel = id ? owner.querySelector(`label[for="${id}"]`)?.textContent : '';
      const wrapping = el.closest('label')?.textContent ?? '';
      const label = [
        el.getAttribute('aria-label') ?? '',
        el.getAttribute('title') ?? '',
        el.textContent ?? '',
        forLabel ?? '',
        wrapping,
      ]
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      seen.push(label);
      if (!pattern.test(label)) continue;
      const target = (el.closest('label') ?? el) as HTMLElement;
      target.scrollIntoView({ block: 'center', inline: 'center' });
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) {
        seen.push(`(matched but not displayed: ${label})`);
        continue;
      }
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, label };
    }
  }
  return { missing: seen };
}

/** Quote marks the Quotes switch put into the view. */
export function probeQuoteMarks(): { count: number; texts: string[]; speakers: string[] } {
  const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
  const marks = root ? Array.from(root.querySelectorAll('mark[data-declutter-quote]')) : [];
  return {
    count: marks.length,
    texts: marks.map((m) => (m.textContent ?? '').replace(/\s+/g, ' ').trim()),
    speakers: marks.map((m) => m.getAttribute('data-speaker') ?? ''),
  };
}

export interface HiddenProbe {
  /** kind → texts of the elements hidden as that kind. */
  byKind: Record<string, string[]>;
  /** Hidden elements that still take up space on screen (should be none). */
  stillVisible: number;
  chips: number;
  chipTexts: string[];
}

/** What Declutter mode hid on the page. */
export function probeHidden(): HiddenProbe {
  const byKind: Record<string, string[]> = {};
  let stillVisible = 0;
  for (const el of Array.from(document.querySelectorAll('[data-declutter-hidden]'))) {
    const kind = el.getAttribute('data-declutter-hidden') ?? '';
    (byKind[kind] ??= []).push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) stillVisible++;
  }
  const chips = Array.from(document.querySelectorAll('[data-declutter-root="chip"]'));
  const chipTexts = chips.map((c) =>
    ((c.shadowRoot ?? c).textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
  return { byKind, stillVisible, chips: chips.length, chipTexts };
}
