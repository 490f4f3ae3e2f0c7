// Build plugin for the feature scripts (declutter.js, quotes.js): their imports of the core's
// index resolve to a small generated module that re-exports the real core, except for the
// functions content.js lends them (src/content/features/shared-core.ts), which become calls
// through the content script's copy. The bundler then drops the core's own copy of those
// functions, and of everything only they use (the whole clutter detector), from the feature
// bundles. Measured with scripts/bundle-composition.ts.
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { SHARED_CORE_NAMES } from '../src/content/features/shared-core';

const ROOT = resolve(import.meta.dirname, '..');
const CORE_INDEX = resolve(ROOT, 'src/core/index.ts');
const ACCESSOR = resolve(ROOT, 'src/content/features/shared-core.ts');
const SHIM = '\0declutter-shared-core';

/** The generated module: everything from the core, the shared names through the content script. */
export function sharedCoreShim(names: readonly string[] = SHARED_CORE_NAMES): string {
  const lines = [
    `export * from ${JSON.stringify(CORE_INDEX)};`,
    `import { sharedCore } from ${JSON.stringify(ACCESSOR)};`,
    // A local export shadows the same name from `export *` (ECMAScript module semantics).
    ...names.map(
      (name) => `export function ${name}(...args) { return sharedCore().${name}(...args); }`,
    ),
  ];
  return lines.join('\n') + '\n';
}

export function sharedCoreImports(): Plugin {
  return {
    name: 'declutter-shared-core',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer === SHIM) return null;
      if (!/(^|[\\/])core([\\/]index(\.ts)?)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === CORE_INDEX ? SHIM : null;
    },
    load(id) {
      return id === SHIM ? sharedCoreShim() : null;
    },
  };
}
