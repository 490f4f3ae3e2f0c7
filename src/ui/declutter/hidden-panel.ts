// "Hidden on this page": everything Declutter hid, grouped by kind, each with the rule that hid
// it, a preview of its text and a Restore/Hide button; "Restore all"; and which kinds to hide.
// Used inside the reading view's shadow root and, in Declutter mode, in its own shadow host.
import { CLUTTER_KINDS, type ClutterKind } from '../../core';
import type { HiddenItem, PageDeclutter } from './page-declutter-types';
import { KIND_LABELS, preview, ruleLabel } from './labels';
import { ensureShadowStyle } from './shadow-host';

export const HIDDEN_PANEL_CSS = `
.dh-panel {
  --dh-fg: #1f2328; --dh-muted: #5c636e; --dh-bg: #ffffff; --dh-line: #e3e6ea;
  --dh-soft: #f5f6f8; --dh-accent: #5b3fd1; --dh-accent-fg: #ffffff;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--dh-fg); background: var(--dh-bg); border: 1px solid var(--dh-line);
  border-radius: 12px; box-shadow: 0 10px 30px rgba(15, 20, 30, 0.16);
  width: 360px; max-width: 100%; max-height: min(70vh, 560px);
  display: flex; flex-direction: column; overflow: hidden; box-sizing: border-box;
}
@media (prefers-color-scheme: dark) {
  .dh-panel {
    --dh-fg: #e6e8eb; --dh-muted: #a1a8b3; --dh-bg: #1c1f24; --dh-line: #333841;
    --dh-soft: #252930; --dh-accent: #b3a1ff; --dh-accent-fg: #16121f;
  }
}
.dh-panel * { box-sizing: border-box; }
/* Inside the reading view the panel takes the view's own theme (light, dark, sepia, auto). */
[data-theme] .dh-panel {
  --dh-fg: var(--fg, #1f2328); --dh-muted: var(--muted, #5c636e); --dh-bg: var(--bg, #ffffff);
  --dh-line: var(--rule, #e3e6ea); --dh-soft: var(--surface, #f5f6f8); --dh-accent: var(--accent, #5b3fd1);
  --dh-accent-fg: var(--bg, #ffffff);
}
.dh-head { display: flex; align-items: center; gap: 8px; padding: 12px 14px 10px; border-bottom: 1px solid var(--dh-line); }
.dh-title { font-size: 14px; font-weight: 650; margin: 0; flex: 1; }
.dh-count { color: var(--dh-muted); font-weight: 400; }
.dh-body { overflow: auto; padding: 4px 14px 12px; }
.dh-empty { color: var(--dh-muted); margin: 12px 0; }
.dh-group { margin-top: 10px; }
.dh-group-title { font-size: 11px; font-weight: 650; letter-spacing: 0.04em; text-transform: uppercase;
  color: var(--dh-muted); margin: 0 0 6px; }
.dh-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.dh-item { border: 1px solid var(--dh-line); border-radius: 8px; padding: 8px 10px; background: var(--dh-soft);
  display: grid; grid-template-columns: 1fr auto; gap: 2px 10px; align-items: start; }
.dh-item[data-hidden="false"] { background: transparent; border-style: dashed; }
.dh-rule { font-weight: 600; }
.dh-rule code { font: 11px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--dh-muted);
  font-weight: 400; margin-left: 4px; }
.dh-preview { grid-column: 1 / -1; color: var(--dh-muted); font-size: 12px; overflow-wrap: anywhere; }
.dh-state { grid-column: 1 / -1; font-size: 11px; color: var(--dh-muted); }
.dh-kinds { border-top: 1px solid var(--dh-line); padding: 10px 14px 12px; display: flex; flex-wrap: wrap; gap: 6px 14px; }
.dh-kinds legend { font-size: 11px; font-weight: 650; letter-spacing: 0.04em; text-transform: uppercase;
  color: var(--dh-muted); padding: 0; margin-bottom: 4px; float: left; width: 100%; }
.dh-kinds fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.dh-kinds label { display: inline-flex; align-items: center; gap: 5px; cursor: pointer; }
.dh-kinds input { accent-color: var(--dh-accent); margin: 0; }
.dh-btn { font: inherit; font-size: 12px; font-weight: 600; color: var(--dh-accent); background: transparent;
  border: 1px solid currentColor; border-radius: 999px; padding: 2px 10px; cursor: pointer; white-space: nowrap; }
.dh-btn:hover { background: var(--dh-accent); color: var(--dh-accent-fg); border-color: var(--dh-accent); }
.dh-btn.primary { background: var(--dh-accent); color: var(--dh-accent-fg); border-color: var(--dh-accent); }
.dh-btn:disabled { opacity: 0.45; cursor: default; }
.dh-close { font: inherit; font-size: 18px; line-height: 1; color: var(--dh-muted); background: none; border: 0;
  border-radius: 6px; width: 28px; height: 28px; cursor: pointer; }
.dh-close:hover { background: var(--dh-soft); color: var(--dh-fg); }
.dh-panel button:focus-visible, .dh-panel input:focus-visible { outline: 2px solid var(--dh-accent); outline-offset: 2px; }
/* The reading view's "Kept out of this view" list (kept-out-list.ts), shown above this panel. */
.removed h3 { font-size: 13px; margin: 4px 0 6px; }
.removed ul { margin: 0 0 14px; padding-left: 18px; font-size: 12.5px; color: var(--muted); }
.removed li { margin: 4px 0; }
.removed strong { color: var(--fg); font-weight: 600; }
`;

export interface HiddenPanel {
  refresh(): void;
  destroy(): void;
  element: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let panelCount = 0;

export function mountHiddenPanel(
  parent: HTMLElement | ShadowRoot,
  declutter: PageDeclutter,
  opts: { onClose?: () => void } = {},
): HiddenPanel {
  const doc = parent.ownerDocument ?? (parent as unknown as Document);
  const uid = `dh-${++panelCount}`;
  const removeStyle = ensureShadowStyle(parent, 'hidden-panel', HIDDEN_PANEL_CSS);

  const panel = el(doc, 'section', 'dh-panel');
  panel.setAttribute('aria-labelledby', `${uid}-title`);
  const head = el(doc, 'div', 'dh-head');
  const title = el(doc, 'h2', 'dh-title');
  title.id = `${uid}-title`;
  const titleText = el(doc, 'span', undefined, 'Hidden on this page ');
  const count = el(doc, 'span', 'dh-count');
  title.append(titleText, count);
  const restoreAll = el(doc, 'button', 'dh-btn primary', 'Restore all');
  restoreAll.type = 'button';
  restoreAll.addEventListener('click', () => declutter.restoreAll());
  head.append(title, restoreAll);
  if (opts.onClose) {
    const close = el(doc, 'button', 'dh-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the list of hidden items');
    close.addEventListener('click', () => opts.onClose?.());
    head.append(close);
  }
  const body = el(doc, 'div', 'dh-body');
  const status = el(doc, 'div');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.style.cssText =
    'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);';
  const kindsBox = el(doc, 'div', 'dh-kinds');
  panel.append(head, body, kindsBox, status);
  parent.append(panel);

  const renderKinds = () => {
    kindsBox.replaceChildren();
    const fieldset = el(doc, 'fieldset');
    fieldset.append(el(doc, 'legend', undefined, 'Hide on pages'));
    const chosen = new Set(declutter.kinds());
    for (const kind of CLUTTER_KINDS) {
      const label = el(doc, 'label');
      const box = el(doc, 'input');
      box.type = 'checkbox';
      box.checked = chosen.has(kind);
      box.dataset.kind = kind;
      box.addEventListener('change', () => {
        const next = new Set(declutter.kinds());
        if (box.checked) next.add(kind);
        else next.delete(kind);
        declutter.setKinds(CLUTTER_KINDS.filter((k) => next.has(k)));
      });
      label.append(box, doc.createTextNode(KIND_LABELS[kind].group));
      fieldset.append(label);
    }
    kindsBox.append(fieldset);
  };

  const renderItem = (item: HiddenItem): HTMLLIElement => {
    const li = el(doc, 'li', 'dh-item');
    li.dataset.itemId = item.id;
    li.dataset.hidden = String(item.hidden);
    const rule = el(doc, 'div', 'dh-rule', ruleLabel(item.finding.rule));
    rule.append(el(doc, 'code', undefined, item.finding.rule));
    const action = el(doc, 'button', 'dh-btn', item.hidden ? 'Restore' : 'Hide');
    action.type = 'button';
    action.dataset.itemId = item.id;
    const noun = KIND_LABELS[item.finding.kind].noun;
    action.setAttribute(
      'aria-label',
      `${item.hidden ? 'Restore' : 'Hide'} ${noun} (${ruleLabel(item.finding.rule)})`,
    );
    action.addEventListener('click', () => {
      if (item.hidden) declutter.restore(item.id);
      else declutter.hideAgain(item.id);
      status.textContent = `${KIND_LABELS[item.finding.kind].chip} ${item.hidden ? 'restored' : 'hidden'}.`;
    });
    const text = preview(item.finding.text);
    li.append(rule, action, el(doc, 'div', 'dh-preview', text || '(no text)'));
    if (!item.hidden) li.append(el(doc, 'div', 'dh-state', 'Shown on the page'));
    return li;
  };

  const refresh = () => {
    const focusedId = (panel.getRootNode() as Document | ShadowRoot).activeElement?.getAttribute(
      'data-item-id',
    );
    const items = declutter.items();
    const hiddenCount = items.filter((item) => item.hidden).length;
    count.textContent = `(${hiddenCount})`;
    restoreAll.disabled = hiddenCount === 0;
    body.replaceChildren();
    if (items.length === 0) {
      body.append(
        el(
          doc,
          'p',
          'dh-empty',
          declutter.isEnabled()
            ? 'Nothing of the chosen kinds was found on this page.'
            : 'Declutter is off for this page.',
        ),
      );
    }
    const byKind = new Map<ClutterKind, HiddenItem[]>();
    for (const item of items) {
      const list = byKind.get(item.finding.kind) ?? [];
      list.push(item);
      byKind.set(item.finding.kind, list);
    }
    for (const kind of CLUTTER_KINDS) {
      const list = byKind.get(kind);
      if (!list) continue;
      const group = el(doc, 'section', 'dh-group');
      group.dataset.kind = kind;
      const heading = el(
        doc,
        'h3',
        'dh-group-title',
        `${KIND_LABELS[kind].group} (${list.length})`,
      );
      heading.id = `${uid}-${kind}`;
      const ul = el(doc, 'ul', 'dh-list');
      ul.setAttribute('aria-labelledby', heading.id);
      for (const item of list) ul.append(renderItem(item));
      group.append(heading, ul);
      body.append(group);
    }
    renderKinds();
    if (focusedId) {
      body.querySelector<HTMLElement>(`button[data-item-id="${focusedId}"]`)?.focus();
    }
  };

  const unsubscribe = declutter.onChange(refresh);
  refresh();

  return {
    element: panel,
    refresh,
    destroy() {
      unsubscribe();
      panel.remove();
      removeStyle();
    },
  };
}
