// Code that runs inside the benchmarked page. Each function is serialised by the driver, so it
// may use only its argument and the page's globals (window.__declutterBench, set by the bundle).
import type { DeclutterBench } from './bench-entry';

export interface StageRunOptions {
  iterations: number;
  warmup: number;
}

export interface StageRunResult {
  /**
   * Median ms of `new Readability(document.cloneNode(true)).parse()` with Readability.js as the
   * npm package publishes it: the baseline of issue 5.
   */
  bare: number;
  /** The same with Readability as the extension ships it (scripts/vendor-patches.ts). */
  shipped: number;
  /**
   * Whether the shipped Readability gave exactly the published package's result on this page
   * (every field of parse(), the article's HTML included); the first difference otherwise.
   */
  shippedIdentical: boolean;
  shippedDifference: string | null;
  /**
   * Whether article.text is the canonical text of article.html parsed as the reading view parses
   * it (quote offsets index that text; analyzePage reads it off the sanitised tree instead of
   * parsing again): null without an article, else the first difference or '' when identical.
   */
  viewTextDifference: string | null;
  /** Median ms of `analyzePage(document, { now })`, timed from outside. */
  pipeline: number;
  /** Median ms per stage as reported by analysis.timings (clone, clutter, readability, ...). */
  stages: Record<string, number>;
  /** Ms of detectClutter(document) called on its own, one run after warm-up (a cross-check). */
  clutterDirect: number;
  /** Ms of extractQuotes on Readability's textContent, one run after warm-up (a cross-check). */
  quotesDirect: number;
  elements: number;
  maxDepth: number;
  /** Smallest non-zero step of performance.now() seen: the timer resolution of this page. */
  timerStep: number;
  crossOriginIsolated: boolean;
  charset: string;
  articleLength: number | null;
  bareLength: number | null;
  hidden: number;
  quotes: number;
  reason: string | null;
  error: string | null;
}

/** Runs bare Readability and our pipeline side by side, alternating order every iteration. */
export function runStages(options: StageRunOptions): StageRunResult {
  const bench = (window as unknown as { __declutterBench: DeclutterBench }).__declutterBench;
  const now = () => performance.now();
  const med = (xs: number[]) => {
    const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    if (!s.length) return Number.NaN;
    const m = s.length >> 1;
    return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
  };
  let timerStep = Infinity;
  for (let i = 0, last = now(); i < 2000; i++) {
    const t = now();
    if (t > last) timerStep = Math.min(timerStep, t - last);
    last = t;
  }
  let maxDepth = 0;
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let depth = 0, node: Node | null = walker.currentNode; node;) {
    maxDepth = Math.max(maxDepth, depth);
    if (walker.firstChild()) {
      depth++;
      node = walker.currentNode;
      continue;
    }
    while (!walker.nextSibling()) {
      if (!walker.parentNode()) {
        node = null;
        break;
      }
      depth--;
    }
    node = node ? walker.currentNode : null;
  }

  const bare: number[] = [];
  const shipped: number[] = [];
  let shippedDifference: string | null = null;
  let compared = false;
  const pipeline: number[] = [];
  const clutter: number[] = [];
  const quotes: number[] = [];
  const stages: Record<string, number[]> = {};
  let bareText = '';
  let bareLength: number | null = null;
  let error: string | null = null;
  let last: ReturnType<DeclutterBench['analyzePage']> | null = null;

  const runBare = (record: boolean) => {
    let t0 = now();
    const parsed = new bench.UpstreamReadability(document.cloneNode(true) as Document).parse();
    let t = now() - t0;
    if (record) bare.push(t);
    bareText = parsed?.textContent ?? '';
    bareLength = parsed ? bareText.length : null;
    t0 = now();
    const ours = new bench.Readability(document.cloneNode(true) as Document).parse();
    t = now() - t0;
    if (record) shipped.push(t);
    if (!compared) {
      compared = true;
      // Compared once per page: the patches must change no answer.
      const a = (parsed ?? {}) as Record<string, unknown>;
      const b = (ours ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (a[key] === b[key]) continue;
        const x = String(a[key]);
        const y = String(b[key]);
        let at = 0;
        while (at < x.length && x[at] === y[at]) at++;
        shippedDifference = `${key} at ${at}: published "${x.slice(at, at + 60)}" / shipped "${y.slice(at, at + 60)}"`;
        break;
      }
      if (!parsed !== !ours) shippedDifference = `published ${!!parsed}, shipped ${!!ours}`;
    }
  };
  const runPipeline = (record: boolean) => {
    if (error) return;
    try {
      const t0 = now();
      const analysis = bench.analyzePage(document, { now });
      const t = now() - t0;
      last = analysis;
      if (!record) return;
      pipeline.push(t);
      for (const [stage, ms] of Object.entries(analysis.timings ?? {})) {
        (stages[stage] ??= []).push(ms);
      }
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  };
  const runParts = (record: boolean) => {
    let t0 = now();
    bench.detectClutter(document);
    if (record) clutter.push(now() - t0);
    t0 = now();
    bench.extractQuotes(bareText);
    if (record) quotes.push(now() - t0);
  };

  for (let i = 0; i < options.warmup; i++) {
    runBare(false);
    runPipeline(false);
    runParts(false);
  }
  for (let i = 0; i < options.iterations; i++) {
    if (i % 2 === 0) {
      runBare(true);
      runPipeline(true);
    } else {
      runPipeline(true);
      runBare(true);
    }
    // detectClutter with every kind's rules is issue 3's own measure, so it gets as many runs
    // as the two sides (its median, not one sample); extractQuotes runs once per iteration too.
    runParts(true);
  }
  const analysis = last as ReturnType<DeclutterBench['analyzePage']> | null;
  let viewTextDifference: string | null = null;
  if (analysis?.article) {
    const { html, text } = analysis.article;
    const view = new DOMParser().parseFromString(
      `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
      'text/html',
    ).body;
    const seen = bench.buildTextMap(view).text;
    let at = 0;
    while (at < text.length && text[at] === seen[at]) at++;
    viewTextDifference =
      seen === text
        ? ''
        : `at ${at}: article.text "${text.slice(at, at + 40)}" / view "${seen.slice(at, at + 40)}"`;
  }
  return {
    bare: med(bare),
    shipped: med(shipped),
    shippedIdentical: shippedDifference === null,
    shippedDifference,
    viewTextDifference,
    pipeline: med(pipeline),
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, med(v)])),
    clutterDirect: med(clutter),
    quotesDirect: med(quotes),
    elements: document.getElementsByTagName('*').length,
    maxDepth,
    timerStep,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    charset: document.characterSet,
    articleLength: analysis?.article?.length ?? null,
    bareLength,
    hidden: analysis?.hidden?.length ?? 0,
    quotes: analysis?.quotes?.length ?? 0,
    reason: analysis?.reason?.code ?? null,
    error,
  };
}
