// `[CALLERS=f,g] [PAGES=set/id,...] tsx scripts/bench/profile-many.ts [fn] [limit]`: one CPU profile of `fn`
// (detectClutter, analyzePage, readability: the published package on a clone, the benchmark's
// baseline, or shipped: the same with our patched Readability) over many corpus pages in
// Chromium, aggregated: self and inclusive ms per function; CALLERS splits the self time of the
// named functions by their caller, and their inclusive time by the caller of the outermost call.
// Where a speed-up should go when no single page shows it.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_OFFLINE_FLAG, CHROMIUM_PATH, NAME_SHIM } from './drivers';
import { buildBenchBundle } from './bundle';
import { listCorpus } from './corpus';
import { DEFAULT_CORPUS, OUT_DIR } from './paths';
import { startServer } from './server';
import type { DeclutterBench } from './bench-entry';

interface Node {
  id: number;
  callFrame: { functionName: string; lineNumber: number };
  children?: number[];
}
const fnName = (process.argv[2] ?? 'detectClutter') as
  'detectClutter' | 'analyzePage' | 'readability' | 'shipped' | 'phases';
const limit = Number(process.argv[3] ?? 60);
const kinds = process.argv[4]?.split(',');
const corpus = process.env.CORPUS ?? DEFAULT_CORPUS;
/** PAGES=set/id,set/id: only those pages (for example the pages around the median ratio). */
const only = process.env.PAGES?.split(',');
const pages = (await listCorpus(corpus, limit)).filter(
  (p) => !only || only.includes(`${p.set}/${p.id}`),
);
const server = await startServer([
  { prefix: '/readability', dir: join(corpus, 'readability') },
  { prefix: '/dragnet', dir: join(DEFAULT_CORPUS, 'dragnet') },
]);
const bundle = await buildBenchBundle('chrome', undefined, { minify: false });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_FLAGS, CHROMIUM_OFFLINE_FLAG],
});
const self = new Map<string, number>();
/** CALLERS=querySelectorAll,getAttribute: those functions' self time split by their caller. */
const callersOf = process.env.CALLERS?.split(',');
const callers = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
const rows: Record<string, number>[] = [];
const page = await browser.newPage();
for (const p of pages) {
  try {
    await page.goto(server.url('a', p.prefix, p.path), { waitUntil: 'load', timeout: 20000 });
    await page.evaluate(`${NAME_SHIM}\n${bundle}\n;undefined`);
  } catch {
    continue;
  }
  if (fnName === 'phases') {
    const ms = await page.evaluate((kinds) => {
      const b = (window as unknown as { __declutterBench: DeclutterBench }).__declutterBench;
      const phases = { now: () => performance.now(), ms: {} as Record<string, number> };
      const k = kinds ? { kinds: kinds as never } : {};
      b.detectClutter(document, k);
      let t0 = performance.now();
      for (let i = 0; i < 5; i++) b.detectClutter(document, { ...k, phases });
      phases.ms['= detectClutter'] = performance.now() - t0;
      t0 = performance.now();
      for (let i = 0; i < 5; i++) new b.Readability(document.cloneNode(true) as Document).parse();
      phases.ms['= bare Readability'] = performance.now() - t0;
      return phases.ms;
    }, kinds);
    const row: Record<string, number> = {};
    for (const [k, v] of Object.entries(ms)) {
      self.set(k, (self.get(k) ?? 0) + v / 5);
      if (!k.startsWith('=')) total += v / 5;
      row[k] = v / 5;
    }
    rows.push(row);
    continue;
  }
  const run = (n: number) =>
    page.evaluate(
      ([f, n]) => {
        const b = (window as unknown as { __declutterBench: DeclutterBench }).__declutterBench;
        for (let i = 0; i < (n as number); i++) {
          if (f === 'detectClutter') b.detectClutter(document);
          else if (f === 'readability')
            new b.UpstreamReadability(document.cloneNode(true) as Document).parse();
          else if (f === 'shipped') new b.Readability(document.cloneNode(true) as Document).parse();
          else b.analyzePage(document, { now: () => performance.now() });
        }
      },
      [fnName, n] as const,
    );
  await run(1);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await run(3);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: Node) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const n = byId.get(id);
    if (!n) return;
    const k0 = key(n);
    if (k0.startsWith('(idle)') || k0.startsWith('(program)') || k0.startsWith('(root)')) return;
    total += dt;
    self.set(k0, (self.get(k0) ?? 0) + dt);
    if (callersOf?.some((f) => k0.startsWith(`${f}:`))) {
      const up = parent.get(id);
      const k = `${k0} <- ${up === undefined ? '?' : key(byId.get(up)!)}`;
      callers.set(k, (callers.get(k) ?? 0) + dt);
    }
    const seen = new Set<string>();
    // The outermost frame of each CALLERS function in this stack, with its caller (inclusive).
    let outer: string | null = null;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (callersOf && cur !== id && callersOf.some((f) => k.startsWith(`${f}:`))) {
        const up = parent.get(cur);
        outer = `${k} <- ${up === undefined ? '?' : key(byId.get(up)!)} (inclusive)`;
      }
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
    if (outer) callers.set(outer, (callers.get(outer) ?? 0) + dt);
  });
}
await browser.close();
await server.close();
const top = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 45)
    .map(
      ([k, v]) =>
        `${v.toFixed(0).padStart(7)} ms ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`,
    )
    .join('\n');
console.log(`${fnName} over ${pages.length} pages ×3, total sampled ${total.toFixed(0)} ms`);
if (fnName === 'phases') {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const col = (k: string) => rows.map((r) => r[k] ?? 0);
  const sums = rows.map((r) =>
    Object.entries(r)
      .filter(([k]) => !k.startsWith('='))
      .reduce((acc, [, v]) => acc + v, 0),
  );
  console.log(`median of per-page phase sums: ${med(sums).toFixed(3)}`);
  const sig = rows.map((r) =>
    Object.entries(r)
      .filter(([k]) => k.startsWith('signatures'))
      .reduce((acc, [, v]) => acc + v, 0),
  );
  console.log(`median of per-page signature matching (all rules): ${med(sig).toFixed(3)}`);
  console.log('median ms per page (0 where a page has no such phase):');
  for (const k of keys.sort((x, y) => med(col(y)) - med(col(x)))) {
    console.log(`${med(col(k)).toFixed(3).padStart(9)}  ${k}`);
  }
}
console.log('--- self');
console.log(top(self));
console.log('--- inclusive');
console.log(top(incl));
if (callers.size) {
  console.log('--- callers');
  console.log(top(callers));
}
console.log(`(lines refer to ${join(OUT_DIR, 'bench-chrome-readable.js')})`);
