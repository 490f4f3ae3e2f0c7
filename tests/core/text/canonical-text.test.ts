// canonicalText renders a run of characters at a time; buildTextMap one character at a time (it
// records where each came from). Both must give exactly the same text, or quote offsets computed
// on article.text would not land on the view's characters.
import { describe, expect, it } from 'vitest';
import { buildTextMap, canonicalText } from '../../../src/core/text/text-map';
// Seeded (mulberry32), so a failure reproduces.
import { prng as random } from '../../../scripts/bench/stress-pages';

const SAMPLES = [
  '<p>Hello   world</p><p> Second\tparagraph\u00a0here </p>',
  '  <div>\n  leading <b>bold</b><i> italic </i>  trailing\n</div>  ',
  '<p>line one<br>line two<br><br>  after break</p>',
  '<pre>code\r\n  indented\r\n\n<span>  kept </span></pre><p>after pre</p>',
  '<ul><li>one</li><li> two <a href="#">link</a> </li></ul><blockquote> “Quoted,” she said. </blockquote>',
  '<h2>Title</h2>text directly in body <em>and</em>\u2028more\u2029text<table><tr><td>a</td><td> b </td></tr></table>',
  '<p></p><p>   </p><div><span></span>x</div><script>ignored()</script><style>p{}</style>',
  '<p>emoji 🙂 and astral 𝒳 characters, CJK 文字 and \f form feed</p>',
];

describe('canonicalText', () => {
  it.each(SAMPLES.map((html, i) => [i, html] as const))(
    'equals buildTextMap(...).text on sample %i',
    (_i, html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      // Split text nodes as DOM operations leave them (adjacent text nodes, empty ones).
      for (const p of Array.from(div.querySelectorAll('p'))) {
        const t = p.firstChild;
        if (t && t.nodeType === 3 && (t as Text).data.length > 3) (t as Text).splitText(2);
        p.append(document.createTextNode(''));
      }
      const expected = buildTextMap(div).text;
      expect(expected.length).toBeGreaterThan(0);
      expect(canonicalText(div)).toBe(expected);
    },
  );
});

describe('canonicalText on generated trees', () => {
  const pieces = [
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    'word',
    'two words',
    ' lead',
    'trail ',
    '“q,”',
    '文字',
  ];
  const tags = ['p', 'span', 'b', 'div', 'li', 'pre', 'br', 'td', 'em'];
  it('equals buildTextMap(...).text on 300 random trees of text, inline and block elements', () => {
    const next = random(20261206);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
    const grow = (parent: Node, depth: number) => {
      const count = 1 + Math.floor(next() * 4);
      for (let i = 0; i < count; i++) {
        if (depth > 3 || next() < 0.55) {
          parent.appendChild(
            document.createTextNode(pick(pieces) + (next() < 0.3 ? pick(pieces) : '')),
          );
        } else {
          const element = document.createElement(pick(tags));
          parent.appendChild(element);
          if (element.localName !== 'br') grow(element, depth + 1);
        }
      }
    };
    for (let sample = 0; sample < 300; sample++) {
      const div = document.createElement('div');
      grow(div, 0);
      expect(canonicalText(div), div.innerHTML).toBe(buildTextMap(div).text);
    }
  });
});
