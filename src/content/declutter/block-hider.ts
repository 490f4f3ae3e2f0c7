// How Declutter hides a block on the live page, and shows it again, without freezing the tab.
//
// Every hidden block carries `data-declutter-hidden="<kind>"` (what the chips, the panel and the
// quote layer read), and one injected stylesheet turns that attribute into `display: none`: an
// `!important` rule the page's own scripts cannot undo by setting an inline display. That tears
// the block's boxes down in one frame, about 1.4 µs an element: nothing for a comment section of
// a few thousand elements, half a second for the 20,000-comment stress page's thread (380,000
// elements), and seconds to build them again when it is shown. A block of LARGE_BLOCK_ELEMENTS
// or more is therefore hidden another way, chosen per engine by measurement on that page with
// `scripts/bench/declutter-large.ts` (which turns "Declutter page" on and off through the real
// extension):
//
// - 'skip-rendering' (Chromium): `content-visibility: hidden` on a zero-height box. The browser
//   keeps the contents' boxes and stops rendering them, and they leave the accessibility tree,
//   the tab order and find-in-page as with `display: none`. Longest stall hiding 581 → 166 ms,
//   showing 3,470 → 438 ms (the block's own layout, in one frame). Only a block-level box can
//   take the property; any other gets `display: none`.
// - 'in-steps' (Firefox, where `content-visibility` took 790–840 ms): the block's parts get an
//   inline `display: none !important` a few thousand elements per task, from the block's end
//   (nothing left on screen moves), then the block is hidden; shown again from its top. Longest
//   stall hiding 465 → 135 ms, showing 1,651 → 154 ms. There, inserting or removing a stylesheet
//   keyed on an attribute restyles the whole document (Stylo invalidates by id, class and tag
//   name only): 690–705 ms on the stress page. So on a page of LARGE_PAGE_ELEMENTS or more every
//   block is hidden by an inline style instead of the stylesheet (its `style` attribute is put
//   back as it was).
//
// Nothing is moved or removed, and everything written here is taken away again.

export const HIDDEN_ATTRIBUTE = 'data-declutter-hidden';
export const HIDE_STYLE_ATTRIBUTE = 'data-declutter-style';
/** On a hidden block whose rendering is skipped ('skip-rendering'). */
export const SKIP_ATTRIBUTE = 'data-declutter-skip';
/** On a block being hidden in steps ('in-steps'): not `display: none` until its parts are. */
export const STEPPING_ATTRIBUTE = 'data-declutter-stepping';

export const HIDE_CSS =
  `[${HIDDEN_ATTRIBUTE}]:not([${SKIP_ATTRIBUTE}]):not([${STEPPING_ATTRIBUTE}]){display:none!important}` +
  `[${HIDDEN_ATTRIBUTE}][${SKIP_ATTRIBUTE}]{content-visibility:hidden!important;` +
  'contain-intrinsic-size:0 0!important;height:0!important;min-height:0!important;' +
  'padding:0!important;border:0!important;margin:0!important;outline:0!important;' +
  'box-shadow:none!important}';

/** Elements in a block from which hiding it at once would stall the page (see above). */
export const LARGE_BLOCK_ELEMENTS = 20_000;
/** Elements hidden or shown per task in steps: 40–95 ms a step in Firefox on the stress page. */
export const STEP_ELEMENTS = 8_000;
/**
 * Elements on a page from which Firefox's restyle for our stylesheet would stall it (about
 * 1.8 µs an element: 55 ms here).
 */
export const LARGE_PAGE_ELEMENTS = 30_000;

export type HidingStrategy = 'skip-rendering' | 'in-steps';

export interface BlockHiderOptions {
  strategy: HidingStrategy;
  /** Overrides of the thresholds above (tests). */
  largeElements?: number;
  stepElements?: number;
  largePageElements?: number;
  /** Gives the page a turn between steps (default: a zero-delay timer). */
  yieldTask?: (next: () => void) => void;
}

export interface BlockHider {
  /** Hides `element` as clutter of `kind`, or shows it again with `null`. */
  set(element: Element, kind: string | null): void;
  /** Shows everything at once, ends every step and removes the stylesheet. */
  clear(): void;
}

/** Display types `content-visibility` applies to (a block container, flex or grid box). */
const SKIPPABLE_DISPLAY = /^(?:block|flow-root|flex|grid|list-item|block flow|block flow-root)$/;

const descendants = (element: Element) => element.getElementsByTagName('*').length;

/**
 * Where a stepped hiding or showing has got to inside a block: the next element to look at, and
 * the elements it descended into (a part too large for one step is taken a child at a time).
 * Lazy, so that no task has to list the parts of the whole block first (85 ms in Firefox on the
 * stress page): each step counts only what it takes.
 */
interface Walk {
  forward: boolean;
  cursor: Element | null;
  ancestors: Element[];
}

function startWalk(block: Element, forward: boolean): Walk {
  return {
    forward,
    cursor: forward ? block.firstElementChild : block.lastElementChild,
    ancestors: [],
  };
}

/** Moves past `el`: its next sibling in the walk's direction, or its ancestors'. */
function moveOn(walk: Walk, el: Element): void {
  for (let node: Element | undefined = el; node; node = walk.ancestors.pop()) {
    const sibling = walk.forward ? node.nextElementSibling : node.previousElementSibling;
    if (sibling) {
      walk.cursor = sibling;
      return;
    }
  }
  walk.cursor = null;
}

/** Moves into `el`: its first (or last) child next. */
function descend(walk: Walk, el: Element): void {
  const child = walk.forward ? el.firstElementChild : el.lastElementChild;
  if (!child) return moveOn(walk, el);
  walk.ancestors.push(el);
  walk.cursor = child;
}

interface Stepping {
  target: 'hidden' | 'shown';
  walk: Walk;
  /** Parts currently hidden inline. */
  marked: Set<Element>;
  /** Bumped on every new target: a pending step of an older one does nothing. */
  generation: number;
}

/** An element's own `style` before we hid it, to put back exactly. */
interface SavedStyle {
  attribute: string | null;
  display: string;
  priority: string;
  /** The attribute as we left it: unchanged since, the original goes back verbatim. */
  ours: string | null;
}

/** Inline `display: none !important`, undone exactly (or, if the page restyled it since, gently). */
function inlineHider() {
  const saved = new Map<Element, SavedStyle>();
  return {
    hide(el: Element) {
      const style = (el as HTMLElement).style;
      if (!style || saved.has(el)) return;
      const entry: SavedStyle = {
        attribute: el.getAttribute('style'),
        display: style.getPropertyValue('display'),
        priority: style.getPropertyPriority('display'),
        ours: null,
      };
      style.setProperty('display', 'none', 'important');
      entry.ours = el.getAttribute('style');
      saved.set(el, entry);
    },
    show(el: Element) {
      const entry = saved.get(el);
      if (!entry) return;
      saved.delete(el);
      // (Reading the attribute also matters: Chromium writes a CSSOM change into it lazily, and
      // a removal before that leaves style="" behind.)
      if (el.getAttribute('style') === entry.ours) {
        if (entry.attribute === null) el.removeAttribute('style');
        else el.setAttribute('style', entry.attribute);
        return;
      }
      const style = (el as HTMLElement).style;
      style.removeProperty('display');
      if (entry.display) style.setProperty('display', entry.display, entry.priority);
    },
    isHidden: (el: Element) => saved.has(el),
  };
}

export function createBlockHider(doc: Document, options: BlockHiderOptions): BlockHider {
  const largeElements = options.largeElements ?? LARGE_BLOCK_ELEMENTS;
  const stepElements = options.stepElements ?? STEP_ELEMENTS;
  const yieldTask = options.yieldTask ?? ((next) => setTimeout(next, 0));
  const inSteps = options.strategy === 'in-steps';
  let pageIsLarge: boolean | null = null;
  /** Blocks hidden by an inline style rather than the stylesheet (see above); decided once. */
  const inline = () =>
    inSteps &&
    (pageIsLarge ??=
      descendants(doc.documentElement) >= (options.largePageElements ?? LARGE_PAGE_ELEMENTS));
  const hidden = new Set<Element>();
  const stepping = new Map<Element, Stepping>();
  const inlineStyle = inlineHider();
  let style: HTMLStyleElement | null = null;

  const ensureStyle = () => {
    if (style?.isConnected) return;
    style = doc.createElement('style');
    style.setAttribute(HIDE_STYLE_ATTRIBUTE, '');
    style.textContent = HIDE_CSS;
    doc.documentElement.append(style);
  };
  const dropStyleIfUnused = () => {
    if (hidden.size > 0) return;
    style?.remove();
    style = null;
  };
  /** Makes the browser do a step's style and layout now, inside the step's own task. */
  const flushLayout = () => void doc.documentElement.getBoundingClientRect();

  const isLarge = (element: Element) => descendants(element) >= largeElements;
  const canSkip = (element: Element) => {
    const view = doc.defaultView;
    return view ? SKIPPABLE_DISPLAY.test(view.getComputedStyle(element).display) : false;
  };

  const finish = (element: Element, job: Stepping) => {
    if (job.target === 'hidden') {
      // The stylesheet's rule applies from here (or the inline style, on a large page).
      element.removeAttribute(STEPPING_ATTRIBUTE);
      if (inline()) inlineStyle.hide(element);
    }
    // Inside a block now `display: none` (or after the last part shown), unhiding costs nothing.
    for (const part of job.marked) inlineStyle.show(part);
    stepping.delete(element);
  };

  const size = (el: Element) => descendants(el) + 1;
  const hideChildren = (el: Element, marked: Set<Element>) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      inlineStyle.hide(child);
      marked.add(child);
    }
  };

  /** Hides up to a step's worth of parts, from the block's end. */
  const hideStep = (job: Stepping) => {
    const { walk, marked } = job;
    let budget = stepElements;
    while (walk.cursor && budget > 0) {
      const el = walk.cursor;
      if (marked.has(el)) {
        moveOn(walk, el);
        continue;
      }
      const n = size(el);
      if (n > stepElements && el.firstElementChild) {
        descend(walk, el);
        continue;
      }
      if (n > budget && budget < stepElements) break;
      inlineStyle.hide(el);
      marked.add(el);
      budget -= n;
      moveOn(walk, el);
    }
  };

  /** Shows up to a step's worth of hidden parts, from the block's top. */
  const showStep = (job: Stepping) => {
    const { walk, marked } = job;
    let budget = stepElements;
    while (walk.cursor && budget > 0) {
      const el = walk.cursor;
      const n = size(el);
      const large = n > stepElements && el.firstElementChild !== null;
      if (!marked.has(el)) {
        // Shown already; a large one may hold hidden parts.
        if (large) descend(walk, el);
        else moveOn(walk, el);
        continue;
      }
      if (large) {
        // Shown with its children hidden (free, it is `display: none`), which come next.
        hideChildren(el, marked);
        inlineStyle.show(el);
        marked.delete(el);
        descend(walk, el);
        continue;
      }
      if (n > budget && budget < stepElements) break;
      inlineStyle.show(el);
      marked.delete(el);
      budget -= n;
      moveOn(walk, el);
    }
  };

  const runStep = (element: Element, job: Stepping, generation: number) => {
    if (job.generation !== generation || stepping.get(element) !== job) return;
    if (!element.isConnected || !job.walk.cursor) return finish(element, job);
    if (job.target === 'hidden') hideStep(job);
    else showStep(job);
    flushLayout();
    yieldTask(() => runStep(element, job, generation));
  };

  /**
   * Hides (from the end) or shows (from the top) `element`'s parts a step per task. Never in
   * the caller's task, which has had its share (counting the block, chips, the panel).
   */
  const startSteps = (element: Element, target: Stepping['target']) => {
    let job = stepping.get(element);
    if (!job) {
      job = { target, walk: startWalk(element, false), marked: new Set(), generation: 0 };
      stepping.set(element, job);
    }
    job.target = target;
    job.walk = startWalk(element, target === 'shown');
    const generation = ++job.generation;
    const started = job;
    yieldTask(() => runStep(element, started, generation));
  };

  /** Hidden whole already, by the stylesheet or an inline style (not part way in steps). */
  const wholeHidden = (element: Element) =>
    inlineStyle.isHidden(element) ||
    (element.hasAttribute(HIDDEN_ATTRIBUTE) && !element.hasAttribute(STEPPING_ATTRIBUTE));

  const hide = (element: Element, kind: string) => {
    const again = hidden.has(element) && wholeHidden(element);
    hidden.add(element);
    if (!inSteps) {
      // Decided before the attribute goes on: the box's display is read as the page styles it.
      const skip = !again && isLarge(element) && canSkip(element);
      ensureStyle();
      if (skip) element.setAttribute(SKIP_ATTRIBUTE, '');
      element.setAttribute(HIDDEN_ATTRIBUTE, kind);
      return;
    }
    if (!inline()) ensureStyle();
    if (again) return element.setAttribute(HIDDEN_ATTRIBUTE, kind);
    if (stepping.has(element) || isLarge(element)) {
      element.setAttribute(STEPPING_ATTRIBUTE, '');
      element.setAttribute(HIDDEN_ATTRIBUTE, kind);
      startSteps(element, 'hidden');
      return;
    }
    element.setAttribute(HIDDEN_ATTRIBUTE, kind);
    if (inline()) inlineStyle.hide(element);
  };

  const show = (element: Element) => {
    const whole = hidden.has(element) && wholeHidden(element);
    hidden.delete(element);
    if (inSteps && whole && element.isConnected && isLarge(element)) {
      // Its children hidden first (free inside a `display: none` block), then the block shown.
      const job: Stepping = {
        target: 'shown',
        walk: startWalk(element, true),
        marked: new Set(),
        generation: 0,
      };
      stepping.set(element, job);
      hideChildren(element, job.marked);
    }
    element.removeAttribute(HIDDEN_ATTRIBUTE);
    element.removeAttribute(SKIP_ATTRIBUTE);
    element.removeAttribute(STEPPING_ATTRIBUTE);
    inlineStyle.show(element);
    if (stepping.has(element)) startSteps(element, 'shown');
    // Parts still to show are hidden by inline styles: the stylesheet can go.
    dropStyleIfUnused();
  };

  return {
    set(element, kind) {
      if (kind === null) show(element);
      else hide(element, kind);
    },
    clear() {
      for (const job of stepping.values()) {
        job.generation++;
        for (const part of job.marked) inlineStyle.show(part);
      }
      stepping.clear();
      for (const element of hidden) {
        element.removeAttribute(HIDDEN_ATTRIBUTE);
        element.removeAttribute(SKIP_ATTRIBUTE);
        element.removeAttribute(STEPPING_ATTRIBUTE);
        inlineStyle.show(element);
      }
      hidden.clear();
      style?.remove();
      style = null;
    },
  };
}
