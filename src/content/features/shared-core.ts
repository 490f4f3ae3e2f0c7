// One clutter detector per tab. content.js holds the core's clutter detection (the reading view
// needs it to paint), and the feature scripts injected later into the same isolated world
// (declutter.js, quotes.js) need the very same functions. Rather than bundle them a second and a
// third time, content.js puts them on the world's global object under a registered symbol, and
// the build (scripts/shared-core.ts) compiles each feature script's `import … from core` of these
// names into calls through sharedCore(). Source code, types and tests import the core as usual;
// only the feature bundles are wired differently.
//
// Only functions content.js bundles anyway are shared: sharing anything else would grow the
// script injected on every click to shrink one loaded on demand.
//
// The shared detectClutter is the content script's detector (src/content/clutter-detector.ts),
// which holds only the reading view's rules until a feature script registers more through
// registerClutterRules (declutter.js brings the opt-in kinds' rules).
import type * as Core from '../../core/index';
import type { ClutterRule } from '../../core/index';

/** The core functions the content script lends to the feature scripts (read by the build too). */
export const SHARED_CORE_NAMES = ['detectClutter', 'locateFinding'] as const;

export type SharedCore = Pick<typeof Core, (typeof SHARED_CORE_NAMES)[number]> & {
  /** Adds rules to the content script's detector (the shared detectClutter). */
  registerClutterRules(rules: readonly ClutterRule[]): void;
};

const SHARED_CORE = Symbol.for('declutter.core');

type Scope = typeof globalThis & { [SHARED_CORE]?: SharedCore };

/** Called by the content script when it starts (a newer copy replaces an older one's). */
export function exposeSharedCore(core: SharedCore): void {
  (globalThis as Scope)[SHARED_CORE] = core;
}

/** Called by a content script that leaves the page (src/content/index.ts). */
export function withdrawSharedCore(): void {
  delete (globalThis as Scope)[SHARED_CORE];
}

/**
 * The content script's core, for a feature script's bundle. Feature scripts are only ever
 * injected at the content script's request, so it is there; if not, the feature fails loudly
 * (loadFeature reports it) instead of running with a detector that does not exist.
 */
export function sharedCore(): SharedCore {
  const core = (globalThis as Scope)[SHARED_CORE];
  if (!core) {
    throw new Error('Declutter: feature script run without the content script (no shared core)');
  }
  return core;
}
