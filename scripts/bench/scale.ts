// Section 6: scale. analyzePage (and bare Readability) on generated stress pages, one fresh
// browser per page so one page's heap does not slow the next. The synchronous pipeline blocks the
// main thread for its whole duration, so "longest block" here is the analyzePage time itself;
// the click-path section measures the long tasks the extension really causes.
import type { BenchServer } from './server';
import { launchDriver, type BrowserName } from './drivers';
import { runStages, type StageRunResult } from './in-page';
import { buildBenchBundle } from './bundle';
import { nestArticle, type StressPage, LADDER_BYTES } from './stress-pages';
import { fmt, linearFit, table } from './stats';

export interface StressResult extends Partial<StageRunResult> {
  name: string;
  what: string;
  bytes: number;
  loadMs?: number;
  depthBuilt?: number;
  /** Load or analysis failure (crash, timeout). `error` is analyzePage's own exception. */
  failure?: string;
}

export interface ScaleReport {
  browser: BrowserName;
  pages: StressResult[];
  /** Least-squares fit of analyzePage ms against MB over the size ladder. */
  ladderFit: { msPerMB: number; interceptMs: number; r2: number };
  bareLadderFit: { msPerMB: number; interceptMs: number; r2: number };
  seconds: number;
}

const PAGE_TIMEOUT_MS = 180_000;

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function benchScale(
  browser: BrowserName,
  stress: StressPage[],
  server: BenchServer,
  { ref, log }: { ref?: string | undefined; log: (s: string) => void },
): Promise<ScaleReport> {
  const started = Date.now();
  const bundle = await buildBenchBundle(browser === 'chromium' ? 'chrome' : 'firefox', ref);
  const pages: StressResult[] = [];
  for (const page of stress) {
    const base: StressResult = { name: page.name, what: page.what, bytes: page.bytes };
    const driver = await launchDriver(browser);
    try {
      const t0 = Date.now();
      await timeout(driver.goto(server.url('a', '/stress', page.file)), PAGE_TIMEOUT_MS, 'load');
      base.loadMs = Date.now() - t0;
      if (page.nest) base.depthBuilt = await driver.evaluate(nestArticle, page.nest);
      await driver.inject(bundle);
      // Big pages: one measured run; small ones: three after a warm-up.
      const big = page.bytes > 2_000_000;
      const r = await timeout(
        driver.evaluate(runStages, { iterations: big ? 1 : 3, warmup: big ? 0 : 1 }),
        PAGE_TIMEOUT_MS,
        'analysis',
      );
      pages.push({ ...base, ...r });
    } catch (e) {
      pages.push({ ...base, failure: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    } finally {
      await driver.close().catch(() => undefined);
    }
    const last = pages[pages.length - 1];
    log(
      `  ${browser} ${page.name}: ${last?.failure ?? last?.error ?? `${fmt(last?.pipeline)} ms`}`,
    );
  }
  const ladder = pages.filter((p) => p.name.startsWith('ladder-') && !p.failure);
  const fit = (ys: number[]) => {
    const f = linearFit(
      ladder.map((p) => p.bytes / 1e6),
      ys,
    );
    return { msPerMB: f.slope, interceptMs: f.intercept, r2: f.r2 };
  };
  return {
    browser,
    pages,
    ladderFit: fit(ladder.map((p) => p.pipeline ?? Number.NaN)),
    bareLadderFit: fit(ladder.map((p) => p.bare ?? Number.NaN)),
    seconds: (Date.now() - started) / 1000,
  };
}

export function printScale(r: ScaleReport): string {
  const rows = r.pages.map((p) => {
    const mb = p.bytes / 1e6;
    return [
      p.name,
      fmt(mb, 2),
      p.elements != null ? String(p.elements) : '—',
      p.maxDepth != null ? String(p.maxDepth) : '—',
      fmt(p.loadMs),
      fmt(p.bare),
      fmt(p.pipeline),
      fmt(p.pipeline != null ? p.pipeline / mb : NaN),
      fmt(p.stages?.clutter ?? p.clutterDirect),
      fmt(p.stages?.readability),
      fmt(p.stages?.sanitise),
      fmt(p.stages?.quotes ?? p.quotesDirect),
      p.failure ??
        p.error ??
        (p.reason ? `reason: ${p.reason}` : p.pipeline != null && p.pipeline > 2000 ? '> 2 s' : ''),
    ];
  });
  const ladder = r.pages.filter((p) => p.name.startsWith('ladder-') && p.pipeline != null);
  const first = ladder[0];
  const lastL = ladder[ladder.length - 1];
  const growth =
    first && lastL && first.pipeline && lastL.pipeline
      ? lastL.pipeline / (lastL.bytes / 1e6) / (first.pipeline / (first.bytes / 1e6))
      : Number.NaN;
  return [
    `${r.browser}: stress pages (longest main-thread block = the analyzePage run, it is synchronous), ${fmt(r.seconds, 0)} s`,
    table(
      [
        'page',
        'MB',
        'elements',
        'depth',
        'load',
        'bare',
        'analyze',
        'ms/MB',
        'clutter',
        'readab.',
        'sanit.',
        'quotes',
        'note',
      ],
      rows,
    ),
    `ladder (${LADDER_BYTES.map((b) => `${b / 1e6} MB`).join(', ')}): analyzePage ≈ ${fmt(r.ladderFit.msPerMB)} ms/MB ` +
      `+ ${fmt(r.ladderFit.interceptMs)} ms, r² ${fmt(r.ladderFit.r2, 3)}; bare Readability ≈ ${fmt(r.bareLadderFit.msPerMB)} ms/MB, ` +
      `r² ${fmt(r.bareLadderFit.r2, 3)}; ms/MB at the top / at the bottom of the ladder: ${fmt(growth)}× (1 = linear)`,
  ].join('\n');
}
