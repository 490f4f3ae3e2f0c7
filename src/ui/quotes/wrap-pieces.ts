// Wrapping spans of text nodes in elements, and undoing it exactly.
//
// Every quote is a list of text-node pieces (from textPieces). Pieces of one node are wrapped from
// the last to the first, so splitText always cuts the original node, whose offsets stay valid.
// Each split is remembered; unwrapping moves the pieces out of their wrappers and joins the
// fragments back into the ORIGINAL text node, so the page keeps its own node objects (a framework
// holding a reference to a text node still finds it) and the markup is as it was.
import type { TextPiece } from '../../core/text/text-map';

/** Opening quotation marks: a label goes before them rather than between mark and words. */
const OPENING_MARKS = new Set(['“', '"', '«', '„', '‘', "'", '‹', '「', '『', '»', '›', '‚']);

export interface WrapRequest {
  group: number;
  pieces: TextPiece[];
}

export interface WrapCallbacks {
  /** The element wrapping piece `index` of group `group`. */
  wrapper(group: number, index: number): HTMLElement;
  /** Optional element placed before the group's first piece (and its opening mark). */
  label?(group: number): HTMLElement | null;
}

export interface Wrapped {
  /** Wrappers per group, in text order. */
  wrappers: HTMLElement[][];
  labels: HTMLElement[];
  /** Undo everything; safe to call once. */
  unwrap(): void;
}

interface Entry {
  group: number;
  index: number;
  start: number;
  end: number;
}

export function wrapPieces(requests: WrapRequest[], callbacks: WrapCallbacks): Wrapped {
  const byNode = new Map<Text, Entry[]>();
  for (const { group, pieces } of requests) {
    pieces.forEach((piece, index) => {
      if (piece.endOffset <= piece.startOffset) return;
      const list = byNode.get(piece.node) ?? [];
      list.push({ group, index, start: piece.startOffset, end: piece.endOffset });
      byNode.set(piece.node, list);
    });
  }

  const wrappers: HTMLElement[][] = requests.map(() => []);
  const slots = new Map<number, Map<number, HTMLElement>>();
  const labels: HTMLElement[] = [];
  const fragments = new Map<Text, Text[]>();

  for (const [node, entries] of byNode) {
    if (!node.parentNode) continue;
    entries.sort((a, b) => b.start - a.start);
    const parts: Text[] = [node];
    fragments.set(node, parts);
    let limit = node.data.length;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Entry;
      if (entry.end > limit) continue; // overlaps a later piece: keep the first claim
      const parent = node.parentNode;
      if (!parent) break;
      if (entry.end < node.data.length) parts.push(node.splitText(entry.end));
      const middle = entry.start > 0 ? node.splitText(entry.start) : node;
      if (middle !== node) parts.push(middle);
      const wrapper = callbacks.wrapper(entry.group, entry.index);
      parent.insertBefore(wrapper, middle);
      wrapper.append(middle);
      let groupSlots = slots.get(entry.group);
      if (!groupSlots) slots.set(entry.group, (groupSlots = new Map()));
      groupSlots.set(entry.index, wrapper);
      limit = entry.start;

      if (entry.index === 0 && callbacks.label) {
        const label = callbacks.label(entry.group);
        if (label) {
          const nextEnd = (entries[i + 1] as Entry | undefined)?.end ?? 0;
          const before = entry.start - 1;
          if (before >= nextEnd && before >= 0 && OPENING_MARKS.has(node.data.charAt(before))) {
            const opening = node.splitText(before);
            parts.push(opening);
            parent.insertBefore(label, opening);
            limit = before;
          } else {
            parent.insertBefore(label, wrapper);
          }
          labels.push(label);
        }
      }
    }
  }

  slots.forEach((groupSlots, group) => {
    wrappers[group] = [...groupSlots.entries()].sort(([a], [b]) => a - b).map(([, w]) => w);
  });

  let done = false;
  return {
    wrappers,
    labels,
    unwrap() {
      if (done) return;
      done = true;
      for (const label of labels) label.remove();
      for (const list of wrappers) {
        for (const wrapper of list) {
          const parent = wrapper.parentNode;
          if (!parent) continue;
          while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
          wrapper.remove();
        }
      }
      for (const [original, parts] of fragments) {
        const parent = original.parentNode;
        if (!parent) continue;
        const siblings = parts.filter((part) => part.parentNode === parent);
        siblings.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
        if (siblings[0] !== original) continue; // the page rearranged things: leave them be
        original.data = siblings.map((part) => part.data).join('');
        for (const part of siblings) if (part !== original) part.remove();
      }
    },
  };
}
