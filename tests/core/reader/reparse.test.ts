// The reparse guard: where it says the text survives, the view's parse of the HTML has the same
// canonical text as the tree; the trees it catches are ones whose text really changes.
import { describe, expect, it } from 'vitest';
import { analyzePage, parseArticleHtml } from '../../../src/core/analyze';
import { textSurvivesReparse } from '../../../src/core/reader/reparse';
import { canonicalText } from '../../../src/core/text/text-map';
import { articlePage, pageDocument } from './helpers';

const doc = pageDocument('<!doctype html><body></body>');

/** A tree built with DOM calls (as a page's scripts build it), not by the parser. */
function built(make: (d: Document, root: HTMLElement) => void): HTMLElement {
  const root = doc.createElement('body');
  make(doc, root);
  return root;
}

function el(d: Document, tag: string, ...children: (Node | string)[]): HTMLElement {
  const element = d.createElement(tag);
  element.append(...children);
  return element;
}

const reparsedText = (tree: HTMLElement) => canonicalText(parseArticleHtml(tree.innerHTML, doc));

const REBUILT_WITH_SAME_TEXT: Record<string, (d: Document, root: HTMLElement) => void> = {
  'a <div> in a <p>': (d, r) => r.append(el(d, 'p', 'before ', el(d, 'div', 'inner'), ' after')),
  'an <a> in an <a>': (d, r) =>
    r.append(el(d, 'p', el(d, 'a', 'one ', el(d, 'a', 'two'), ' three'))),
  'a heading in a heading': (d, r) => r.append(el(d, 'h2', 'Title ', el(d, 'h3', 'sub'), ' end')),
  'an <li> in an <li>': (d, r) => r.append(el(d, 'ul', el(d, 'li', 'a', el(d, 'li', 'b')))),
  'a <table> in a <p>': (d, r) =>
    r.append(el(d, 'p', 'x ', el(d, 'table', el(d, 'tr', el(d, 'td', 'cell'))), ' y')),
  'cells straight in a <table>': (d, r) =>
    r.append(el(d, 'table', el(d, 'td', 'one'), el(d, 'td', 'two'))),
  'a <pre> starting with text': (d, r) => r.append(el(d, 'pre', 'code\n\n  indented')),
  'whitespace between rows': (d, r) =>
    r.append(el(d, 'table', '\n  ', el(d, 'tbody', '\n', el(d, 'tr', el(d, 'td', 'c'))))),
};

const TEXT_CHANGED: Record<string, (d: Document, root: HTMLElement) => void> = {
  'a <pre> starting with a line feed': (d, r) => r.append(el(d, 'pre', '\n\ncode here')),
  'text straight in a <table>': (d, r) =>
    r.append(el(d, 'table', 'stray text', el(d, 'tr', el(d, 'td', 'cell')))),
  'a <div> in a <tr>': (d, r) =>
    r.append(el(d, 'table', el(d, 'tr', el(d, 'td', 'cell'), el(d, 'div', 'loose')))),
  'a carriage return in a <pre>': (d, r) => r.append(el(d, 'pre', 'line one\r\nline two')),
  'a NUL in the text': (d, r) => r.append(el(d, 'p', 'a\u0000b')),
  'text in a <colgroup>': (d, r) =>
    r.append(
      el(d, 'table', el(d, 'colgroup', 'stray', el(d, 'col')), el(d, 'tr', el(d, 'td', 'c'))),
    ),
};

describe('textSurvivesReparse', () => {
  it.each(Object.entries(REBUILT_WITH_SAME_TEXT))(
    'passes %s, whose text is the same',
    (_, make) => {
      const tree = built(make);
      const text = canonicalText(tree);
      expect(reparsedText(tree)).toBe(text);
      expect(textSurvivesReparse(tree, text)).toBe(true);
    },
  );

  it.each(Object.entries(TEXT_CHANGED))('catches %s, whose text changes', (_, make) => {
    const tree = built(make);
    const text = canonicalText(tree);
    expect(reparsedText(tree)).not.toBe(text);
    expect(textSurvivesReparse(tree, text)).toBe(false);
  });
});

describe('analyzePage on a tree the parser would rebuild', () => {
  it("gives the text of the view's parse", () => {
    const page = pageDocument(articlePage('<div id="slot"></div>'));
    const slot = page.getElementById('slot')!;
    // What a script-built code block and data table look like in the live DOM.
    slot.append(
      el(page, 'pre', '\n\nconst answer = 42;\r\nreturn answer;'),
      el(page, 'table', 'Source: the agency', el(page, 'tr', el(page, 'td', 'Figures for May'))),
    );
    const result = analyzePage(page);
    const article = result.article!;
    expect(article.text).toContain('const answer = 42;');
    expect(canonicalText(parseArticleHtml(article.html, page))).toBe(article.text);
  });
});
