// `tsx scripts/bench/declutter-large.ts [--browser chromium|firefox] [--dist DIR] [--page NAME]`:
// "Declutter page" on a stress page over the reading view's size gate (default comments-20k,
// 380,000 elements), through the real extension: the view's notice, then its Declutter switch;
// then the same switch again, which shows the hidden block. For each of the two it prints
// when the block was first marked and when it was wholly hidden (or shown), and the longest stall
// of the page's main thread (a 10 ms timer chain, running until half a second after the end),
// with Chromium's long tasks and long animation frames (script vs style/layout).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHROME_DIST,
  clickAction,
  launchChromiumWithExtension,
  launchFirefoxWithExtension,
} from '../../tests/e2e/support/browsers';
import { waitInPage, wrapPage } from '../../tests/e2e/support/driver';
import { findControl } from '../../tests/e2e/support/probes';
import { OUT_DIR } from './paths';
import { startServer } from './server';
import { writeStressPages } from './stress-pages';

interface Probe {
  phase: 'hide' | 'show';
  t0: number;
  /** When the block was first marked hidden (hide) or unmarked (show). */
  markedAt: number;
  /** When it was wholly hidden, or wholly shown again (a block hidden in steps takes a while). */
  doneAt: number;
  gap: number;
  gapAt: number;
  tasks: number[];
  frames: string[];
}

type ProbeWindow = Window & { __declutterLarge?: Probe; __declutterBlock?: Element };

/**
 * In-page, right before a click: long tasks, long frames and the timer chain, until half a
 * second after the block is done (wholly hidden: `display: none` or its rendering skipped;
 * wholly shown: unmarked, and nothing inside it hidden by an inline style any more).
 */
function armProbe(phase: Probe['phase']): void {
  const w = window as ProbeWindow;
  const probe: Probe = {
    phase,
    t0: performance.now(),
    markedAt: 0,
    doneAt: 0,
    gap: 0,
    gapAt: 0,
    tasks: [],
    frames: [],
  };
  w.__declutterLarge = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<
        PerformanceEntry & { renderStart: number; styleAndLayoutStart: number }
      >) {
        if (e.duration < 100) continue;
        const script = Math.round(e.renderStart - e.startTime);
        probe.frames.push(`${Math.round(e.duration)} ms (script ${script} ms)`);
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {
    // Firefox has neither entry type: the timer chain still measures.
  }
  const marked = () =>
    phase === 'hide'
      ? (w.__declutterBlock = document.querySelector('[data-declutter-hidden]') ?? undefined)
      : w.__declutterBlock && !w.__declutterBlock.hasAttribute('data-declutter-hidden');
  const done = () => {
    const block = w.__declutterBlock!;
    if (phase === 'hide') {
      return (
        block.hasAttribute('data-declutter-skip') || getComputedStyle(block).display === 'none'
      );
    }
    return getComputedStyle(block).display !== 'none' && !block.querySelector('[style*="none"]');
  };
  let last = performance.now();
  let checked = 0;
  const tick = () => {
    const at = performance.now();
    if (at - last - 10 > probe.gap) {
      probe.gap = at - last - 10;
      probe.gapAt = last - probe.t0;
    }
    last = at;
    if (!probe.markedAt && marked()) probe.markedAt = at - probe.t0;
    // Checked every 100 ms: the check reads the block's style, itself work on the main thread.
    if (probe.markedAt && !probe.doneAt && at - checked > 100) {
      checked = at;
      if (done()) probe.doneAt = performance.now() - probe.t0;
    }
    if (!probe.doneAt || at - probe.t0 < probe.doneAt + 500) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
}

/** In-page: the probe, once half a second has passed after the block was done. */
function settledProbe(): Probe | null {
  const probe = (window as ProbeWindow).__declutterLarge;
  return probe && probe.doneAt && performance.now() - probe.t0 > probe.doneAt + 600 ? probe : null;
}

function report(probe: Probe): string {
  const what = probe.phase === 'hide' ? 'hidden' : 'shown';
  return (
    `  ${probe.phase}: marked after ${Math.round(probe.markedAt)} ms, wholly ${what} after ` +
    `${Math.round(probe.doneAt)} ms; longest main-thread stall ${Math.round(probe.gap)} ms at ` +
    `+${Math.round(probe.gapAt)} ms; long tasks [${probe.tasks.join(', ')}] ms; ` +
    `long frames [${probe.frames.join(', ')}]`
  );
}

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    dist: { type: 'string' },
    page: { type: 'string', default: 'comments-20k' },
  },
});
const dist = resolve(values.dist ?? join(CHROME_DIST, '..'));
const stressDir = join(OUT_DIR, 'stress');
const stress = (await writeStressPages(stressDir)).find((p) => p.name === values.page);
if (!stress) throw new Error(`no stress page "${values.page}"`);
const server = await startServer([{ prefix: '/stress', dir: stressDir }]);
const session =
  values.browser === 'firefox'
    ? await launchFirefoxWithExtension({ extensionDir: join(dist, 'firefox') })
    : await launchChromiumWithExtension({ extensionDir: join(dist, 'chrome') });
try {
  session.page.setDefaultNavigationTimeout(180_000);
  const page = wrapPage(session);
  await page.goto(server.url('x', '/stress', stress.file));
  await clickAction(session);
  const notice = () =>
    /very large page/i.test(
      document.querySelector('[data-declutter-root="reader"]')?.shadowRoot?.textContent ?? '',
    );
  await waitInPage(page, 'the "A very large page" notice', notice, undefined, 60_000);
  // Let the page settle after the notice (its own layout of 21 MB is not ours to measure).
  await new Promise((done) => setTimeout(done, 1000));
  const hit = await page.evaluate(findControl, { label: 'Declutter page', root: 'reader' });
  if ('missing' in hit) throw new Error('no "Declutter page" switch');
  await page.evaluate(armProbe, 'hide');
  await page.clickAt(hit.x, hit.y);
  const hidden = await waitInPage(page, 'the block hidden', settledProbe, undefined, 120_000);
  // The same switch again: Declutter off shows everything it hid.
  const off = await page.evaluate(findControl, { label: 'Declutter page', root: 'reader' });
  if ('missing' in off) throw new Error('no "Declutter page" switch to turn off');
  await page.evaluate(armProbe, 'show');
  await page.clickAt(off.x, off.y);
  const shown = await waitInPage(page, 'the block shown', settledProbe, undefined, 120_000);
  console.log(`${values.browser} ${stress.name} (${dist}):\n${report(hidden)}\n${report(shown)}`);
} finally {
  await session.close();
  await server.close();
}
