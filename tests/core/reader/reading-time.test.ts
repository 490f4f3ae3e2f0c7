import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../../src/core/reader/reading-time';

describe('readingMinutes', () => {
  it('counts words at about 230 a minute', () => {
    expect(
      readingMinutes(
        Array(230 * 5)
          .fill('word')
          .join(' '),
      ),
    ).toBe(5);
  });
  it('counts CJK characters, not space-separated runs', () => {
    expect(readingMinutes('漢'.repeat(400 * 3))).toBe(3);
  });
  it('gives at least one minute for short text and zero for none', () => {
    expect(readingMinutes('Short.')).toBe(1);
    expect(readingMinutes('  ')).toBe(0);
  });
});
