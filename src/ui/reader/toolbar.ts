// The view's toolbar: close, text size, font, theme, width, and the switches for quote marking
// and on-page decluttering plus the "Hidden (N)" panel button. Every control is a native button
// or select with an accessible name; switches use role="switch" + aria-checked.
import { RANGES, type Settings, THEMES, FONT_FAMILIES } from '../../shared/settings';
import { h } from '../dom/element';
import { FONT_LABELS } from '../theme/fonts';
import { THEME_LABELS } from '../theme/palette';

export const WIDTH_PRESETS: Array<{ label: string; value: number }> = [
  { label: 'Narrow', value: 56 },
  { label: 'Medium', value: 68 },
  { label: 'Wide', value: 84 },
];

export interface ToolbarCallbacks {
  close(): void;
  change(patch: Partial<Settings>): void;
  toggleQuotes(): void;
  toggleDeclutter(): void;
  toggleHidden(): void;
}

export interface Toolbar {
  element: HTMLElement;
  closeButton: HTMLButtonElement;
  sync(settings: Settings): void;
  setQuotes(state: { available: boolean; on: boolean }): void;
  /** `working`: switched on, nothing hidden yet (shown as on, busy, with a title saying why). */
  setDeclutter(state: { available: boolean; on: boolean; working: boolean }): void;
  setHidden(state: { available: boolean; count: number; open: boolean }): void;
  /** Puts keyboard focus back on the Hidden button (after its panel closes). */
  focusHidden(): void;
}

function switchButton(doc: Document, label: string, onClick: () => void): HTMLButtonElement {
  return h(
    doc,
    'button',
    { attrs: { type: 'button', role: 'switch', 'aria-checked': 'false' }, on: { click: onClick } },
    [
      h(doc, 'span', { class: 'track', attrs: { 'aria-hidden': 'true' } }),
      h(doc, 'span', { text: label }),
    ],
  );
}

function select<T extends string | number>(
  doc: Document,
  label: string,
  options: Array<{ value: T; label: string }>,
  onChange: (value: string) => void,
): HTMLSelectElement {
  const el = h(doc, 'select', { attrs: { 'aria-label': label, title: label } });
  for (const option of options) {
    el.append(h(doc, 'option', { text: option.label, attrs: { value: String(option.value) } }));
  }
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

export function createToolbar(doc: Document, callbacks: ToolbarCallbacks): Toolbar {
  let current: Settings | null = null;
  const step = (delta: number) => {
    if (current) callbacks.change({ fontSize: current.fontSize + delta });
  };

  const closeButton = h(
    doc,
    'button',
    {
      class: 'close',
      attrs: { type: 'button', 'aria-label': 'Close reading view (Esc)', title: 'Close (Esc)' },
      on: { click: () => callbacks.close() },
    },
    [h(doc, 'span', { class: 'x', text: '×', attrs: { 'aria-hidden': 'true' } }), 'Close'],
  );
  const smaller = h(doc, 'button', {
    class: 'icon',
    text: 'A−',
    attrs: { type: 'button', 'aria-label': 'Smaller text', title: 'Smaller text' },
    on: { click: () => step(-1) },
  });
  const larger = h(doc, 'button', {
    class: 'icon',
    text: 'A+',
    attrs: { type: 'button', 'aria-label': 'Larger text', title: 'Larger text' },
    on: { click: () => step(1) },
  });
  const font = select(
    doc,
    'Font',
    FONT_FAMILIES.map((f) => ({ value: f, label: FONT_LABELS[f] })),
    (value) => callbacks.change({ fontFamily: value as Settings['fontFamily'] }),
  );
  const theme = select(
    doc,
    'Theme',
    THEMES.map((t) => ({ value: t, label: THEME_LABELS[t] })),
    (value) => callbacks.change({ theme: value as Settings['theme'] }),
  );
  const width = select(
    doc,
    'Line width',
    WIDTH_PRESETS.map((p) => ({ value: p.value, label: `${p.label} lines` })),
    (value) => callbacks.change({ contentWidth: Number(value) }),
  );
  const quotes = switchButton(doc, 'Quotes', () => callbacks.toggleQuotes());
  quotes.title = 'Mark quotations and who said them';
  const declutter = switchButton(doc, 'Declutter page', () => callbacks.toggleDeclutter());
  const declutterTitle = 'Hide comments and donation asks on the page itself';
  declutter.title = declutterTitle;
  const hidden = h(doc, 'button', {
    text: 'Hidden (0)',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'reader-side' },
    on: { click: () => callbacks.toggleHidden() },
  });

  const element = h(
    doc,
    'div',
    { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Reading view' } },
    [
      closeButton,
      h(doc, 'span', { class: 'spacer' }),
      h(doc, 'span', { class: 'group', attrs: { role: 'group', 'aria-label': 'Text size' } }, [
        smaller,
        larger,
      ]),
      font,
      theme,
      width,
      h(doc, 'span', { class: 'sep', attrs: { 'aria-hidden': 'true' } }),
      quotes,
      declutter,
      hidden,
    ],
  );

  return {
    element,
    closeButton,
    sync(settings) {
      current = settings;
      smaller.disabled = settings.fontSize <= RANGES.fontSize.min;
      larger.disabled = settings.fontSize >= RANGES.fontSize.max;
      font.value = settings.fontFamily;
      theme.value = settings.theme;
      // A width set on the options page that is not a preset still shows as itself.
      if (!WIDTH_PRESETS.some((p) => p.value === settings.contentWidth)) {
        width.querySelector('option[data-custom]')?.remove();
        width.append(
          h(doc, 'option', {
            text: `${settings.contentWidth} characters`,
            attrs: { value: String(settings.contentWidth), 'data-custom': true },
          }),
        );
      }
      width.value = String(settings.contentWidth);
    },
    setQuotes({ available, on }) {
      quotes.hidden = !available;
      quotes.setAttribute('aria-checked', String(on));
    },
    setDeclutter({ available, on, working }) {
      declutter.hidden = !available;
      declutter.setAttribute('aria-checked', String(on || working));
      if (working) declutter.setAttribute('aria-busy', 'true');
      else declutter.removeAttribute('aria-busy');
      declutter.title = working
        ? 'Looking for what to hide… (press again to cancel)'
        : declutterTitle;
    },
    setHidden({ available, count, open }) {
      hidden.hidden = !available;
      hidden.textContent = `Hidden (${count})`;
      hidden.setAttribute(
        'aria-label',
        `Hidden blocks: ${count}. ${open ? 'Close' : 'Open'} the list`,
      );
      hidden.setAttribute('aria-expanded', String(open));
    },
    focusHidden() {
      hidden.focus();
    },
  };
}
