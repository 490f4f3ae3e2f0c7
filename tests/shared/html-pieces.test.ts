// A large article's HTML cut into pieces that a Firefox content script parses one at a time
// (src/shared/html-pieces.ts): the pieces must rebuild exactly the tree one parse makes, never
// cut inside an element the parser treats specially, and be refused when they would not.
import { describe, expect, it } from 'vitest';
import {
  buildPieces,
  CLOSE,
  cutHtml,
  OPEN,
  piecesFor,
  RUN,
  type HtmlPieces,
} from '../../src/shared/html-pieces';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Nested big wrappers, a big table and list, a big <pre>, svg, comments, entities. */
function articleHtml(): string {
  const p = (i: number) =>
    `<p id="p${i}">Para ${i} &amp; <a href="https://example.org/x${i}">more</a> “quoted” &lt;b&gt;${i}\u00a0x</p>`;
  const rows = Array.from({ length: 30 }, (_, i) => `<tr><td>${i}</td><td>r${i}</td></tr>`).join(
    '',
  );
  const pre = `<pre>first line\n${Array.from({ length: 30 }, (_, i) => `<span>${i}</span>`).join('\n')}</pre>`;
  const section = (s: number) =>
    `<section class="part"><h2>Part ${s}</h2><!-- part ${s} -->${Array.from({ length: 25 }, (_, i) => p(s * 100 + i)).join('\n')}</section>`;
  return (
    `<div id="readability-page-1" class="page"><h1>Title</h1>\n` +
    Array.from({ length: 4 }, (_, s) => section(s)).join('\n') +
    `<table><tbody>${rows}</tbody></table>${pre}` +
    `<ul>${Array.from({ length: 40 }, (_, i) => `<li>Item ${i}</li>`).join('')}</ul>` +
    `<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"></circle></svg></div>` +
    `<p>After the wrapper.</p>`
  );
}

function rebuild(html: string, pieces: HtmlPieces): HTMLElement {
  const body = document.implementation.createHTMLDocument('').body;
  for (const _ of buildPieces(body, html, pieces, window));
  return body;
}

const kinds = (pieces: HtmlPieces) => pieces.filter((_, i) => i % 2 === 0);

describe('cutting an article into pieces', () => {
  it('rebuilds exactly the tree one parse makes, from many pieces', () => {
    const html = parse(articleHtml()).body.innerHTML;
    const pieces = cutHtml(parse(html).body, html, { runChars: 500, small: 20 });
    expect(pieces).not.toBeNull();
    const cut = pieces!;
    expect(kinds(cut).filter((k) => k === OPEN).length, 'wrappers opened').toBeGreaterThan(4);
    expect(kinds(cut).filter((k) => k === OPEN)).toHaveLength(
      kinds(cut).filter((k) => k === CLOSE).length,
    );
    expect(kinds(cut).filter((k) => k === RUN).length).toBeGreaterThan(10);
    expect(cut.at(-1), 'the last piece ends the HTML').toBe(html.length);
    expect(rebuild(html, cut).isEqualNode(parse(html).body)).toBe(true);
    expect(piecesFor(html, window, { runChars: 500, small: 20 })).toEqual(cut);
  });

  it('keeps a <pre> or <textarea> whole: the parser drops a line feed right after its start tag', () => {
    const html = parse(articleHtml()).body.innerHTML;
    const cut = cutHtml(parse(html).body, html, { runChars: 500, small: 20 })!;
    const opened: string[] = [];
    for (let i = 0, from = 0; i < cut.length; from = cut[i + 1]!, i += 2) {
      if (cut[i] === OPEN) opened.push(html.slice(from, cut[i + 1]));
    }
    expect(opened).toContain('<ul>');
    expect(opened.filter((tag) => /^<(pre|textarea)/.test(tag))).toEqual([]);
    expect(html).toMatch(/<pre>first line(\n<span>\d+<\/span>){30}<\/pre>/);
  });

  it('opens no more than a few elements at once on a deeply nested page', () => {
    const html = `${'<div>'.repeat(60)}${'<p>x</p>'.repeat(40)}${'</div>'.repeat(60)}`;
    const pieces = cutHtml(parse(html).body, html, { small: 5, maxOpen: 8 })!;
    expect(kinds(pieces).filter((k) => k === OPEN)).toHaveLength(8);
    expect(rebuild(html, pieces).isEqualNode(parse(html).body)).toBe(true);
  });

  it('refuses HTML that its own parse does not write back the same way', () => {
    // A <div> inside a <p> (a tree a script built, not the parser): parsed, the <p> closes first.
    const html = `<p>${'<div>inside</div>'.repeat(30)}</p>`;
    expect(cutHtml(parse(html).body, html, { small: 5 })).toBeNull();
    expect(piecesFor(html, window, { small: 5 })).toBeNull();
    // A <pre> whose text starts with a line feed: written back with one line feed fewer.
    const pre = `<pre>\n\nkept${'<b>x</b>'.repeat(30)}</pre>`;
    expect(piecesFor(pre, window, { small: 5 })).toBeNull();
    // And the same HTML written back by its parse cuts and rebuilds.
    const again = parse(html).body.innerHTML;
    expect(piecesFor(again, window, { small: 5 })).not.toBeNull();
  });

  it('throws on pieces that do not fit the HTML, which the view then parses whole', () => {
    const html = '<div><p>a</p></div>';
    const body = () => document.implementation.createHTMLDocument('').body;
    expect(() => [...buildPieces(body(), html, [CLOSE, 0], window)]).toThrow(/closes more/);
    expect(() => [...buildPieces(body(), '<p>a</p><p>b</p>', [OPEN, 16], window)]).toThrow(
      /opens no single/,
    );
    expect(() => [...buildPieces(body(), html, [OPEN, 5, RUN, 13], window)]).toThrow(/end early/);
  });
});
