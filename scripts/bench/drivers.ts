// Plain headless browsers (no extension) for the in-page stage timings: Chromium through
// playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright cannot drive
// stock Firefox). Both are wrapped in one small interface so the measurement code is shared.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Flags the e2e recipe requires on this machine (§3). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Resolve every host except loopback to "not found": saved pages can never wait on the network. */
export const CHROMIUM_OFFLINE_FLAG = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';

/** Firefox: send all traffic to a closed local port (loopback is never proxied). */
export const FIREFOX_OFFLINE_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
};

/**
 * tsx compiles functions with esbuild's keepNames, which wraps inner functions in `__name(...)`;
 * functions serialised into a page need that helper to exist there.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export interface PageDriver {
  browser: BrowserName;
  version: string;
  goto(url: string): Promise<void>;
  /** Evaluates a script source (the bench bundle) in the page's main world. */
  inject(source: string): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

export async function launchDriver(name: BrowserName): Promise<PageDriver> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

async function launchChromium(): Promise<PageDriver> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, CHROMIUM_OFFLINE_FLAG],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // A renderer crash leaves page.evaluate pending forever: fail it instead.
  const crashed = new Promise<never>((_, reject) =>
    page.once('crash', () => reject(new Error('renderer crashed (the tab was killed)'))),
  );
  crashed.catch(() => undefined);
  return {
    browser: 'chromium',
    version: browser.version(),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    },
    async inject(source) {
      await page.evaluate(`${NAME_SHIM}\n${source}\n;undefined`);
    },
    evaluate: (fn, arg) => Promise.race([page.evaluate(fn as never, arg), crashed]) as never,
    close: () => browser.close(),
  };
}

async function launchFirefox(): Promise<PageDriver> {
  const profile = await mkdtemp(join(tmpdir(), 'declutter-bench-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    protocolTimeout: 300_000,
    extraPrefsFirefox: FIREFOX_OFFLINE_PREFS,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return {
    browser: 'firefox',
    version: await browser.version(),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    },
    async inject(source) {
      await page.evaluate(`${NAME_SHIM}\n${source}\n;undefined`);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
