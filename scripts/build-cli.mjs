// Builds the CLI (src/cli/declutter.ts) into dist/cli/declutter.mjs with Vite's JS API, as a
// Node ESM bundle. Runtime dependencies (jsdom, Readability, DOMPurify, Turndown) stay imports
// and come from node_modules; they are "dependencies" in package.json for that reason.
// Run by the "prepare" script, so `npm ci` leaves `npx declutter page.html` working.
import { build } from 'vite';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
  define: { __BROWSER__: JSON.stringify('cli') },
  build: {
    ssr: join(ROOT, 'src/cli/declutter.ts'),
    outDir: join(ROOT, 'dist/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    rollupOptions: {
      external: [...builtinModules, /^node:/],
      output: { format: 'es', entryFileNames: 'declutter.mjs' },
    },
  },
});
console.log('build-cli: wrote dist/cli/declutter.mjs');
