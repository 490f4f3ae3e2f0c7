// Every style of the reading view. It lives only inside the view's shadow root: `:host` resets
// inheritance from the page (`all: initial`), and nothing here can match the page's own elements.
// No url(), no @import, no web fonts: the view makes no network request of its own.
import { UI_FONT } from '../theme/fonts';
import { paletteCss } from '../theme/palette';

export const READER_CSS = `
:host {
  all: initial !important; display: block !important;
  position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
}
${paletteCss('.overlay')}
.overlay {
  position: fixed; inset: 0; z-index: 2147483647;
  display: flex; flex-direction: column;
  background: var(--bg); color: var(--fg);
  font: 15px/1.4 ${UI_FONT};
  -webkit-font-smoothing: antialiased;
  animation: reader-in 120ms ease-out;
}
@keyframes reader-in { from { opacity: 0; } to { opacity: 1; } }
@media (prefers-reduced-motion: reduce) {
  .overlay, .overlay * { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

/* Toolbar */
.toolbar {
  flex: none; display: flex; align-items: center; gap: 6px; flex-wrap: wrap;
  padding: 6px 12px; min-height: 48px;
  background: var(--bg); border-bottom: 1px solid var(--rule);
}
.toolbar .spacer { flex: 1 1 auto; }
.group { display: inline-flex; align-items: center; gap: 2px; }
.sep { width: 1px; height: 24px; background: var(--rule); margin: 0 6px; }
button, select {
  font: inherit; font-size: 14px; color: var(--fg); background: transparent;
  border: 1px solid transparent; border-radius: 8px; padding: 5px 10px; min-height: 34px;
  cursor: pointer;
}
button:hover, select:hover { background: var(--surface); }
select { border-color: var(--rule); padding-right: 6px; }
select option { color: initial; background: initial; }
button.icon { min-width: 34px; padding: 5px 8px; font-weight: 600; }
button.close { font-weight: 600; }
button.close .x { font-size: 18px; line-height: 1; margin-right: 4px; vertical-align: -1px; }
button[role="switch"] { display: inline-flex; align-items: center; gap: 8px; }
button[role="switch"] .track {
  position: relative; width: 28px; height: 16px; border-radius: 8px;
  background: var(--rule); transition: background 120ms;
}
button[role="switch"] .track::after {
  content: ""; position: absolute; top: 2px; left: 2px; width: 12px; height: 12px;
  border-radius: 50%; background: var(--bg); transition: transform 120ms;
}
button[role="switch"][aria-checked="true"] .track { background: var(--accent); }
button[role="switch"][aria-checked="true"] .track::after { transform: translateX(12px); }
button[role="switch"][aria-busy="true"] .track::after { animation: switch-busy 700ms ease-in-out infinite alternate; }
@keyframes switch-busy { from { opacity: 1; } to { opacity: 0.35; } }
@media (prefers-reduced-motion: reduce) {
  button[role="switch"][aria-busy="true"] .track::after { animation: none; opacity: 0.6; }
}
button[aria-expanded="true"] { background: var(--surface); border-color: var(--rule); }
:focus { outline: none; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

/* Body: the scroll container and a side panel for "Hidden" */
.body { flex: 1 1 auto; display: flex; min-height: 0; }
.scroller {
  flex: 1 1 auto; overflow-y: auto; overflow-x: hidden; overscroll-behavior: contain;
  scroll-behavior: smooth;
}
/* The scroll container is focused on open: mark it with a slim bar, not a frame round the page. */
.scroller:focus-visible { outline: none; box-shadow: inset 3px 0 0 var(--focus); }
.side {
  flex: 0 0 min(380px, 45vw); overflow-y: auto; border-left: 1px solid var(--rule);
  background: var(--surface); padding: 12px 16px;
}
.side-part + .side-part:not([hidden]) { margin-top: 14px; }
.side-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.side-head h2 { font-size: 15px; margin: 4px 0; }
@media (max-width: 700px) {
  .body { position: relative; }
  .side { position: absolute; inset: 0 0 0 auto; width: 100%; flex-basis: auto; }
}

/* The page of text */
.page {
  max-width: var(--measure, 68ch); margin: 0 auto; padding: 40px 24px 120px;
  /* One pixel taller than the scroller, so it always has something to scroll: overscroll-behavior
     only holds on a box that can scroll, and a short article or a message would otherwise pass
     the wheel on to the page beneath (whose scrollbar a very large page keeps: page-state.ts). */
  min-height: calc(100% + 1px);
  font-family: var(--font); font-size: var(--size, 19px); line-height: var(--leading, 1.6);
  color: var(--fg); overflow-wrap: break-word;
}
.page[data-font="readable"] { letter-spacing: 0.03em; word-spacing: 0.12em; }
.head { margin-bottom: 2em; padding-bottom: 1.2em; border-bottom: 1px solid var(--rule); }
.site { font: 600 0.72em/1.3 ${UI_FONT}; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); margin: 0 0 0.6em; }
.title { font-size: 1.9em; line-height: 1.2; margin: 0 0 0.4em; font-weight: 700; letter-spacing: -0.01em; }
.meta { font: 0.8em/1.5 ${UI_FONT}; color: var(--muted); margin: 0; }
.meta span + span::before { content: "·"; margin: 0 0.5em; }

/* The article's own markup (already sanitised) */
.content > :first-child { margin-top: 0; }
/* Long articles only: blocks below the fold are laid out when scrolled near, so the first paint
   of a 200-page article costs about what a 2-page one does (measured: view attach 1 s → 0.08 s
   for 2,500 paragraphs). Find-in-page still sees them. Not for ordinary articles, because the
   paint containment it implies would clip focus rings at the blocks' edges. */
.content[data-long] :is(p, li, figure, pre, blockquote, .table-scroll, h2, h3, h4, dl) {
  content-visibility: auto; contain-intrinsic-size: auto 3em;
}
.content [data-reader-duplicate-title], .content img[data-reader-broken] { display: none; }
/* :is() of element names only: the same specificity as ".content p", in fewer bytes. */
.content :is(p, ul, ol, dl, figure, blockquote, pre, hr), .content .table-scroll { margin: 0 0 1.1em; }
.content :is(h1, h2, h3, h4, h5, h6) {
  line-height: 1.25; margin: 1.6em 0 0.5em; font-weight: 700;
}
.content h1 { font-size: 1.6em; } .content h2 { font-size: 1.35em; } .content h3 { font-size: 1.15em; }
.content :is(h4, h5, h6) { font-size: 1em; }
.content a { color: var(--link); text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
.content a:visited { color: var(--link-visited); }
.content :is(img, video, svg, picture, canvas) { max-width: 100%; height: auto; }
.content img { display: block; margin: 0 auto; border-radius: 2px; }
.content :is(p, a) img { display: inline-block; }
.content figure { margin-left: 0; margin-right: 0; }
.content figcaption, .content .wp-caption-text {
  font: 0.78em/1.45 ${UI_FONT}; color: var(--muted); margin-top: 0.5em; text-align: left;
}
.content blockquote {
  margin-left: 0; padding: 0.1em 0 0.1em 1.1em; border-left: 3px solid var(--accent);
  color: var(--fg); font-style: italic;
}
.content blockquote p:last-child { margin-bottom: 0; }
.content :is(ul, ol) { padding-left: 1.5em; }
.content li { margin: 0.25em 0; }
.content hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
.content :is(code, kbd, samp, pre) {
  font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
.content :is(code, kbd, samp) {
  font-size: 0.86em; background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px;
}
.content pre {
  font-size: 0.8em; line-height: 1.5; white-space: pre; overflow-x: auto; tab-size: 4;
  background: var(--code-bg); padding: 0.9em 1em; border-radius: 6px; hyphens: none;
  overflow-wrap: normal; letter-spacing: normal; word-spacing: normal;
}
.content pre code { background: none; padding: 0; font-size: 1em; }
.content .table-scroll { overflow-x: auto; max-width: 100%; }
.content table { border-collapse: collapse; font-size: 0.85em; line-height: 1.4; min-width: 50%; font-variant-numeric: tabular-nums; }
.content :is(th, td) { border: 1px solid var(--rule); padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
.content th { background: var(--surface); }
.content caption { font-size: 0.9em; color: var(--muted); margin-bottom: 0.4em; text-align: left; }
.content :is(sup, sub) { line-height: 0; }
.content mark { background: var(--mark); color: inherit; }
.content [data-declutter-embed], .content .declutter-embed {
  display: block; margin: 0 0 1.1em; padding: 0.9em 1em; border: 1px solid var(--rule);
  border-radius: 10px; background: var(--surface); font: 0.8em/1.45 ${UI_FONT}; color: var(--muted);
}
.content [data-declutter-embed] a, .content .declutter-embed a { font-weight: 600; }

/* Messages in place of an article */
.notice { padding-top: 12vh; font-family: ${UI_FONT}; font-size: 17px; }
.notice h1 { font-size: 1.5em; margin: 0 0 0.5em; }
.notice p { color: var(--muted); margin: 0 0 1.4em; line-height: 1.55; }
.actions { display: flex; gap: 10px; flex-wrap: wrap; }
.actions button { border-color: var(--rule); }
.actions button.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); font-weight: 600; }
.actions button.primary:hover { filter: brightness(1.08); }
`;
