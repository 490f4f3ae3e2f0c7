// Every clutter rule, and the detector that runs them all: what the CLI, the tests, the
// benchmarks and analyzePage/analyzeArticle use by default. A module of its own so that a bundle
// which never calls detectClutter or reads CLUTTER_RULES (content.js, which runs READER_RULES
// through detectClutterWith) does not carry the opt-in kinds' rules: the core is marked side-effect
// free (scripts/build.ts), so the bundler drops a module none of whose exports is used.
import type { ClutterFinding } from '../types';
import { runDetection, type DetectOptions } from './engine/detect';
import type { ClutterRule } from './rule';
import { OPT_IN_RULES, READER_RULES } from './registry';

/** Every rule, the reading view's kinds first (the order the engine breaks ties by). */
export const CLUTTER_RULES: readonly ClutterRule[] = [...READER_RULES, ...OPT_IN_RULES];

/**
 * Finds clutter blocks in `doc`. Reads the document, never changes it. `options.roots` narrows
 * the search to added subtrees (the article guard still looks at the whole page);
 * `options.kinds` runs only the rules of those kinds.
 */
export function detectClutter(doc: Document, options: DetectOptions = {}): ClutterFinding[] {
  return runDetection(doc, CLUTTER_RULES, options);
}
