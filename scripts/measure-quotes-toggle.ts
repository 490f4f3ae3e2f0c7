// First-toggle latency of the on-demand Quotes feature (quotes.js, src/content/features): the
// reading view opens without it, so the first click on the view's Quotes switch costs one round
// trip to the background, which injects quotes.js, before the quotes are extracted and marked.
// A measurement that prints figures, not a test.
//
//   npx tsx scripts/measure-quotes-toggle.ts [--firefox] [--runs 10]      (after npm run build)
//
// Each run: fresh navigation to the seed demo page, open the view through the real click path,
// then, in the page, click the Quotes switch and time until the first quote mark is in the view
// and until the frame after it (two animation frames); then switch off and on again for the warm
// figure (feature already loaded). The content script's own `declutter:quotes:load` (request →
// script registered) and `declutter:quotes:mount` (extraction + marking) entries split the time.
import { join } from 'node:path';
import {
  ROOT,
  prepareClick,
  whyUnavailable,
  type BrowserKind,
} from '../tests/e2e/support/browsers';
import { serveDirectories } from '../tests/e2e/support/server';
import { launch, waitInPage } from '../tests/e2e/support/driver';

const argv = process.argv.slice(2);
const kind: BrowserKind = argv.includes('--firefox') ? 'firefox' : 'chromium';
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 10;

function viewReady() {
  const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
  return root?.querySelector('article') ? true : null;
}

/** Clicks the view's Quotes switch; records when marks appear and the frame after. */
function clickQuotes() {
  const w = window as unknown as { __quotesToggle?: Record<string, number> };
  const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
  const button = Array.from(root?.querySelectorAll('button[role="switch"]') ?? []).find((b) =>
    b.textContent?.includes('Quotes'),
  ) as HTMLButtonElement | undefined;
  if (!root || !button) throw new Error('no Quotes switch in the view');
  const record: Record<string, number> = {};
  w.__quotesToggle = record;
  const seen = () => {
    if (record.marked !== undefined || !root.querySelector('mark[data-declutter-quote]')) return;
    record.marked = performance.now();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        record.painted = performance.now();
      }),
    );
  };
  const observer = new MutationObserver(seen);
  observer.observe(root, { childList: true, subtree: true });
  record.clicked = performance.now();
  button.click();
  seen();
  return true;
}

function readToggle() {
  const w = window as unknown as { __quotesToggle?: Record<string, number> };
  const record = w.__quotesToggle;
  if (!record || record.painted === undefined) return null;
  const measure = (name: string) => {
    const entries = performance.getEntriesByName(name, 'measure');
    return entries.length ? entries[entries.length - 1]!.duration : null;
  };
  return {
    marked: record.marked! - record.clicked!,
    painted: record.painted - record.clicked!,
    load: measure('declutter:quotes:load'),
    mount: measure('declutter:quotes:mount'),
  };
}

function switchOff() {
  const root = document.querySelector('[data-declutter-root="reader"]')?.shadowRoot;
  const button = Array.from(root?.querySelectorAll('button[role="switch"]') ?? []).find((b) =>
    b.textContent?.includes('Quotes'),
  ) as HTMLButtonElement | undefined;
  button?.click();
  return !root?.querySelector('mark[data-declutter-quote]');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main() {
  const missing = whyUnavailable(kind);
  if (missing) {
    console.error(`measure-quotes-toggle: ${missing}`);
    process.exitCode = 1;
    return;
  }
  const server = await serveDirectories({ '/fixtures/': join(ROOT, 'tests/fixtures/pages') });
  const browser = await launch(kind);
  const cold: number[] = [];
  const warm: number[] = [];
  const loads: number[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      await browser.page.goto(
        server.url(`/fixtures/seed-southfront/source.html?quotes=${run}-${Date.now()}`),
      );
      const fire = await prepareClick(browser.session);
      await fire();
      await waitInPage(browser.page, 'the reading view', viewReady, undefined);
      await browser.page.evaluate(clickQuotes, undefined);
      const first = await waitInPage(browser.page, 'quote marks', readToggle, undefined);
      await browser.page.evaluate(switchOff, undefined);
      await browser.page.evaluate(clickQuotes, undefined);
      const again = await waitInPage(browser.page, 'quote marks again', readToggle, undefined);
      const line =
        `first toggle → marks painted ${first.painted.toFixed(1)} ms (script load ` +
        `${first.load?.toFixed(1) ?? '–'} ms, extract + mark ${first.mount?.toFixed(1) ?? '–'} ms);` +
        ` again ${again.painted.toFixed(1)} ms`;
      if (run === 0) {
        console.log(`warm-up: ${line} (not counted)`);
        continue;
      }
      console.log(`run ${String(run).padStart(2)}: ${line}`);
      cold.push(first.painted);
      warm.push(again.painted);
      if (first.load !== null) loads.push(first.load);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\nseed demo page, headless ${kind}, ${cold.length} fresh navigations (medians):`);
  console.log(`first Quotes toggle → marks painted  ${median(cold).toFixed(1)} ms`);
  console.log(
    `  of which quotes.js round trip      ${loads.length ? median(loads).toFixed(1) : '–'} ms`,
  );
  console.log(`later toggles → marks painted        ${median(warm).toFixed(1)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
