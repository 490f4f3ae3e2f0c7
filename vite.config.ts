// Vitest configuration. The extension itself is built by scripts/build.ts, which calls Vite once per
// entry point (content scripts and Firefox background scripts must be single IIFE files).
import { defineConfig } from 'vitest/config';
import { vendorPatches } from './scripts/vendor-patches.ts';

export default defineConfig({
  define: { __BROWSER__: JSON.stringify('chrome') },
  // The tests run Readability and DOMPurify as the extension ships them (scripts/vendor-patches.ts):
  // inlined, so the patches apply to them as they do in the build.
  plugins: [vendorPatches()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'jsdom',
          server: { deps: { inline: [/@mozilla[\\/]readability/, /dompurify/] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
