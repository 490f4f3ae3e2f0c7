import { describe, expect, it } from 'vitest';
import {
  fmt,
  linearFit,
  median,
  quantile,
  ratio,
  summarize,
  table,
  verdict,
} from '../../scripts/bench/stats';

describe('bench stats', () => {
  it('interpolates quantiles between closest ranks and ignores input order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('summarises only finite values', () => {
    const s = summarize([1, Number.NaN, 3, 2, Number.POSITIVE_INFINITY]);
    expect(s).toEqual({ n: 3, median: 2, p95: 2.9, max: 3 });
    expect(summarize([]).max).toBeNaN();
  });

  it('refuses ratios over a zero or missing baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });

  it('fits a line and reports r² (linear growth vs quadratic growth)', () => {
    const xs = [1, 2, 3, 4];
    const lin = linearFit(xs, [3, 5, 7, 9]);
    expect(lin.slope).toBeCloseTo(2);
    expect(lin.intercept).toBeCloseTo(1);
    expect(lin.r2).toBeCloseTo(1);
    const quad = linearFit([1, 2, 3, 4, 5, 6], [1, 4, 9, 16, 25, 36]);
    expect(quad.r2).toBeLessThan(0.97);
  });

  it('formats numbers, tables and verdicts', () => {
    expect(fmt(Number.NaN)).toBe('—');
    expect(fmt(1.234)).toBe('1.23');
    expect(fmt(12.34)).toBe('12.3');
    expect(fmt(123.4)).toBe('123');
    expect(
      table(
        ['a', 'bb'],
        [
          ['x', '1'],
          ['yy', '22'],
        ],
      ),
    ).toBe('a   bb\n--  --\nx    1\nyy  22');
    expect(verdict(1.3, 1.3)).toBe('PASS');
    expect(verdict(0.25, 0.25, { strict: true })).toBe('FAIL');
    expect(verdict(Number.NaN, 1)).toBe('n/a');
  });
});
