// What the minified content script is made of: builds one entry (default: content) with a source
// map and sums, per source group, the bytes of the bundle that the map attributes to each source
// file. Groups are the npm package, or src/<area>/<folder> for our code. Bytes the map does not
// attribute (the IIFE wrapper, separators) are listed as "(unmapped)".
//
//   npx tsx scripts/bundle-composition.ts [entry=content] [chrome|firefox] [--files]
//
// --files lists single source files instead of groups.
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundle, listEntries, type Browser } from './build';

const ROOT = resolve(import.meta.dirname, '..');

/** "@mozilla/readability", "dompurify", "core/clutter", "ui/reader", "content/index.ts"... */
export function groupOf(source: string): string {
  const path = source.replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] as string;
  const ours = /(?:^|\/)src\/([^/]+)\/([^/]+)(\/)?/.exec(path);
  if (ours) return ours[3] ? `${ours[1]}/${ours[2]}` : `${ours[1]}/${ours[2]}`.replace(/\.ts$/, '');
  return path;
}

/** Bytes of `code` per source file, from the mappings' spans (each runs to the next mapping). */
export function bytesPerSource(code: string, map: RawSourceMap): Map<string, number> {
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const lineStart: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStart.push(offset);
    offset += Buffer.byteLength(line, 'utf8') + 1;
  }
  const marks: Array<{ at: number; source: string }> = [];
  consumer.eachMapping((m) => {
    const line = lines[m.generatedLine - 1] ?? '';
    const at =
      (lineStart[m.generatedLine - 1] ?? 0) +
      Buffer.byteLength(line.slice(0, m.generatedColumn), 'utf8');
    marks.push({ at, source: m.source ?? '(unmapped)' });
  });
  marks.sort((a, b) => a.at - b.at);
  const totals = new Map<string, number>();
  const add = (source: string, bytes: number) =>
    totals.set(source, (totals.get(source) ?? 0) + bytes);
  const total = Buffer.byteLength(code, 'utf8');
  add('(unmapped)', marks[0]?.at ?? total);
  marks.forEach((mark, i) => add(mark.source, (marks[i + 1]?.at ?? total) - mark.at));
  return totals;
}

async function main() {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('-') && a !== 'chrome' && a !== 'firefox');
  const browser: Browser = args.includes('firefox') ? 'firefox' : 'chrome';
  const byFile = args.includes('--files');
  const entry = (await listEntries()).find((e) => e.name === (name ?? 'content'));
  if (!entry) throw new Error(`No entry named ${name}; see listEntries() in scripts/build.ts`);

  const dir = await mkdtemp(join(tmpdir(), 'declutter-composition-'));
  try {
    await bundle(entry, dir, browser, { minify: true, sourcemap: true });
    const code = await readFile(join(dir, `${entry.name}.js`), 'utf8');
    const map = JSON.parse(
      await readFile(join(dir, `${entry.name}.js.map`), 'utf8'),
    ) as RawSourceMap;
    const perSource = bytesPerSource(code, map);
    const groups = new Map<string, number>();
    for (const [source, bytes] of perSource) {
      const path = source === '(unmapped)' ? source : relative(ROOT, resolve(dir, source));
      const key = byFile ? path : groupOf(path);
      groups.set(key, (groups.get(key) ?? 0) + bytes);
    }
    const raw = Buffer.byteLength(code, 'utf8');
    const gzip = gzipSync(code).length;
    console.log(
      `${entry.name}.js (${browser}, minified): ${(raw / 1024).toFixed(1)} KB raw, ` +
        `${(gzip / 1024).toFixed(1)} KB gzip`,
    );
    const rows = [...groups].sort((a, b) => b[1] - a[1]);
    for (const [group, bytes] of rows) {
      const share = ((bytes / raw) * 100).toFixed(1).padStart(5);
      console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB ${share}%  ${group}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
