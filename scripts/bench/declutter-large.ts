// `tsx scripts/bench/declutter-large.ts [--browser chromium|firefox] [--dist DIR] [--page NAME]`:
// "Declutter page" on a stress page over the reading view's size gate (default comments-20k,
// 380,000 elements), through the real extension: the view's notice, then its Declutter switch.
// Prints when the first block was hidden and the longest stall of the page's main thread (a 10 ms
// timer chain), with Chromium's long tasks and long animation frames (script vs style/layout).
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
  t0: number;
  hiddenAt: number;
  gap: number;
  gapAt: number;
  tasks: number[];
  frames: string[];
}

/** In-page, right before the click: long tasks, long frames and the timer chain. */
function armProbe(): void {
  const probe: Probe = {
    t0: performance.now(),
    hiddenAt: 0,
    gap: 0,
    gapAt: 0,
    tasks: [],
    frames: [],
  };
  (window as Window & { __declutterLarge?: Probe }).__declutterLarge = probe;
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
  let last = performance.now();
  const tick = () => {
    const at = performance.now();
    if (at - last - 10 > probe.gap) {
      probe.gap = at - last - 10;
      probe.gapAt = last - probe.t0;
    }
    last = at;
    if (!probe.hiddenAt && document.querySelector('[data-declutter-hidden]')) {
      probe.hiddenAt = at - probe.t0;
    }
    if (!probe.hiddenAt || at - probe.t0 < probe.hiddenAt + 500) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
}

/** In-page: the probe, once half a second has passed after the first block was hidden. */
function settledProbe(): Probe | null {
  const probe = (window as Window & { __declutterLarge?: Probe }).__declutterLarge;
  return probe && probe.hiddenAt && performance.now() - probe.t0 > probe.hiddenAt + 600
    ? probe
    : null;
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
  await page.evaluate(armProbe, undefined);
  await page.clickAt(hit.x, hit.y);
  const probe = await waitInPage(page, 'a hidden block', settledProbe, undefined, 120_000);
  console.log(
    `${values.browser} ${stress.name} (${dist}): first block hidden after ${Math.round(probe.hiddenAt)} ms; ` +
      `longest main-thread stall ${Math.round(probe.gap)} ms at +${Math.round(probe.gapAt)} ms; ` +
      `long tasks [${probe.tasks.join(', ')}] ms; long frames [${probe.frames.join(', ')}]`,
  );
} finally {
  await session.close();
  await server.close();
}
