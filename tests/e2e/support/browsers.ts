// Launch real browsers with the built extension loaded, and press its toolbar button the way a
// user does. Shared by the e2e specs, `npm start`, scripts/measure-open.ts and the benchmarks.
// Recipe and the reasons behind every flag: /work/shared/e2e-recipe.md (§3 Chromium, §4 Firefox).
import { chromium, type BrowserContext, type Page as PwPage, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CHROMIUM_PATH = process.env.DECLUTTER_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.DECLUTTER_FIREFOX ?? '/usr/bin/firefox-esr';
/** The built extensions; DECLUTTER_DIST points elsewhere (e.g. a copy, while others rebuild dist/). */
export const DIST_DIR = resolve(process.env.DECLUTTER_DIST ?? join(ROOT, 'dist'));
export const CHROME_DIST = join(DIST_DIR, 'chrome');
export const FIREFOX_DIST = join(DIST_DIR, 'firefox');

/**
 * Without these, Debian's Chromium on a closed network stalls on background connections (sync,
 * component updates, QUIC probes) and refuses to run as root without --no-sandbox.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserKind = 'chromium' | 'firefox';

/** Why this browser's e2e suite cannot run here (binary or build missing), or null when it can. */
export function whyUnavailable(kind: BrowserKind): string | null {
  const binary = kind === 'chromium' ? CHROMIUM_PATH : FIREFOX_PATH;
  const dist = kind === 'chromium' ? CHROME_DIST : FIREFOX_DIST;
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return `${kind} is not installed at ${binary} (apt-get install -y ${kind === 'chromium' ? 'chromium' : 'firefox-esr'})`;
  }
  if (!existsSync(join(dist, 'manifest.json'))) {
    return `the extension is not built: ${dist}/manifest.json is missing (run npm run build)`;
  }
  return null;
}

/**
 * tsx and esbuild compile named functions inside `page.evaluate(fn)` callbacks to `__name(fn, "x")`;
 * the page has no such helper, so give it an identity one before any page script runs.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

async function freshProfile(kind: BrowserKind): Promise<string> {
  return mkdtemp(join(tmpdir(), `declutter-${kind}-`));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium (playwright-core, persistent context)

export interface ChromiumSession {
  readonly kind: 'chromium';
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's service worker (the background), for reading action state. */
  readonly serviceWorker: Worker;
  /** The first tab. Reusing one tab avoids Chromium's first-click-per-tab race in tests (§3.4). */
  readonly page: PwPage;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension folder; default dist/chrome or dist/firefox. */
  extensionDir?: string;
  /** Default true. `npm start` passes false when there is a display. */
  headless?: boolean;
}

export async function launchChromiumWithExtension(
  options: LaunchOptions = {},
): Promise<ChromiumSession> {
  const extensionDir = resolve(options.extensionDir ?? CHROME_DIST);
  const profile = await freshProfile('chromium');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      viewport: { width: 1280, height: 900 },
      args: [
        ...CHROMIUM_FLAGS,
        // Debian's wrapper prepends its own --load-extension=; ours come later and win (§6.1).
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--enable-unsafe-extension-debugging',
      ],
    });
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context
        .waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 })
        .catch(() => {
          throw new Error(
            `the extension's service worker did not start: is ${extensionDir}/background.js built and free of errors?`,
          );
        }));
    const extensionId = new URL(serviceWorker.url()).host;
    await context.addInitScript({ content: NAME_SHIM });
    const page = context.pages()[0] ?? (await context.newPage());
    const ctx = context;
    return {
      kind: 'chromium',
      context,
      extensionId,
      serviceWorker,
      page,
      close: async () => {
        await ctx.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    throw error;
  }
}

/** The CDP id of the tab target showing `page` (triggerAction refuses page targets, §3.1). */
async function tabTargetId(session: ChromiumSession, page: PwPage): Promise<string> {
  const browser = session.context.browser();
  if (!browser) throw new Error('persistent context has no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const url = page.url();
    // Target info can lag a navigation by a tick; give it a moment before giving up.
    for (let attempt = 0; attempt < 20; attempt++) {
      const { targetInfos } = (await cdp.send('Target.getTargets', {
        filter: [{ type: 'tab' }],
      })) as { targetInfos: Array<{ targetId: string; url: string }> };
      const matches = targetInfos.filter((t) => t.url === url);
      if (matches.length > 1) {
        throw new Error(`${matches.length} tabs show ${url}: give every test page a unique URL`);
      }
      if (matches[0]) return matches[0].targetId;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no tab target shows ${url}`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Presses the toolbar button on `page`'s tab: CDP Extensions.triggerAction, the real click path. */
export async function clickChromiumAction(session: ChromiumSession, page: PwPage = session.page) {
  const targetId = await tabTargetId(session, page);
  const browser = session.context.browser();
  if (!browser) throw new Error('persistent context has no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  try {
    await cdp.send('Extensions.triggerAction', { id: session.extensionId, targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A key chord as Chromium's raw input layer wants it. */
export interface KeyChord {
  /** CDP modifier bits: Alt 1, Ctrl 2, Meta 4, Shift 8. */
  modifiers: number;
  key: string;
  code: string;
  keyCode: number;
}

export const OPEN_SHORTCUT: KeyChord = { modifiers: 1 | 8, key: 'R', code: 'KeyR', keyCode: 82 };
export const DECLUTTER_SHORTCUT: KeyChord = {
  modifiers: 1 | 8,
  key: 'D',
  code: 'KeyD',
  keyCode: 68,
};

/**
 * Presses an extension keyboard shortcut. Only `rawKeyDown` with `nativeVirtualKeyCode` reaches
 * the browser's command handler; page.keyboard.press and `keyDown` events do nothing (§3.3).
 */
export async function pressChromiumShortcut(
  session: ChromiumSession,
  page: PwPage,
  chord: KeyChord,
) {
  const cdp = await session.context.newCDPSession(page);
  try {
    const base = {
      modifiers: chord.modifiers,
      key: chord.key,
      code: chord.code,
      windowsVirtualKeyCode: chord.keyCode,
      nativeVirtualKeyCode: chord.keyCode,
    };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox ESR (puppeteer-core over WebDriver BiDi)

export interface FirefoxSession {
  readonly kind: 'firefox';
  readonly browser: PpBrowser;
  readonly addonId: string;
  readonly page: PpPage;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(
  options: LaunchOptions = {},
): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir ?? FIREFOX_DIST);
  const profile = await freshProfile('firefox');
  let browser: PpBrowser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      userDataDir: profile,
      defaultViewport: { width: 1280, height: 900 },
      // Lets the test client run code in the browser window, for the privileged click (§4.2).
      // Acceptable only because the profile is a throwaway.
      args: ['--remote-allow-system-access'],
    });
    const addonId = await browser.installExtension(extensionDir);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.evaluateOnNewDocument(NAME_SHIM);
    const own = browser;
    return {
      kind: 'firefox',
      browser,
      addonId,
      page,
      close: async () => {
        await own.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    throw error;
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Puppeteer's BiDi connection (internal, hence the pinned puppeteer-core version). */
function bidiOf(session: FirefoxSession): BidiConnection {
  const connection = (session.browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('puppeteer-core exposes no BiDi connection: version changed?');
  return connection;
}

/** The BiDi context id of Firefox's browser window (chrome scope). */
async function firefoxWindowContext(session: FirefoxSession): Promise<string> {
  const tree = (await bidiOf(session).send('browsingContext.getTree', {
    'moz:scope': 'chrome',
  })) as { result: { contexts: Array<{ context: string; url: string }> } };
  const win = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('Firefox browser window not found over BiDi');
  return win.context;
}

/** Runs `body(addonId)` in Firefox's browser window (chrome scope) and returns its result. */
export async function runInFirefoxChrome<T>(
  session: FirefoxSession,
  body: string,
  arg: string = session.addonId,
  windowContext?: string,
): Promise<T> {
  const bidi = bidiOf(session);
  const win = { context: windowContext ?? (await firefoxWindowContext(session)) };
  const reply = (await bidi.send('script.callFunction', {
    target: { context: win.context },
    awaitPromise: true,
    arguments: [{ type: 'string', value: arg }],
    functionDeclaration: body,
  })) as {
    result: {
      type: string;
      result?: { type: string; value?: unknown };
      exceptionDetails?: unknown;
    };
  };
  if (reply.result.type === 'exception') {
    throw new Error(
      `Firefox chrome script failed: ${JSON.stringify(reply.result.exceptionDetails)}`,
    );
  }
  return deserialize(reply.result.result) as T;
}

/** Minimal BiDi RemoteValue → JS for the primitive and object shapes we return. */
function deserialize(value: { type: string; value?: unknown } | undefined): unknown {
  if (!value) return undefined;
  switch (value.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'array':
      return (value.value as Array<{ type: string; value?: unknown }>).map(deserialize);
    case 'object':
      return Object.fromEntries(
        (value.value as Array<[string, { type: string; value?: unknown }]>).map(([k, v]) => [
          k,
          deserialize(v),
        ]),
      );
    default:
      return value.value;
  }
}

// Chrome-scope code is sent as source text, not as a stringified TypeScript function: tsx and
// esbuild wrap named functions in a `__name()` helper that does not exist in the browser window.
const FIREFOX_ACTION = `
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const action = ExtensionParent.apiManager.global.browserActionFor(WebExtensionPolicy.getByID(id).extension);`;

/**
 * Presses the toolbar button: calls the same `browserActionFor(ext).triggerAction(window)` that
 * Firefox's own `_execute_action` shortcut calls, which grants activeTab and fires onClicked.
 * It acts on the selected tab, so the page is brought to the front first.
 */
export async function clickFirefoxAction(session: FirefoxSession, page: PpPage = session.page) {
  await page.bringToFront();
  await runInFirefoxChrome(session, FIREFOX_TRIGGER);
}

const FIREFOX_TRIGGER = `(id) => { ${FIREFOX_ACTION}
  action.triggerAction(window);
  return true;
}`;

/** The action's title, badge and popup on the selected tab, as Firefox's toolbar shows them. */
export async function firefoxActionState(
  session: FirefoxSession,
): Promise<{ title: string; badgeText: string; popup: string }> {
  return runInFirefoxChrome(
    session,
    `(id) => { ${FIREFOX_ACTION}
      const tab = window.gBrowser.selectedTab;
      const read = (name) => { const v = action.action.getProperty(tab, name); return v == null ? '' : String(v); };
      return { title: read('title'), badgeText: read('badgeText'), popup: read('popup') };
    }`,
  );
}

// ---------------------------------------------------------------------------------------------

export type ExtensionSession = ChromiumSession | FirefoxSession;

/**
 * For timing: does the lookups a click needs (tab target / browser window, protocol session) in
 * advance and returns a function that only sends the trigger itself, so a clock started just
 * before calling it measures the extension, not the test harness (~50 ms of lookups otherwise).
 * The returned function clicks once; prepare again for the next click.
 */
export async function prepareClick(
  session: ExtensionSession,
  page?: PwPage | PpPage,
): Promise<() => Promise<void>> {
  if (session.kind === 'firefox') {
    await ((page as PpPage | undefined) ?? session.page).bringToFront();
    const windowContext = await firefoxWindowContext(session);
    return async () => {
      await runInFirefoxChrome(session, FIREFOX_TRIGGER, session.addonId, windowContext);
    };
  }
  const targetId = await tabTargetId(session, (page as PwPage | undefined) ?? session.page);
  const browser = session.context.browser();
  if (!browser) throw new Error('persistent context has no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  return async () => {
    try {
      await cdp.send('Extensions.triggerAction', { id: session.extensionId, targetId });
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };
}

/** One entry point for both browsers: presses the toolbar button on the given (or first) tab. */
export async function clickAction(session: ExtensionSession, page?: PwPage | PpPage) {
  if (session.kind === 'chromium') return clickChromiumAction(session, page as PwPage | undefined);
  return clickFirefoxAction(session, page as PpPage | undefined);
}

export { withTimeout };
export { serveDirectory, serveDirectories, type StaticServer } from './server';
