// Chromium end-to-end suite: the shared scenarios plus what only Chromium lets us observe from
// outside: the keyboard shortcut through the browser's real command path, and the action's
// per-tab state (popup, badge, title) on a restricted page, read from the service worker.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHROME_DIST,
  clickChromiumAction,
  pressChromiumShortcut,
  type ChromiumSession,
  type KeyChord,
} from './support/browsers';
import {
  defineBrowserSuite,
  SEED_PATH,
  seed,
  waitForClosedReader,
  waitForOpenReader,
} from './scenarios';
import { probeReader } from './support/probes';
import { wrapPlaywright } from './support/driver';

/** The slice of the service worker's `chrome` API these tests read (no @types/chrome needed). */
interface ChromeInWorker {
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  action: {
    getPopup(d: { tabId: number }): Promise<string>;
    getBadgeText(d: { tabId: number }): Promise<string>;
    getTitle(d: { tabId: number }): Promise<string>;
  };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
}

interface ActionState {
  tabId: number;
  popup: string;
  badge: string;
  title: string;
}

/** The action's state for the active tab, as the toolbar shows it. */
async function actionState(session: ChromiumSession): Promise<ActionState> {
  return session.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeInWorker }).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const tabId = tab?.id ?? -1;
    return {
      tabId,
      popup: await chrome.action.getPopup({ tabId }),
      badge: await chrome.action.getBadgeText({ tabId }),
      title: await chrome.action.getTitle({ tabId }),
    };
  });
}

/** "Alt+Shift+R" → the chord Chromium's raw input layer needs. */
function parseChord(shortcut: string): KeyChord {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const bits: Record<string, number> = { Alt: 1, Ctrl: 2, Command: 4, MacCtrl: 2, Shift: 8 };
  const modifiers = parts.reduce((sum, p) => sum | (bits[p] ?? 0), 0);
  if (!/^[A-Z0-9]$/.test(key)) throw new Error(`shortcut key ${key} not supported by the test`);
  return {
    modifiers,
    key,
    code: /\d/.test(key) ? `Digit${key}` : `Key${key}`,
    keyCode: key.charCodeAt(0),
  };
}

defineBrowserSuite('chromium', (ctx) => {
  it('the keyboard shortcut from the manifest is assigned by Chromium and toggles the view', async () => {
    const browser = ctx.browser();
    const session = browser.session as ChromiumSession;
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8')) as {
      commands?: Record<string, { suggested_key?: { default?: string } }>;
    };
    const suggested = manifest.commands?._execute_action?.suggested_key?.default;
    expect(suggested, 'manifest suggests a shortcut for the action').toBeTruthy();
    const assigned = await session.serviceWorker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: ChromeInWorker }).chrome;
      return (await chrome.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut }));
    });
    const action = assigned.find((c) => c.name === '_execute_action');
    expect(
      action?.shortcut,
      `Chromium must assign the suggested ${suggested}; an empty shortcut means Chromium refused it (reserved or conflicting key)`,
    ).toBe(suggested);
    // Every other suggested shortcut (Declutter page) must have been granted too.
    for (const [name, command] of Object.entries(manifest.commands ?? {})) {
      const wanted = command.suggested_key?.default;
      if (!wanted) continue;
      expect(
        assigned.find((c) => c.name === name)?.shortcut,
        `shortcut for ${name} (${wanted})`,
      ).toBe(wanted);
    }

    await ctx.visit(SEED_PATH, 'shortcut');
    const chord = parseChord(suggested ?? '');
    await pressChromiumShortcut(session, session.page, chord);
    await waitForOpenReader(browser.page, seed.title);
    await pressChromiumShortcut(session, session.page, chord);
    await waitForClosedReader(browser.page);
    expect((await browser.page.evaluate(probeReader, undefined)).open).toBe(false);
  });

  it('the first click in a fresh tab opens the view every time (Chromium first-injection race, recipe §3.4)', async () => {
    // About 1 in 10 first injections into a new tab fail in Chromium although activeTab was
    // granted; the background retries that one error. Six fresh tabs would hit the race with
    // ~47% probability if the retry were missing.
    const browser = ctx.browser();
    const session = browser.session as ChromiumSession;
    for (let i = 0; i < 6; i++) {
      const tab = await session.context.newPage();
      try {
        await tab.goto(ctx.server().url(`${SEED_PATH}?test=fresh-tab-${i}-${Date.now()}`));
        await clickChromiumAction(session, tab);
        await waitForOpenReader(wrapPlaywright(tab), seed.title);
      } finally {
        await tab.close();
      }
    }
  });

  it('on a restricted page (chrome://version) the button shows a message instead of failing silently', async () => {
    const browser = ctx.browser();
    const session = browser.session as ChromiumSession;
    await browser.page.goto(`chrome://version/?test=restricted`);
    const before = await actionState(session);
    await browser.clickAction();
    let state = before;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      state = await actionState(session);
      if (state.popup !== before.popup || state.badge || state.title !== before.title) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(
      `[e2e chromium] restricted page: action state after click ${JSON.stringify(state)}`,
    );
    // Asserted: the tab's popup became the message page with reason=restricted and a readable
    // message. (Whether the popup also opened on its own, or the badge fallback showed, depends
    // on the browser allowing openPopup; both leave this popup in place.)
    expect(state.popup).toMatch(/message\.html\?reason=restricted/);
    const text = new URL(state.popup).searchParams.get('text') ?? '';
    expect(text.length, 'a sentence, not a code').toBeGreaterThan(20);

    // The message page itself renders that text (not a blank popup).
    await browser.page.goto(state.popup);
    const shown = await browser.page.evaluate(() => document.body.innerText.trim(), undefined);
    await browser.page.screenshot('e2e-chromium-restricted-message');
    expect(shown).toContain(text);
  });
});
