// Order statistics and table formatting for the benchmark. Pure functions, unit-tested in
// tests/bench/stats.test.ts, so the figures the benchmark prints can be trusted.

/** Value at quantile q (0..1) of `values`, linear interpolation between closest ranks (R type 7). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  if (q < 0 || q > 1) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
}

/** median / p95 / max of the finite values (NaN and missing stages are dropped, counted out of n). */
export function summarize(values: readonly number[]): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    n: finite.length,
    median: median(finite),
    p95: quantile(finite, 0.95),
    max: finite.length ? Math.max(...finite) : Number.NaN,
  };
}

/** a / b, or NaN when b is not a positive number (a ratio over a zero-cost baseline means nothing). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
}

/**
 * Least-squares fit y = slope * x + intercept, with r² — used to say whether cost grows linearly
 * with page size.
 */
export function linearFit(xs: readonly number[], ys: readonly number[]) {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return { slope: Number.NaN, intercept: Number.NaN, r2: Number.NaN };
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const slope = sxx > 0 ? sxy / sxx : Number.NaN;
  const intercept = my - slope * mx;
  const r2 = sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : Number.NaN;
  return { slope, intercept, r2 };
}

/** Formats a number for a table: "—" for missing, fewer decimals as values grow. */
export function fmt(value: number | null | undefined, digits?: number): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toFixed(d);
}

/** A fixed-width text table: first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** "PASS"/"FAIL" for a budget check, "n/a" when the figure is missing. */
export function verdict(value: number, limit: number, { strict = false } = {}): string {
  if (!Number.isFinite(value)) return 'n/a';
  return (strict ? value < limit : value <= limit) ? 'PASS' : 'FAIL';
}
