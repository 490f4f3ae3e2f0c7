// A page that hides its <html> until its own scripts run (frame-busting `html { display: none }`,
// `opacity: 0` until ready) must not hide the reading view with it, and closing must give the page
// its own style back exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { lockPageScroll } from '../../src/content/reader/page-state';
import { createReaderSession } from '../../src/content/reader/reader-session';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { articleAnalysis } from '../ui/reader/analysis-fixture';

const root = document.documentElement;
let sheet: HTMLStyleElement | null = null;

function pageHides(css: string) {
  sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
}

afterEach(() => {
  sheet?.remove();
  sheet = null;
  root.removeAttribute('style');
  document.body.removeAttribute('style');
});

describe('lockPageScroll on a page that hides its <html>', () => {
  it('touches neither display nor opacity where the page shows its <html>', () => {
    const unlock = lockPageScroll(document);
    expect(root.style.cssText).not.toMatch(/display|opacity/);
    expect(root.style.overflow).toBe('hidden');
    unlock();
    expect(root.hasAttribute('style')).toBe(false);
  });

  it('shows an <html> the page hides, then gives back the exact attribute', () => {
    pageHides('html { display: none; opacity: 0 }');
    root.setAttribute('style', 'color:red');
    const unlock = lockPageScroll(document);
    expect(getComputedStyle(root).display).toBe('block');
    expect(root.style.getPropertyPriority('display')).toBe('important');
    expect(getComputedStyle(root).opacity).toBe('1');
    unlock();
    expect(root.getAttribute('style')).toBe('color:red');
    expect(getComputedStyle(root).display).toBe('none');
  });

  it('leaves the overflow alone when asked (a very large page keeps its scrollbar)', () => {
    pageHides('html { opacity: 0 }');
    const unlock = lockPageScroll(document, { overflow: false });
    expect(root.style.overflow).toBe('');
    expect(document.body.style.overflow).toBe('');
    expect(getComputedStyle(root).opacity, 'a hidden <html> is still shown').toBe('1');
    unlock();
    expect(root.hasAttribute('style')).toBe(false);
    expect(document.body.hasAttribute('style')).toBe(false);
  });

  it('undoes only its own values when the page changed its inline style meanwhile', () => {
    pageHides('html { display: none }');
    root.setAttribute('style', 'display: inline');
    const unlock = lockPageScroll(document);
    root.style.color = 'blue';
    unlock();
    expect(root.style.display).toBe('inline');
    expect(root.style.overflow).toBe('');
    expect(root.style.color).toBe('blue');
  });
});

describe('the reading view on a page that hides its <html>', () => {
  it('is shown while open, and the page is hidden again exactly as before on close', async () => {
    pageHides('html { display: none }');
    const session = createReaderSession({
      document,
      settings: async () => ({ ...DEFAULT_SETTINGS }),
      saveSettings: () => {},
      analyze: () => articleAnalysis(),
    });
    await session.open();
    expect(getComputedStyle(root).display).toBe('block');
    const host = document.querySelector('[data-declutter-root="reader"]');
    expect(host?.shadowRoot?.activeElement, 'the view took focus').not.toBeNull();
    session.close();
    expect(root.hasAttribute('style')).toBe(false);
    expect(getComputedStyle(root).display).toBe('none');
  });
});
