// Clutter detection: comment sections, donation asks, newsletter boxes, share bars.
// The rules live one per file under ./rules/<kind>/ and are listed in ./registry.ts; the engine
// (./engine) matches their signatures in one pass, runs the generic detectors, keeps the
// article out of reach and reports each block once, as its outermost element.
import type { ClutterFinding } from '../types';
import { runDetection, type DetectOptions } from './engine/detect';
import { CLUTTER_RULES } from './registry';

export type { DetectOptions } from './engine/detect';
export type { ClutterRule } from './rule';
export { CLUTTER_RULES } from './registry';

/**
 * Finds clutter blocks in `doc`. Reads the document, never changes it. `options.roots` narrows
 * the search to added subtrees (the article guard still looks at the whole page);
 * `options.kinds` runs only the rules of those kinds.
 */
export function detectClutter(doc: Document, options: DetectOptions = {}): ClutterFinding[] {
  return runDetection(doc, CLUTTER_RULES, options);
}

/** The element a finding points at, in `doc` (the analysed document or a clone of it). */
export function locateFinding(doc: Document, finding: ClutterFinding): Element | null {
  try {
    return doc.querySelector(finding.selector);
  } catch {
    return null;
  }
}
