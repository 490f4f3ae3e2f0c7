// --page --format html: the whole page with its clutter hidden the way the extension hides it on
// the page (a marker attribute and one stylesheet; nothing removed), for inspection.
import { locateFinding, type ClutterFinding } from '../core/index';
import type { ParsedPage } from './dom';

export const HIDDEN_ATTRIBUTE = 'data-declutter-hidden';

export function hideOnPage(page: ParsedPage, findings: readonly ClutterFinding[]): string {
  const doc = page.document;
  for (const finding of findings) {
    locateFinding(doc, finding)?.setAttribute(HIDDEN_ATTRIBUTE, finding.kind);
  }
  const style = doc.createElement('style');
  style.setAttribute('data-declutter', '');
  style.textContent = `[${HIDDEN_ATTRIBUTE}] { display: none !important; }`;
  (doc.head ?? doc.documentElement).appendChild(style);
  return page.serialize();
}
