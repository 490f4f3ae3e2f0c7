// Scale, through the real extension: "Try anyway" on the very large stress pages. For each page
// the view first shows its "A very large page" notice; the bench clicks "Try anyway" and measures,
// on the page's clock:
// - the longest main-thread task from the click until the article is painted: Chromium's
//   'longtask' entries (any world of the page, content script included), and in both browsers
//   the longest gap of a 10 ms timer chain (Firefox has no longtask API; a gap is a task that
//   held the thread, give or take the timer's own slack);
// - click → article painted (MutationObserver sees the <article> in the view's shadow root; the
//   message posted from the next animation frame marks the paint), and click → article complete:
//   a very large article's body is drawn over several tasks (src/ui/reader/article-parts.ts), so
//   the probes run until the view offers its Quotes switch, which it does only once the body is
//   complete (at once after a one-shot render), and the frame after that has painted.
//
//   npx tsx scripts/bench/try-anyway.ts [--dist DIR] [--browser chromium|firefox] [--pages a,b]
// --dist benches another build (e.g. one of an earlier commit) for the before/after figures. Also
// run by `npm run bench -- --only scale`.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHROME_DIST,
  launchChromiumWithExtension,
  launchFirefoxWithExtension,
  clickAction,
  type ExtensionSession,
} from '../../tests/e2e/support/browsers';
import { wrapPage, waitInPage, type E2EPage } from '../../tests/e2e/support/driver';
import { findControl } from '../../tests/e2e/support/probes';
import { OUT_DIR } from './paths';
import { startServer, type BenchServer } from './server';
import { nestArticle, writeStressPages, type StressPage } from './stress-pages';
import { fmt, table } from './stats';

export const TRY_ANYWAY_PAGES = [
  'ladder-3mb',
  'article-10mb',
  'elements-200k',
  'comments-20k',
  'deep-2000',
];

export interface TryAnywaySample {
  page: string;
  bytes: number;
  /** The first click's open, message received → the notice attached (declutter:open), ms. */
  toNotice?: number;
  /** Click → article painted, ms. */
  toArticle?: number;
  /** Click → the view's last change (the article body complete), ms. */
  toComplete?: number;
  /** Longest 'longtask' entry (Chromium only). */
  longestTask?: number;
  longTasks?: number;
  /** Each long task: "<duration> ms at +<ms after the click>". */
  tasks?: string;
  /** Longest 'long-animation-frame' (Chromium): a task plus the style/layout/paint it caused. */
  longestFrame?: number;
  /** Longest gap of the 10 ms timer chain, minus its 10 ms, and when it began after the click. */
  longestGap?: number;
  gapAt?: number;
  /** When the longest animation frame began after the click. */
  frameAt?: number;
  /** What the view showed when it settled, if not the article (a message). */
  shown?: string;
  error?: string;
}

export interface TryAnywayReport {
  browser: 'chromium' | 'firefox';
  dist: string;
  samples: TryAnywaySample[];
}

type ProbeWindow = Window & {
  __benchTry?: {
    t0: number;
    painted: number;
    /** The frame after the Quotes switch showed (the body complete) painted. */
    done: number;
    message: string;
    /** [start after the click, duration] of each long task. */
    tasks: Array<[number, number]>;
    gap: number;
    gapAt: number;
    /** Longest 'long-animation-frame' entry (Chromium 123+): tasks plus the rendering they caused. */
    frame: number;
    frameAt: number;
  };
};

/** In-page: arms the probes (call right before the click). */
export function armTryProbe(): number {
  const w = window as ProbeWindow;
  const state = {
    t0: performance.now(),
    painted: 0,
    done: 0,
    message: '',
    tasks: [] as Array<[number, number]>,
    gap: 0,
    gapAt: 0,
    frame: 0,
    frameAt: 0,
  };
  w.__benchTry = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.tasks.push([e.startTime - state.t0, e.duration]);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration <= state.frame) continue;
        state.frame = e.duration;
        state.frameAt = e.startTime - state.t0;
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {
    // Firefox: no longtask entries; the timer chain below still measures.
  }
  let last = performance.now();
  const tick = () => {
    const at = performance.now();
    if (at - last - 10 > state.gap) {
      state.gap = at - last - 10;
      state.gapAt = last - state.t0;
    }
    last = at;
    if (!state.done) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
  const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
  const check = () => {
    if (state.painted || !root) return;
    const article = root.querySelector('article');
    const notice = root.querySelector('.notice h1')?.textContent ?? '';
    if (!article && (!notice || /very large page|reading the page/i.test(notice))) return;
    state.painted = -1;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.painted = performance.now();
        if (!article) state.message = root.querySelector('.notice')?.textContent ?? notice;
        complete();
      };
      channel.port2.postMessage(0);
    });
  };
  /** Resolves on the next paint: a message posted from the next animation frame. */
  const afterPaint = (then: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = then;
      channel.port2.postMessage(0);
    });
  let completing = false;
  const complete = () => {
    if (completing || !root) return;
    if (state.painted && state.message) {
      completing = true;
      state.done = state.painted;
      return;
    }
    const quotes = root.querySelector<HTMLElement>('button[title^="Mark quotations"]');
    if (!root.querySelector('article') || !quotes || quotes.hidden) return;
    completing = true;
    afterPaint(() => (state.done = performance.now()));
  };
  const changed = () => {
    check();
    complete();
  };
  if (root) {
    new MutationObserver(changed).observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['hidden'],
    });
  }
  return state.t0;
}

export function readTryProbe() {
  return (window as ProbeWindow).__benchTry ?? null;
}

const sleep = (ms: number) => new Promise<null>((r) => setTimeout(() => r(null), ms));

async function launchWith(browser: 'chromium' | 'firefox', dist: string) {
  return browser === 'chromium'
    ? launchChromiumWithExtension({ extensionDir: join(dist, 'chrome') })
    : launchFirefoxWithExtension({ extensionDir: join(dist, 'firefox') });
}

/** The last open's `declutter:open` entry (src/content/reader/reader-session.ts markOpened). */
function openDuration(): number {
  return performance.getEntriesByName('declutter:open').at(-1)?.duration ?? NaN;
}

async function measureOne(session: ExtensionSession, page: E2EPage, url: string, nest?: number) {
  await page.goto(url);
  if (nest) await page.evaluate(nestArticle, nest);
  await clickAction(session);
  await waitInPage(
    page,
    'the "A very large page" notice',
    () => {
      const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
      return /very large page/i.test(root?.textContent ?? '');
    },
    undefined,
    60_000,
  );
  const toNotice = await page.evaluate(openDuration, undefined);
  const hit = await page.evaluate(findControl, { label: 'Try anyway', root: 'reader' });
  if ('missing' in hit) throw new Error('no "Try anyway" button');
  const t0 = await page.evaluate(armTryProbe, undefined);
  await page.clickAt(hit.x, hit.y);
  const deadline = Date.now() + 240_000;
  for (;;) {
    const s = await Promise.race([page.evaluate(readTryProbe, undefined), sleep(30_000)]);
    if (s && s.done > 0) {
      return {
        toNotice,
        toArticle: s.painted - t0,
        toComplete: s.done - t0,
        longestTask: s.tasks.length ? Math.max(...s.tasks.map(([, d]) => d)) : undefined,
        tasks: s.tasks.map(([at, d]) => `${Math.round(d)} ms at +${Math.round(at)}`).join(', '),
        longTasks: s.tasks.length,
        longestGap: s.gap,
        gapAt: s.gapAt,
        longestFrame: s.frame || undefined,
        frameAt: s.frameAt,
        shown: s.message || undefined,
      };
    }
    if (Date.now() > deadline) throw new Error('nothing shown within 240 s');
    await sleep(100);
  }
}

export async function benchTryAnyway(
  browser: 'chromium' | 'firefox',
  pages: StressPage[],
  server: BenchServer,
  { dist, log }: { dist: string; log: (s: string) => void },
): Promise<TryAnywayReport> {
  const samples: TryAnywaySample[] = [];
  for (const p of pages) {
    // One fresh browser per page: a 10 MB page's heap must not slow the next.
    const session = await launchWith(browser, dist);
    // A 21 MB page takes longer than the drivers' default 30 s to load on a busy machine.
    session.page.setDefaultNavigationTimeout(180_000);
    const sample: TryAnywaySample = { page: p.name, bytes: p.bytes };
    try {
      const page = wrapPage(session);
      Object.assign(
        sample,
        await measureOne(session, page, server.url('x', '/stress', p.file), p.nest),
      );
    } catch (e) {
      sample.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      await session.close().catch(() => undefined);
    }
    samples.push(sample);
    log(
      `  ${browser} try-anyway ${p.name}: ${sample.error ?? `${fmt(sample.toArticle)} ms to article, ${fmt(sample.toComplete)} ms to complete, longest frame ${fmt(sample.longestFrame)} ms at +${fmt(sample.frameAt)}, longest gap ${fmt(sample.longestGap)} ms at +${fmt(sample.gapAt)}, long tasks: ${sample.tasks || '—'}`}`,
    );
  }
  return { browser, dist, samples };
}

export function printTryAnyway(r: TryAnywayReport): string {
  return [
    `${r.browser}: "Try anyway" on the stress pages (${r.dist}); longest task = Chromium longtask, gap = 10 ms timer chain`,
    table(
      [
        'page',
        'MB',
        'open (notice)',
        'click → article',
        '→ complete',
        'longest task',
        'long tasks',
        'longest frame',
        'longest gap',
        'note',
      ],
      r.samples.map((s) => [
        s.page,
        fmt(s.bytes / 1e6, 1),
        fmt(s.toNotice),
        fmt(s.toArticle),
        fmt(s.toComplete),
        s.longestTask != null ? fmt(s.longestTask) : '—',
        s.longTasks != null ? String(s.longTasks) : '—',
        s.longestFrame != null ? fmt(s.longestFrame) : '—',
        fmt(s.longestGap),
        s.error ?? (s.shown ? `message: ${s.shown.slice(0, 80)}` : ''),
      ]),
    ),
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      browser: { type: 'string' },
      pages: { type: 'string' },
    },
  });
  const dist = resolve(values.dist ?? join(CHROME_DIST, '..'));
  const browsers = (values.browser ? [values.browser] : ['chromium', 'firefox']) as Array<
    'chromium' | 'firefox'
  >;
  const wanted = values.pages?.split(',') ?? TRY_ANYWAY_PAGES;
  const stressDir = join(OUT_DIR, 'stress');
  const stress = (await writeStressPages(stressDir)).filter((p) => wanted.includes(p.name));
  const server = await startServer([{ prefix: '/stress', dir: stressDir }]);
  try {
    for (const browser of browsers) {
      const report = await benchTryAnyway(browser, stress, server, { dist, log: console.log });
      console.log(printTryAnyway(report));
    }
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
