// What the on-page Declutter controller (src/content/declutter/page-declutter.ts) offers to the
// UI that lists and toggles its work. Declared here because src/ui may not import src/content.
import type { ClutterFinding, ClutterKind } from '../../core';

export interface HiddenItem {
  id: string;
  finding: ClutterFinding;
  element: Element;
  hidden: boolean;
}

/**
 * Findings already detected on the page as it is now, for some kinds (the reading view's
 * analysis): enabling reuses them and runs detection only for the other kinds.
 */
export interface KnownFindings {
  kinds: readonly ClutterKind[];
  findings: readonly ClutterFinding[];
}

export interface PageDeclutter {
  /**
   * Detects clutter and hides the findings of `kinds` (default: the kinds given at creation).
   * `known` findings stand in for detecting their kinds again.
   */
  enable(kinds?: ClutterKind[], known?: KnownFindings | null): HiddenItem[];
  /** Shows everything again, stops watching the page and forgets the findings. */
  disable(): void;
  isEnabled(): boolean;
  /** Everything found for the chosen kinds, hidden or restored by the user. */
  items(): HiddenItem[];
  restore(id: string): void;
  hideAgain(id: string): void;
  /** Shows every item and removes all chips; the items stay listed so each can be hidden again. */
  restoreAll(): void;
  setKinds(kinds: ClutterKind[]): void;
  kinds(): ClutterKind[];
  onChange(cb: () => void): () => void;
  destroy(): void;
}
