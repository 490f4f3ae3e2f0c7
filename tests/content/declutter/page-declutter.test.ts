import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPageDeclutter,
  HIDDEN_ATTRIBUTE,
  type PageDeclutter,
} from '../../../src/content/declutter/page-declutter';
import { ARTICLE_PAGE, makeFakeDetect } from './fake-detect';
import type { ClutterFinding } from '../../../src/core';

function loadPage(html = ARTICLE_PAGE) {
  document.open();
  document.write(html);
  document.close();
}

const chips = () => [...document.querySelectorAll('[data-declutter-root="chip"]')] as HTMLElement[];
const chipButton = (host: Element) => host.shadowRoot!.querySelector('button')!;

describe('createPageDeclutter', () => {
  let declutter: PageDeclutter;
  beforeEach(() => loadPage());
  afterEach(() => declutter?.destroy());

  it('hides the findings of the chosen kinds with a marker attribute and one stylesheet', () => {
    declutter = createPageDeclutter(document, {
      kinds: ['comments', 'donation'],
      detect: makeFakeDetect(),
      observe: false,
    });
    const items = declutter.enable();
    expect(items.map((i) => i.finding.kind).sort()).toEqual(['comments', 'donation']);
    expect(document.querySelector('#comments')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe('comments');
    expect(document.querySelector('.support-box')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe('donation');
    // Opt-in kind not chosen: untouched.
    expect(document.querySelector('.newsletter')!.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    const styles = document.querySelectorAll('style[data-declutter-style]');
    expect(styles).toHaveLength(1);
    expect(getComputedStyle(document.querySelector('#comments')!).display).toBe('none');
    expect(getComputedStyle(document.querySelector('.newsletter')!).display).not.toBe('none');
    // Nothing was removed from the page.
    expect(document.querySelector('#comments li')).not.toBeNull();
    expect(document.querySelector('article p')!.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
  });

  it('puts an accessible chip right before each hidden block', () => {
    declutter = createPageDeclutter(document, {
      kinds: ['comments', 'donation'],
      detect: makeFakeDetect(),
      observe: false,
    });
    declutter.enable();
    const comments = document.querySelector('#comments')!;
    const chip = comments.previousElementSibling!;
    expect(chip.getAttribute('data-declutter-root')).toBe('chip');
    expect(chip.shadowRoot).not.toBeNull();
    expect(chip.shadowRoot!.textContent).toContain('Comments hidden');
    const button = chipButton(chip);
    expect(button.tagName).toBe('BUTTON');
    expect(button.textContent).toBe('show');
    expect(button.getAttribute('aria-label')).toBe('Show comments');
    expect(
      document.querySelector('.support-box')!.previousElementSibling!.shadowRoot!.textContent,
    ).toContain('Donation ask hidden');

    button.click();
    expect(comments.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    expect(chip.shadowRoot!.textContent).toContain('Comments shown');
    expect(button.textContent).toBe('hide');
    button.click();
    expect(comments.getAttribute(HIDDEN_ATTRIBUTE)).toBe('comments');
  });

  it('gives a run of sibling blocks of one rule a single chip that shows and hides them all', () => {
    loadPage(`<!doctype html><html><body><article><p>The post.</p>
      <h3 class="run">3 Comments</h3><div class="run">Ann: first</div><div class="run">Bo: second</div>
      <div class="other">Support us</div></article></body></html>`);
    const detect = (doc: Document): ClutterFinding[] => [
      ...[...doc.querySelectorAll('.run')].map((el, i) => ({
        kind: 'comments' as const,
        rule: 'comments/generic-thread',
        selector: `article > :nth-child(${i + 2})`,
        text: el.textContent ?? '',
        confidence: 0.75,
      })),
      {
        kind: 'donation',
        rule: 'donation/support-box',
        selector: '.other',
        text: 'Support us',
        confidence: 0.8,
      },
    ];
    declutter = createPageDeclutter(document, {
      kinds: ['comments', 'donation'],
      detect,
      observe: false,
    });
    expect(declutter.enable()).toHaveLength(4);
    const run = [...document.querySelectorAll('.run')];
    expect(run.every((el) => el.getAttribute(HIDDEN_ATTRIBUTE) === 'comments')).toBe(true);
    // One chip for the run (before its first block), one for the donation box after it.
    expect(chips()).toHaveLength(2);
    expect(run[0]!.previousElementSibling).toBe(chips()[0]);
    chipButton(chips()[0]!).click();
    expect(run.some((el) => el.hasAttribute(HIDDEN_ATTRIBUTE))).toBe(false);
    expect(document.querySelector('.other')!.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(true);
    chipButton(chips()[0]!).click();
    expect(run.every((el) => el.hasAttribute(HIDDEN_ATTRIBUTE))).toBe(true);
  });

  it('restore / hideAgain / restoreAll / disable, and disable leaves the markup byte-identical', () => {
    const before = document.documentElement.outerHTML;
    declutter = createPageDeclutter(document, {
      kinds: ['comments', 'donation', 'newsletter'],
      detect: makeFakeDetect(),
      observe: false,
    });
    const changes = vi.fn();
    declutter.onChange(changes);
    const items = declutter.enable();
    expect(document.documentElement.outerHTML).not.toBe(before);
    const comments = items.find((i) => i.finding.kind === 'comments')!;

    declutter.restore(comments.id);
    expect(declutter.items().find((i) => i.id === comments.id)!.hidden).toBe(false);
    expect(comments.element.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    declutter.hideAgain(comments.id);
    expect(comments.element.getAttribute(HIDDEN_ATTRIBUTE)).toBe('comments');

    declutter.restoreAll();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(declutter.items()).toHaveLength(3);
    expect(declutter.items().every((i) => !i.hidden)).toBe(true);

    declutter.enable();
    expect(chips()).toHaveLength(3);
    declutter.disable();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(declutter.isEnabled()).toBe(false);
    expect(changes).toHaveBeenCalled();
  });

  it('setKinds hides newly chosen kinds and shows the dropped ones', () => {
    const before = document.documentElement.outerHTML;
    declutter = createPageDeclutter(document, {
      kinds: ['comments'],
      detect: makeFakeDetect(),
      observe: false,
    });
    declutter.enable();
    declutter.setKinds(['comments', 'newsletter']);
    expect(document.querySelector('.newsletter')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe(
      'newsletter',
    );
    declutter.setKinds([]);
    expect(declutter.items()).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('shows a very large block again in steps when Declutter is turned off, markup restored after', () => {
    const before = document.documentElement.outerHTML;
    const steps: (() => void)[] = [];
    declutter = createPageDeclutter(document, {
      kinds: ['comments'],
      detect: makeFakeDetect(),
      observe: false,
      strategy: 'in-steps',
      // #comments holds 5 elements: a heading and a list of two, each its own step.
      blockHider: { largeElements: 4, stepElements: 1, yieldTask: (next) => steps.push(next) },
    });
    declutter.enable();
    while (steps.length > 0) steps.shift()!();
    const comments = document.querySelector('#comments')!;
    expect(getComputedStyle(comments).display).toBe('none');
    declutter.disable();
    expect(comments.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    // The rest comes back a step at a time.
    expect(getComputedStyle(comments.querySelector('ol')!).display).toBe('none');
    while (steps.length > 0) steps.shift()!();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('never hides html, head or body, whatever the detector says', () => {
    declutter = createPageDeclutter(document, {
      kinds: ['comments'],
      detect: () => [
        { kind: 'comments', rule: 'comments/bad', selector: 'body', text: '', confidence: 1 },
      ],
      observe: false,
    });
    expect(declutter.enable()).toHaveLength(0);
    expect(document.body.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
  });

  it('catches a comment thread inserted late, once, and ignores its own chips', async () => {
    vi.useFakeTimers();
    try {
      const calls: { roots: number | undefined }[] = [];
      const batches: number[] = [];
      declutter = createPageDeclutter(document, {
        kinds: ['comments', 'donation'],
        detect: makeFakeDetect(calls),
        onBatch: (b) => batches.push(b.roots),
      });
      declutter.enable();
      expect(calls).toHaveLength(1);
      // Our own chips were inserted by enable(): they must not trigger a detection run.
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toHaveLength(1);

      // Disqus-like: an empty placeholder, then the thread iframe and a list arrive in pieces.
      const thread = document.createElement('div');
      thread.id = 'disqus_thread';
      document.querySelector('main')!.append(thread);
      const iframe = document.createElement('iframe');
      iframe.src = 'https://disqus.com/embed/comments/';
      thread.append(iframe);
      for (let i = 0; i < 50; i++) thread.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(600);

      expect(calls).toHaveLength(2);
      expect(calls[1]!.roots).toBe(1); // 52 added nodes reduced to their one top-most root
      expect(batches).toEqual([1]);
      expect(thread.getAttribute(HIDDEN_ATTRIBUTE)).toBe('comments');
      expect(thread.previousElementSibling!.getAttribute('data-declutter-root')).toBe('chip');
      expect(declutter.items().filter((i) => i.finding.rule === 'comments/disqus')).toHaveLength(1);

      // Nothing relevant added (a script tag): no detection run.
      document.body.append(document.createElement('script'));
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toHaveLength(2);

      // After disable the observer is gone.
      declutter.disable();
      document.body.append(document.createElement('section'));
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('after "restore all", late sections are listed but not hidden until asked', async () => {
    vi.useFakeTimers();
    try {
      const before = document.documentElement.outerHTML;
      declutter = createPageDeclutter(document, {
        kinds: ['comments', 'donation'],
        detect: makeFakeDetect(),
      });
      declutter.enable();
      declutter.restoreAll();
      const thread = document.createElement('div');
      thread.id = 'disqus_thread';
      document.querySelector('main')!.append(thread);
      await vi.advanceTimersByTimeAsync(1000);
      const late = declutter.items().find((i) => i.finding.rule === 'comments/disqus')!;
      expect(late.hidden).toBe(false);
      expect(thread.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
      thread.remove();
      await vi.advanceTimersByTimeAsync(1000);
      expect(document.documentElement.outerHTML).toBe(before);
      declutter.hideAgain(declutter.items()[0]!.id);
      expect(chips()).toHaveLength(1);
      expect(document.querySelectorAll('style[data-declutter-style]')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets blocks the page itself removed', async () => {
    vi.useFakeTimers();
    try {
      declutter = createPageDeclutter(document, {
        kinds: ['comments', 'donation'],
        detect: makeFakeDetect(),
      });
      declutter.enable();
      const changes = vi.fn();
      declutter.onChange(changes);
      document.querySelector('#comments')!.remove();
      await vi.advanceTimersByTimeAsync(1000);
      expect(declutter.items().map((i) => i.finding.kind)).toEqual(['donation']);
      expect(changes).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds no globals to the page', () => {
    const before = new Set(Object.keys(window));
    declutter = createPageDeclutter(document, { kinds: ['comments'], detect: makeFakeDetect() });
    declutter.enable();
    expect(Object.keys(window).filter((key) => !before.has(key))).toEqual([]);
    expect(customElements.get('declutter-chip')).toBeUndefined();
  });
});
