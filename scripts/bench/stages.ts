// Section 1: in-page stage timings. Bare Readability and our analyzePage, side by side on every
// corpus page, in real headless Chromium and Firefox, with the bench bundle injected.
import type { CorpusPage } from './corpus';
import type { BenchServer } from './server';
import { launchDriver, type BrowserName } from './drivers';
import { runStages, type StageRunResult } from './in-page';
import { buildBenchBundle } from './bundle';
import { fmt, quantile, ratio, summarize, table, verdict, median, type Summary } from './stats';

export const STAGE_ORDER = [
  'clone',
  'clutter',
  'readability',
  'cleanup',
  'sanitise',
  'quotes',
  'total',
] as const;

export interface PageStageResult extends Partial<StageRunResult> {
  set: CorpusPage['set'];
  id: string;
  bytes: number;
  loadError?: string;
  /** Set when the first attempt crashed the browser and the retry in a fresh one worked. */
  retried?: string;
}

export interface BrowserStageReport {
  browser: BrowserName;
  version: string;
  iterations: number;
  warmup: number;
  pages: PageStageResult[];
  summary: Record<string, Summary>;
  ratios: {
    /** Over Readability as published (the issue's baseline). */
    pipelineOverBareMedian: number;
    pipelineOverBareP95: number;
    /** Over Readability as we ship it: what the pipeline adds to its own Readability. */
    pipelineOverShippedMedian: number;
    pipelineOverShippedP95: number;
    perPagePipelineOverBare: Summary;
    clutterOverReadabilityMedian: number;
    clutterOverReadabilityP95: number;
    perPageClutterOverReadability: Summary;
    /**
     * The pipeline built up a stage at a time: per page, the sum of the stages so far over bare
     * Readability, median over pages. Where the budget is lost (and what it would take).
     */
    cumulative: { stages: string[]; perPageMedian: number }[];
    /**
     * Issue 3's measure: detectClutter(doc) with every kind's rules, on the Readability corpus,
     * against bare Readability on the same pages (null without that corpus).
     */
    detectClutter: {
      pages: number;
      ms: Summary;
      overBareMedian: number;
      overBareP95: number;
    } | null;
  };
  /** Pages where the shipped Readability's result equals the published package's. */
  shippedIdentical: number;
  shippedDifferent: string[];
  /** Pages with an article, and those whose article.text differs from the view's parse. */
  viewTextPages: number;
  viewTextDifferent: string[];
  timerStep: number;
  crossOriginIsolated: boolean;
  pipelineErrors: Record<string, number>;
  seconds: number;
}

export async function benchStages(
  browser: BrowserName,
  pages: CorpusPage[],
  server: BenchServer,
  {
    iterations,
    warmup,
    ref,
    log,
  }: { iterations: number; warmup: number; ref?: string | undefined; log: (s: string) => void },
): Promise<BrowserStageReport> {
  const started = Date.now();
  const bundle = await buildBenchBundle(browser === 'chromium' ? 'chrome' : 'firefox', ref);
  let driver = await launchDriver(browser);
  const version = driver.version;
  const results: PageStageResult[] = [];
  const measure = async (page: CorpusPage) => {
    await driver.goto(server.url('a', page.prefix, page.path));
    await driver.inject(bundle);
    return driver.evaluate(runStages, { iterations, warmup });
  };
  try {
    for (const [i, page] of pages.entries()) {
      const base = { set: page.set, id: page.id, bytes: page.bytes };
      try {
        results.push({ ...base, ...(await measure(page)) });
      } catch (e) {
        const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
        // A crashed tab or browser must not cost the rest of the run: relaunch, retry once.
        if (/closed|crash|disconnect/i.test(message)) {
          log(`  ${browser}: ${page.set}/${page.id}: ${message}; relaunching the browser`);
          await driver.close().catch(() => undefined);
          driver = await launchDriver(browser);
          try {
            results.push({ ...base, ...(await measure(page)), retried: message });
          } catch {
            await driver.close().catch(() => undefined);
            driver = await launchDriver(browser);
            results.push({ ...base, loadError: `${message} (twice)` });
          }
        } else {
          results.push({ ...base, loadError: message });
        }
      }
      if ((i + 1) % 25 === 0 || i + 1 === pages.length) {
        log(
          `  ${browser}: ${i + 1}/${pages.length} pages (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
  } finally {
    await driver.close();
  }
  return summarise(browser, version, results, iterations, warmup, started);
}

function summarise(
  browser: BrowserName,
  version: string,
  pages: PageStageResult[],
  iterations: number,
  warmup: number,
  started: number,
): BrowserStageReport {
  const ok = pages.filter((p) => !p.loadError);
  const col = (f: (p: PageStageResult) => number | undefined) => ok.map((p) => f(p) ?? Number.NaN);
  const summary: Record<string, Summary> = {
    'bare Readability': summarize(col((p) => p.bare)),
    '  as we ship it': summarize(col((p) => p.shipped)),
    analyzePage: summarize(col((p) => p.pipeline)),
  };
  const stageNames = new Set<string>(STAGE_ORDER);
  for (const p of ok) for (const s of Object.keys(p.stages ?? {})) stageNames.add(s);
  for (const s of stageNames) summary[`  ${s}`] = summarize(col((p) => p.stages?.[s]));
  summary['detectClutter (alone)'] = summarize(col((p) => p.clutterDirect));
  summary['extractQuotes (alone)'] = summarize(col((p) => p.quotesDirect));

  const bare = col((p) => p.bare);
  const shipped = col((p) => p.shipped);
  const pipe = col((p) => p.pipeline);
  const readability = col((p) => p.stages?.readability);
  // detectClutter's own time: the pipeline's stage when it reports one, else the direct call.
  const clutter = col((p) => p.stages?.clutter ?? p.clutterDirect);
  const fin = (xs: number[]) => xs.filter(Number.isFinite);
  // Readability inside the pipeline when reported, else bare Readability (clone included).
  const readabilityBase = ok.map((p, i) =>
    Number.isFinite(readability[i]) ? (readability[i] as number) : (p.bare ?? Number.NaN),
  );
  const pipelineErrors: Record<string, number> = {};
  for (const p of ok) if (p.error) pipelineErrors[p.error] = (pipelineErrors[p.error] ?? 0) + 1;
  return {
    browser,
    version,
    iterations,
    warmup,
    pages,
    summary,
    ratios: {
      pipelineOverBareMedian: ratio(median(fin(pipe)), median(fin(bare))),
      pipelineOverBareP95: ratio(quantile(fin(pipe), 0.95), quantile(fin(bare), 0.95)),
      pipelineOverShippedMedian: ratio(median(fin(pipe)), median(fin(shipped))),
      pipelineOverShippedP95: ratio(quantile(fin(pipe), 0.95), quantile(fin(shipped), 0.95)),
      perPagePipelineOverBare: summarize(ok.map((p) => ratio(p.pipeline ?? NaN, p.bare ?? NaN))),
      clutterOverReadabilityMedian: ratio(median(fin(clutter)), median(fin(readabilityBase))),
      clutterOverReadabilityP95: ratio(
        quantile(fin(clutter), 0.95),
        quantile(fin(readabilityBase), 0.95),
      ),
      perPageClutterOverReadability: summarize(
        clutter.map((c, i) => ratio(c, readabilityBase[i] as number)),
      ),
      detectClutter: detectClutterMeasure(ok.filter((p) => p.set === 'readability')),
      cumulative: cumulativeStages(ok),
    },
    shippedIdentical: ok.filter((p) => p.shippedIdentical).length,
    shippedDifferent: ok
      .filter((p) => p.shippedIdentical === false)
      .map((p) => `${p.set}/${p.id}: ${p.shippedDifference}`),
    viewTextPages: ok.filter((p) => p.viewTextDifference != null).length,
    viewTextDifferent: ok
      .filter((p) => p.viewTextDifference)
      .map((p) => `${p.set}/${p.id}: ${p.viewTextDifference}`),
    timerStep: Math.max(...ok.map((p) => p.timerStep ?? 0)),
    crossOriginIsolated: ok.every((p) => p.crossOriginIsolated),
    pipelineErrors,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The order the stages are added in: Readability's own work first, then what we add to it. */
const BUILD_UP = [
  ['clone', 'readability'],
  ['sanitise'],
  ['clutter'],
  ['guard', 'prepare', 'cleanup'],
  ['quotes'],
];

function cumulativeStages(pages: PageStageResult[]): BrowserStageReport['ratios']['cumulative'] {
  const out: BrowserStageReport['ratios']['cumulative'] = [];
  const soFar: string[] = [];
  for (const step of BUILD_UP) {
    soFar.push(...step);
    const perPage = pages.map((p) =>
      ratio(
        soFar.reduce((sum, stage) => sum + (p.stages?.[stage] ?? 0), 0),
        p.bare ?? Number.NaN,
      ),
    );
    out.push({ stages: [...soFar], perPageMedian: median(perPage.filter(Number.isFinite)) });
  }
  return out;
}

function detectClutterMeasure(
  pages: PageStageResult[],
): BrowserStageReport['ratios']['detectClutter'] {
  const direct = pages.map((p) => p.clutterDirect ?? NaN).filter(Number.isFinite);
  const bare = pages.map((p) => p.bare ?? NaN).filter(Number.isFinite);
  if (direct.length === 0 || bare.length === 0) return null;
  return {
    pages: direct.length,
    ms: summarize(direct),
    overBareMedian: ratio(median(direct), median(bare)),
    overBareP95: ratio(quantile(direct, 0.95), quantile(bare, 0.95)),
  };
}

export function printStages(r: BrowserStageReport): string {
  const failed = r.pages.filter((p) => p.loadError);
  const lines = [
    `${r.browser} ${r.version}: ${r.pages.length} pages (${failed.length} failed to load), ` +
      `median of ${r.iterations} runs after ${r.warmup} warm-up, timer step ${fmt(r.timerStep * 1000, 0)} µs` +
      `${r.crossOriginIsolated ? ' (cross-origin isolated)' : ''}, ${fmt(r.seconds, 0)} s`,
    table(
      ['ms per page', 'n', 'median', 'p95', 'max'],
      Object.entries(r.summary)
        .filter(([, s]) => s.n > 0)
        .map(([k, s]) => [k, String(s.n), fmt(s.median), fmt(s.p95), fmt(s.max)]),
    ),
    `pipeline / bare Readability (as published): median ${fmt(r.ratios.pipelineOverBareMedian)}× ` +
      `[budget ≤ 1.3: ${verdict(r.ratios.pipelineOverBareMedian, 1.3)}], ` +
      `p95 ${fmt(r.ratios.pipelineOverBareP95)}× [budget ≤ 1.5: ${verdict(r.ratios.pipelineOverBareP95, 1.5)}]; ` +
      `per page: median ${fmt(r.ratios.perPagePipelineOverBare.median)}×, p95 ${fmt(r.ratios.perPagePipelineOverBare.p95)}×`,
    `pipeline / Readability as we ship it (its speed patches, scripts/vendor-patches.ts): median ` +
      `${fmt(r.ratios.pipelineOverShippedMedian)}×, p95 ${fmt(r.ratios.pipelineOverShippedP95)}×; ` +
      `its result identical to the published package's on ${r.shippedIdentical} of ${r.pages.length - failed.length} pages`,
    ...r.shippedDifferent.slice(0, 10).map((d) => `  DIFFERENT: ${d}`),
    `article.text equals the text of article.html as the view parses it on ` +
      `${r.viewTextPages - r.viewTextDifferent.length} of ${r.viewTextPages} pages with an article`,
    ...r.viewTextDifferent.slice(0, 10).map((d) => `  DIFFERENT: ${d}`),
    `clutter stage / Readability stage, all pages: median ${fmt(r.ratios.clutterOverReadabilityMedian)}, ` +
      `p95 ${fmt(r.ratios.clutterOverReadabilityP95)}; per page: median ${fmt(r.ratios.perPageClutterOverReadability.median)}, ` +
      `p95 ${fmt(r.ratios.perPageClutterOverReadability.p95)}`,
  ];
  lines.push(
    'the pipeline a stage at a time, per page over bare Readability (median): ' +
      r.ratios.cumulative
        .map(
          (c, i) =>
            `${i === 0 ? c.stages.join(' + ') : `+ ${BUILD_UP[i]!.join(' + ')}`} ${fmt(c.perPageMedian)}×`,
        )
        .join(', '),
  );
  const d = r.ratios.detectClutter;
  if (d) {
    lines.push(
      `detectClutter(doc), every kind, ${d.pages} Readability-corpus pages: median ${fmt(d.ms.median)} ms, ` +
        `p95 ${fmt(d.ms.p95)} ms; over bare Readability: median ${fmt(d.overBareMedian)} ` +
        `[budget < 0.25: ${verdict(d.overBareMedian, 0.25, { strict: true })}], p95 ${fmt(d.overBareP95)} ` +
        `[${verdict(d.overBareP95, 0.25, { strict: true })}]`,
    );
  }
  for (const [message, count] of Object.entries(r.pipelineErrors)) {
    lines.push(`analyzePage threw on ${count} pages: ${message}`);
  }
  for (const p of failed.slice(0, 5)) lines.push(`load failed: ${p.set}/${p.id}: ${p.loadError}`);
  return lines.join('\n');
}
