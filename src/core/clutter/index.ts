// Clutter detection: comment sections, donation asks, newsletter boxes, share bars.
// (Initial contract; the rule set lives in ./rules and is registered in ./registry.)
import type { ClutterFinding } from '../types';

/** Finds clutter blocks in `doc`. Reads the document, never changes it. */
export function detectClutter(_doc: Document): ClutterFinding[] {
  return [];
}

/** The element a finding points at, in `doc` (the analysed document or a clone of it). */
export function locateFinding(doc: Document, finding: ClutterFinding): Element | null {
  try {
    return doc.querySelector(finding.selector);
  } catch {
    return null;
  }
}
