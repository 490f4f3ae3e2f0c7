// The meeting point of the content script and the feature scripts injected later into the same
// isolated world. Each bundle has its own copy of this module, so the shared state lives on the
// world's global object under a registered symbol: a feature script calls registerFeature when it
// runs, the content script's loadFeature asks the background to inject the script once and
// resolves with what it registered.
import type { FeatureName } from '../../shared/features';
import type { Features } from './types';

const REGISTRY = Symbol.for('declutter.features');

interface Registry {
  modules: Partial<Features>;
  pending: Partial<Record<FeatureName, Promise<unknown>>>;
}

type Scope = typeof globalThis & { [REGISTRY]?: Registry };

function registry(): Registry {
  const scope = globalThis as Scope;
  return (scope[REGISTRY] ??= { modules: {}, pending: {} });
}

/** Called by a feature script when it runs. A later copy (extension updated) replaces it. */
export function registerFeature<K extends FeatureName>(name: K, feature: Features[K]): void {
  registry().modules[name] = feature;
}

/**
 * Forgets every registered feature: a content script taking over from a dead copy (extension
 * reloaded or updated) must not use features injected for the old version, and one that leaves
 * the page must not keep their code alive.
 */
export function resetFeatures(): void {
  delete (globalThis as Scope)[REGISTRY];
}

/** How a feature script gets into the page: the background injects it (src/background/inject.ts). */
export type RequestFeature = (name: FeatureName) => Promise<void>;

/**
 * The feature, injecting its script on first use (one request even when several callers ask at
 * once). Rejects when the script could not be injected or did not register itself; a later call
 * tries again.
 */
export function loadFeature<K extends FeatureName>(
  name: K,
  request: RequestFeature,
): Promise<Features[K]> {
  const state = registry();
  const ready = state.modules[name];
  if (ready) return Promise.resolve(ready as Features[K]);
  const pending = state.pending[name] as Promise<Features[K]> | undefined;
  if (pending) return pending;
  const loading = request(name)
    .then(() => {
      const loaded = state.modules[name];
      if (!loaded) throw new Error(`Declutter: the ${name} script did not register itself`);
      return loaded as Features[K];
    })
    .finally(() => {
      delete state.pending[name];
    });
  state.pending[name] = loading;
  return loading;
}
