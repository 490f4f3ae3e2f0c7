// Time from the toolbar click to the reading view painted, on the seed demo page, in headless
// Chromium (or Firefox ESR with --firefox). A measurement that prints figures, not a test.
//
//   npx tsx scripts/measure-open.ts [--firefox] [--runs 10] [--reopen]      (after npm run build)
//
// --reopen: after the first open, each run closes the view and opens it again on the same page
// (what a second click costs: the content script left with the view and is injected again).
//
// How each run is measured (fresh navigation to a unique URL every time, same tab):
//   1. after the page has loaded, a MutationObserver is installed in the page that notes the
//      moment the reader host (`[data-declutter-root="reader"]`) is attached, then waits two
//      animation frames: the second rAF callback runs after the frame holding the view was
//      produced, which is what "painted" means here;
//   2. the tab lookup and protocol session are prepared first (prepareClick), then the page's
//      clock (performance.now) is read and the trigger sent at once (CDP
//      Extensions.triggerAction in Chromium, the privileged BiDi triggerAction in Firefox),
//      so the figure includes the browser's click handling, the background's injection and
//      messaging, the content script's analysis and rendering, and the paint;
//   3. the content script's own `declutter:open` and `declutter:analyze` measures are read from
//      the page's performance timeline to split that time up.
// The trigger timestamp is taken one protocol round trip (< 1 ms locally) before the trigger
// reaches the browser, so the figures err on the slow side.
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
/** --reopen: every run after the first closes the view and opens it again on the same page. */
const REOPEN = argv.includes('--reopen');

function viewClosed() {
  return document.querySelector('[data-declutter-root="reader"]') ? null : true;
}

interface Sample {
  attached: number;
  painted: number;
  open: number | null;
  analyze: number | null;
}

function installRecorder() {
  const w = window as unknown as { __declutterMeasure?: Record<string, number> };
  const record: Record<string, number> = {};
  w.__declutterMeasure = record;
  const observer = new MutationObserver(() => {
    if (record.attached !== undefined) return;
    if (!document.querySelector('[data-declutter-root="reader"]')) return;
    record.attached = performance.now();
    observer.disconnect();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        record.painted = performance.now();
      }),
    );
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return performance.now();
}

function readRecord() {
  const w = window as unknown as { __declutterMeasure?: Record<string, number> };
  const record = w.__declutterMeasure ?? {};
  if (record.painted === undefined) return null;
  const measure = (name: string) => {
    const entries = performance.getEntriesByName(name, 'measure');
    return entries.length ? entries[entries.length - 1]!.duration : null;
  };
  return {
    attached: record.attached!,
    painted: record.painted,
    open: measure('declutter:open'),
    analyze: measure('declutter:analyze'),
  };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

async function main() {
  const missing = whyUnavailable(kind);
  if (missing) {
    console.error(`measure-open: ${missing}`);
    process.exitCode = 1;
    return;
  }
  const server = await serveDirectories({ '/fixtures/': join(ROOT, 'tests/fixtures/pages') });
  const browser = await launch(kind);
  const samples: Array<Sample & { total: number }> = [];
  try {
    // One warm-up open (first injection in the tab, code caches), not counted.
    for (let run = 0; run <= RUNS; run++) {
      if (REOPEN && run > 0) {
        // Close the view (a click), then open it again below on the same page.
        await (
          await prepareClick(browser.session)
        )();
        await waitInPage(browser.page, 'the view closed', viewClosed, undefined);
      } else {
        await browser.page.goto(
          server.url(`/fixtures/seed-southfront/source.html?measure=${run}-${Date.now()}`),
        );
      }
      const fire = await prepareClick(browser.session);
      const triggeredAt = await browser.page.evaluate(installRecorder, undefined);
      await fire();
      const sample = await waitInPage(
        browser.page,
        'the reading view painted',
        readRecord,
        undefined,
      );
      const total = sample.painted - triggeredAt;
      if (run === 0) {
        console.log(`warm-up: ${total.toFixed(1)} ms (not counted)`);
        continue;
      }
      samples.push({ ...sample, total, attached: sample.attached - triggeredAt });
      console.log(
        `run ${String(run).padStart(2)}: trigger→painted ${total.toFixed(1)} ms` +
          ` (host attached at ${(sample.attached - triggeredAt).toFixed(1)} ms;` +
          ` content script open ${sample.open?.toFixed(1) ?? '–'} ms, of which analysis ${sample.analyze?.toFixed(1) ?? '–'} ms)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const column = (pick: (s: Sample & { total: number }) => number | null) =>
    samples.map(pick).filter((v): v is number => typeof v === 'number');
  const line = (label: string, values: number[]) =>
    values.length
      ? console.log(
          `${label.padEnd(34)} median ${median(values).toFixed(1).padStart(6)} ms   p90 ${quantile(values, 0.9).toFixed(1).padStart(6)} ms   min ${Math.min(
            ...values,
          )
            .toFixed(1)
            .padStart(6)}   max ${Math.max(...values)
            .toFixed(1)
            .padStart(6)}`,
        )
      : console.log(`${label.padEnd(34)} not available`);
  console.log(
    `\nseed demo page, headless ${kind}, ${samples.length} ${REOPEN ? 'reopenings on one page (close, open)' : 'fresh navigations'}:`,
  );
  line(
    'trigger → view painted',
    column((s) => s.total),
  );
  line(
    'trigger → host attached',
    column((s) => s.attached),
  );
  line(
    'content script: message → attached',
    column((s) => s.open),
  );
  line(
    '  of which analyzePage',
    column((s) => s.analyze),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
