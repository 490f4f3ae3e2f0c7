// Builds the unpacked extension for each browser: dist/chrome and dist/firefox.
// Every script is bundled on its own as an IIFE (content scripts injected with
// scripting.executeScript and Firefox background scripts cannot be ES modules), the manifest is
// merged from manifest/base.json and a per-browser overlay, and the icons are rendered from the
// one SVG source. Features the reading view does not need to paint (src/content/features/*.ts)
// are bundles of their own, injected by the background on first use; they are package files,
// so the manifest needs no entry for them.
import { build, type InlineConfig } from 'vite';
import { Resvg } from '@resvg/resvg-js';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { FEATURES } from '../src/shared/features';
import { mergeManifest, type Manifest } from './manifest-merge';
import { vendorPatches } from './vendor-patches';
import { bundleTrims } from './bundle-trims';
import { sharedCoreImports } from './shared-core';

const ROOT = resolve(import.meta.dirname, '..');
export const BROWSERS = ['chrome', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];
const ICON_SIZES = [16, 32, 48, 96, 128];

export interface Entry {
  /** Output file name without extension. */
  name: string;
  input: string;
}

/**
 * Chrome's offscreen document (src/offscreen): where "Try anyway" analyses a very large page, as
 * the service worker has no DOM. Firefox's background page does that work itself.
 */
const OFFSCREEN: Entry = { name: 'offscreen', input: 'src/offscreen/index.ts' };
const OFFSCREEN_PAGE = 'src/offscreen/offscreen.html';

export async function listEntries(browser: Browser = 'chrome'): Promise<Entry[]> {
  const entries: Entry[] = [
    { name: 'background', input: 'src/background/index.ts' },
    { name: 'content', input: 'src/content/index.ts' },
  ];
  if (browser === 'chrome') entries.push(OFFSCREEN);
  // On-demand features: src/content/features/<name>.ts → <name>.js (src/shared/features.ts).
  for (const name of FEATURES) {
    entries.push({ name, input: `src/content/features/${name}.ts` });
  }
  // Extension pages (options, message popup): src/ui/pages/<name>.ts + <name>.html.
  const pagesDir = join(ROOT, 'src/ui/pages');
  if (existsSync(pagesDir)) {
    for (const file of await readdir(pagesDir)) {
      if (file.endsWith('.ts'))
        entries.push({ name: basename(file, '.ts'), input: `src/ui/pages/${file}` });
    }
  }
  return entries;
}

/**
 * src/core is pure by rule (eslint.config.js: no globals, nothing runs at import), and Readability
 * and DOMPurify only define things when imported. Saying so lets the bundler drop them from
 * bundles that import the core's index for one helper (the feature scripts: quotes.js does not
 * need Readability). Everything else keeps the safe default.
 */
/** Replaces webextension-polyfill in content.js (see the file's header). */
const CONTENT_BROWSER = 'src/platform/content-browser.ts';

const SIDE_EFFECT_FREE = [
  /[\\/]src[\\/]core[\\/]/,
  /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]/,
  /[\\/]node_modules[\\/]dompurify[\\/]/,
];
const hasSideEffects = (id: string) => !SIDE_EFFECT_FREE.some((pattern) => pattern.test(id));

export interface BundleOptions {
  minify?: boolean;
  /** Writes <name>.js.map beside the bundle (scripts/bundle-composition.ts reads it). */
  sourcemap?: boolean;
}

export async function bundle(
  entry: Entry,
  outDir: string,
  browser: Browser,
  { minify = true, sourcemap = false }: BundleOptions = {},
) {
  const config: InlineConfig = {
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    define: { __BROWSER__: JSON.stringify(browser) },
    // Feature scripts use content.js's copy of the clutter detector (scripts/shared-core.ts).
    plugins: [
      vendorPatches(),
      bundleTrims(),
      ...((FEATURES as readonly string[]).includes(entry.name) ? [sharedCoreImports()] : []),
    ],
    // The content script gets the small promise adapter instead of the polyfill (its budget).
    resolve: {
      alias:
        entry.name === 'content'
          ? [{ find: /^webextension-polyfill$/, replacement: join(ROOT, CONTENT_BROWSER) }]
          : [],
    },
    build: {
      outDir,
      emptyOutDir: false,
      minify,
      sourcemap,
      rollupOptions: {
        treeshake: { moduleSideEffects: hasSideEffects },
        // Non-ASCII characters as \u escapes: V8 keeps a script's source in memory for as long
        // as the page lives, as one byte per character when it is all Latin-1 and two otherwise.
        // A handful of '…' or '€' in a string would double the content script's resident source
        // (measured in the heap bench: ~150 KB more per page it was used on).
        output: { charset: 'ascii' },
      },
      target: browser === 'chrome' ? 'chrome120' : 'firefox128',
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: join(ROOT, entry.input),
        formats: ['iife'],
        name: `declutter_${entry.name.replace(/\W/g, '_')}`,
        fileName: () => `${entry.name}.js`,
      },
    },
  };
  await build(config);
}

async function renderIcons(outDir: string) {
  const svg = await readFile(join(ROOT, 'icons/icon.svg'), 'utf8');
  await mkdir(join(outDir, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    await writeFile(join(outDir, `icons/icon-${size}.png`), png);
  }
}

async function copyPages(outDir: string) {
  const pagesDir = join(ROOT, 'src/ui/pages');
  if (!existsSync(pagesDir)) return;
  for (const file of await readdir(pagesDir)) {
    if (file.endsWith('.html') || file.endsWith('.css')) {
      await copyFile(join(pagesDir, file), join(outDir, file));
    }
  }
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(join(ROOT, path), 'utf8')) as T;
}

export async function buildBrowser(browser: Browser, { minify = true } = {}): Promise<string> {
  const outDir = join(ROOT, 'dist', browser);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const entry of await listEntries(browser)) await bundle(entry, outDir, browser, { minify });
  await renderIcons(outDir);
  await copyPages(outDir);
  if (browser === 'chrome')
    await copyFile(join(ROOT, OFFSCREEN_PAGE), join(outDir, 'offscreen.html'));
  const pkg = await readJson<{ version: string; description: string }>('package.json');
  const manifest = mergeManifest(
    await readJson<Manifest>('manifest/base.json'),
    await readJson<Manifest>(`manifest/${browser}.json`),
    { version: pkg.version, description: pkg.description },
  );
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return outDir;
}

async function main() {
  const only = process.argv
    .slice(2)
    .filter((a): a is Browser => (BROWSERS as readonly string[]).includes(a));
  const minify = !process.argv.includes('--no-minify');
  for (const browser of only.length ? only : BROWSERS) {
    const started = Date.now();
    const dir = await buildBrowser(browser, { minify });
    console.log(`built ${browser} → ${dir} (${Date.now() - started} ms)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
