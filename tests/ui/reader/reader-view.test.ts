import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTextMap } from '../../../src/core/text/text-map';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { createReaderView, type ReaderView } from '../../../src/ui/reader/reader-view';
import { articleAnalysis, noArticleAnalysis } from './analysis-fixture';

let view: ReaderView | null = null;

function mount(extra: Partial<Parameters<typeof createReaderView>[0]> = {}) {
  const onClose = vi.fn();
  const onSettingsChange = vi.fn();
  view = createReaderView({
    document,
    pageUrl: 'https://example.org/news/story',
    settings: { ...DEFAULT_SETTINGS },
    onClose,
    onSettingsChange,
    ...extra,
  });
  view.show({ kind: 'article', analysis: articleAnalysis() });
  view.attach();
  return { view, onClose, onSettingsChange, shadow: view.shadow };
}

afterEach(() => {
  view?.destroy();
  view = null;
  document.body.replaceChildren();
});

function key(target: EventTarget, keyName: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', {
    key: keyName,
    bubbles: true,
    composed: true,
    cancelable: true,
    ...init,
  });
  target.dispatchEvent(event);
  return event;
}

describe('reading view', () => {
  it('lives in an open shadow root on a host marked data-declutter-root="reader" under <html>', () => {
    const { view } = mount();
    expect(view.host.parentElement).toBe(document.documentElement);
    expect(view.host.getAttribute('data-declutter-root')).toBe('reader');
    expect(view.host.shadowRoot).toBe(view.shadow);
    expect(view.shadow.mode).toBe('open');
  });

  it('keeps all its styles inside the shadow root', () => {
    const headStyles = document.head.querySelectorAll('style, link').length;
    const sheets = document.styleSheets.length;
    const { shadow } = mount();
    expect(document.head.querySelectorAll('style, link').length).toBe(headStyles);
    expect(document.styleSheets.length).toBe(sheets);
    expect(document.querySelectorAll('style').length).toBe(0);
    const css =
      shadow.adoptedStyleSheets?.length > 0
        ? 'adopted'
        : (shadow.querySelector('style')?.textContent ?? '');
    expect(css === 'adopted' || css.includes(':host')).toBe(true);
    if (css !== 'adopted') {
      expect(css).toMatch(/all: initial/);
      expect(css).not.toMatch(/url\(|@import|@font-face/);
    }
  });

  it('shows site, title, byline and reading time, and is a labelled modal dialog', () => {
    const { shadow } = mount();
    expect(shadow.querySelector('.site')?.textContent).toBe('Example Gazette');
    expect(shadow.querySelector('h1.title')?.textContent).toBe('Council approves the new hall');
    expect(shadow.querySelector('.byline')?.textContent).toBe('By Ana Ruiz');
    expect(shadow.querySelector('.reading-time')?.textContent).toBe('3 min read');
    const dialog = shadow.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(dialog?.getAttribute('aria-label')).toBe('Reading view: Council approves the new hall');
  });

  it('renders the article so that its canonical text equals article.text (quote offsets rely on it)', () => {
    const { shadow } = mount();
    const body = shadow.querySelector<HTMLElement>('.content');
    expect(body).not.toBeNull();
    expect(buildTextMap(body as HTMLElement).text).toBe(articleAnalysis().article?.text);
    // and the structure survived: figure, caption, table (wrapped to scroll), pre whitespace
    expect(body?.querySelector('figure figcaption')?.textContent).toBe('The town hall in spring.');
    expect(body?.querySelector('.table-scroll > table')).not.toBeNull();
    expect(body?.querySelector('pre')?.textContent).toContain('\n    indented();');
    expect(body?.querySelector('[data-declutter-embed] a')).not.toBeNull();
  });

  it('opens outside links in a new tab and keeps footnote links inside the view', () => {
    const { shadow } = mount();
    const outside = shadow.querySelector<HTMLAnchorElement>('a[href="https://example.org/vote"]');
    expect(outside?.target).toBe('_blank');
    expect(outside?.rel).toBe('noopener noreferrer');
    const footnote = shadow.querySelector<HTMLAnchorElement>('sup a');
    expect(footnote?.target).toBe('');
    const target = shadow.querySelector('#fn1') as HTMLElement;
    const scrolled = vi.fn();
    target.scrollIntoView = scrolled;
    footnote?.click();
    expect(scrolled).toHaveBeenCalled();
  });

  it('focuses its keyboard-scrollable container on open', () => {
    const { view } = mount();
    expect(view.scroller.getAttribute('tabindex')).toBe('0');
    expect(view.shadow.activeElement).toBe(view.scroller);
  });

  it('closes on Esc, from inside the view and from the page underneath', () => {
    const { view, onClose } = mount();
    key(view.scroller, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
    key(document.body, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('does not let its key presses reach the page', () => {
    const { view } = mount();
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    key(view.scroller, 'j');
    document.removeEventListener('keydown', pageListener);
    expect(pageListener).not.toHaveBeenCalled();
  });

  it('traps Tab focus: from the last control back to the first, and back again', () => {
    const { shadow } = mount();
    const focusables = Array.from(
      shadow.querySelectorAll<HTMLElement>('button, select, a[href], [tabindex="0"]'),
    ).filter((el) => !el.closest('[hidden]'));
    const first = focusables[0] as HTMLElement;
    const last = focusables[focusables.length - 1] as HTMLElement;
    last.focus();
    const forward = key(last, 'Tab');
    expect(forward.defaultPrevented).toBe(true);
    expect(shadow.activeElement).toBe(first);
    key(first, 'Tab', { shiftKey: true });
    expect(shadow.activeElement).toBe(last);
  });

  it('shows the Declutter switch on and busy while the page is still being searched', () => {
    let working = true;
    let changed = () => {};
    const { shadow } = mount({
      declutter: {
        isEnabled: () => !working,
        isWorking: () => working,
        toggle: vi.fn(),
        onChange: (listener) => {
          changed = listener;
          return () => {};
        },
      },
    });
    const button = [...shadow.querySelectorAll<HTMLButtonElement>('button[role="switch"]')].find(
      (b) => b.textContent?.includes('Declutter page'),
    )!;
    expect(button.getAttribute('aria-checked')).toBe('true');
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.title).toMatch(/press again to cancel/);
    working = false;
    changed();
    expect(button.getAttribute('aria-checked')).toBe('true');
    expect(button.hasAttribute('aria-busy')).toBe(false);
    expect(button.title).not.toMatch(/cancel/);
  });

  it('gives every button an accessible name', () => {
    const { shadow } = mount({
      declutter: {
        isEnabled: () => false,
        isWorking: () => false,
        toggle: vi.fn(),
        onChange: () => () => {},
      },
      mountHiddenPanel: () => ({ destroy() {} }),
    });
    for (const button of Array.from(shadow.querySelectorAll('button'))) {
      const name = button.getAttribute('aria-label') ?? button.textContent ?? '';
      expect(name.trim().length, button.outerHTML).toBeGreaterThan(0);
    }
  });

  it('shows the reason and the given actions when there is no article, never a blank view', () => {
    const onClose = vi.fn();
    const action = vi.fn();
    view = createReaderView({
      document,
      pageUrl: 'https://example.org/',
      settings: { ...DEFAULT_SETTINGS },
      onClose,
      onSettingsChange: vi.fn(),
    });
    const analysis = noArticleAnalysis('This page has no article text.');
    view.show({
      kind: 'notice',
      title: 'No article to show',
      message: analysis.reason?.message ?? '',
      actions: [{ label: 'Declutter the page instead', primary: true, run: action }],
    });
    view.attach();
    expect(view.shadow.querySelector('.message')?.textContent).toBe(
      'This page has no article text.',
    );
    const button = Array.from(view.shadow.querySelectorAll('button')).find(
      (b) => b.textContent === 'Declutter the page instead',
    );
    button?.click();
    expect(action).toHaveBeenCalledOnce();
  });

  it('applies settings as CSS variables and reports toolbar changes', () => {
    const { view, shadow, onSettingsChange } = mount();
    view.applySettings({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 22, contentWidth: 60 });
    expect(shadow.querySelector<HTMLElement>('.overlay')?.dataset.theme).toBe('sepia');
    const page = shadow.querySelector<HTMLElement>('.page');
    expect(page?.style.getPropertyValue('--size')).toBe('22px');
    expect(page?.style.getPropertyValue('--measure')).toBe('60ch');
    shadow.querySelector<HTMLButtonElement>('button[aria-label="Larger text"]')?.click();
    expect(onSettingsChange).toHaveBeenCalledWith({ fontSize: 23 });
  });

  it('mounts the quote layer on the article body when the Quotes switch is turned on', () => {
    const layer = { setEnabled: vi.fn(), isEnabled: vi.fn(() => false), destroy: vi.fn() };
    const mountQuotes = vi.fn((_body: HTMLElement, ..._rest: unknown[]) => layer);
    const { shadow } = mount({ mountQuotes });
    const quotes = Array.from(shadow.querySelectorAll('button[role="switch"]')).find((b) =>
      b.textContent?.includes('Quotes'),
    ) as HTMLButtonElement;
    expect(mountQuotes).not.toHaveBeenCalled();
    quotes.click();
    expect(mountQuotes).toHaveBeenCalledOnce();
    expect(mountQuotes.mock.calls[0]?.[0]).toBe(shadow.querySelector('.content'));
    expect(layer.setEnabled).toHaveBeenCalledWith(true);
    expect(quotes.getAttribute('aria-checked')).toBe('true');
  });

  it('lays out only what is on screen for long articles (data-long), not for ordinary ones', () => {
    const { view } = mount();
    expect(view.shadow.querySelector('.content')?.hasAttribute('data-long')).toBe(false);
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i}.</p>`).join('');
    const long = articleAnalysis();
    view.show({
      kind: 'article',
      analysis: {
        ...long,
        article: {
          ...(long.article as NonNullable<typeof long.article>),
          html: `<div>${paragraphs}</div>`,
        },
      },
    });
    expect(view.shadow.querySelector('.content')?.hasAttribute('data-long')).toBe(true);
  });

  it('removes its host and listeners on destroy', () => {
    const { view, onClose } = mount();
    view.destroy();
    expect(document.querySelector('[data-declutter-root="reader"]')).toBeNull();
    key(document.body, 'Escape');
    expect(onClose).not.toHaveBeenCalled();
  });
});
