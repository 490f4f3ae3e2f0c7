import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPageDeclutter,
  type PageDeclutter,
} from '../../../src/content/declutter/page-declutter';
import { mountHiddenPanel } from '../../../src/ui/declutter/hidden-panel';
import { ruleLabel, preview } from '../../../src/ui/declutter/labels';
import { mountDeclutterToolbar } from '../../../src/ui/declutter/page-toolbar';
import { ARTICLE_PAGE, makeFakeDetect } from '../../content/declutter/fake-detect';

let declutter: PageDeclutter;

beforeEach(() => {
  document.open();
  document.write(ARTICLE_PAGE);
  document.close();
  declutter = createPageDeclutter(document, {
    kinds: ['comments', 'donation'],
    detect: makeFakeDetect(),
    observe: false,
  });
  declutter.enable();
});
afterEach(() => declutter.destroy());

function panelIn(parent: HTMLElement | ShadowRoot) {
  return parent.querySelector('.dh-panel') as HTMLElement;
}

describe('mountHiddenPanel', () => {
  it('lists hidden items grouped by kind with rule label, id and a text preview', () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    mountHiddenPanel(parent, declutter);
    const panel = panelIn(parent);
    expect(panel.querySelector('.dh-title')!.textContent).toBe('Hidden on this page (2)');
    const groups = [...panel.querySelectorAll('.dh-group')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual([
      'Comments (1)',
      'Donation asks (1)',
    ]);
    const comment = groups[0]!.querySelector('.dh-item')!;
    expect(comment.querySelector('.dh-rule')!.textContent).toBe('WordPresscomments/wordpress');
    expect(comment.querySelector('code')!.textContent).toBe('comments/wordpress');
    expect(comment.querySelector('.dh-preview')!.textContent).toContain('12 comments Reader one');
  });

  it('restores and hides items, and restores all', () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    mountHiddenPanel(parent, declutter);
    const panel = panelIn(parent);
    const button = () =>
      panel.querySelector<HTMLButtonElement>('.dh-group[data-kind="comments"] .dh-btn')!;
    expect(button().textContent).toBe('Restore');
    expect(button().getAttribute('aria-label')).toBe('Restore comments (WordPress)');
    button().focus();
    button().click();
    expect(document.querySelector('#comments')!.hasAttribute('data-declutter-hidden')).toBe(false);
    expect(button().textContent).toBe('Hide');
    expect(document.activeElement).toBe(button()); // focus survives the re-render
    expect(panel.querySelector('[role="status"]')!.textContent).toBe('Comments restored.');
    button().click();
    expect(document.querySelector('#comments')!.getAttribute('data-declutter-hidden')).toBe(
      'comments',
    );
    panel.querySelector<HTMLButtonElement>('.dh-head .dh-btn')!.click();
    expect(document.querySelectorAll('[data-declutter-hidden]')).toHaveLength(0);
    expect(panel.querySelector('.dh-title')!.textContent).toBe('Hidden on this page (0)');
  });

  it('switches kinds through its checkboxes', () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    mountHiddenPanel(parent, declutter);
    const panel = panelIn(parent);
    const box = panel.querySelector<HTMLInputElement>('input[data-kind="newsletter"]')!;
    expect(box.checked).toBe(false);
    box.click();
    expect(declutter.kinds()).toEqual(['comments', 'donation', 'newsletter']);
    expect(document.querySelector('.newsletter')!.getAttribute('data-declutter-hidden')).toBe(
      'newsletter',
    );
    expect(panel.querySelector('.dh-group[data-kind="newsletter"] h3')!.textContent).toBe(
      'Newsletter (1)',
    );
  });

  it('styles itself inside a shadow root and cleans up', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const onClose = vi.fn();
    const panel = mountHiddenPanel(root, declutter, { onClose });
    expect(root.querySelector('style[data-declutter-css="hidden-panel"]')).not.toBeNull();
    root.querySelector<HTMLButtonElement>('.dh-close')!.click();
    expect(onClose).toHaveBeenCalled();
    panel.destroy();
    expect(root.childNodes).toHaveLength(0);
  });

  it('says when nothing was found', () => {
    declutter.setKinds([]);
    const parent = document.createElement('div');
    document.body.append(parent);
    mountHiddenPanel(parent, declutter);
    expect(parent.textContent).toContain('Nothing of the chosen kinds was found on this page.');
  });
});

describe('labels', () => {
  it('names rules by their platform and cuts previews at a word', () => {
    expect(ruleLabel('comments/wpdiscuz')).toBe('wpDiscuz');
    expect(ruleLabel('donation/ko-fi')).toBe('Ko-fi');
    expect(ruleLabel('donation/goal-bar')).toBe('Goal bar');
    const text = 'word '.repeat(60);
    expect(preview(text).length).toBeLessThanOrEqual(121);
    expect(preview(text).endsWith('word…')).toBe(true);
  });
});

describe('mountDeclutterToolbar', () => {
  it('shows the count, opens the list, undoes all and toggles quotes', () => {
    const onQuotes = vi.fn();
    const toolbar = mountDeclutterToolbar(document, declutter, { onQuotes });
    const root = document.querySelector('[data-declutter-root="toolbar"]')!.shadowRoot!;
    expect(root.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).toBe('Declutter');
    expect(root.querySelector('.count')!.textContent).toBe('2 hidden');
    const [list, undo, quotes] = [...root.querySelectorAll('button')];
    list!.click();
    const dock = document.querySelector('[data-declutter-root="panel"]')!;
    expect(dock.shadowRoot!.querySelector('.dh-panel')).not.toBeNull();
    expect(list!.getAttribute('aria-expanded')).toBe('true');
    undo!.click();
    expect(root.querySelector('.count')!.textContent).toBe('0 hidden');
    expect(undo!.textContent).toBe('Hide all');
    undo!.click();
    expect(root.querySelector('.count')!.textContent).toBe('2 hidden');
    quotes!.click();
    expect(onQuotes).toHaveBeenCalledOnce();
    quotes!.focus();
    quotes!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(root.activeElement!.getAttribute('aria-label')).toBe('Close the Declutter toolbar');
    root.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }),
    );
    expect(root.activeElement).toBe(quotes);
    toolbar.setQuotesActive(true);
    expect(quotes!.getAttribute('aria-pressed')).toBe('true');
    dock
      .shadowRoot!.querySelector('.dh-panel')!
      .dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
      );
    expect(document.querySelector('[data-declutter-root="panel"]')).toBeNull();
    toolbar.destroy();
    expect(document.querySelector('[data-declutter-root="toolbar"]')).toBeNull();
  });
});
