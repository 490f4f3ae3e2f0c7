// The content script's clutter detector. content.js bundles only the rules of the kinds the
// reading view hides by default (READER_RULES: comments, donation asks); the opt-in kinds' rules
// (newsletter boxes, share bars) come with the declutter.js feature script, which registers them
// here when it runs (through the shared core: src/content/features/shared-core.ts). Until then,
// detection of those kinds finds nothing, and `covers` tells the reading view to load them first.
import {
  READER_RULES,
  detectClutterWith,
  type ClutterDetector,
  type ClutterKind,
  type ClutterRule,
} from '../core/index';

export interface ContentDetector {
  /** detectClutter over the rules registered so far. */
  detect: ClutterDetector;
  /** Adds rules (a rule whose id is already there is not added twice). */
  register(rules: readonly ClutterRule[]): void;
  /** True when at least one rule of `kind` is registered. */
  covers(kind: ClutterKind): boolean;
}

export function createContentDetector(
  initial: readonly ClutterRule[] = READER_RULES,
): ContentDetector {
  // One array per set of rules, replaced (never mutated) on registration: the engine compiles a
  // list's signatures once per array.
  let rules = initial;
  return {
    detect: (doc, options) => detectClutterWith(rules, doc, options),
    register(extra) {
      const known = new Set(rules.map((rule) => rule.id));
      const fresh = extra.filter((rule) => !known.has(rule.id));
      if (fresh.length > 0) rules = [...rules, ...fresh];
    },
    covers: (kind) => rules.some((rule) => rule.kind === kind),
  };
}
