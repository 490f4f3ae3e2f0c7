// Builds the benchmark bundle with Vite's JS API, with the same options as the extension's own
// scripts (scripts/build.ts): one minified IIFE per browser target.
//
// The core comes from the working tree, or, with `ref`, from a commit (`git archive` into
// out/bench/ref-<sha>/src): that gives before/after figures for a fix in one command, and a
// consistent build while other people's files in the shared checkout are mid-edit.
import { build, type Plugin } from 'vite';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, OUT_DIR } from './paths';
import { vendorPatches, type VendorPatch } from '../vendor-patches';

export type BenchTarget = 'chrome' | 'firefox';

const UPSTREAM_ID = 'virtual:readability-upstream';
const RESOLVED_UPSTREAM_ID = '\0readability-upstream.js';

/**
 * `virtual:readability-upstream`: Readability.js exactly as the npm package publishes it, without
 * the build's patches (scripts/vendor-patches.ts match the package's own file path, and this
 * module has another id). It is the benchmark's baseline: issue 5 compares our pipeline with the
 * library as published, not with the copy we improved.
 */
function upstreamReadability(): Plugin {
  return {
    name: 'declutter-readability-upstream',
    resolveId: (source) => (source === UPSTREAM_ID ? RESOLVED_UPSTREAM_ID : null),
    async load(id) {
      if (id !== RESOLVED_UPSTREAM_ID) return null;
      const file = createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js');
      // The file is a script that assigns module.exports when `module` exists; as an ES module
      // it exports its top-level function instead.
      return `${await readFile(file, 'utf8')}\nexport default Readability;\n`;
    },
  };
}

/** Extracts `src/` (and the vendor patches) at `ref` and returns the folder holding them. */
export function snapshotSource(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short=12', ref], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const dir = join(OUT_DIR, `ref-${sha}`);
  // The vendor patches too, where the commit has them: they are part of the core as shipped, so
  // an A/B against a commit measures its Readability and DOMPurify, not this tree's.
  const paths = ['src'];
  try {
    execFileSync('git', ['cat-file', '-e', `${sha}:scripts/vendor-patches.ts`], { cwd: ROOT });
    paths.push('scripts/vendor-patches.ts');
  } catch {
    // An older commit without them: built with this tree's.
  }
  if (!paths.every((path) => existsSync(join(dir, path)))) {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('sh', ['-c', `git archive ${sha} ${paths.join(' ')} | tar -x -C "${dir}"`], {
      cwd: ROOT,
    });
  }
  return dir;
}

/** Builds out/bench/bench-<target>.js and returns its source text (to inject into pages). */
export async function buildBenchBundle(
  target: BenchTarget,
  ref?: string,
  { minify = true }: { minify?: boolean } = {},
): Promise<string> {
  await mkdir(OUT_DIR, { recursive: true });
  // `ref` is a commit, or a folder holding an experimental copy of src/ (measure a fix first).
  const srcRoot = ref
    ? existsSync(join(ref, 'src/core/index.ts'))
      ? ref
      : snapshotSource(ref)
    : ROOT;
  const fileName = `bench-${target}${ref ? '-ref' : ''}${minify ? '' : '-readable'}.js`;
  const refPatches = join(srcRoot, 'scripts/vendor-patches.ts');
  const patches =
    ref && existsSync(refPatches)
      ? ((await import(refPatches)) as { VENDOR_PATCHES: VendorPatch[] }).VENDOR_PATCHES
      : undefined;
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    define: { __BROWSER__: JSON.stringify(target) },
    // The same Readability and DOMPurify as the extension ships (scripts/vendor-patches.ts).
    plugins: [vendorPatches(patches), upstreamReadability()],
    resolve: {
      alias: [
        { find: /^\.\.\/\.\.\/src\/core\/index$/, replacement: join(srcRoot, 'src/core/index.ts') },
      ],
    },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: false,
      minify,
      sourcemap: false,
      target: target === 'chrome' ? 'chrome120' : 'firefox128',
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: join(ROOT, 'scripts/bench/bench-entry.ts'),
        formats: ['iife'],
        name: 'declutter_bench',
        fileName: () => fileName,
      },
    },
  });
  return readFile(join(OUT_DIR, fileName), 'utf8');
}
