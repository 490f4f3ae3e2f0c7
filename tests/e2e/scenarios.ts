// The end-to-end scenarios, written once and run in each browser by chromium.test.ts and
// firefox.test.ts. Every scenario drives the real built extension the way a user does: the toolbar
// button (CDP / privileged BiDi triggerAction), trusted keys and mouse clicks. Screenshots of the
// reading view go to out/e2e-<browser>-<scenario>.png on every run (kept as CI artifacts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, whyUnavailable, type BrowserKind } from './support/browsers';
import { serveDirectories, type StaticServer } from './support/server';
import { launch, waitInPage, type E2EBrowser, type E2EPage } from './support/driver';
import { waitForClosedReader, waitForOpenReader } from './support/reader';

export { waitForClosedReader, waitForOpenReader };
import {
  findControl,
  pageSnapshot,
  probeHidden,
  probeQuoteMarks,
  probeReader,
  type ControlHit,
} from './support/probes';

export const FIXTURES_DIR = join(ROOT, 'tests/fixtures/pages');
export const E2E_PAGES_DIR = join(ROOT, 'tests/e2e/pages');
export const SEED_PATH = '/fixtures/seed-southfront/source.html';
export const NO_ARTICLE_PATH = '/e2e/no-article.html';
export const FORM_PAGE_PATH = '/e2e/form-above-article.html';
export const HUGE_PAGE_PATH = '/e2e/huge-archive.html';
export const LONG_THREAD_PATH = '/e2e/long-thread.html';

interface SeedExpectations {
  title: string;
  mustContain: string[];
  mustNotContain: string[];
}

export const seed = JSON.parse(
  readFileSync(join(FIXTURES_DIR, 'seed-southfront/expected.json'), 'utf8'),
) as SeedExpectations;

/** Everything a browser-specific spec needs to add its own tests to the shared suite. */
export interface SuiteContext {
  browser(): E2EBrowser;
  server(): StaticServer;
  /** Navigates the test tab to `path` under a URL unique to this test, and returns that URL. */
  visit(path: string, testName: string): Promise<string>;
}

/** CI=true/1/anything but "false"/"0"/empty. */
const onCI = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

/**
 * Declares the suite for `kind`. A missing browser (or an unbuilt extension) skips the suite with
 * a loud banner locally, and fails it when CI is set: CI must never pass by not testing.
 */
export function defineBrowserSuite(kind: BrowserKind, extra?: (ctx: SuiteContext) => void) {
  const title = `e2e ${kind}`;
  const missing = whyUnavailable(kind);
  if (missing) {
    const banner = `\n${'!'.repeat(78)}\n!! ${title}: ${missing}\n!! ${
      onCI
        ? 'CI is set: FAILING the suite.'
        : 'SKIPPING this browser locally (set CI=1 to make this fail).'
    }\n${'!'.repeat(78)}\n`;
    console.warn(banner);
    if (onCI) {
      describe(title, () => {
        it('has its browser and the built extension', () => {
          throw new Error(`${title} cannot run: ${missing}`);
        });
      });
    } else {
      describe.skip(`${title} (SKIPPED: ${missing})`, () => {
        it('all scenarios', () => undefined);
      });
    }
    return;
  }

  describe(title, () => {
    let browser: E2EBrowser | undefined;
    let server: StaticServer | undefined;
    let visits = 0;

    beforeAll(async () => {
      server = await serveDirectories({ '/fixtures/': FIXTURES_DIR, '/e2e/': E2E_PAGES_DIR });
      browser = await launch(kind);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const ctx: SuiteContext = {
      browser: () => {
        if (!browser) throw new Error('browser did not launch');
        return browser;
      },
      server: () => {
        if (!server) throw new Error('server did not start');
        return server;
      },
      visit: async (path, testName) => {
        const url = ctx.server().url(`${path}?test=${testName}-${++visits}`);
        await ctx.browser().page.goto(url);
        return url;
      },
    };
    const page = () => ctx.browser().page;
    const shot = (name: string) => page().screenshot(`e2e-${kind}-${name}`);
    /** The huge page, once its script has built it, with the view's "very large page" notice. */
    const openOverTheSizeGate = async (visit: string) => {
      await ctx.visit(HUGE_PAGE_PATH, visit);
      await waitInPage(
        page(),
        'the script-built archive grid',
        () => document.getElementsByTagName('*').length > 70_000,
        undefined,
      );
      await ctx.browser().clickAction();
      await waitForOpenReader(page(), 'A very large page');
    };

    it('opens the seed page in the reading view: article in, donation bar, Support blocks and comments out, page untouched', async () => {
      await ctx.visit(SEED_PATH, 'open-seed');
      const before = await page().evaluate(pageSnapshot, undefined);
      const beforeUnlocked = await page().evaluate(pageSnapshot, { ignoreScrollLock: true });

      await ctx.browser().clickAction();
      const view = await waitForOpenReader(page(), seed.title);
      await shot('reader-seed');

      expect(view.hosts, 'exactly one reader host').toBe(1);
      expect(view.text).toContain(seed.title);
      for (const sentence of seed.mustContain) expect(view.text).toContain(sentence);
      for (const clutter of seed.mustNotContain) expect(view.text).not.toContain(clutter);
      // The donation bar's amounts, whatever their spacing.
      expect(view.text).not.toMatch(/\b2,500\s*\$|\b5,000\s*\$/);

      expectSamePage(
        beforeUnlocked,
        await page().evaluate(pageSnapshot, { ignoreScrollLock: true }),
        'page markup while the view is open (scroll lock on html/body excepted)',
      );

      await page().press('Escape');
      await waitForClosedReader(page());
      expectSamePage(
        before,
        await page().evaluate(pageSnapshot, undefined),
        'page markup after Esc',
      );
    });

    it('restores what the user typed, the scroll position and the focus after Esc', async () => {
      await ctx.visit(SEED_PATH, 'restore-state');
      // Trusted typing into the page's own search field and comment box.
      await focusAndType(page(), '#header-search-field', 'taliban kabul');
      await focusAndType(page(), '#wc-textarea-0_0', 'A draft comment, half written.');
      const state = { scrollY: await scrollAndSettle(page(), 1500) };
      expect(state.scrollY, 'the seed page is long enough to scroll').toBeGreaterThan(1000);
      const before = await page().evaluate(pageSnapshot, undefined);

      await ctx.browser().clickAction();
      await waitForOpenReader(page(), seed.title);
      await page().press('Escape');
      await waitForClosedReader(page());

      const after = await page().evaluate(
        () => ({
          search: (document.querySelector('#header-search-field') as HTMLInputElement).value,
          draft: (document.querySelector('#wc-textarea-0_0') as HTMLTextAreaElement).value,
          scrollY: Math.round(window.scrollY),
          focused: document.activeElement?.id ?? null,
        }),
        undefined,
      );
      expect(after).toEqual({
        search: 'taliban kabul',
        draft: 'A draft comment, half written.',
        scrollY: state.scrollY,
        focused: 'wc-textarea-0_0',
      });
      expectSamePage(before, await page().evaluate(pageSnapshot, undefined));
    });

    it('keeps a long form above the article intact: every field, the scroll position and focus survive a round trip', async () => {
      await ctx.visit(FORM_PAGE_PATH, 'form-page');
      await focusAndType(page(), '#street', 'Quay Street');
      await focusAndType(page(), '#details', 'Two lamps out\nsince Tuesday.');
      await focusAndType(page(), '#email', 'reader@example.org');
      await page().evaluate(() => {
        (document.querySelector('#district') as HTMLSelectElement).value = 'riverside';
        (document.querySelector('#problem-lighting') as HTMLInputElement).checked = true;
        (document.querySelector('#urgent') as HTMLInputElement).checked = true;
        (document.querySelector('#updates') as HTMLInputElement).checked = false;
        (document.querySelector('#landmark') as HTMLInputElement).focus();
      }, undefined);
      await scrollAndSettle(page(), 900);
      const readForm = () => ({
        street: (document.querySelector('#street') as HTMLInputElement).value,
        landmark: (document.querySelector('#landmark') as HTMLInputElement).value,
        district: (document.querySelector('#district') as HTMLSelectElement).value,
        problem: (document.querySelector('input[name=problem]:checked') as HTMLInputElement | null)
          ?.value,
        details: (document.querySelector('#details') as HTMLTextAreaElement).value,
        urgent: (document.querySelector('#urgent') as HTMLInputElement).checked,
        updates: (document.querySelector('#updates') as HTMLInputElement).checked,
        email: (document.querySelector('#email') as HTMLInputElement).value,
        scrollY: Math.round(window.scrollY),
        focused: document.activeElement?.id ?? null,
      });
      const before = await page().evaluate(readForm, undefined);
      expect(before.scrollY).toBeGreaterThan(500);
      const markup = await page().evaluate(pageSnapshot, undefined);

      await ctx.browser().clickAction();
      const view = await waitForOpenReader(page(), 'Riverside bridge to close');
      await shot('reader-form-page');
      expect(view.text).toContain('corroded deck supports');
      expect(view.text).toContain('buy the time to get that decision right');
      expect(view.text, 'the form is not part of the article').not.toContain('Nearest landmark');

      await page().press('Escape');
      await waitForClosedReader(page());
      expect(await page().evaluate(readForm, undefined)).toEqual(before);
      expectSamePage(markup, await page().evaluate(pageSnapshot, undefined));
    });

    it('closes on a second click and leaves the page as it was', async () => {
      await ctx.visit(SEED_PATH, 'second-click');
      await scrollAndSettle(page(), 700);
      const before = await page().evaluate(
        () => ({ scrollY: Math.round(window.scrollY) }),
        undefined,
      );
      const markup = await page().evaluate(pageSnapshot, undefined);

      await ctx.browser().clickAction();
      await waitForOpenReader(page(), seed.title);
      await ctx.browser().clickAction();
      await waitForClosedReader(page());
      // The content script left the page with the view (src/content/index.ts): the next click
      // injects it again, and the view opens and closes as it did the first time.
      await ctx.browser().clickAction();
      await waitForOpenReader(page(), seed.title);
      await ctx.browser().clickAction();
      await waitForClosedReader(page());

      expect(
        await page().evaluate(() => ({ scrollY: Math.round(window.scrollY) }), undefined),
      ).toEqual(before);
      expectSamePage(markup, await page().evaluate(pageSnapshot, undefined));
    });

    it('shows a clear message, not a blank overlay, on a page with no article', async () => {
      await ctx.visit(NO_ARTICLE_PATH, 'no-article');
      const markup = await page().evaluate(pageSnapshot, undefined);
      await ctx.browser().clickAction();
      const view = await waitInPage(
        page(),
        'the reading view with a message',
        probeOpenWithText,
        20,
      );
      await shot('reader-no-article');
      expect(view.text).toMatch(/no article|nothing to read|could not|couldn.t|can.t|cannot/i);
      expect(view.text, 'the login form is not presented as an article').not.toMatch(
        /Keep me signed in/,
      );
      await page().press('Escape');
      await waitForClosedReader(page());
      expectSamePage(markup, await page().evaluate(pageSnapshot, undefined));
    });

    it('marks quotations in the view with the Quotes switch, and removes the marks cleanly when switched off', async () => {
      await ctx.visit(SEED_PATH, 'quotes');
      await ctx.browser().clickAction();
      const plain = await waitForOpenReader(page(), seed.title);

      await clickControl(page(), 'quotes', 'reader');
      const marks = await waitInPage(
        page(),
        'quote marks in the view',
        quoteMarksInView,
        undefined,
      );
      await shot('reader-quotes');
      const found = await page().evaluate(probeQuoteMarks, undefined);
      expect(marks).toBeGreaterThanOrEqual(7); // the seed article has nine quotations
      expect(found.texts.some((t) => t.includes('It’s a Catch-22'))).toBe(true);
      expect(found.texts.some((t) => t.includes('once again'))).toBe(true);
      expect(found.speakers.filter(Boolean).length, 'marks name their speaker').toBeGreaterThan(0);

      await clickControl(page(), 'quotes', 'reader');
      await waitInPage(
        page(),
        'quote marks to be removed',
        () => {
          const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
          return (root?.querySelectorAll('mark[data-declutter-quote]').length ?? 1) === 0;
        },
        undefined,
      );
      const after = await page().evaluate(probeReader, undefined);
      expect(after.visibleText, 'switching off restores the visible view exactly').toBe(
        plain.visibleText,
      );
      await page().press('Escape');
      await waitForClosedReader(page());

      // The content script and the Quotes script left with the view: opened again, the switch
      // brings the Quotes script back and marks the same quotations.
      await ctx.browser().clickAction();
      await waitForOpenReader(page(), seed.title);
      await clickControl(page(), 'quotes', 'reader');
      const again = await waitInPage(
        page(),
        'quote marks in the reopened view',
        quoteMarksInView,
        undefined,
      );
      expect(again).toBe(marks);
      await page().press('Escape');
      await waitForClosedReader(page());
    });

    it('Declutter page hides the comments and the donation bar on the page with chips, and restore all brings the page back identical', async () => {
      await ctx.visit(SEED_PATH, 'declutter-page');
      const markup = await page().evaluate(pageSnapshot, undefined);
      await ctx.browser().clickAction();
      await waitForOpenReader(page(), seed.title);

      // The toolbar's "Declutter page" switch hides clutter on the page itself, under the view.
      await clickControl(page(), 'declutter page', 'reader');
      await waitInPage(
        page(),
        'elements hidden with data-declutter-hidden',
        () => !!document.querySelector('[data-declutter-hidden]'),
        undefined,
      );
      await page().press('Escape');
      await waitForClosedReader(page());
      await waitInPage(
        page(),
        'chips on the page',
        () => !!document.querySelector('[data-declutter-root="chip"]'),
        undefined,
      );
      await page().evaluate(() => {
        const chips = document.querySelectorAll('[data-declutter-root="chip"]');
        chips[chips.length - 1]?.scrollIntoView({ block: 'center' });
      }, undefined);
      await shot('declutter-page');
      // A page script showing a hidden block again by its inline display does not undo the
      // hiding (the stylesheet's rule is !important); its own style attribute is left as it was.
      const overridden = await page().evaluate(() => {
        const block = document.querySelector('[data-declutter-hidden]') as HTMLElement;
        const before = block.getAttribute('style');
        block.style.display = 'block';
        const display = getComputedStyle(block).display;
        // Read first: Chromium writes a CSSOM change into the attribute lazily, and would
        // otherwise leave style="" behind after the removal.
        void block.getAttribute('style');
        if (before === null) block.removeAttribute('style');
        else block.setAttribute('style', before);
        return display;
      }, undefined);
      expect(overridden).toBe('none');
      const probe = await page().evaluate(probeHidden, undefined);
      const comments = (probe.byKind.comments ?? []).join('\n');
      const donation = (probe.byKind.donation ?? []).join('\n');
      expect(comments).toContain('Notify of');
      expect(comments).toContain('we’re giving you a chance to handover peacefully');
      expect(donation).toContain('2,500 $');
      expect(donation).toContain('Support SouthFront');
      for (const texts of Object.values(probe.byKind)) {
        for (const text of texts) {
          expect(text, 'the article is never hidden').not.toContain('Abu Omar Khorasani was taken');
        }
      }
      expect(probe.stillVisible, 'hidden elements take no space').toBe(0);
      expect(probe.chips).toBeGreaterThan(0);
      expect(probe.chipTexts.join(' ')).toMatch(/hidden/i);

      await restoreAll(page());
      await waitInPage(
        page(),
        'every hidden element restored',
        () => !document.querySelector('[data-declutter-hidden]'),
        undefined,
      );
      expectSamePage(markup, await page().evaluate(pageSnapshot, undefined));
    });

    it('Declutter page hides a 42,000-element comment thread the large-block way, and restore all brings it back identical', async () => {
      await ctx.visit(LONG_THREAD_PATH, 'declutter-long-thread');
      await waitInPage(
        page(),
        'the script-built thread',
        () => document.querySelectorAll('#comment-list li').length === 3500,
        undefined,
      );
      const markup = await page().evaluate(pageSnapshot, undefined);
      await ctx.browser().clickAction();
      await waitForOpenReader(page(), 'Should the old swimming baths reopen?', 30_000);
      await clickControl(page(), 'declutter page', 'reader');
      // Wholly hidden: in Chromium its rendering skipped on a zero-height box, in Firefox
      // `display: none` once its parts have gone a step at a time (src/content/declutter/block-hider.ts).
      const hidden = await waitInPage(
        page(),
        'the thread wholly hidden',
        () => {
          const thread = document.querySelector('#comments');
          if (!thread?.hasAttribute('data-declutter-hidden')) return null;
          const style = getComputedStyle(thread);
          const gone = style.display === 'none' || style.contentVisibility === 'hidden';
          const last = document.querySelector('#comment-list li:last-child')!;
          return gone && thread.getBoundingClientRect().height === 0
            ? {
                how: style.contentVisibility === 'hidden' ? 'skip-rendering' : 'display-none',
                inline: (thread as HTMLElement).style.display,
                // Not rendered (a skipped subtree keeps its old boxes, so no size test here).
                lastCommentRendered: last.checkVisibility(),
                article: document.querySelector('.entry-content')!.getBoundingClientRect().height,
                // Parts hidden on the way are shown again inside the hidden block.
                partsLeft: thread.querySelectorAll('[style]').length,
              }
            : null;
        },
        undefined,
        30_000,
      );
      expect(hidden.lastCommentRendered, 'the comments are not rendered').toBe(false);
      // The way measured best in each engine: not a display: none torn down in one frame.
      if (kind === 'chromium') expect(hidden.how).toBe('skip-rendering');
      else expect([hidden.how, hidden.inline]).toEqual(['display-none', 'none']);
      expect(hidden.article, 'the article is never hidden').toBeGreaterThan(100);
      expect(hidden.partsLeft).toBe(0);
      await page().press('Escape');
      await waitForClosedReader(page());

      await restoreAll(page());
      await waitInPage(
        page(),
        'the thread shown again, every part of it',
        () => {
          const thread = document.querySelector('#comments')!;
          return (
            !thread.hasAttribute('data-declutter-hidden') &&
            thread.querySelectorAll('[style]').length === 0 &&
            document.querySelector('#comment-list li:last-child')!.getBoundingClientRect().height >
              0
          );
        },
        undefined,
        30_000,
      );
      expectSamePage(markup, await page().evaluate(pageSnapshot, undefined));
    });

    it('on a page over the size gate, "Try anyway" analyses it outside the tab and shows the article, comments kept out', async () => {
      await openOverTheSizeGate('try-anyway');
      // The huge page keeps its scrollbar (no relayout of it all), yet a wheel over the short
      // message must not scroll the page beneath: the view's scroller holds it.
      const scrolled = () => Math.round(window.scrollY);
      const before = await page().evaluate(scrolled, undefined);
      await page().wheel(300, 300, 800);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await page().evaluate(scrolled, undefined), 'the page did not scroll').toBe(before);
      await clickControl(page(), 'try anyway', 'reader');
      const view = await waitForOpenReader(page(), 'Harbour dredging to resume', 30_000);
      await shot('reader-try-anyway');
      expect(view.text).toContain('keeps faith with the people who live next to it');
      expect(view.text, 'the comments are kept out').not.toContain('regatta weekend');
      expect(view.text, 'the photo grid is not the article').not.toContain('Photo 14999');
      await page().press('Escape');
      await waitForClosedReader(page());
    });

    it('"Try anyway" draws a long article in parts, parsed as the browser lets a content script (Firefox: in pieces)', async () => {
      await openOverTheSizeGate('try-anyway-minutes');
      await clickControl(page(), 'try anyway', 'reader');
      await waitForOpenReader(page(), 'Harbour dredging to resume', 30_000);
      const minutes = await waitInPage(
        page(),
        'every minute of the board drawn in the view',
        () => {
          const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
          const texts = Array.from(root?.querySelectorAll('p') ?? [], (p) => p.textContent ?? '');
          const drawn = texts.filter((text) => text.startsWith('Minute '));
          return drawn.at(-1)?.startsWith('Minute 3999:') ? drawn.length : 0;
        },
        undefined,
        30_000,
      );
      expect(minutes).toBe(4000);
      const parses = await page().evaluate(
        () =>
          performance
            .getEntriesByType('measure')
            .map((entry) => entry.name)
            .filter((name) => name.startsWith('declutter:article-parse:')),
        undefined,
      );
      // Firefox's content scripts may not write into a document: the background's pieces.
      expect(parses).toEqual([
        `declutter:article-parse:${kind === 'firefox' ? 'pieces' : 'stream'}`,
      ]);
      await page().press('Escape');
      await waitForClosedReader(page());
    });

    it('on a page over the size gate, Declutter page finds the comments outside the tab and hides them on the page', async () => {
      await openOverTheSizeGate('declutter-huge');
      await clickControl(page(), 'declutter page', 'reader');
      // At once, while the page is read off the tab: the switch is on, and says it is at work.
      const at = await page().evaluate(() => {
        const root = document.querySelector('[data-declutter-root="reader"]')!.shadowRoot!;
        const button = Array.from(root.querySelectorAll('button[role="switch"]')).find((b) =>
          /declutter page/i.test(b.textContent ?? ''),
        )!;
        return {
          checked: button.getAttribute('aria-checked'),
          busy: button.getAttribute('aria-busy'),
          hidden: document.querySelectorAll('[data-declutter-hidden]').length,
        };
      }, undefined);
      expect(at.checked).toBe('true');
      if (at.hidden === 0) expect(at.busy, 'busy until something is hidden').toBe('true');
      const hidden = await waitInPage(
        page(),
        'the comment thread hidden on the page',
        () => {
          const blocks = Array.from(document.querySelectorAll('[data-declutter-hidden]'));
          const texts = blocks.map((el) => el.textContent ?? '');
          return texts.some((text) => text.includes('regatta weekend')) ? texts : null;
        },
        undefined,
        30_000,
      );
      expect(
        hidden.some((text) => text.includes('keeps faith with the people')),
        'the article is not hidden',
      ).toBe(false);
      await page().press('Escape');
      await waitForClosedReader(page());
    });

    extra?.(ctx);
  });
}

// ---------------------------------------------------------------------------------------------

/** Quote marks in the reading view (0 until there are some: waitInPage waits for a truthy value). */
function quoteMarksInView() {
  const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
  return root?.querySelectorAll('mark[data-declutter-quote]').length ?? 0;
}

function probeOpenWithText(minChars: number) {
  const hosts = document.querySelectorAll('[data-declutter-root="reader"]');
  const host = hosts[0];
  const root = host?.shadowRoot;
  if (!host || !root) return null;
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const tag = node.parentElement?.tagName;
    if (tag !== 'STYLE' && tag !== 'SCRIPT' && tag !== 'TEMPLATE') parts.push(node.nodeValue ?? '');
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  const r = host.getBoundingClientRect();
  const anyBox = [host, ...Array.from(root.querySelectorAll('*'))].some((el) => {
    const b = el.getBoundingClientRect();
    return b.width > 200 && b.height > 50;
  });
  return text.length >= minChars && (anyBox || r.width > 200) ? { text } : null;
}

/**
 * Asserts the page markup is unchanged. On a difference, shows only the first differing lines
 * (a whole-page diff of 100 KB of HTML buries the cause).
 */
export function expectSamePage(before: string, after: string, what = 'page markup') {
  if (before === after) return;
  const a = before.split('\n');
  const b = after.split('\n');
  const first = a.findIndex((line, i) => line !== b[i]);
  const at = first === -1 ? a.length : first;
  const excerpt = (lines: string[]) =>
    lines
      .slice(at, at + 3)
      .map((l) => l.trim().slice(0, 300))
      .join('\n      ');
  throw new Error(
    `${what} changed (first difference at line ${at + 1}):\n  before: ${excerpt(a)}\n  after:  ${excerpt(b)}`,
  );
}

/**
 * Scrolls the page to `y` and waits until the position holds for two frames. Browsers scroll a
 * field that was just typed into (or focused) into view asynchronously — Firefox does it a frame
 * later — which would otherwise move the page after the test has noted where it was.
 */
export async function scrollAndSettle(page: E2EPage, y: number): Promise<number> {
  return page.evaluate(async (target: number) => {
    const frames = () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    for (let attempt = 0; attempt < 10; attempt++) {
      window.scrollTo(0, target);
      await frames();
      const at = window.scrollY;
      await frames();
      if (window.scrollY === at && Math.abs(at - target) < 2) return Math.round(at);
    }
    return Math.round(window.scrollY);
  }, y);
}

/** Focuses a page field by a trusted click-free route (focus()) and types into it for real. */
export async function focusAndType(page: E2EPage, selector: string, text: string) {
  await page.evaluate((sel: string) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el) throw new Error(`no element ${sel}`);
    el.focus();
  }, selector);
  await page.type(text);
}

/** Clicks one of Declutter's own controls with a trusted mouse click, found by its label. */
export async function clickControl(page: E2EPage, label: string, root?: string) {
  const hit = await page.evaluate(findControl, root ? { label, root } : { label });
  if ('missing' in hit) {
    throw new Error(
      `no control labelled /${label}/i in ${root ?? 'any'} Declutter UI; controls seen: ${JSON.stringify(hit.missing)}`,
    );
  }
  await page.clickAt((hit as ControlHit).x, (hit as ControlHit).y);
}

/** Finds "Restore all" (or the toolbar's "Undo all"), opening the list of hidden items if needed. */
async function restoreAll(page: E2EPage) {
  const direct = await page.evaluate(findControl, { label: 'restore all|undo all' });
  if (!('missing' in direct)) return page.clickAt(direct.x, direct.y);
  await clickControl(page, 'show list|hidden items|list');
  await clickControl(page, 'restore all|undo all');
}
