// Styles of the quote layer: marks, inline speaker labels, the tooltip and the "Who is quoted"
// panel. Exported as a string because the reading view renders in a shadow root: the host puts it
// there (mountQuoteLayer also injects it into the shadow roots it renders into).
//
// Eight speaker colours, each with an ink for light and for dark backgrounds (contrast of the
// label text ≥ 4.5:1 on its tint in both themes). Unnamed sources share one hatched, dotted style
// so they stand out as a class; quotes nobody was found for get a plain dashed underline.

const PALETTE: [light: string, dark: string][] = [
  ['30 94 200', '125 170 255'], // blue
  ['178 74 0', '255 163 92'], // orange
  ['23 122 60', '102 212 140'], // green
  ['128 56 196', '196 156 255'], // violet
  ['0 118 130', '86 208 218'], // teal
  ['184 36 100', '255 132 178'], // rose
  ['130 104 0', '230 196 70'], // ochre
  ['120 78 44', '214 166 124'], // brown
];

const paletteRules = PALETTE.map(
  ([light, dark], i) => `.dq-c${i} { --dq-light: ${light}; --dq-dark: ${dark}; }`,
).join('\n');

export const QUOTE_LAYER_CSS = `
${paletteRules}
.dq-unnamed { --dq-light: 88 92 102; --dq-dark: 176 182 194; }
.dq-unknown { --dq-light: 110 114 122; --dq-dark: 160 166 176; }
mark[data-declutter-quote], .dq-label, .dq-swatch { --dq-ink: var(--dq-light); }
@media (prefers-color-scheme: dark) {
  mark[data-declutter-quote], .dq-label, .dq-swatch { --dq-ink: var(--dq-dark); }
}
[data-theme="dark"] mark[data-declutter-quote], [data-theme="dark"] .dq-label, [data-theme="dark"] .dq-swatch,
:host([data-theme="dark"]) mark[data-declutter-quote], :host([data-theme="dark"]) .dq-label { --dq-ink: var(--dq-dark); }
[data-theme="light"] mark[data-declutter-quote], [data-theme="light"] .dq-label, [data-theme="light"] .dq-swatch,
[data-theme="sepia"] mark[data-declutter-quote], [data-theme="sepia"] .dq-label, [data-theme="sepia"] .dq-swatch,
:host([data-theme="light"]) mark[data-declutter-quote], :host([data-theme="light"]) .dq-label { --dq-ink: var(--dq-light); }
/* On a live page the article's own background decides, whatever the system theme says. */
mark[data-declutter-quote][data-dq-theme="light"], .dq-label[data-dq-theme="light"] { --dq-ink: var(--dq-light) !important; }
mark[data-declutter-quote][data-dq-theme="dark"], .dq-label[data-dq-theme="dark"] { --dq-ink: var(--dq-dark) !important; }

mark[data-declutter-quote] {
  color: inherit !important;
  background: rgb(var(--dq-ink) / 0.13) !important;
  box-shadow: inset 0 -2px 0 rgb(var(--dq-ink) / 0.75);
  border-radius: 2px;
  padding: 0.05em 0;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
  transition: background-color 120ms ease, box-shadow 120ms ease;
  cursor: help;
}
mark[data-declutter-quote].dq-unnamed {
  background: repeating-linear-gradient(135deg, rgb(var(--dq-ink) / 0.16) 0 3px, transparent 3px 7px) !important;
  box-shadow: none;
  border-bottom: 2px dotted rgb(var(--dq-ink) / 0.9);
  border-radius: 0;
}
mark[data-declutter-quote].dq-unknown {
  background: transparent !important;
  box-shadow: none;
  border-bottom: 1.5px dashed rgb(var(--dq-ink) / 0.8);
  border-radius: 0;
}
mark[data-declutter-quote].dq-active {
  background: rgb(var(--dq-ink) / 0.24) !important;
  box-shadow: inset 0 -2px 0 rgb(var(--dq-ink));
}
mark[data-declutter-quote].dq-unnamed.dq-active {
  background: repeating-linear-gradient(135deg, rgb(var(--dq-ink) / 0.3) 0 3px, transparent 3px 7px) !important;
}
mark[data-declutter-quote]:focus { outline: none; }
mark[data-declutter-quote]:focus-visible { outline: 2px solid rgb(var(--dq-ink)); outline-offset: 2px; }
mark[data-declutter-quote].dq-flash { animation: dq-flash 1.4s ease-out 1; }
@keyframes dq-flash {
  0%, 35% { background: rgb(var(--dq-ink) / 0.45); box-shadow: 0 0 0 3px rgb(var(--dq-ink) / 0.35); }
  100% { }
}
@media (prefers-reduced-motion: reduce) {
  mark[data-declutter-quote].dq-flash { animation: none; outline: 2px solid rgb(var(--dq-ink)); }
}

.dq-label {
  display: inline-block;
  font: 600 0.62em/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif !important;
  letter-spacing: 0.01em;
  text-transform: none; font-style: normal;
  color: rgb(var(--dq-ink)) !important;
  background: rgb(var(--dq-ink) / 0.1);
  border: 1px solid rgb(var(--dq-ink) / 0.28);
  border-radius: 3px;
  padding: 0 0.4em;
  margin: 0 0.3em 0 0.1em;
  vertical-align: 0.5em;
  white-space: nowrap;
  max-width: 32em; overflow: hidden; text-overflow: ellipsis;
  user-select: none;
}
.dq-label.dq-unnamed { border-style: dotted; background: transparent; }
.dq-label.dq-unknown { border-style: dashed; background: transparent; }
.dq-badge {
  font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85em;
  margin-right: 0.35em;
}
.dq-sr { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.dq-tooltip {
  position: fixed; z-index: 2147483647; max-width: 320px; pointer-events: none;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #ffffff; border: 1px solid #dfe2e7; border-left: 4px solid rgb(var(--dq-ink));
  border-radius: 8px; box-shadow: 0 8px 26px rgba(15, 20, 30, 0.18); padding: 8px 12px;
  --dq-ink: var(--dq-light);
}
.dq-tooltip[hidden] { display: none; }
.dq-tooltip .dq-t-name { font-weight: 650; }
.dq-tooltip .dq-t-kind { display: inline-block; margin-left: 6px; font-size: 11px; font-weight: 650; text-transform: uppercase;
  letter-spacing: 0.05em; color: rgb(var(--dq-ink)); }
.dq-tooltip .dq-t-role { color: #4a4f57; }
.dq-tooltip .dq-t-meta { color: #5c636e; font-size: 12px; margin-top: 3px; }

.dq-panel {
  --dq-fg: #1f2328; --dq-muted: #5c636e; --dq-bg: #ffffff; --dq-line: #e3e6ea; --dq-soft: #f5f6f8; --dq-accent: #5b3fd1;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--dq-fg); background: var(--dq-bg);
  border: 1px solid var(--dq-line); border-radius: 12px; padding: 12px 14px 14px;
  box-sizing: border-box; width: 100%; max-width: 340px;
}
.dq-panel[hidden] { display: none; }
.dq-panel * { box-sizing: border-box; }
.dq-panel h2 { font-size: 14px; font-weight: 650; margin: 0 0 2px; }
.dq-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.dq-head h2 { margin: 0; }
.dq-body { margin-top: 2px; }
.dq-body[hidden] { display: none; }
.dq-fold { all: unset; cursor: pointer; width: 26px; height: 26px; border-radius: 6px; text-align: center;
  font-size: 16px; line-height: 26px; color: var(--dq-muted); }
.dq-fold:hover { background: var(--dq-soft); color: var(--dq-fg); }
.dq-fold:focus-visible { outline: 2px solid var(--dq-accent); }
.dq-summary { margin: 0 0 8px; color: var(--dq-muted); font-size: 12px; }
.dq-share { display: flex; height: 6px; border-radius: 3px; overflow: hidden; background: var(--dq-soft); margin: 0 0 4px; }
.dq-share span { display: block; height: 100%; }
.dq-share .dq-share-named { background: #5b3fd1; }
.dq-share .dq-share-unnamed { background: repeating-linear-gradient(135deg, #6b7280 0 2px, #c3c7ce 2px 4px); }
.dq-share .dq-share-unknown { background: #c3c7ce; }
.dq-anon { margin: 0 0 10px; font-size: 12px; color: var(--dq-muted); }
.dq-anon strong { color: var(--dq-fg); }
.dq-group { margin-top: 10px; }
.dq-group h3 { font-size: 11px; font-weight: 650; letter-spacing: 0.04em; text-transform: uppercase; color: var(--dq-muted); margin: 0 0 4px; }
.dq-group p { margin: 0 0 6px; font-size: 12px; color: var(--dq-muted); }
.dq-speakers { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.dq-speaker {
  all: unset; box-sizing: border-box; width: 100%; cursor: pointer;
  display: grid; grid-template-columns: 12px 1fr auto; gap: 0 8px; align-items: baseline;
  padding: 6px 8px; border-radius: 8px;
}
.dq-speaker:hover { background: var(--dq-soft); }
.dq-speaker:focus-visible { outline: 2px solid var(--dq-accent); outline-offset: -2px; }
.dq-speaker[aria-current="true"] { background: var(--dq-soft); }
.dq-swatch { width: 10px; height: 10px; border-radius: 3px; background: rgb(var(--dq-ink)); align-self: center; }
.dq-swatch.dq-unnamed { background: repeating-linear-gradient(135deg, rgb(var(--dq-ink)) 0 2px, transparent 2px 4px);
  border: 1px dotted rgb(var(--dq-ink)); }
.dq-swatch.dq-unknown { background: transparent; border: 1.5px dashed rgb(var(--dq-ink)); }
.dq-name { font-weight: 600; overflow-wrap: anywhere; }
.dq-role { grid-column: 2 / 4; color: var(--dq-muted); font-size: 12px; overflow-wrap: anywhere; }
.dq-n { color: var(--dq-muted); font-variant-numeric: tabular-nums; font-size: 12px; white-space: nowrap; }
.dq-empty { color: var(--dq-muted); margin: 6px 0 0; }
@media (prefers-color-scheme: dark) {
  .dq-panel { --dq-fg: #e6e8eb; --dq-muted: #a1a8b3; --dq-bg: #1c1f24; --dq-line: #333841; --dq-soft: #262a31; --dq-accent: #b3a1ff; }
  .dq-share .dq-share-named { background: #b3a1ff; }
  .dq-tooltip { color: #e6e8eb; background: #1c1f24; border-color: #3a3e46; --dq-ink: var(--dq-dark); }
  .dq-tooltip .dq-t-role { color: #c3c8d0; }
  .dq-tooltip .dq-t-meta { color: #a1a8b3; }
}
/* Inside the reading view the panel takes the view's own theme (light, dark, sepia, auto). */
[data-theme] .dq-panel {
  --dq-fg: var(--fg, #1f2328); --dq-muted: var(--muted, #5c636e); --dq-bg: var(--bg, #ffffff);
  --dq-line: var(--rule, #e3e6ea); --dq-soft: var(--surface, #f5f6f8); --dq-accent: var(--accent, #5b3fd1);
}
[data-theme] .dq-share .dq-share-named { background: var(--accent, #5b3fd1); }
/* …and the width of the view's side column. */
.side .dq-panel { max-width: none; }
@media print { .dq-label { display: none; } mark[data-declutter-quote] { background: none !important; } }
`;
