// `npm run bench`: performance figures of the reading view, printed as tables and written to
// out/bench/results.json. A script that prints figures, not a timed test (see issue 5).
//
//   npm run bench -- [--browser chromium|firefox] [--limit N] [--corpus DIR]
//                    [--iterations N] [--only stages,click,idle,size,heap,scale]
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, OUT_DIR, ROOT } from './paths';
import { listCorpus } from './corpus';
import { startServer } from './server';
import { benchStages, printStages } from './stages';
import type { BrowserName } from './drivers';
import { writeStressPages } from './stress-pages';
import { benchScale, printScale } from './scale';
import { TRY_ANYWAY_PAGES, benchTryAnyway, printTryAnyway } from './try-anyway';
import { benchSize, printSize } from './size';
import { printProfiles, profilePages } from './profile';
import { benchAB, printAB } from './ab';
import {
  benchClickPath,
  benchHeap,
  benchIdle,
  buildStaleness,
  extensionMissing,
  manifestFacts,
  printClickPath,
  printHeap,
  printIdle,
} from './click-path';

export const SECTIONS = ['stages', 'click', 'idle', 'size', 'heap', 'scale'] as const;
type Section = (typeof SECTIONS)[number];

function options() {
  const { values } = parseArgs({
    options: {
      browser: { type: 'string' },
      limit: { type: 'string' },
      corpus: { type: 'string' },
      iterations: { type: 'string' },
      only: { type: 'string' },
      'click-pages': { type: 'string' },
      profile: { type: 'string' },
      ab: { type: 'string' },
      pages: { type: 'string' },
      ref: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run bench -- [--browser chromium|firefox] [--limit N (pages per corpus set)]\n' +
        '       [--corpus DIR (default ../shared/corpus)] [--iterations N (default 3)]\n' +
        '       [--ref COMMIT|DIR (bench the core as committed there, or a copy of src/ in DIR)]\n' +
        '       [--click-pages N (readability pages through the click path; default all)]\n' +
        '       [--profile SET/ID[,SET/ID] (CPU profile of analyzePage on those pages, then exit)]\n' +
        '       [--ab REF|DIR (A/B: working tree or --ref as A against B, interleaved; then exit)]\n' +
        '       [--pages SET/ID[,SET/ID] (only these corpus pages, e.g. readability/wikipedia-2)]\n' +
        `       [--only ${SECTIONS.join(',')}]`,
    );
    process.exit(0);
  }
  const browsers: BrowserName[] = values.browser
    ? [values.browser as BrowserName]
    : ['chromium', 'firefox'];
  for (const b of browsers) {
    if (b !== 'chromium' && b !== 'firefox')
      fail(`--browser must be chromium or firefox, got "${b}"`);
  }
  const limit = values.limit ? Number(values.limit) : Infinity;
  if (!(limit > 0)) fail(`--limit must be a positive number, got "${values.limit}"`);
  const iterations = values.iterations ? Number(values.iterations) : 3;
  if (!(iterations >= 1)) fail(`--iterations must be ≥ 1, got "${values.iterations}"`);
  const only = (values.only?.split(',') ?? [...SECTIONS]) as Section[];
  for (const s of only) if (!SECTIONS.includes(s)) fail(`unknown section "${s}"`);
  return {
    browsers,
    limit,
    iterations: Math.floor(iterations),
    corpus: values.corpus ? resolve(values.corpus) : DEFAULT_CORPUS,
    only,
    ref: values.ref,
    clickPages: values['click-pages'] ? Number(values['click-pages']) : Infinity,
    profile: values.profile?.split(',') ?? [],
    ab: values.ab,
    pages: values.pages?.split(',') ?? null,
  };
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const log = (s: string) => process.stderr.write(s + '\n');

function heading(title: string) {
  console.log(`\n== ${title} ==`);
}

async function main() {
  const opts = options();
  const started = Date.now();
  await mkdir(OUT_DIR, { recursive: true });
  // With --only, the sections not run keep their figures from the previous results.json.
  const previous =
    opts.only.length < SECTIONS.length && !opts.ab && !opts.profile.length
      ? ((await readFile(join(OUT_DIR, 'results.json'), 'utf8')
          .then((t) => JSON.parse(t) as Record<string, unknown>)
          .catch(() => ({}))) as Record<string, unknown>)
      : {};
  const results: Record<string, unknown> = {
    ...previous,
    startedAt: new Date(started).toISOString(),
    options: { ...opts, limit: Number.isFinite(opts.limit) ? opts.limit : null },
  };
  // A/B and profile runs are experiments: they never overwrite the benchmark's results.json.
  const resultFile = join(
    OUT_DIR,
    opts.ab ? 'ab-results.json' : opts.profile.length ? 'profile-results.json' : 'results.json',
  );
  const save = () => writeFile(resultFile, JSON.stringify(results, null, 2) + '\n');

  const corpusPresent = existsSync(opts.corpus);
  const listed = corpusPresent ? await listCorpus(opts.corpus, opts.limit) : [];
  const pages = opts.pages
    ? listed.filter((p) => opts.pages?.includes(`${p.set}/${p.id}`))
    : listed;
  if (!corpusPresent || pages.length === 0) {
    console.log(
      `bench: corpus not found at ${opts.corpus} (or empty); skipping the corpus sections ` +
        '(stages, click). Pass --corpus DIR to use another folder.',
    );
  }
  const server = await startServer([
    { prefix: '/readability', dir: join(opts.corpus, 'readability') },
    { prefix: '/dragnet', dir: join(opts.corpus, 'dragnet') },
    { prefix: '/stress', dir: join(OUT_DIR, 'stress') },
    { prefix: '/pages', dir: join(ROOT, 'scripts/bench/pages') },
  ]);
  try {
    if (opts.profile.length) {
      const all = await listCorpus(opts.corpus);
      const chosen = all.filter((p) => opts.profile.includes(`${p.set}/${p.id}`));
      if (!chosen.length) fail(`--profile: no such page (use e.g. readability/wikipedia-2)`);
      const profiles = await profilePages(chosen, server, { runs: 5, ref: opts.ref });
      console.log(printProfiles(profiles, 5));
      results.profiles = profiles;
      await save();
      return;
    }
    if (opts.ab) {
      heading('A/B of two core builds');
      const reports = [];
      for (const browser of opts.browsers) {
        const report = await benchAB(browser, pages, server, {
          a: opts.ref,
          b: opts.ab,
          iterations: opts.iterations,
          log,
        });
        console.log(printAB(report));
        reports.push(report);
      }
      results.ab = reports;
      await save();
      return;
    }
    if (opts.only.includes('stages') && pages.length) {
      heading('1. In-page stage timings (bench bundle, no extension)');
      const reports = [];
      for (const browser of opts.browsers) {
        const report = await benchStages(browser, pages, server, {
          iterations: opts.iterations,
          warmup: 1,
          ref: opts.ref,
          log,
        });
        reports.push(report);
        console.log(printStages(report));
        results.stages = reports;
        await save();
      }
    }
    const extSections = opts.only.filter((s) => ['click', 'idle', 'heap'].includes(s));
    const noExtension = extensionMissing();
    if (extSections.length && noExtension) {
      console.log(`\nbench: ${noExtension}; skipping ${extSections.join(', ')}.`);
    } else if (extSections.length) {
      const stale = buildStaleness();
      if (stale) console.log(`\nbench: ${stale}`);
    }
    const readabilityPages = pages
      .filter((p) => p.set === 'readability')
      .map((p) => ({ id: p.id, url: server.url('x', p.prefix, p.path) }));
    if (!opts.browsers.includes('chromium') && extSections.length) {
      console.log('\nbench: the click path, idle and heap sections run in Chromium only; skipped.');
    } else if (!noExtension) {
      if (opts.only.includes('click') && readabilityPages.length) {
        heading('2. Click path: action trigger → reading view painted (real extension)');
        const stress = opts.only.includes('scale')
          ? (await writeStressPages(join(OUT_DIR, 'stress')))
              .filter((p) =>
                [
                  'ladder-1mb',
                  'ladder-3mb',
                  'ladder-10mb',
                  'elements-200k',
                  'comments-20k',
                ].includes(p.name),
              )
              .map((p) => ({ id: p.name, url: server.url('x', '/stress', p.file) }))
          : [];
        const report = await benchClickPath(
          readabilityPages.slice(0, opts.clickPages),
          stress,
          server,
          log,
        );
        console.log(printClickPath(report));
        results.click = report;
        await save();
      }
      if (opts.only.includes('idle')) {
        heading('3. Zero cost on pages never clicked');
        const sample = readabilityPages.length
          ? [0.1, 0.35, 0.6, 0.85]
              .map((q) => readabilityPages[Math.floor(q * readabilityPages.length)])
              .filter((p): p is { id: string; url: string } => !!p)
          : [];
        if (sample.length) {
          const report = await benchIdle(sample, 8);
          console.log(printIdle(report));
          results.idle = report;
        } else {
          const facts = await manifestFacts();
          console.log(JSON.stringify(facts));
          results.idle = { manifest: facts };
        }
        await save();
      }
      if (opts.only.includes('heap') && readabilityPages.length) {
        heading('5. Heap after 20 open/close cycles');
        const target =
          readabilityPages.find((p) => p.id === 'guardian-1') ??
          readabilityPages[Math.floor(readabilityPages.length / 2)];
        if (target) {
          const report = await benchHeap(target, 20);
          console.log(printHeap(report));
          results.heap = report;
          await save();
        }
      }
    }
    if (opts.only.includes('size')) {
      heading('4. Content-script size');
      const report = await benchSize();
      console.log(printSize(report));
      results.size = report;
      await save();
    }
    if (opts.only.includes('scale')) {
      heading('6. Scale: generated stress pages');
      const stress = await writeStressPages(join(OUT_DIR, 'stress'));
      const reports = [];
      for (const browser of opts.browsers) {
        // Firefox takes the ladder up to 3 MB and the structural pages; the 10-21 MB pages take
        // minutes there and would push a full run past its ~10 minute budget.
        const set = browser === 'firefox' ? stress.filter((p) => p.bytes < 5_000_000) : stress;
        const report = await benchScale(browser, set, server, { ref: opts.ref, log });
        reports.push(report);
        console.log(printScale(report));
        results.scale = reports;
        await save();
      }
      // The same pages through the real extension: "Try anyway" analyses them off the tab.
      if (noExtension) {
        console.log(`\nbench: ${noExtension}; skipping "Try anyway" on the stress pages.`);
      } else {
        heading(
          '6b. Scale: "Try anyway" on the stress pages (real extension, analysed off the tab)',
        );
        const tryPages = stress.filter((p) => TRY_ANYWAY_PAGES.includes(p.name));
        const tries = [];
        for (const browser of opts.browsers) {
          const report = await benchTryAnyway(browser, tryPages, server, {
            dist: join(ROOT, 'dist'),
            log,
          });
          tries.push(report);
          console.log(printTryAnyway(report));
          results.tryAnyway = tries;
          await save();
        }
      }
    }
  } finally {
    await server.close();
  }
  results.seconds = (Date.now() - started) / 1000;
  await save();
  console.log(
    `\nbench: done in ${(results.seconds as number).toFixed(0)} s; data in ${resultFile}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
