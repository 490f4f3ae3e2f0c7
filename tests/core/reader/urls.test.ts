import { describe, expect, it } from 'vitest';
import { largestSrcsetCandidate, resolveSrcset, splitSrcset } from '../../../src/core/reader/urls';

describe('srcset handling', () => {
  it('keeps commas inside URLs (CDN transforms)', () => {
    expect(
      splitSrcset('https://cdn.x/w_400,q_80/a.jpg 400w, https://cdn.x/w_800,q_80/a.jpg 800w'),
    ).toEqual([
      { url: 'https://cdn.x/w_400,q_80/a.jpg', descriptor: '400w' },
      { url: 'https://cdn.x/w_800,q_80/a.jpg', descriptor: '800w' },
    ]);
  });
  it('picks the largest candidate and resolves relative ones', () => {
    expect(largestSrcsetCandidate('a.jpg 1x, b.jpg 3x, c.jpg 2x')).toBe('b.jpg');
    expect(resolveSrcset('a.jpg 1x,b.jpg 2x', 'https://x.org/p/')).toBe(
      'https://x.org/p/a.jpg 1x, https://x.org/p/b.jpg 2x',
    );
  });
});
