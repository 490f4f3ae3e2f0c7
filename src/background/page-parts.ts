// Puts a page's HTML back together from the slices the content script sends
// (src/shared/messages.ts sendPageInParts). One unfinished request per tab: a new request from
// the tab (the user closed the view and tried again) replaces it, and a closed tab's slices are
// dropped with `forgetTabParts`.
import type { AnalyzePagePart, AnalyzePageRequest } from '../shared/messages';

interface Pending {
  id: string;
  parts: string[];
}

const pending = new Map<number, Pending>();

/** Adds a slice; returns the whole request once its last slice has come, else null. */
export function collectPagePart(tabId: number, part: AnalyzePagePart): AnalyzePageRequest | null {
  let entry = pending.get(tabId);
  if (!entry || entry.id !== part.id) {
    entry = { id: part.id, parts: [] };
    pending.set(tabId, entry);
  }
  entry.parts.push(part.html);
  if (!part.last) return null;
  pending.delete(tabId);
  return { html: entry.parts.join(''), url: part.url, kinds: part.kinds };
}

export function forgetTabParts(tabId: number): void {
  pending.delete(tabId);
}
