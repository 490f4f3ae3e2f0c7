// The small marker left where a block was hidden: "Comments hidden · show". It sits just before
// the hidden element, in its own shadow root so the page's CSS cannot restyle it, and its action is
// a real <button> so it is reachable and operable from the keyboard.
import type { ClutterKind } from '../../core';
import { KIND_LABELS } from './labels';
import { createShadowHost } from './shadow-host';

export const HIDDEN_CHIP_CSS = `
:host { all: initial; display: block !important; margin: 6px 0 !important; }
.chip {
  display: inline-flex; align-items: center; gap: 6px;
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #4a4f57; background: #f3f4f6; border: 1px solid #d9dce1; border-radius: 999px;
  padding: 2px 4px 2px 10px; max-width: 100%; box-sizing: border-box;
}
.chip[data-state="shown"] { background: transparent; border-style: dashed; }
.dot { width: 6px; height: 6px; border-radius: 50%; background: #8a6fd1; flex: none; }
.chip[data-state="shown"] .dot { background: transparent; border: 1px solid #8a6fd1; width: 4px; height: 4px; }
.sep { opacity: 0.6; }
button {
  font: inherit; color: #3d2a91; background: none; border: 0; border-radius: 999px;
  padding: 1px 7px 1px 5px; cursor: pointer; text-decoration: underline; text-underline-offset: 2px;
}
button:hover { background: #e6e1f7; }
button:focus-visible { outline: 2px solid #5b3fd1; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .chip { color: #c9ccd3; background: #23262c; border-color: #3a3e46; }
  button { color: #c6b8ff; }
  button:hover { background: #34305a; }
  button:focus-visible { outline-color: #c6b8ff; }
}
`;

export interface HiddenChip {
  host: HTMLElement;
  setHidden(hidden: boolean): void;
  destroy(): void;
}

/** `onToggle(hide)` is called with the state the user asked for. */
export function createHiddenChip(
  doc: Document,
  kind: ClutterKind,
  onToggle: (hide: boolean) => void,
): HiddenChip {
  const { host, root } = createShadowHost(doc, 'chip', HIDDEN_CHIP_CSS, 'declutter-chip');
  const label = KIND_LABELS[kind];
  const chip = doc.createElement('span');
  chip.className = 'chip';
  chip.setAttribute('role', 'group');
  const dot = doc.createElement('span');
  dot.className = 'dot';
  const text = doc.createElement('span');
  const sep = doc.createElement('span');
  sep.className = 'sep';
  sep.textContent = '·';
  sep.setAttribute('aria-hidden', 'true');
  const button = doc.createElement('button');
  button.type = 'button';
  chip.append(dot, text, sep, button);
  root.append(chip);

  let hidden = true;
  const render = () => {
    chip.dataset.state = hidden ? 'hidden' : 'shown';
    chip.setAttribute('aria-label', `${label.chip} ${hidden ? 'hidden' : 'shown'} by Declutter`);
    text.textContent = `${label.chip} ${hidden ? 'hidden' : 'shown'}`;
    button.textContent = hidden ? 'show' : 'hide';
    button.setAttribute('aria-label', `${hidden ? 'Show' : 'Hide'} ${label.noun}`);
  };
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onToggle(!hidden);
  });
  render();

  return {
    host,
    setHidden(next) {
      hidden = next;
      render();
    },
    destroy() {
      host.remove();
    },
  };
}
