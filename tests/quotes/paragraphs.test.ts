// splitParagraphs finds its breaks by hand; they must be exactly what the expression it replaces
// (/[ \t]*\n\s*/g) matches, including the Unicode white space `\s` covers.
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../src/core/quotes/marks';

function byExpression(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[ \t]*\n\s*/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** A small deterministic generator (mulberry32): the same strings on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('splitParagraphs', () => {
  it.each([
    ['', []],
    ['One.', [{ start: 0, end: 4 }]],
    [
      'One.\n\nTwo.',
      [
        { start: 0, end: 4 },
        { start: 6, end: 10 },
      ],
    ],
    [
      'One. \t\n \u00a0\n\u3000Two.',
      [
        { start: 0, end: 4 },
        { start: 11, end: 15 },
      ],
    ],
    ['\n\n  Lead.\n', [{ start: 4, end: 9 }]],
  ])('splits %j', (text, expected) => {
    expect(splitParagraphs(text)).toEqual(expected);
  });

  it('finds the same breaks as /[ \\t]*\\n\\s*/g on any mix of text and white space', () => {
    const pieces = ['a', 'b.', ' ', '  ', '\t', '\n', '\r', '\f', '\u00a0', '\u2028', '\u3000'];
    const next = random(5);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(next() * pieces.length)];
      expect(splitParagraphs(text), JSON.stringify(text)).toEqual(byExpression(text));
    }
  });
});
