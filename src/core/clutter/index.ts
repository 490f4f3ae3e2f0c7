// Clutter detection: comment sections, donation asks, newsletter boxes, share bars.
// The rules live one per file under ./rules/<kind>/ and are listed in ./registry.ts; the engine
// (./engine) matches their signatures in one pass, runs the generic detectors, keeps the
// article out of reach and reports each block once, as its outermost element.
import type { ClutterFinding } from '../types';
import { runDetection, type DetectOptions } from './engine/detect';
import type { ClutterRule } from './rule';

export type { DetectOptions } from './engine/detect';
export type { ClutterRule } from './rule';
export { OPT_IN_RULES, READER_RULES } from './registry';
export { CLUTTER_RULES, detectClutter } from './all-rules';

/** A clutter detector: detectClutter, or detectClutterWith bound to a list of rules. */
export type ClutterDetector = (doc: Document, options?: DetectOptions) => ClutterFinding[];

/**
 * detectClutter with only `rules` (e.g. READER_RULES): a bundle that calls this and not
 * detectClutter carries only the rules it passes. Pass the same array each time: the engine
 * compiles a list's signatures once per array.
 */
export function detectClutterWith(
  rules: readonly ClutterRule[],
  doc: Document,
  options: DetectOptions = {},
): ClutterFinding[] {
  return runDetection(doc, rules, options);
}

/** The element a finding points at, in `doc` (the analysed document or a clone of it). */
export function locateFinding(doc: Document, finding: ClutterFinding): Element | null {
  try {
    return doc.querySelector(finding.selector);
  } catch {
    return null;
  }
}
