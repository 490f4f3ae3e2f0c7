import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBlockHider,
  HIDDEN_ATTRIBUTE,
  SKIP_ATTRIBUTE,
  STEPPING_ATTRIBUTE,
  type BlockHider,
  type HidingStrategy,
} from '../../../src/content/declutter/block-hider';

// A thread of 12 comments of 3 elements each (li > p + span) in a section with a heading: 39
// elements below #comments. With largeElements 30 it counts as very large; with stepElements 9
// a step takes three comments (or the heading and two), and the list (37) is taken a child at
// a time.
function loadThread() {
  const comments = Array.from(
    { length: 12 },
    (_, i) => `<li id="c${i}"><p>Comment ${i}</p><span>reader ${i}</span></li>`,
  ).join('');
  document.body.innerHTML = `<article><p>The post.</p></article>
    <section id="comments"><h2>12 comments</h2><ol>${comments}</ol></section>
    <span id="inline-thread">${'<b>x</b>'.repeat(40)}</span><footer>Footer</footer>`;
}

const display = (selector: string) => getComputedStyle(document.querySelector(selector)!).display;
/** The comments and heading of the thread hidden by an inline style of their own. */
const marked = () =>
  [...document.querySelectorAll('#comments h2, #comments li')]
    .filter((el) => (el as HTMLElement).style.display === 'none')
    .map((el) => el.id || el.localName);
const styleCount = () => document.querySelectorAll('style[data-declutter-style]').length;

describe('createBlockHider', () => {
  let hider: BlockHider;
  /** Steps waiting for their turn: the test gives the page its turns one at a time. */
  let queue: (() => void)[];
  const turn = () => queue.shift()?.();
  const turnsUntilIdle = () => {
    let n = 0;
    while (queue.length > 0) {
      turn();
      n++;
    }
    return n;
  };
  const make = (strategy: HidingStrategy, largePageElements?: number) =>
    createBlockHider(document, {
      strategy,
      ...(largePageElements ? { largePageElements } : {}),
      largeElements: 30,
      stepElements: 9,
      yieldTask: (next) => queue.push(next),
    });

  beforeEach(() => {
    queue = [];
    loadThread();
  });
  afterEach(() => hider?.clear());

  it('hides a block below the size limit with display: none at once, in either engine', () => {
    for (const mode of ['skip-rendering', 'in-steps'] as const) {
      hider = make(mode);
      const footer = document.querySelector('footer')!;
      hider.set(footer, 'donation');
      expect(footer.getAttribute(HIDDEN_ATTRIBUTE)).toBe('donation');
      expect(display('footer')).toBe('none');
      expect(footer.hasAttribute(SKIP_ATTRIBUTE) || footer.hasAttribute(STEPPING_ATTRIBUTE)).toBe(
        false,
      );
      expect(queue).toHaveLength(0);
      hider.set(footer, null);
      expect(display('footer')).toBe('block');
      expect(styleCount()).toBe(0);
    }
  });

  it('skip-rendering: a very large block box stops being rendered instead of losing its boxes', () => {
    hider = make('skip-rendering');
    const thread = document.querySelector('#comments')!;
    hider.set(thread, 'comments');
    expect(thread.getAttribute(HIDDEN_ATTRIBUTE)).toBe('comments');
    expect(thread.hasAttribute(SKIP_ATTRIBUTE)).toBe(true);
    // Not display: none, which would tear down 380,000 boxes in one frame on the stress page.
    expect(display('#comments')).toBe('block');
    const sheet = document.querySelector('style[data-declutter-style]')!.textContent!;
    expect(sheet).toMatch(/\[data-declutter-skip\]\{content-visibility:hidden!important/);
    expect(sheet).toContain('height:0!important');
    hider.set(thread, null);
    expect(thread.hasAttribute(HIDDEN_ATTRIBUTE) || thread.hasAttribute(SKIP_ATTRIBUTE)).toBe(
      false,
    );
    expect(styleCount()).toBe(0);
  });

  it('skip-rendering: an inline box, which the property does not apply to, gets display: none', () => {
    hider = make('skip-rendering');
    const inline = document.querySelector('#inline-thread')!;
    hider.set(inline, 'comments');
    expect(inline.hasAttribute(SKIP_ATTRIBUTE)).toBe(false);
    expect(display('#inline-thread')).toBe('none');
  });

  it('in-steps: hides a very large block a part at a time from its end, then the block', () => {
    hider = make('in-steps');
    const thread = document.querySelector('#comments')!;
    hider.set(thread, 'comments');
    // Marked hidden at once (the panel and chips agree), but still shown while the parts go.
    expect(thread.getAttribute(HIDDEN_ATTRIBUTE)).toBe('comments');
    expect(display('#comments')).toBe('block');
    // Nothing in the caller's task; then the first step hid the last three comments, the next
    // the three before them.
    expect(marked()).toEqual([]);
    turn();
    expect(marked()).toEqual(['c9', 'c10', 'c11']);
    turn();
    expect(marked()).toEqual(['c6', 'c7', 'c8', 'c9', 'c10', 'c11']);
    turnsUntilIdle();
    expect(display('#comments')).toBe('none');
    expect(thread.hasAttribute(STEPPING_ATTRIBUTE)).toBe(false);
    expect(marked()).toEqual([]);
    expect(queue).toHaveLength(0);
  });

  it('in-steps: shows a very large block again from its top, its parts by inline styles', () => {
    hider = make('in-steps');
    const before = document.body.innerHTML;
    const thread = document.querySelector('#comments')!;
    hider.set(thread, 'comments');
    turnsUntilIdle();
    hider.set(thread, null);
    expect(thread.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    expect(display('#comments')).toBe('block');
    // Its children were hidden before it was shown; the list will be opened a child at a time.
    expect(display('#comments h2')).toBe('none');
    expect(display('#comments ol')).toBe('none');
    turn();
    // The heading and the first two comments are back; the rest follow a step at a time.
    expect(display('#comments h2')).toBe('block');
    expect(display('#c1')).not.toBe('none');
    expect(display('#c2')).toBe('none');
    // The parts still hidden are so by inline styles: the stylesheet has gone already.
    expect(styleCount()).toBe(0);
    const turns = turnsUntilIdle();
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(marked()).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('in-steps: a change of mind half way goes back from where it was', () => {
    hider = make('in-steps');
    const thread = document.querySelector('#comments')!;
    hider.set(thread, 'comments');
    turn();
    turn();
    hider.set(thread, null);
    expect(thread.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    expect(thread.hasAttribute(STEPPING_ATTRIBUTE)).toBe(false);
    const hiddenSoFar = ['c6', 'c7', 'c8', 'c9', 'c10', 'c11'];
    expect(marked()).toEqual(hiddenSoFar);
    // Only the parts that were hidden have to come back, from the top: c6 to c8 first (the
    // queue's first turn is the hiding's next step, which does nothing now).
    turn();
    expect(marked()).toEqual(hiddenSoFar);
    turn();
    expect(marked()).toEqual(['c9', 'c10', 'c11']);
    hider.set(thread, 'comments');
    turnsUntilIdle();
    expect(display('#comments')).toBe('none');
    expect(marked()).toEqual([]);
    hider.set(thread, null);
    turn();
    hider.clear();
    expect(marked()).toEqual([]);
    expect(thread.attributes.length).toBe(1); // its id only
    expect(turnsUntilIdle()).toBeLessThanOrEqual(1); // a stale step does nothing
    expect(marked()).toEqual([]);
  });

  it('in-steps: a block taken off the page while being hidden ends its steps', () => {
    hider = make('in-steps');
    const thread = document.querySelector('#comments')!;
    hider.set(thread, 'comments');
    thread.remove();
    expect(turnsUntilIdle()).toBeLessThanOrEqual(2);
    expect(thread.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('in-steps: hides with the stylesheet on an ordinary page, which the page cannot undo', () => {
    hider = make('in-steps');
    const footer = document.querySelector('footer') as HTMLElement;
    hider.set(footer, 'donation');
    expect(styleCount()).toBe(1);
    expect(display('footer')).toBe('none');
    // Not an inline style, which a page script setting its own display would overwrite (the
    // e2e seed scenario checks that the stylesheet's !important rule wins in both browsers).
    expect(footer.hasAttribute('style')).toBe(false);
  });

  it('in-steps: on a very large page every block is hidden by an inline style, no stylesheet', () => {
    hider = make('in-steps', 40);
    const before = document.body.innerHTML;
    const footer = document.querySelector('footer') as HTMLElement;
    const thread = document.querySelector('#comments') as HTMLElement;
    hider.set(footer, 'donation');
    hider.set(thread, 'comments');
    turnsUntilIdle();
    expect([footer.style.display, thread.style.display]).toEqual(['none', 'none']);
    expect(display('#comments')).toBe('none');
    expect(styleCount()).toBe(0);
    hider.set(footer, null);
    hider.set(thread, null);
    turnsUntilIdle();
    expect(document.body.innerHTML).toBe(before);
  });

  it("in-steps: puts back the style attribute a block had, or the page's own change to it", () => {
    hider = make('in-steps', 40);
    const footer = document.querySelector('footer') as HTMLElement;
    footer.setAttribute('style', 'color: red;display:flex');
    hider.set(footer, 'donation');
    expect(display('footer')).toBe('none');
    hider.set(footer, null);
    expect(footer.getAttribute('style')).toBe('color: red;display:flex');
    // The page restyles the block while it is hidden: its change stays, its display comes back.
    hider.set(footer, 'donation');
    footer.style.color = 'blue';
    hider.set(footer, null);
    expect(footer.style.color).toBe('blue');
    expect(footer.style.display).toBe('flex');
  });
});
