import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mountQuoteLayer,
  QUOTE_LAYER_CSS,
  type QuoteLayer,
} from '../../../src/ui/quotes/quote-layer';
import { ARTICLE_HTML, articleQuotes } from './quote-fixture';

let container: HTMLElement;
let panelParent: HTMLElement;
let layer: QuoteLayer | null = null;

beforeEach(() => {
  document.body.replaceChildren();
  container = document.createElement('article');
  container.innerHTML = ARTICLE_HTML;
  panelParent = document.createElement('aside');
  document.body.append(container, panelParent);
});
afterEach(() => {
  layer?.destroy();
  layer = null;
});

const marksOf = (index: number) => [
  ...container.querySelectorAll<HTMLElement>(`mark[data-quote-index="${index}"]`),
];

describe('mountQuoteLayer', () => {
  it('marks exactly the text of every quote, across nodes and paragraphs', () => {
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    analysis.quotes.forEach((quote, index) => {
      const marks = marksOf(index);
      expect(marks.length).toBeGreaterThan(0);
      const marked = marks.map((m) => m.textContent).join('');
      // Canonical text separates paragraphs with a blank line; marks hold only the node text.
      expect(marked.replace(/\s+/g, ' ')).toBe(
        quote.text.replace(/\n\n/g, '').replace(/\s+/g, ' '),
      );
      expect(marks[0]!.getAttribute('data-speaker')).toBe(quote.speaker ?? '');
    });
    // The Zelin quote crosses an <em>: three marks; the Malejacq quote crosses two paragraphs.
    expect(marksOf(1)).toHaveLength(3);
    expect(new Set(marksOf(2).map((m) => m.closest('p')))).toHaveProperty('size', 2);
    // Only the first mark of a quote is a tab stop, and it is described for screen readers.
    const first = marksOf(1)[0]!;
    expect(first.tabIndex).toBe(0);
    expect(marksOf(1)[1]!.hasAttribute('tabindex')).toBe(false);
    const description = document.getElementById(first.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toBe(
      'Quote by Aaron Y. Zelin; political violence scholar; cue: cautioned; confidence high.',
    );
  });

  it('puts a short speaker label before each quote, outside the quotation mark', () => {
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    const labels = [...container.querySelectorAll('[data-declutter-quote-label]')];
    const visible = (label: Element) =>
      [...label.childNodes]
        .filter((n) => !(n instanceof HTMLElement && n.hidden))
        .map((n) => n.textContent)
        .join(' ');
    expect(labels.map(visible)).toEqual([
      'unnamed a retired counter-terrorism official',
      'Zelin',
      'Malejacq',
      'Zelin',
      '?',
    ]);
    // Label, then the opening mark, then the marked words.
    const zelin = labels[1]!;
    expect(zelin.nextSibling!.textContent).toBe('“');
    expect(zelin.nextSibling!.nextSibling).toBe(marksOf(1)[0]);
  });

  it('gives named speakers colours, unnamed sources the hatched style, nobody the dashed one', () => {
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    expect(marksOf(0)[0]!.classList).toContain('dq-unnamed');
    expect(marksOf(1)[0]!.classList).toContain('dq-c0');
    expect(marksOf(2)[0]!.classList).toContain('dq-c1');
    expect(marksOf(3)[0]!.classList).toContain('dq-c0'); // same speaker, same colour
    expect(marksOf(4)[0]!.classList).toContain('dq-unknown');
    expect(container.querySelector('.dq-label.dq-unnamed .dq-badge')!.textContent).toBe('unnamed');
    expect(QUOTE_LAYER_CSS).toMatch(/\.dq-unnamed[^}]*repeating-linear-gradient/);
  });

  it('switching off restores the exact DOM, down to the original text nodes', () => {
    const before = container.innerHTML;
    const firstText = container.querySelectorAll('p')[1]!.firstChild as Text;
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    expect(container.innerHTML).not.toBe(before);
    layer.setEnabled(false);
    expect(container.innerHTML).toBe(before);
    expect(container.querySelectorAll('p')[1]!.firstChild).toBe(firstText);
    container.querySelectorAll('p').forEach((p) => {
      for (const node of p.childNodes) {
        if (node.nodeType === 3) expect(node.nextSibling?.nodeType).not.toBe(3);
      }
    });
    // And on again, off again: still identical.
    layer.setEnabled(true);
    layer.setEnabled(false);
    expect(container.innerHTML).toBe(before);
  });

  it('finds quotes again when the host rendered something before the article', () => {
    const analysis = articleQuotes(container);
    const before = container.innerHTML;
    const header = document.createElement('header');
    header.textContent = 'Reading view title';
    container.prepend(header);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    analysis.quotes.forEach((quote, index) => {
      const marked = marksOf(index)
        .map((m) => m.textContent)
        .join('');
      expect(marked.replace(/\s+/g, ' ')).toBe(
        quote.text.replace(/\n\n/g, '').replace(/\s+/g, ' '),
      );
    });
    layer.setEnabled(false);
    header.remove();
    expect(container.innerHTML).toBe(before);
  });

  it('skips a quote whose words are not in the article', () => {
    const analysis = articleQuotes(container);
    analysis.quotes[0] = {
      ...analysis.quotes[0]!,
      text: 'words that are nowhere',
      start: 3,
      end: 25,
    };
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    expect(marksOf(0)).toHaveLength(0);
    expect(marksOf(1).length).toBeGreaterThan(0);
  });

  it('renders the Who is quoted panel with groups and counts', () => {
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    const panel = panelParent.querySelector('.dq-panel') as HTMLElement;
    expect(panel.hidden).toBe(true);
    layer.setEnabled(true);
    expect(panel.hidden).toBe(false);
    const headings = [...panel.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Named (2)', 'Unnamed sources (1)', 'Unattributed (1)']);
    expect(panel.querySelector('.dq-summary')!.textContent).toBe('5 quotes from 3 sources');
    expect(panel.querySelector('.dq-anon')!.textContent).toBe(
      '1 of 5 quotes rests on anonymous sources',
    );
    const names = [...panel.querySelectorAll('.dq-speaker .dq-name')].map((n) => n.textContent);
    expect(names).toEqual([
      'Aaron Y. Zelin',
      'Romain Malejacq',
      'a retired counter-terrorism official',
      'Speaker not identified',
    ]);
    const zelin = panel.querySelector<HTMLButtonElement>('button[data-speaker="Aaron Y. Zelin"]')!;
    expect(zelin.getAttribute('aria-label')).toBe(
      'Aaron Y. Zelin, political violence scholar, 2 quotes. Go to their next quote.',
    );
  });

  it('clicking a speaker steps through their quotes in order and announces it', () => {
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    const button = panelParent.querySelector<HTMLButtonElement>(
      'button[data-speaker="Aaron Y. Zelin"]',
    )!;
    const live = panelParent.querySelector('[role="status"]')!;
    button.click();
    expect(document.activeElement).toBe(marksOf(1)[0]);
    expect(marksOf(1).every((m) => m.classList.contains('dq-flash'))).toBe(true);
    expect(live.textContent).toBe('Quote 1 of 2 by Aaron Y. Zelin');
    expect(button.querySelector('.dq-n')!.textContent).toBe('1 of 2');
    expect(button.getAttribute('aria-current')).toBe('true');
    button.click();
    expect(document.activeElement).toBe(marksOf(3)[0]);
    expect(live.textContent).toBe('Quote 2 of 2 by Aaron Y. Zelin');
    button.click();
    expect(document.activeElement).toBe(marksOf(1)[0]);
    layer.focusSpeaker('a retired counter-terrorism official');
    expect(live.textContent).toBe(
      'Quote 1 of 1 by a retired counter-terrorism official (unnamed source)',
    );
  });

  it('focusSpeaker switches the layer on when it is off', () => {
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.focusSpeaker('Romain Malejacq');
    expect(layer.isEnabled()).toBe(true);
    expect(document.activeElement).toBe(marksOf(2)[0]);
  });

  it('shows a tooltip with speaker, role, cue and confidence on focus', () => {
    const analysis = articleQuotes(container);
    layer = mountQuoteLayer(container, analysis, { panelParent });
    layer.setEnabled(true);
    marksOf(3)[0]!.focus();
    const host = document.querySelector('[data-declutter-root="quote-tooltip"]')!;
    const tip = host.shadowRoot!.querySelector('.dq-tooltip') as HTMLElement;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain('Aaron Y. Zelin');
    expect(tip.textContent).toContain('political violence scholar');
    expect(tip.textContent).toContain('“added”');
    expect(tip.textContent).toContain('named as “Mr. Zelin”');
    expect(tip.textContent).toContain('partial quote');
    expect(tip.textContent).toContain('high confidence');
    expect(marksOf(3).every((m) => m.classList.contains('dq-active'))).toBe(true);
    marksOf(3)[0]!.blur();
    expect(tip.hidden).toBe(true);
    layer.setEnabled(false);
    expect(document.querySelector('[data-declutter-root="quote-tooltip"]')).toBeNull();
  });

  it('says so when an article has no quotations', () => {
    layer = mountQuoteLayer(container, { quotes: [], speakers: [] }, { panelParent });
    layer.setEnabled(true);
    expect(panelParent.textContent).toContain('No direct quotations were found in this article.');
    expect(container.querySelector('mark')).toBeNull();
  });

  it('works inside a shadow root and puts its styles there', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const article = document.createElement('article');
    article.innerHTML = ARTICLE_HTML;
    const aside = document.createElement('aside');
    root.append(article, aside);
    const analysis = articleQuotes(article);
    layer = mountQuoteLayer(article, analysis, { panelParent: aside, styleRoot: root });
    layer.setEnabled(true);
    expect(root.querySelectorAll('style[data-declutter-css="quote-layer"]')).toHaveLength(1);
    const first = article.querySelector('mark[data-quote-index="1"]')!;
    expect(root.getElementById(first.getAttribute('aria-describedby')!)).not.toBeNull();
    expect(root.querySelector('.dq-tooltip')).not.toBeNull();
    layer.destroy();
    layer = null;
    expect(root.querySelector('style')).toBeNull();
    expect(article.querySelector('mark')).toBeNull();
  });
});
