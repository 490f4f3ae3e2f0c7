// Development evaluation of clutter detection over real pages (never part of `npm test`).
//
//   npm run eval:clutter [corpusDir] [--set dragnet|readability] [--pages R1,R531] [--detect-only]
//                        [--no-readability] [--verbose]
//
//   --set           evaluate one corpus only
//   --pages         a comma-separated page filter (alias: --only); names match by their last part
//   --detect-only   skip the reading-view (analyzePage) figures: detection figures only (alias: --no-view)
//   --no-readability  skip timing bare Readability (fast iterations; no cost ratio)
//
// corpusDir defaults to ../shared/corpus (relative to the repo root). It reads
//   dragnet/<n>.html + <n>.gold.txt   (gold: article text, a line containing COMMENTS, comment text)
//   readability/<slug>/source.html + expected.html
// and prints, over the default-hidden kinds (comments, donation):
//   comment recall   share of gold comment tokens that end up inside hidden elements
//   article loss     share of the gold article's distinct words (present on the page) that are no
//                    longer visible anywhere once the hidden elements are taken out: must be 0.000
//   FP pages         pages without comments that get any hidden element
// and the same for the reading view's text when analyzePage is available, plus detectClutter
// timings (jsdom, indicative) next to bare Readability's on the same documents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { detectClutter, locateFinding } from '../src/core/clutter';
import type { ClutterFinding, ClutterKind } from '../src/core/types';

const DEFAULT_KINDS: readonly ClutterKind[] = ['comments', 'donation'];
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  corpus: string;
  only: string | null;
  set: string | null;
  verbose: boolean;
  view: boolean;
  readability: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    corpus: resolve(repoRoot, '../shared/corpus'),
    only: null,
    set: null,
    verbose: false,
    view: true,
    readability: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only' || a === '--pages') args.only = argv[++i] ?? null;
    else if (a === '--set') args.set = argv[++i] ?? null;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--no-view' || a === '--detect-only') args.view = false;
    else if (a === '--no-readability') args.readability = false;
    else args.corpus = resolve(a);
  }
  return args;
}

// ---- decoding -------------------------------------------------------------------------------

const LABELS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

/** Decodes saved HTML by BOM, then declared charset, then strict UTF-8, then Windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (m?.[1]) {
    const label = m[1].toLowerCase();
    try {
      const dec = new TextDecoder(LABELS[label] ?? label, { fatal: label.startsWith('utf') });
      return dec.decode(bytes);
    } catch {
      // Declared UTF-8 but not valid UTF-8: old pages often lie; fall through.
    }
  }
  return decodeText(bytes);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Style sheets play no part here, and jsdom's CSS parser throws on some old ones. */
function withoutStyles(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style></style>');
}

// ---- tokens ---------------------------------------------------------------------------------

type Bag = Map<string, number>;

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function bag(text: string): Bag {
  const b: Bag = new Map();
  for (const t of tokens(text)) b.set(t, (b.get(t) ?? 0) + 1);
  return b;
}

/** Σ min(a[t], b[t]). */
function overlap(a: Bag, b: Bag): number {
  let n = 0;
  for (const [t, v] of a) n += Math.min(v, b.get(t) ?? 0);
  return n;
}

/**
 * Distinct words of `gold` present on the page that are no longer present in `visible`. Counted
 * by distinct word rather than occurrence: gold files sometimes repeat the article, and a word
 * the article shares with the (hidden) comments must not count as lost while the article still
 * shows it.
 */
function lost(gold: Bag, page: Bag, visible: Bag): number {
  let n = 0;
  for (const t of gold.keys()) if (page.has(t) && !visible.has(t)) n++;
  return n;
}

/** Distinct words of `gold` that the page has. */
function present(gold: Bag, page: Bag): number {
  let n = 0;
  for (const t of gold.keys()) if (page.has(t)) n++;
  return n;
}

/** Text of the document with script/style removed, as blocks, optionally without some subtrees. */
function pageText(doc: Document, without: readonly Element[] = []): string {
  const skip = new Set(without);
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const el = c as Element;
        if (skip.has(el) || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|HEAD)$/.test(el.tagName)) continue;
        walk(el);
        parts.push(' ');
      }
    }
  };
  if (doc.body) walk(doc.body);
  return parts.join('');
}

// ---- pages ----------------------------------------------------------------------------------

interface Page {
  name: string;
  html: string;
  article: string;
  comments: string | null;
}

function dragnetPages(dir: string): Page[] {
  if (!existsSync(dir)) return [];
  const out: Page[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const base = f.slice(0, -5);
    const goldPath = join(dir, base + '.gold.txt');
    if (!existsSync(goldPath)) continue;
    const gold = decodeText(readFileSync(goldPath));
    const lines = gold.split(/\r?\n/);
    const sep = lines.findIndex((l) => /COMMENTS\s*$/.test(l) && /[!@#$%^&*()]{4}/.test(l));
    out.push({
      name: 'dragnet/' + base,
      html: decodeHtml(readFileSync(join(dir, f))),
      article: (sep < 0 ? lines : lines.slice(0, sep)).join('\n'),
      comments: sep < 0 ? null : lines.slice(sep + 1).join('\n'),
    });
  }
  return out;
}

function readabilityPages(dir: string): Page[] {
  if (!existsSync(dir)) return [];
  const out: Page[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const src = join(dir, slug, 'source.html');
    const exp = join(dir, slug, 'expected.html');
    if (!existsSync(src) || !existsSync(exp)) continue;
    const expected = new JSDOM(decodeHtml(readFileSync(exp))).window;
    out.push({
      name: 'readability/' + slug,
      html: decodeHtml(readFileSync(src)),
      article: expected.document.body?.textContent ?? '',
      comments: null,
    });
    expected.close();
  }
  return out;
}

// ---- the optional reading-view pass ---------------------------------------------------------

type Analyze = (
  doc: Document,
  options?: Record<string, unknown>,
) => {
  article: { text: string } | null;
};

async function loadAnalyze(): Promise<Analyze | null> {
  try {
    const core = (await import('../src/core/index')) as { analyzePage?: Analyze };
    return core.analyzePage ?? null;
  } catch (e) {
    console.log(
      `reading view: analyzePage not available (${(e as Error).message.split('\n')[0]}), skipped`,
    );
    return null;
  }
}

// ---- main -----------------------------------------------------------------------------------

interface Row {
  name: string;
  hasComments: boolean;
  recall: number | null;
  loss: number;
  hidden: ClutterFinding[];
  viewLoss: number | null;
  viewComments: number | null;
  ms: number;
  readabilityMs: number;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.corpus)) {
    console.log(
      `eval:clutter: corpus folder ${args.corpus} not found, nothing to evaluate (skipped).`,
    );
    return;
  }
  const started = performance.now();
  let pages = [
    ...(args.set == null || args.set === 'dragnet'
      ? dragnetPages(join(args.corpus, 'dragnet'))
      : []),
    ...(args.set == null || args.set === 'readability'
      ? readabilityPages(join(args.corpus, 'readability'))
      : []),
  ];
  if (args.only) {
    const wanted = args.only.split(',');
    pages = pages.filter((p) => wanted.some((w) => p.name === w || p.name.endsWith('/' + w)));
  }
  if (pages.length === 0) {
    console.log(
      `eval:clutter: no pages under ${args.corpus} (expected dragnet/ and readability/), skipped.`,
    );
    return;
  }
  const analyze = args.view ? await loadAnalyze() : null;
  let analyzeBroken = false;

  const rows: Row[] = [];
  for (const page of pages) {
    const pageWindow = new JSDOM(withoutStyles(page.html)).window;
    const doc = pageWindow.document;
    const t0 = performance.now();
    const findings = detectClutter(doc);
    const ms = performance.now() - t0;
    let readabilityMs = NaN;
    if (args.readability) {
      const r0 = performance.now();
      new Readability(doc.cloneNode(true) as Document).parse();
      readabilityMs = performance.now() - r0;
    }

    const hidden = findings.filter((f) => DEFAULT_KINDS.includes(f.kind));
    const els = hidden.map((f) => locateFinding(doc, f)).filter((e): e is Element => e != null);
    if (els.length !== hidden.length)
      console.log(`${page.name}: ${hidden.length - els.length} finding(s) not locatable!`);
    const pageBag = bag(pageText(doc));
    const visibleBag = bag(pageText(doc, els));
    const hiddenBag = bag(els.map(pageTextOf).join(' '));
    const articleBag = bag(page.article);
    const articleOnPage = present(articleBag, pageBag);
    const loss = articleOnPage === 0 ? 0 : lost(articleBag, pageBag, visibleBag) / articleOnPage;
    let recall: number | null = null;
    let viewComments: number | null = null;
    let viewLoss: number | null = null;
    const commentBag = page.comments != null ? bag(page.comments) : null;
    if (commentBag) {
      const onPage = overlap(commentBag, pageBag);
      recall = onPage === 0 ? null : overlap(commentBag, hiddenBag) / onPage;
    }
    if (analyze && !analyzeBroken) {
      try {
        const viewWindow = new JSDOM(withoutStyles(page.html)).window;
        const res = analyze(viewWindow.document, {});
        viewWindow.close();
        const viewBag = bag(res.article?.text ?? '');
        viewLoss = articleOnPage === 0 ? 0 : lost(articleBag, pageBag, viewBag) / articleOnPage;
        if (commentBag) {
          // Comment tokens in the view beyond what the article itself accounts for.
          let extra = 0;
          let total = 0;
          for (const [t, v] of commentBag) {
            const inView = viewBag.get(t) ?? 0;
            const fromArticle = articleBag.get(t) ?? 0;
            extra += Math.min(v, Math.max(0, inView - fromArticle));
            total += Math.min(v, pageBag.get(t) ?? 0);
          }
          viewComments = total === 0 ? null : extra / total;
        }
      } catch (e) {
        analyzeBroken = true;
        console.log(
          `reading view: analyzePage threw (${(e as Error).message.split('\n')[0]}); view figures skipped`,
        );
      }
    }
    pageWindow.close();
    // jsdom frees a closed window's document on a later turn of the event loop: without one per
    // page, every page of the run stayed in memory (a 4 GB heap ran out).
    await new Promise((done) => setImmediate(done));
    rows.push({
      name: page.name,
      hasComments: page.comments != null,
      recall,
      loss,
      hidden,
      viewLoss,
      viewComments,
      ms,
      readabilityMs,
    });
    if (args.verbose) printRow(rows[rows.length - 1]!);
  }
  report(rows);
  console.log(`eval wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function pageTextOf(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (
        c.nodeType === 1 &&
        !/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test((c as Element).tagName)
      ) {
        walk(c);
        parts.push(' ');
      }
    }
  };
  walk(el);
  return parts.join('');
}

function short(f: ClutterFinding): string {
  return `${f.rule} ${f.selector.slice(0, 70)} "${f.text.slice(0, 50)}"`;
}

function printRow(r: Row): void {
  const rec = r.recall == null ? '   -  ' : r.recall.toFixed(3);
  const view = r.viewComments == null ? '' : ` view-comments ${r.viewComments.toFixed(3)}`;
  console.log(
    `${r.name.padEnd(40)} recall ${rec} loss ${r.loss.toFixed(3)} hidden ${r.hidden.length}${view} ${r.ms.toFixed(1)}ms`,
  );
}

function report(rows: Row[]): void {
  const fmt = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(3));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

  const withComments = rows.filter((r) => r.recall != null);
  const recalls = withComments.map((r) => r.recall!);
  console.log(
    `\n== clutter evaluation over ${rows.length} pages (hidden kinds: ${DEFAULT_KINDS.join(', ')}) ==`,
  );
  console.log(
    `comment recall: mean ${fmt(mean(recalls))} over ${withComments.length} pages with comments; ` +
      `pages ≥ 0.97: ${recalls.filter((r) => r >= 0.97).length}, pages at 0: ${recalls.filter((r) => r === 0).length}`,
  );
  const lossy = rows.filter((r) => r.loss > 0);
  console.log(
    `article loss: max ${fmt(Math.max(0, ...rows.map((r) => r.loss)))}, mean ${fmt(mean(rows.map((r) => r.loss)))}, pages > 0: ${lossy.length}`,
  );
  for (const r of lossy)
    console.log(`  LOSS ${r.name} ${r.loss.toFixed(3)}: ${r.hidden.map(short).join(' | ')}`);
  const noComments = rows.filter((r) => !r.hasComments);
  const fp = noComments.filter((r) => r.hidden.length > 0);
  console.log(
    `pages without comment gold: ${noComments.length}; with hidden elements: ${fp.length}`,
  );
  // An empty platform mount (a thread that loads later) hides no text; list those apart.
  const withText = fp.filter((r) => r.hidden.some((f) => f.text.length > 0));
  console.log(`  of which hide some text: ${withText.length} (the rest are empty mounts only)`);
  for (const r of fp) console.log(`  HIDDEN ${r.name}: ${r.hidden.map(short).join(' | ')}`);
  const low = withComments.filter((r) => r.recall! < 0.97).sort((a, b) => a.recall! - b.recall!);
  console.log(`pages with comments below 0.97 recall: ${low.length}`);
  for (const r of low)
    console.log(
      `  LOW ${r.name} ${r.recall!.toFixed(3)}: ${r.hidden.map(short).join(' | ') || '(nothing hidden)'}`,
    );

  const views = rows.filter((r) => r.viewLoss != null);
  if (views.length) {
    const vl = views.map((r) => r.viewLoss!);
    console.log(
      `reading view: article loss vs gold mean ${fmt(mean(vl))}, pages > 0.05: ${vl.filter((x) => x > 0.05).length}`,
    );
    const vc = views.filter((r) => r.viewComments != null).map((r) => r.viewComments!);
    console.log(
      `reading view: gold comment tokens still in the view mean ${fmt(mean(vc))} over ${vc.length} pages, pages > 0.05: ${vc.filter((x) => x > 0.05).length}`,
    );
    const leaky = views
      .filter((r) => r.viewComments != null && r.viewComments > 0.05)
      .sort((a, b) => b.viewComments! - a.viewComments!);
    for (const r of leaky)
      console.log(
        `  VIEW ${r.name} comment tokens in view ${r.viewComments!.toFixed(3)} (detection recall ${r.recall?.toFixed(3) ?? '-'})`,
      );
  }
  const ms = rows.map((r) => r.ms);
  console.log(
    `detectClutter (jsdom): median ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`,
  );
  const rms = rows.map((r) => r.readabilityMs).filter((x) => !Number.isNaN(x));
  if (rms.length > 0) {
    console.log(
      `Readability (jsdom, same docs): median ${quantile(rms, 0.5).toFixed(1)} ms, p95 ${quantile(rms, 0.95).toFixed(1)} ms`,
    );
    const ratios = rows.map((r) => r.ms / Math.max(r.readabilityMs, 0.001));
    console.log(
      `detectClutter / Readability per page: median ${quantile(ratios, 0.5).toFixed(3)}, p95 ${quantile(ratios, 0.95).toFixed(3)}`,
    );
  }
  const byRule = new Map<string, number>();
  for (const r of rows) for (const f of r.hidden) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log(
    `findings by rule: ${[...byRule]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

await main();
