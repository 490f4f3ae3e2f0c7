// What the on-page Declutter controller (src/content/declutter/page-declutter.ts) offers to the
// UI that lists and toggles its work. Declared here because src/ui may not import src/content.
import type { ClutterFinding, ClutterKind } from '../../core';

export interface HiddenItem {
  id: string;
  finding: ClutterFinding;
  element: Element;
  hidden: boolean;
}

export interface PageDeclutter {
  /** Detects clutter and hides the findings of `kinds` (default: the kinds given at creation). */
  enable(kinds?: ClutterKind[]): HiddenItem[];
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
