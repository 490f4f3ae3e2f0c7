// Builds the benchmark bundle with Vite's JS API, with the same options as the extension's own
// scripts (scripts/build.ts): one minified IIFE per browser target.
//
// The core comes from the working tree, or, with `ref`, from a commit (`git archive` into
// out/bench/ref-<sha>/src): that gives before/after figures for a fix in one command, and a
// consistent build while other people's files in the shared checkout are mid-edit.
import { build } from 'vite';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, OUT_DIR } from './paths';
import { vendorPatches } from '../vendor-patches';

export type BenchTarget = 'chrome' | 'firefox';

/** Extracts `src/` at `ref` and returns the folder holding it. */
export function snapshotSource(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short=12', ref], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const dir = join(OUT_DIR, `ref-${sha}`);
  if (!existsSync(join(dir, 'src'))) {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('sh', ['-c', `git archive ${sha} src | tar -x -C "${dir}"`], { cwd: ROOT });
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
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    define: { __BROWSER__: JSON.stringify(target) },
    // The same Readability and DOMPurify as the extension ships (scripts/vendor-patches.ts).
    plugins: [vendorPatches()],
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
