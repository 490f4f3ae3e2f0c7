// What the renderer's heap holds because of the extension, from V8 heap snapshots (CDP) of one
// corpus page in Chromium, each taken after a full GC:
//   0. page loaded, extension never used
//   1. content script injected, nothing opened (its code, module-level state, the listener)
//   2. after the first open/close
//   3. after N open/close cycles (real action clicks)
// Objects are told apart by their snapshot id (stable across snapshots of one isolate), so "new
// in 3 since 0" is exactly what the extension's use left behind. It is summed by kind (compiled
// code, strings, closures, DOM...), by constructor and, for code, by the script that owns it; new
// data (not code) is put on the old object that holds it, which names what keeps it; and the
// content script's module-level variables are listed by retained size (dominator tree).
// The bench's heap section (click-path.ts) prints the short version of this.
//
//   npx tsx scripts/bench/heap-snapshot.ts [--page ID] [--cycles N] [--corpus DIR] [--save]
//       [--trace] [--holders N] [--from DIR (analyse snapshots saved by --save, no browser)]
//       [--settings JSON (stored before the run, e.g. '{"quotesOnOpen":true}')]
//
// DECLUTTER_DIST measures another build (as in tests/e2e/support/browsers.ts); for readable
// module-level names, measure a build made with `npm run build -- --no-minify`. Injection without
// a click uses a copy of dist/chrome with a host permission for the bench server (heap-driver.ts).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromiumWithExtension } from '../../tests/e2e/support/browsers';
import { CHROME_DIST } from './click-path';
import { listCorpus } from './corpus';
import {
  codeByScript,
  diffSnapshots,
  holders,
  kb,
  moduleScope,
  parseSnapshot,
  retainedSizes,
  top,
} from './heap-analysis';
import {
  armProbe,
  heapSample,
  injectableCopy,
  injectWithoutClick,
  openClose,
  storeSettings,
  takeSnapshot,
  type HeapSample,
} from './heap-driver';
import { DEFAULT_CORPUS, OUT_DIR } from './paths';
import { startServer } from './server';
import { fmt, table } from './stats';

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

async function main() {
  const { values } = parseArgs({
    options: {
      page: { type: 'string', default: 'mercurial' },
      cycles: { type: 'string', default: '20' },
      corpus: { type: 'string' },
      save: { type: 'boolean', default: false },
      holders: { type: 'string', default: '12' },
      from: { type: 'string' },
      trace: { type: 'boolean', default: false },
      settings: { type: 'string' },
    },
  });
  if (values.from) {
    const dir = resolve(values.from);
    const texts = await Promise.all(
      [0, 1, 2, 3].map((i) => readFile(join(dir, `${i}.heapsnapshot`), 'utf8')),
    );
    analyse(texts, [], values.page, Number(values.cycles), Number(values.holders));
    return;
  }
  const corpus = values.corpus ? resolve(values.corpus) : DEFAULT_CORPUS;
  if (!existsSync(corpus)) {
    console.log(`heap-snapshot: corpus not found at ${corpus}; nothing to measure.`);
    return;
  }
  if (!existsSync(join(CHROME_DIST, 'content.js'))) {
    console.log('heap-snapshot: dist/chrome is not built (run npm run build).');
    return;
  }
  const cycles = Number(values.cycles);
  const pages = await listCorpus(corpus);
  const target = pages.find((p) => p.set === 'readability' && p.id === values.page);
  if (!target) throw new Error(`no readability page "${values.page}" in ${corpus}`);
  const server = await startServer([{ prefix: '/readability', dir: join(corpus, 'readability') }]);
  const extensionDir = await injectableCopy(CHROME_DIST);
  const session = await launchChromiumWithExtension({ extensionDir });
  const texts: string[] = [];
  const figures: Array<[string, HeapSample]> = [];
  try {
    await session.context.route(
      (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1',
      (route) => route.abort('internetdisconnected'),
    );
    const tab = session.page;
    const url = server.url('x', target.prefix, target.path);
    if (values.settings)
      await storeSettings(session, JSON.parse(values.settings) as Record<string, unknown>);
    // Warm the browser (first-injection race, service worker) on a throwaway document.
    await tab.goto(withQuery(url, 'prime=1'), { waitUntil: 'load' });
    const primeCdp = await session.context.newCDPSession(tab);
    await openClose(session, tab, primeCdp).catch(() => undefined);
    await primeCdp.detach();
    await tab.goto(withQuery(url, 'heap=1'), { waitUntil: 'load' });
    const cdp = await session.context.newCDPSession(tab);
    await cdp.send('HeapProfiler.enable');
    await armProbe(cdp);
    const moment = async (label: string) => {
      figures.push([label, await heapSample(cdp)]);
      texts.push(await takeSnapshot(cdp));
    };
    await moment('0 page loaded, extension never used');
    await injectWithoutClick(session, tab);
    await moment('1 content script injected, nothing opened');
    await openClose(session, tab, cdp);
    await moment('2 after the 1st open/close');
    for (let i = 1; i < cycles; i++) {
      await openClose(session, tab, cdp);
      if (values.trace && (i + 1) % 5 === 0)
        console.log(`after ${i + 1} cycles: ${fmt((await heapSample(cdp)).usedMB)} MB`);
    }
    await moment(`3 after ${cycles} open/close cycles`);
    await cdp.detach();
  } finally {
    await session.close();
    await server.close();
    await rm(extensionDir, { recursive: true, force: true });
  }
  if (values.save) {
    const dir = join(OUT_DIR, 'heap');
    await mkdir(dir, { recursive: true });
    for (const [i, text] of texts.entries()) await writeFile(join(dir, `${i}.heapsnapshot`), text);
    console.log(`snapshots saved in ${dir}`);
  }
  analyse(texts, figures, values.page, cycles, Number(values.holders));
}

function analyse(
  texts: string[],
  figures: Array<[string, HeapSample]>,
  pageId: string,
  cycles: number,
  holderRows: number,
) {
  const snaps = texts.map(parseSnapshot);
  texts.length = 0;
  console.log(
    `Chromium, page ${pageId}, heap after GC (Runtime.getHeapUsage; snapshot self sizes)`,
  );
  console.log(
    table(
      ['moment', 'heap used MB', 'snapshot MB', 'documents', 'DOM nodes'],
      snaps.map((snap, i) => {
        const [label, f] = figures[i] ?? [`snapshot ${i}`, null];
        return [
          label,
          f ? fmt(f.usedMB) : '',
          fmt(snap.selfSize.reduce((a, b) => a + b, 0) / 2 ** 20),
          f ? String(f.documents) : '',
          f ? String(f.nodes) : '',
        ];
      }),
    ),
  );
  const report = (title: string, a: number, b: number, withHolders: boolean) => {
    const d = diffSnapshots(snaps[a]!, snaps[b]!);
    console.log(
      `\n== ${title}: ${kb(d.newBytes)} KB in ${d.newCount} new objects, ${kb(d.goneBytes)} KB freed; ` +
        `net ${kb(d.totalAfter - d.totalBefore)} KB`,
    );
    console.log(table(['by kind', 'KB', 'objects'], top(d.byCategory, 14)));
    console.log(table(['by constructor / name', 'KB', 'objects'], top(d.byName, 25)));
    const newSet = new Set(d.newNodes);
    console.log(
      table(['new code, by script', 'KB', 'objects'], top(codeByScript(snaps[b]!, newSet), 8)),
    );
    if (withHolders) {
      const s = snaps[b]!;
      const data = new Set([...newSet].filter((i) => s.nodeType(i) !== 'code'));
      const rows = holders(s, data).slice(0, holderRows);
      console.log(
        '\ndata (not code) held by (the old object whose edge first reaches each new object):',
      );
      for (const [key, v] of rows) console.log(`  ${kb(v.bytes)} KB, ${v.count} objects: ${key}`);
    }
  };
  for (const i of [1, snaps.length - 1]) {
    const rows = moduleScope(snaps[i]!, retainedSizes(snaps[i]!)).slice(0, 30);
    console.log(
      `\ncontent.js module scope in snapshot ${i}, by retained size (top ${rows.length}):`,
    );
    console.log(
      table(
        ['variable', 'retained KB'],
        rows.map(([k, v]) => [k, kb(v)]),
      ),
    );
  }
  report('injection (1 vs 0)', 0, 1, true);
  report('first open/close (2 vs 1)', 1, 2, true);
  report(`cycles 2..${cycles} (3 vs 2)`, 2, 3, true);
  report(`after injection to after ${cycles} cycles (3 vs 1)`, 1, 3, true);
  report(`everything (3 vs 0)`, 0, 3, true);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
