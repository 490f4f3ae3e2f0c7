// Section 4: content-script size (dist/<browser>/content.js, raw and gzip), and what each
// dependency contributes: every dependency bundled alone with the extension's own Vite options
// (minified IIFE), plus src/core alone. A bundle-visualiser-free estimate: shared helpers are
// counted in each part, so the parts add up to a little more than the whole.
import { build } from 'vite';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { OUT_DIR, ROOT } from './paths';
import { fmt, table, verdict } from './stats';

/** Issue 5's "under 150 KB", read strictly (1 KB = 1,000 bytes), as the build test does. */
export const CONTENT_BUDGET_BYTES = 150_000;

export interface SizeRow {
  name: string;
  raw: number;
  gzip: number;
}

export interface SizeReport {
  content: Partial<Record<'chrome' | 'firefox', SizeRow>>;
  parts: SizeRow[];
  missing: string | null;
}

const PARTS: Array<{ name: string; source: string }> = [
  {
    name: '@mozilla/readability',
    source:
      "import { Readability, isProbablyReaderable } from '@mozilla/readability'; globalThis.x = [Readability, isProbablyReaderable];",
  },
  { name: 'dompurify', source: "import DOMPurify from 'dompurify'; globalThis.x = DOMPurify;" },
  {
    name: 'webextension-polyfill',
    source: "import browser from 'webextension-polyfill'; globalThis.x = browser;",
  },
  {
    name: 'src/core/clutter (detectClutter)',
    source: `import { detectClutter } from ${JSON.stringify(join(ROOT, 'src/core/clutter/index.ts'))}; globalThis.x = detectClutter;`,
  },
  {
    name: 'src/core/quotes (extractQuotes)',
    source: `import { extractQuotes } from ${JSON.stringify(join(ROOT, 'src/core/quotes/index.ts'))}; globalThis.x = extractQuotes;`,
  },
  {
    name: 'src/core (with its deps)',
    source: `import * as core from ${JSON.stringify(join(ROOT, 'src/core/index.ts'))}; globalThis.x = core;`,
  },
];

const sizeOf = (name: string, code: Buffer): SizeRow => ({
  name,
  raw: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
});

async function bundleAlone(name: string, source: string): Promise<SizeRow> {
  const dir = join(OUT_DIR, 'size');
  await mkdir(dir, { recursive: true });
  const slug = name.replace(/\W+/g, '_');
  const entry = join(dir, `${slug}.entry.js`);
  await writeFile(entry, source + '\n');
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    define: { __BROWSER__: JSON.stringify('chrome') },
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      target: 'chrome120',
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'x', fileName: () => `${slug}.js` },
    },
  });
  return sizeOf(name, await readFile(join(dir, `${slug}.js`)));
}

export async function benchSize(): Promise<SizeReport> {
  const report: SizeReport = { content: {}, parts: [], missing: null };
  for (const browser of ['chrome', 'firefox'] as const) {
    const file = join(ROOT, 'dist', browser, 'content.js');
    if (existsSync(file))
      report.content[browser] = sizeOf(`dist/${browser}/content.js`, await readFile(file));
  }
  if (!report.content.chrome)
    report.missing = 'dist/chrome/content.js is missing: run npm run build';
  for (const part of PARTS) {
    try {
      report.parts.push(await bundleAlone(part.name, part.source));
    } catch (e) {
      report.parts.push({
        name: `${part.name} (build failed: ${String(e).split('\n')[0]})`,
        raw: NaN,
        gzip: NaN,
      });
    }
  }
  return report;
}

export function printSize(r: SizeReport): string {
  const kb = (n: number) => fmt(n / 1024, 1);
  const rows = [...Object.values(r.content), ...r.parts].map((row) => [
    row.name,
    kb(row.raw),
    kb(row.gzip),
  ]);
  const chrome = r.content.chrome;
  const core = r.parts.find((p) => p.name.startsWith('src/core ('));
  if (chrome && core && Number.isFinite(core.raw)) {
    rows.push([
      '≈ glue + UI (content − core)',
      kb(chrome.raw - core.raw),
      kb(chrome.gzip - core.gzip),
    ]);
  }
  return [
    table(['bundle (minified)', 'KB raw', 'KB gzip'], rows),
    chrome
      ? `content script ${kb(chrome.raw)} KB minified [budget < 150 KB: ${verdict(chrome.raw, CONTENT_BUDGET_BYTES, { strict: true })}]`
      : (r.missing ?? ''),
  ].join('\n');
}
