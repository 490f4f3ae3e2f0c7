// The popover shown while a quote is hovered or focused: speaker, kind, role, cue, partial and a
// confidence word. Purely visual (aria-hidden): screen readers get the same words through the
// quote's aria-describedby, which must point into the same tree as the mark.
import type { Quote } from '../../core';
import { createShadowHost, isShadowRoot } from '../declutter/shadow-host';
import { confidenceWord, kindWord, type SpeakerEntry } from './speaker-style';
import { QUOTE_LAYER_CSS } from './quote-styles';

export interface QuoteTooltip {
  show(anchor: Element, quote: Quote, entry: SpeakerEntry): void;
  hide(): void;
  destroy(): void;
}

/**
 * Lives in the container's shadow root when there is one (the reading view), otherwise in its
 * own shadow host on the page so the page's CSS cannot restyle it.
 */
export function createQuoteTooltip(container: HTMLElement): QuoteTooltip {
  const doc = container.ownerDocument;
  const root = container.getRootNode();
  let host: HTMLElement | null = null;
  let parent: ShadowRoot;
  if (isShadowRoot(root)) {
    parent = root;
  } else {
    const shadow = createShadowHost(doc, 'quote-tooltip', QUOTE_LAYER_CSS, 'declutter-tooltip');
    host = shadow.host;
    parent = shadow.root;
    doc.documentElement.append(host);
  }
  const tip = doc.createElement('div');
  tip.className = 'dq-tooltip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  parent.append(tip);

  const line = (className: string, text: string) => {
    const div = doc.createElement('div');
    div.className = className;
    div.textContent = text;
    return div;
  };

  let shownFor: Element | null = null;
  let listening = false;
  let frame = 0;
  const view = doc.defaultView;

  const place = () => {
    frame = 0;
    if (!shownFor) return;
    const rect = (shownFor.getClientRects()[0] ?? shownFor.getBoundingClientRect()) as DOMRect;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    const tipRect = tip.getBoundingClientRect();
    const tipWidth = tipRect.width || 320;
    const tipHeight = tipRect.height || 80;
    const left = Math.max(8, Math.min(rect.left, width - tipWidth - 8));
    const below = rect.bottom + 8;
    const top = below + tipHeight > height ? Math.max(8, rect.top - tipHeight - 8) : below;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  };
  const onScroll = () => {
    if (frame || !view) return;
    frame = view.requestAnimationFrame(place);
  };
  const stopListening = () => {
    if (frame && view) view.cancelAnimationFrame(frame);
    frame = 0;
    if (listening) doc.removeEventListener('scroll', onScroll, { capture: true });
    listening = false;
  };

  return {
    show(anchor, quote, entry) {
      tip.className = `dq-tooltip ${entry.styleClass}`;
      const head = doc.createElement('div');
      const name = doc.createElement('span');
      name.className = 'dq-t-name';
      name.textContent = entry.key === '' ? 'Speaker not identified' : entry.name;
      const kind = doc.createElement('span');
      kind.className = 'dq-t-kind';
      kind.textContent = kindWord(entry.kind);
      head.append(name, kind);
      const parts: HTMLElement[] = [head];
      const role = quote.role ?? entry.role;
      if (role) parts.push(line('dq-t-role', role));
      const meta: string[] = [];
      if (quote.cue) meta.push(quote.cue === ':' ? 'introduced by a colon' : `“${quote.cue}”`);
      if (quote.mention && quote.mention.text !== entry.name)
        meta.push(`named as “${quote.mention.text}”`);
      if (quote.partial) meta.push('partial quote');
      meta.push(`${confidenceWord(quote.confidence)} confidence`);
      parts.push(line('dq-t-meta', meta.join(' · ')));
      tip.replaceChildren(...parts);
      tip.hidden = false;
      shownFor = anchor;
      place();
      if (!listening) {
        // Stepping scrolls smoothly after focusing: follow the quote instead of staying behind.
        doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
        listening = true;
      }
    },
    hide() {
      tip.hidden = true;
      shownFor = null;
      stopListening();
    },
    destroy() {
      stopListening();
      tip.remove();
      host?.remove();
    },
  };
}
