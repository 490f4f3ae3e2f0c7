// Benchmark (prints figures; not a test): what one mutation-observer batch of Declutter mode costs
// when a comment platform injects a large thread late. Runs in jsdom under Node, so the absolute
// numbers are jsdom's (slower than a browser's DOM); the in-browser figure comes from the demo
// harness (tests/content/declutter/demo/shoot.ts).
//
//   npx tsx tests/content/declutter/bench-observer.ts [page.html] [--nodes 20000]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { detectClutter } from '../../../src/core';
import { createPageDeclutter } from '../../../src/content/declutter/page-declutter';
import { buildLateThread } from './late-thread';

const args = process.argv.slice(2);
const nodesArg = args.indexOf('--nodes');
const target = nodesArg >= 0 ? Number(args[nodesArg + 1]) : 20_000;
const runsArg = args.indexOf('--runs');
const repetitions = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
const page =
  args.find((a) => a.endsWith('.html')) ??
  fileURLToPath(new URL('../../fixtures/pages/seed-southfront/source.html', import.meta.url));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function run(chunks: number, realDetector: boolean) {
  const dom = new JSDOM(readFileSync(page, 'utf8'), { url: 'https://example.org/article/' });
  const doc = dom.window.document;
  const batches: {
    ms: number;
    addedNodes: number;
    roots: number;
    findings: number;
    newItems: number;
  }[] = [];
  const declutter = createPageDeclutter(doc, {
    kinds: ['comments', 'donation'],
    // The stub isolates our own share: observer callbacks, reduction to roots, bookkeeping.
    ...(realDetector ? {} : { detect: () => [] }),
    onBatch: (batch) => batches.push(batch),
  });
  const t0 = performance.now();
  const initial = declutter.enable();
  const enableMs = performance.now() - t0;

  const { root, elements } = buildLateThread(doc, target);
  const anchor = doc.querySelector('article') ?? doc.body;
  // The platform first inserts its (empty) thread, then fills it in `chunks` steps
  // (0: one comment at a time).
  const list = root.firstElementChild as Element;
  const items = [...list.children];
  list.replaceChildren();
  anchor.after(root);
  const per = chunks === 0 ? 1 : Math.ceil(items.length / chunks);
  for (let i = 0; i < items.length; i += per) list.append(...items.slice(i, i + per));
  for (let waited = 0; waited < 120_000 && batches.length === 0; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const t1 = performance.now();
  if (realDetector) detectClutter(doc);
  const wholeDocMs = performance.now() - t1;
  const late = declutter.items().find((item) => item.element === root);
  declutter.destroy();
  dom.window.close();
  return { enableMs, initial: initial.length, batches, elements, wholeDocMs, caught: !!late };
}

const runs = [];
for (const realDetector of [false, true]) {
  for (const chunks of [1, 20, 0]) {
    const samples = [];
    for (let i = 0; i < repetitions; i++) samples.push(await run(chunks, realDetector));
    runs.push({ chunks, realDetector, samples });
  }
}
console.log(`page: ${page}`);
console.log(`late thread: ${runs[0]!.samples[0]!.elements} elements added after enable()`);
for (const { chunks, realDetector, samples } of runs) {
  const batchMs = samples.map((s) => s.batches.reduce((sum, b) => sum + b.ms, 0));
  const b = samples[0]!.batches;
  console.log(
    `[${realDetector ? 'detectClutter' : 'stub detector'}] inserted ${chunks === 0 ? 'one comment at a time' : `in ${chunks} step(s)`}: ${b.length} batch(es), ${b.map((x) => `${x.addedNodes} added → ${x.roots} root(s), ${x.findings} finding(s), ${x.newItems} new item(s)`).join('; ')}`,
  );
  console.log(
    `  batch cost (jsdom, median of ${samples.length}): ${median(batchMs).toFixed(1)} ms; ${realDetector ? `whole-document detectClutter on the same page: ${median(samples.map((s) => s.wholeDocMs)).toFixed(1)} ms; ` : ''}enable(): ${median(samples.map((s) => s.enableMs)).toFixed(1)} ms (${samples[0]!.initial} items); late thread hidden: ${samples.every((s) => s.caught)}`,
  );
}
