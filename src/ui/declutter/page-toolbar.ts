// The floating mini-toolbar of Declutter mode on the page: "3 hidden · Show list · Undo all ·
// Quotes · ×", bottom-right, in its own shadow host. "Show list" opens the hidden panel in a
// second host above it (data-declutter-root="panel").
import { mountHiddenPanel, type HiddenPanel } from './hidden-panel';
import type { PageDeclutter } from './page-declutter-types';
import { createShadowHost, type ShadowHost } from './shadow-host';

export const PAGE_TOOLBAR_CSS = `
.bar {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  display: flex; align-items: center; gap: 4px; padding: 4px 4px 4px 12px;
  font: 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: rgba(255, 255, 255, 0.97); border: 1px solid #dfe2e7;
  border-radius: 999px; box-shadow: 0 6px 24px rgba(15, 20, 30, 0.18);
}
.logo { width: 8px; height: 8px; border-radius: 50%; background: #5b3fd1; margin-right: 4px; flex: none; }
.count { font-weight: 650; margin-right: 6px; white-space: nowrap; }
button {
  font: inherit; color: inherit; background: transparent; border: 0; border-radius: 999px;
  padding: 6px 10px; cursor: pointer; white-space: nowrap;
}
button:hover { background: #eef0f3; }
button[aria-pressed="true"], button[aria-expanded="true"] { background: #ebe6fb; color: #3d2a91; }
button:focus-visible { outline: 2px solid #5b3fd1; outline-offset: 1px; }
.close { font-size: 16px; line-height: 1; width: 28px; height: 28px; padding: 0; color: #5c636e; }
.sep { width: 1px; height: 18px; background: #dfe2e7; margin: 0 2px; }
@media (prefers-color-scheme: dark) {
  .bar { color: #e6e8eb; background: rgba(28, 31, 36, 0.97); border-color: #3a3e46; }
  button:hover { background: #2b2f36; }
  button[aria-pressed="true"], button[aria-expanded="true"] { background: #34305a; color: #d6ccff; }
  .sep { background: #3a3e46; }
  .close { color: #a1a8b3; }
  .logo { background: #b3a1ff; }
}
@media print { .bar { display: none; } }
`;

const PANEL_HOST_CSS = `
.dock { position: fixed; right: 16px; bottom: 64px; z-index: 2147483646; width: min(360px, calc(100vw - 32px)); }
`;

export interface DeclutterToolbar {
  element: HTMLElement;
  refresh(): void;
  /** Reflects whether the page's quote marks are on (the content script owns that state). */
  setQuotesActive(on: boolean): void;
  openList(): void;
  closeList(): void;
  destroy(): void;
}

export interface DeclutterToolbarOptions {
  /** Shown as a "Quotes" toggle when given. */
  onQuotes?: () => void;
  /** Called after the user dismissed the toolbar (×). */
  onClose?: () => void;
}

export function mountDeclutterToolbar(
  doc: Document,
  declutter: PageDeclutter,
  opts: DeclutterToolbarOptions = {},
): DeclutterToolbar {
  const { host, root } = createShadowHost(doc, 'toolbar', PAGE_TOOLBAR_CSS, 'declutter-toolbar');
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Declutter');
  const logo = doc.createElement('span');
  logo.className = 'logo';
  logo.setAttribute('aria-hidden', 'true');
  const count = doc.createElement('span');
  count.className = 'count';
  count.setAttribute('role', 'status');
  const button = (text: string, className?: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (className) b.className = className;
    return b;
  };
  const listButton = button('Show list');
  listButton.setAttribute('aria-expanded', 'false');
  const undoButton = button('Undo all');
  const sep = doc.createElement('span');
  sep.className = 'sep';
  sep.setAttribute('aria-hidden', 'true');
  const close = button('×', 'close');
  close.setAttribute('aria-label', 'Close the Declutter toolbar');
  bar.append(logo, count, listButton, undoButton);
  let quotesButton: HTMLButtonElement | null = null;
  if (opts.onQuotes) {
    quotesButton = button('Quotes');
    quotesButton.setAttribute('aria-pressed', 'false');
    quotesButton.addEventListener('click', () => opts.onQuotes?.());
    bar.append(quotesButton);
  }
  bar.append(sep, close);
  root.append(bar);
  doc.documentElement.append(host);

  let dock: (ShadowHost & { panel: HiddenPanel }) | null = null;

  const closeList = () => {
    if (!dock) return;
    dock.panel.destroy();
    dock.host.remove();
    dock = null;
    listButton.setAttribute('aria-expanded', 'false');
    listButton.textContent = 'Show list';
  };
  const openList = () => {
    if (dock) return;
    const shadow = createShadowHost(doc, 'panel', PANEL_HOST_CSS, 'declutter-panel');
    const wrapper = doc.createElement('div');
    wrapper.className = 'dock';
    shadow.root.append(wrapper);
    shadow.root.addEventListener('keydown', onKey as EventListener);
    doc.documentElement.append(shadow.host);
    const panel = mountHiddenPanel(wrapper, declutter, {
      onClose: () => {
        closeList();
        listButton.focus();
      },
    });
    dock = { ...shadow, panel };
    listButton.setAttribute('aria-expanded', 'true');
    listButton.textContent = 'Hide list';
    panel.element.querySelector<HTMLElement>('button')?.focus();
  };

  const refresh = () => {
    const items = declutter.items();
    const hidden = items.filter((item) => item.hidden).length;
    count.textContent = `${hidden} hidden`;
    undoButton.textContent = hidden > 0 || items.length === 0 ? 'Undo all' : 'Hide all';
    undoButton.disabled = items.length === 0;
  };

  listButton.addEventListener('click', () => (dock ? closeList() : openList()));
  undoButton.addEventListener('click', () => {
    if (declutter.items().some((item) => item.hidden)) declutter.restoreAll();
    else declutter.enable();
  });
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && dock) {
      closeList();
      listButton.focus();
    }
  };
  root.addEventListener('keydown', onKey as EventListener);
  // role=toolbar promises arrow-key movement between its buttons (Tab still works too).
  bar.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const buttons = [...bar.querySelectorAll('button')].filter((b) => !b.disabled);
    const at = buttons.indexOf(root.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  });

  const destroy = () => {
    unsubscribe();
    closeList();
    host.remove();
  };
  close.addEventListener('click', () => {
    destroy();
    opts.onClose?.();
  });

  const unsubscribe = declutter.onChange(refresh);
  refresh();

  return {
    element: host,
    refresh,
    setQuotesActive(on) {
      quotesButton?.setAttribute('aria-pressed', String(on));
    },
    openList,
    closeList,
    destroy,
  };
}
