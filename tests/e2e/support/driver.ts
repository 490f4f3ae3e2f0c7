// One small interface over Playwright (Chromium) and Puppeteer (Firefox) pages, so every scenario
// is written once and runs the same in both browsers. Only what the scenarios need: evaluate in
// the page, trusted keyboard and mouse input, navigation and screenshots.
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  ROOT,
  clickAction,
  launchChromiumWithExtension,
  launchFirefoxWithExtension,
  type BrowserKind,
  type ExtensionSession,
} from './browsers';

export const OUT_DIR = join(ROOT, 'out');

export interface E2EPage {
  readonly kind: BrowserKind;
  url(): string;
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's main world. `fn` must be self-contained (it is serialised). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A trusted key press, e.g. 'Escape', 'Tab'. */
  press(key: string): Promise<void>;
  /** Trusted typing into whatever has focus. */
  type(text: string): Promise<void>;
  /** A trusted mouse click at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** A trusted mouse wheel turn (`deltaY` px down) with the pointer at viewport coordinates. */
  wheel(x: number, y: number, deltaY: number): Promise<void>;
  /** Writes out/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

export interface E2EBrowser {
  readonly kind: BrowserKind;
  readonly session: ExtensionSession;
  /** The one reused tab (see browsers.ts: Chromium's first-click-per-tab race). */
  readonly page: E2EPage;
  /** Presses the extension's toolbar button for the tab. */
  clickAction(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Lets the view's fade-in (and any other CSS animation) finish before a screenshot: a fixed
 * 250 ms first (an animation that has not started yet is not listed by getAnimations), then
 * whatever is still running, up to 2 s.
 */
async function settleAnimations(evaluate: E2EPage['evaluate']) {
  await new Promise((r) => setTimeout(r, 250));
  await evaluate(async () => {
    const running = document.getAnimations().map((a) => a.finished.catch(() => undefined));
    await Promise.race([Promise.all(running), new Promise((r) => setTimeout(r, 2000))]);
  }, undefined).catch(() => undefined);
}

export function wrapPlaywright(page: PwPage): E2EPage {
  return {
    kind: 'chromium',
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    clickAt: (x, y) => page.mouse.click(x, y),
    wheel: async (x, y, deltaY) => {
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, deltaY);
    },
    screenshot: async (name) => {
      const path = join(OUT_DIR, `${name}.png`);
      await mkdir(dirname(path), { recursive: true });
      await settleAnimations((fn, arg) => page.evaluate(fn as never, arg) as never);
      // caret: 'initial' — Playwright's default 'hide' sets and then removes an inline
      // caret-color on every input, which leaves `style=""` behind and would make the
      // page-unchanged assertions fail for a reason that is not ours.
      await page.screenshot({ path, caret: 'initial' });
      return path;
    },
  };
}

export function wrapPuppeteer(page: PpPage): E2EPage {
  return {
    kind: 'firefox',
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    clickAt: (x, y) => page.mouse.click(x, y),
    wheel: async (x, y, deltaY) => {
      await page.mouse.move(x, y);
      await page.mouse.wheel({ deltaY });
    },
    screenshot: async (name) => {
      const path = join(OUT_DIR, `${name}.png`);
      await mkdir(dirname(path), { recursive: true });
      await settleAnimations((fn, arg) => page.evaluate(fn as never, arg) as never);
      await page.screenshot({ path: path as `${string}.png` });
      return path;
    },
  };
}

/** The session's tab behind the common page interface. */
export function wrapPage(session: ExtensionSession): E2EPage {
  return session.kind === 'chromium' ? wrapPlaywright(session.page) : wrapPuppeteer(session.page);
}

export async function launch(kind: BrowserKind): Promise<E2EBrowser> {
  const session =
    kind === 'chromium' ? await launchChromiumWithExtension() : await launchFirefoxWithExtension();
  const page = wrapPage(session);
  return {
    kind,
    session,
    page,
    clickAction: () => clickAction(session),
    close: () => session.close(),
  };
}

/**
 * Polls `fn(arg)` in the page until it returns a truthy value, and returns that value. On timeout
 * the error says what was awaited and what the page last answered.
 */
export async function waitInPage<A, R>(
  page: E2EPage,
  what: string,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
  timeoutMs = 10_000,
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await page.evaluate(fn, arg);
      if (last) return last as NonNullable<R>;
    } catch (error) {
      // A navigation in flight destroys the execution context; try again.
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${String(last)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
