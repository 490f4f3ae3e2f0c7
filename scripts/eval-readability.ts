// Reading-mode fidelity over the Readability test corpus: does wrapping Readability (clutter
// removal, clean-up, sanitising) lose article text? For every page: decode, parse with a Node
// DOM, analyzePage, and compare article.text with expected.html by token F1. Also times the CLI
// path (decode + parse + analyze + JSON) per page.
//
//   npm run eval:readability [corpusDir] [--dom jsdom|linkedom|happy-dom] [--quiet]
//
// corpusDir defaults to ../shared/corpus/readability (relative to the repo root). The corpus is
// not ours and is never copied into the repository; without it this script says so and exits 0.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePage } from '../src/core/index';
import { decodeHtml } from '../src/cli/decode';
import { DOM_ADAPTERS, type DomAdapter, type DomName } from './lib/node-doms';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const value = args[at + 1] ?? null;
  args.splice(at, 2);
  return value;
};
const domName = (flag('--dom') ?? 'jsdom') as DomName;
const quiet = args.includes('--quiet');
const positional = args.filter((a) => !a.startsWith('--'));
const corpus = resolve(positional[0] ?? join(ROOT, '../shared/corpus/readability'));

if (!existsSync(corpus)) {
  console.log(
    `eval:readability: corpus folder ${corpus} not found; nothing to evaluate (skipped).`,
  );
  process.exit(0);
}
const adapter: DomAdapter | undefined = DOM_ADAPTERS[domName];
if (!adapter) {
  console.error(
    `eval:readability: unknown --dom ${domName} (use ${Object.keys(DOM_ADAPTERS).join(', ')})`,
  );
  process.exit(2);
}

/**
 * Word tokens (letters and digits) as a multiset. Chinese, Japanese and Korean are written without
 * spaces, so each of their characters is a token (otherwise a whole sentence is one token and a
 * single different character between outputs scores zero).
 */
function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const pattern = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\p{L}\p{N}]+/gu;
  for (const token of text.toLowerCase().match(pattern) ?? []) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

function f1(expected: string, actual: string): { f1: number; precision: number; recall: number } {
  const want = tokens(expected);
  const got = tokens(actual);
  let overlap = 0;
  let wantTotal = 0;
  let gotTotal = 0;
  for (const n of want.values()) wantTotal += n;
  for (const [token, n] of got) {
    gotTotal += n;
    overlap += Math.min(n, want.get(token) ?? 0);
  }
  if (wantTotal === 0 && gotTotal === 0) return { f1: 1, precision: 1, recall: 1 };
  const precision = gotTotal ? overlap / gotTotal : 0;
  const recall = wantTotal ? overlap / wantTotal : 0;
  return {
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    precision,
    recall,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number)
    : NaN;

interface Row {
  slug: string;
  parsed: boolean;
  f1: number;
  precision: number;
  recall: number;
  ms: number;
  /** CPU time of this process for the page: steadier than wall time on a shared machine. */
  cpuMs: number;
  parseMs: number;
  note: string;
}

const rows: Row[] = [];
const slugs = readdirSync(corpus)
  .filter((name) => statSync(join(corpus, name)).isDirectory())
  .filter((name) => existsSync(join(corpus, name, 'source.html')))
  .sort();

for (const slug of slugs) {
  const folder = join(corpus, slug);
  const expectedHtml = existsSync(join(folder, 'expected.html'))
    ? readFileSync(join(folder, 'expected.html'), 'utf8')
    : '';
  const expectedText = adapter.textOf(expectedHtml);
  const bytes = readFileSync(join(folder, 'source.html'));
  const url = `http://fakehost/test/page.html`;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let note = '';
  let text = '';
  let parsed = false;
  let parseMs = 0;
  try {
    const { text: html } = decodeHtml(bytes);
    const { document, window } = adapter.parse(html, url);
    parseMs = performance.now() - started;
    const result = analyzePage(document, { url, window, now: () => performance.now() });
    JSON.stringify(result);
    parsed = result.article !== null;
    // Embedded frames become "Open embedded video (youtube.com)" links by design; expected.html
    // keeps them as (textless) iframes, so those labels are not counted as extra text.
    text = (result.article?.text ?? '').replace(/^Open embedded \w+ \([^)\n]+\)$/gm, '');
    if (!parsed) note = `${result.reason?.code}: ${result.reason?.message}`;
    if (result.hidden.length) note += ` hidden: ${result.hidden.map((h) => h.rule).join(', ')}`;
  } catch (error) {
    note = `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const score = f1(expectedText, text);
  rows.push({ slug, parsed, ...score, ms, cpuMs, parseMs, note: note.trim() });
}

const mean = rows.reduce((s, r) => s + r.f1, 0) / rows.length;
const times = rows.map((r) => r.ms).sort((a, b) => a - b);
const parseTimes = rows.map((r) => r.parseMs).sort((a, b) => a - b);
const cpuTimes = rows.map((r) => r.cpuMs).sort((a, b) => a - b);
const low = rows.filter((r) => r.f1 < 0.98).sort((a, b) => a.f1 - b.f1);

if (!quiet) {
  for (const r of low) {
    console.log(
      `  ${r.f1.toFixed(3)}  P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}  ${r.slug}${r.note ? `  (${r.note})` : ''}`,
    );
  }
}
console.log(
  [
    `eval:readability [${domName}] over ${rows.length} pages in ${corpus}`,
    `  parsed (article returned): ${rows.filter((r) => r.parsed).length}/${rows.length}`,
    `  article-text token F1 vs expected.html: mean ${mean.toFixed(4)}, min ${Math.min(...rows.map((r) => r.f1)).toFixed(4)}, pages below 0.98: ${low.length}`,
    `  CPU time per page (same path): median ${percentile(cpuTimes, 0.5).toFixed(1)} ms, p95 ${percentile(cpuTimes, 0.95).toFixed(1)} ms`,
    `  of which decode + DOM parsing (wall): median ${percentile(parseTimes, 0.5).toFixed(1)} ms, p95 ${percentile(parseTimes, 0.95).toFixed(1)} ms`,
    `  CLI-path time per page (decode+parse+analyze+JSON): median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${times[times.length - 1]?.toFixed(1)} ms`,
  ].join('\n'),
);
