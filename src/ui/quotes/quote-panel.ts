// "Who is quoted": named and unnamed sources in separate groups with counts, how much of the story
// rests on anonymous sources, and one button per speaker that steps through their quotes.
import type { SpeakerEntry } from './speaker-style';

export interface QuotePanel {
  element: HTMLElement;
  /** Shows "n of m" on the speaker's button and announces the step. */
  setPosition(key: string, position: number, total: number, announcement: string): void;
  setVisible(visible: boolean): void;
  destroy(): void;
}

let panelCount = 0;

export function renderQuotePanel(
  parent: HTMLElement | ShadowRoot,
  entries: SpeakerEntry[],
  quoteCount: number,
  onSpeaker: (key: string) => void,
  emptyMessage = 'No direct quotations were found in this article.',
  collapsible = false,
): QuotePanel {
  const doc = parent.ownerDocument ?? (parent as unknown as Document);
  const uid = `dq-panel-${++panelCount}`;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const panel = el('section', 'dq-panel');
  panel.setAttribute('aria-labelledby', `${uid}-title`);
  const title = el('h2', undefined, 'Who is quoted');
  title.id = `${uid}-title`;
  const body = el('div', 'dq-body');
  body.id = `${uid}-body`;
  if (collapsible) {
    // On a live page the panel floats over the text: let the reader fold it to its title.
    const header = el('div', 'dq-head');
    const fold = el('button', 'dq-fold');
    fold.type = 'button';
    fold.setAttribute('aria-expanded', 'true');
    fold.setAttribute('aria-controls', body.id);
    fold.setAttribute('aria-label', 'Collapse the list of quoted speakers');
    fold.textContent = '–';
    fold.addEventListener('click', () => {
      const open = fold.getAttribute('aria-expanded') !== 'true';
      fold.setAttribute('aria-expanded', String(open));
      fold.setAttribute(
        'aria-label',
        `${open ? 'Collapse' : 'Expand'} the list of quoted speakers`,
      );
      fold.textContent = open ? '–' : '+';
      body.hidden = !open;
    });
    header.append(title, fold);
    panel.append(header);
  } else {
    panel.append(title);
  }
  panel.append(body);
  const live = el('div', 'dq-sr');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');

  const named = entries.filter((e) => e.kind === 'named');
  const unnamed = entries.filter((e) => e.kind === 'unnamed');
  const unknown = entries.filter((e) => e.kind === 'unknown');
  const quotesOf = (list: SpeakerEntry[]) => list.reduce((sum, e) => sum + e.quotes.length, 0);
  const buttons = new Map<string, HTMLButtonElement>();
  const positions = new Map<string, HTMLElement>();

  if (quoteCount === 0) {
    body.append(el('p', 'dq-empty', emptyMessage));
  } else {
    const sources = named.length + unnamed.length;
    body.append(
      el(
        'p',
        'dq-summary',
        `${quoteCount} ${quoteCount === 1 ? 'quote' : 'quotes'} from ${sources} ${sources === 1 ? 'source' : 'sources'}`,
      ),
    );
    const share = el('div', 'dq-share');
    share.setAttribute('aria-hidden', 'true');
    for (const [list, className] of [
      [named, 'dq-share-named'],
      [unnamed, 'dq-share-unnamed'],
      [unknown, 'dq-share-unknown'],
    ] as const) {
      const n = quotesOf(list);
      if (n === 0) continue;
      const part = el('span', className);
      part.style.width = `${(100 * n) / quoteCount}%`;
      share.append(part);
    }
    body.append(share);
    const anonymous = quotesOf(unnamed);
    const anon = el('p', 'dq-anon');
    if (anonymous === 0) {
      anon.textContent =
        quoteCount === 1
          ? 'The quote does not rest on an anonymous source'
          : `None of the ${quoteCount} quotes rests on anonymous sources`;
    } else {
      anon.append(
        el('strong', undefined, `${anonymous} of ${quoteCount}`),
        doc.createTextNode(
          ` ${quoteCount === 1 ? 'quote' : 'quotes'} ${anonymous === 1 ? 'rests' : 'rest'} on anonymous sources`,
        ),
      );
    }
    body.append(anon);

    const group = (heading: string, list: SpeakerEntry[]) => {
      if (list.length === 0) return;
      const section = el('section', 'dq-group');
      const h3 = el('h3', undefined, heading);
      h3.id = `${uid}-${heading.split(' ')[0]!.toLowerCase()}`;
      section.append(h3);
      const ul = el('ul', 'dq-speakers');
      ul.setAttribute('aria-labelledby', h3.id);
      for (const entry of list) ul.append(speakerItem(entry));
      section.append(ul);
      body.append(section);
    };

    const speakerItem = (entry: SpeakerEntry) => {
      const li = el('li');
      const button = el('button', 'dq-speaker');
      button.type = 'button';
      button.dataset.speaker = entry.key;
      const n = entry.quotes.length;
      const label = [
        entry.key === '' ? 'Quotes with no identified speaker' : entry.name,
        entry.key !== '' && entry.kind === 'unnamed' ? 'unnamed source' : '',
        entry.role ?? '',
        `${n} ${n === 1 ? 'quote' : 'quotes'}`,
      ]
        .filter(Boolean)
        .join(', ');
      button.setAttribute('aria-label', `${label}. Go to their next quote.`);
      const swatch = el('span', `dq-swatch ${entry.styleClass}`);
      swatch.setAttribute('aria-hidden', 'true');
      const name = el('span', 'dq-name', entry.key === '' ? 'Speaker not identified' : entry.name);
      const count = el('span', 'dq-n', n === 1 ? '1 quote' : `${n} quotes`);
      count.setAttribute('aria-hidden', 'true');
      button.append(swatch, name, count);
      if (entry.role) button.append(el('span', 'dq-role', entry.role));
      button.addEventListener('click', () => onSpeaker(entry.key));
      buttons.set(entry.key, button);
      positions.set(entry.key, count);
      li.append(button);
      return li;
    };

    group(`Named (${named.length})`, named);
    group(`Unnamed sources (${unnamed.length})`, unnamed);
    group(`Unattributed (${quotesOf(unknown)})`, unknown);
  }
  panel.append(live);
  parent.append(panel);

  return {
    element: panel,
    setPosition(key, position, total, announcement) {
      for (const [otherKey, button] of buttons) {
        if (otherKey === key) button.setAttribute('aria-current', 'true');
        else button.removeAttribute('aria-current');
      }
      const count = positions.get(key);
      if (count) count.textContent = `${position} of ${total}`;
      live.textContent = announcement;
    },
    setVisible(visible) {
      panel.hidden = !visible;
    },
    destroy() {
      panel.remove();
    },
  };
}
