// The quote layer: marks every direct quotation in an article with its speaker's colour and a
// small label, shows who said it on hover or focus, and renders the "Who is quoted" panel.
//
// Quote offsets refer to buildTextMap(container).text; the map turns them back into text-node
// pieces, which are wrapped in <mark data-declutter-quote>. Switching off unwraps every mark,
// removes every label and joins the split text nodes again, leaving the DOM as it was.
import { buildTextMap, textPieces, type Quote, type Speaker } from '../../core';
import { ensureShadowStyle, isShadowRoot } from '../declutter/shadow-host';
import { renderQuotePanel, type QuotePanel } from './quote-panel';
import { QUOTE_LAYER_CSS } from './quote-styles';
import { createQuoteTooltip, type QuoteTooltip } from './quote-tooltip';
import { describeQuote, shortLabel, speakerEntries, type SpeakerEntry } from './speaker-style';
import { wrapPieces, type Wrapped } from './wrap-pieces';

export { QUOTE_LAYER_CSS } from './quote-styles';

export interface QuoteLayer {
  setEnabled(on: boolean): void;
  isEnabled(): boolean;
  /** Enables the layer if needed and moves to the speaker's next quote. */
  focusSpeaker(name: string): void;
  destroy(): void;
}

export interface QuoteLayerOptions {
  panelParent: HTMLElement | ShadowRoot;
  /** Where the mark styles go: a shadow root, or the page's document (Declutter mode). */
  styleRoot?: ShadowRoot | Document;
  /** Lets the reader fold the panel to its title (for the floating panel on a live page). */
  collapsiblePanel?: boolean;
  /**
   * The article's background, when it does not follow the system theme (a live page): marks and
   * labels then use the inks made for it. Default: follow prefers-color-scheme / data-theme.
   */
  theme?: 'light' | 'dark';
  /** Panel text when there are no quotes (default: none found in this article). */
  emptyMessage?: string;
  /** Called after the layer was switched on or off (by the panel or the API). */
  onToggle?: (on: boolean) => void;
}

/** Normalised for comparison: the analysis may collapse white space differently. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Where the quote is in `text`: at its offsets when the words there are the quote's, otherwise
 * at the first exact occurrence after `from` (the host rendered something before the article,
 * such as a title, shifting every offset). Null when the words are not there at all: better no
 * mark than a mark on the wrong words.
 */
export function locateQuote(text: string, quote: Quote, from: number): [number, number] | null {
  const { start, end } = quote;
  if (start >= 0 && end <= text.length && start < end) {
    if (squash(text.slice(start, end)) === squash(quote.text)) return [start, end];
  }
  if (!quote.text) return null;
  let at = text.indexOf(quote.text, from);
  if (at < 0) at = text.indexOf(quote.text);
  return at < 0 ? null : [at, at + quote.text.length];
}

const QUOTE_STYLE_ATTRIBUTE = 'data-declutter-quote-style';
let layerCount = 0;

export function mountQuoteLayer(
  container: HTMLElement,
  analysis: { quotes: Quote[]; speakers: Speaker[] },
  opts: QuoteLayerOptions,
): QuoteLayer {
  const doc = container.ownerDocument;
  const uid = `dq${++layerCount}`;
  const quotes = analysis.quotes;
  const entries = speakerEntries(quotes, analysis.speakers);
  const entryOfQuote = new Map<number, SpeakerEntry>();
  for (const entry of entries) for (const index of entry.quotes) entryOfQuote.set(index, entry);

  const removePanelStyle = ensureShadowStyle(opts.panelParent, 'quote-layer', QUOTE_LAYER_CSS);
  const panel: QuotePanel = renderQuotePanel(
    opts.panelParent,
    entries,
    quotes.length,
    (key) => api.focusSpeaker(key),
    opts.emptyMessage,
    opts.collapsiblePanel,
  );
  panel.setVisible(false);

  let enabled = false;
  let wrapped: Wrapped | null = null;
  let tooltip: QuoteTooltip | null = null;
  let pageStyle: HTMLStyleElement | null = null;
  let removeShadowStyle: () => void = () => {};
  let active: number | null = null;
  const steps = new Map<string, number>();
  const flashTimers = new Set<ReturnType<typeof setTimeout>>();

  const injectStyles = () => {
    const root = opts.styleRoot;
    if (!root) return;
    if (isShadowRoot(root as Node)) {
      removeShadowStyle = ensureShadowStyle(root as ShadowRoot, 'quote-layer', QUOTE_LAYER_CSS);
    } else {
      const target = root as Document;
      pageStyle = target.createElement('style');
      pageStyle.setAttribute(QUOTE_STYLE_ATTRIBUTE, '');
      pageStyle.textContent = QUOTE_LAYER_CSS;
      (target.head ?? target.documentElement).append(pageStyle);
    }
  };
  const removeStyles = () => {
    pageStyle?.remove();
    pageStyle = null;
    removeShadowStyle();
    removeShadowStyle = () => {};
  };

  const makeLabel = (index: number): HTMLElement | null => {
    const quote = quotes[index] as Quote;
    const entry = entryOfQuote.get(index);
    if (!entry) return null;
    const label = doc.createElement('span');
    label.className = `dq-label ${entry.styleClass}`;
    label.setAttribute('data-declutter-quote-label', '');
    if (opts.theme) label.setAttribute('data-dq-theme', opts.theme);
    label.dataset.quoteIndex = String(index);
    if (entry.key !== '' && entry.kind === 'unnamed') {
      const badge = doc.createElement('span');
      badge.className = 'dq-badge';
      badge.textContent = 'unnamed';
      label.append(badge, doc.createTextNode(shortLabel(entry, 44)));
    } else {
      label.textContent = entry.key === '' ? '?' : shortLabel(entry);
    }
    label.title = entry.key === '' ? 'Speaker not identified' : entry.name;
    // Screen readers: the first mark's aria-describedby points here; `hidden` text still counts.
    const description = doc.createElement('span');
    description.id = `${uid}-q${index}`;
    description.hidden = true;
    description.textContent = describeQuote(quote, entry);
    label.append(description);
    return label;
  };

  const makeMark = (index: number, piece: number): HTMLElement => {
    const entry = entryOfQuote.get(index);
    const mark = doc.createElement('mark');
    mark.setAttribute('data-declutter-quote', '');
    mark.setAttribute('data-speaker', entry?.key ?? '');
    mark.setAttribute('data-quote-index', String(index));
    mark.className = `dq-mark ${entry?.styleClass ?? 'dq-unknown'}`;
    if (opts.theme) mark.setAttribute('data-dq-theme', opts.theme);
    if (piece === 0) {
      mark.tabIndex = 0;
      mark.setAttribute('aria-describedby', `${uid}-q${index}`);
    }
    return mark;
  };

  const marksOf = (index: number): HTMLElement[] => wrapped?.wrappers[index] ?? [];

  const setActive = (index: number | null, anchor?: Element) => {
    if (active === index) return;
    if (active !== null) for (const mark of marksOf(active)) mark.classList.remove('dq-active');
    active = index;
    if (index === null) {
      tooltip?.hide();
      return;
    }
    for (const mark of marksOf(index)) mark.classList.add('dq-active');
    const entry = entryOfQuote.get(index);
    if (entry && anchor) tooltip?.show(anchor, quotes[index] as Quote, entry);
  };

  const quoteIndexOf = (target: EventTarget | null): [number, Element] | null => {
    const element = (target as Element | null)?.closest?.('mark[data-declutter-quote]');
    if (!element || !container.contains(element)) return null;
    return [Number(element.getAttribute('data-quote-index')), element];
  };
  const onOver = (event: Event) => {
    const hit = quoteIndexOf(event.target);
    if (hit) setActive(hit[0], hit[1]);
  };
  const onOut = (event: Event) => {
    const related = quoteIndexOf((event as MouseEvent | FocusEvent).relatedTarget);
    if (!related || related[0] !== active) setActive(null);
  };
  const onKey = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Escape' && active !== null) setActive(null);
  };
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    container[method]('mouseover', onOver);
    container[method]('mouseout', onOut);
    container[method]('focusin', onOver);
    container[method]('focusout', onOut);
    container[method]('keydown', onKey);
  };

  const enable = () => {
    const map = buildTextMap(container);
    let cursor = 0;
    const requests = quotes.map((quote, group) => {
      const span = locateQuote(map.text, quote, cursor);
      if (!span) return { group, pieces: [] };
      cursor = span[1];
      return { group, pieces: textPieces(map, span[0], span[1]) };
    });
    injectStyles();
    wrapped = wrapPieces(requests, { wrapper: makeMark, label: makeLabel });
    tooltip = createQuoteTooltip(container);
    listen(true);
  };

  const disable = () => {
    listen(false);
    setActive(null);
    for (const timer of flashTimers) clearTimeout(timer);
    flashTimers.clear();
    wrapped?.unwrap();
    wrapped = null;
    tooltip?.destroy();
    tooltip = null;
    removeStyles();
    steps.clear();
  };

  const api: QuoteLayer = {
    setEnabled(on) {
      if (on === enabled) return;
      enabled = on;
      if (on) enable();
      else disable();
      panel.setVisible(on);
      opts.onToggle?.(on);
    },
    isEnabled: () => enabled,
    focusSpeaker(name) {
      const entry = entries.find((e) => e.key === name) ?? entries.find((e) => e.name === name);
      if (!entry) return;
      if (!enabled) api.setEnabled(true);
      const reachable = entry.quotes.filter((index) => marksOf(index).length > 0);
      if (reachable.length === 0) return;
      const step = ((steps.get(entry.key) ?? -1) + 1) % reachable.length;
      steps.set(entry.key, step);
      const index = reachable[step] as number;
      const marks = marksOf(index);
      const first = marks[0] as HTMLElement;
      if (typeof first.scrollIntoView === 'function') {
        first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
      first.focus({ preventScroll: true });
      for (const mark of marks) {
        mark.classList.remove('dq-flash');
        void mark.offsetWidth; // restart the animation when the same quote is visited again
        mark.classList.add('dq-flash');
      }
      const timer = setTimeout(() => {
        flashTimers.delete(timer);
        for (const mark of marks) mark.classList.remove('dq-flash');
      }, 1500);
      flashTimers.add(timer);
      const who =
        entry.key === ''
          ? 'with no identified speaker'
          : `by ${entry.name}${entry.kind === 'unnamed' ? ' (unnamed source)' : ''}`;
      panel.setPosition(
        entry.key,
        step + 1,
        reachable.length,
        `Quote ${step + 1} of ${reachable.length} ${who}`,
      );
    },
    destroy() {
      if (enabled) disable();
      enabled = false;
      panel.destroy();
      removePanelStyle();
    },
  };
  return api;
}
