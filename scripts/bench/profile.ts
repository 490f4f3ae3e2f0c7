// `npm run bench -- --profile <set>/<id>[,…]`: where analyzePage spends its time on given pages,
// in Chromium, from a V8 CPU profile (CDP Profiler) of a non-minified bench bundle. Prints the
// functions with the most self time and writes out/bench/profile-<id>.cpuprofile (open it in
// Chrome DevTools → Performance).
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_OFFLINE_FLAG, CHROMIUM_PATH, NAME_SHIM } from './drivers';
import { buildBenchBundle } from './bundle';
import type { BenchServer } from './server';
import type { CorpusPage } from './corpus';
import { OUT_DIR } from './paths';
import { fmt, table } from './stats';
import type { DeclutterBench } from './bench-entry';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  fn: string;
  selfMs: number;
  share: number;
}

/** Self time per function (name + bundle line), biggest first. */
export function selfTimes(profile: CpuProfile): ProfileRow[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    if (!node) return;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'}${f.url ? `:${f.lineNumber + 1}` : ` ${f.url}`}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .map(([fn, selfMs]) => ({ fn, selfMs, share: total ? selfMs / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

export async function profilePages(
  pages: CorpusPage[],
  server: BenchServer,
  { runs = 5, ref }: { runs?: number; ref?: string | undefined },
): Promise<Record<string, ProfileRow[]>> {
  const bundle = await buildBenchBundle('chrome', ref, { minify: false });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, CHROMIUM_OFFLINE_FLAG],
  });
  const out: Record<string, ProfileRow[]> = {};
  try {
    const page = await browser.newPage();
    for (const p of pages) {
      await page.goto(server.url('a', p.prefix, p.path), { waitUntil: 'load' });
      await page.evaluate(`${NAME_SHIM}\n${bundle}\n;undefined`);
      await page.evaluate(() => {
        const b = (window as unknown as { __declutterBench: DeclutterBench }).__declutterBench;
        b.analyzePage(document, { now: () => performance.now() }); // warm-up
      }, undefined);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.evaluate((n) => {
        const b = (window as unknown as { __declutterBench: DeclutterBench }).__declutterBench;
        for (let i = 0; i < n; i++) b.analyzePage(document, { now: () => performance.now() });
      }, runs);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await cdp.detach();
      const name = `${p.set}-${p.id}`.replace(/\W+/g, '_');
      await writeFile(join(OUT_DIR, `profile-${name}.cpuprofile`), JSON.stringify(profile));
      out[`${p.set}/${p.id}`] = selfTimes(profile).slice(0, 25);
    }
  } finally {
    await browser.close();
  }
  return out;
}

export function printProfiles(profiles: Record<string, ProfileRow[]>, runs: number): string {
  return Object.entries(profiles)
    .map(([page, rows]) =>
      [
        `${page}: self time over ${runs} analyzePage runs (non-minified bundle; line = out/bench/bench-chrome-readable.js)`,
        table(
          ['function:line', 'self ms', 'share'],
          rows.map((r) => [r.fn, fmt(r.selfMs), `${fmt(r.share * 100, 1)} %`]),
        ),
      ].join('\n'),
    )
    .join('\n\n');
}
