// "Kept out of this view": what the reading view's analysis left out, listed above the on-page
// hidden panel in the view's side column. Part of the Declutter feature script (with the panel
// itself and the rule labels), so the content script injected on every click does not carry it.
import type { ClutterFinding } from '../../core';
import { h } from '../dom/element';
import { KIND_LABELS, preview, ruleLabel } from './labels';

export function keptOutList(doc: Document, hidden: readonly ClutterFinding[]): HTMLElement | null {
  if (hidden.length === 0) return null;
  return h(doc, 'section', { class: 'removed' }, [
    h(doc, 'h3', { text: `Kept out of this view (${hidden.length})` }),
    h(
      doc,
      'ul',
      {},
      hidden.map((finding) =>
        h(doc, 'li', {}, [
          h(doc, 'strong', {
            text: `${KIND_LABELS[finding.kind].chip} · ${ruleLabel(finding.rule)}`,
          }),
          h(doc, 'span', { text: ` ${preview(finding.text, 90)}` }),
        ]),
      ),
    ),
  ]);
}
