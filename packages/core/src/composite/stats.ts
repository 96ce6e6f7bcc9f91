/**
 * Descriptive statistics used by the engine, each skipping NaN (R's `na.rm = TRUE`).
 * Reference: COINr 1.1.14 `R/utils.R` (skew, kurt) and R's `stats::quantile` (type 7).
 */

/** The non-missing values of x, in order. */
export function present(x: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

/** Arithmetic mean of the non-missing values; NaN when none. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : s / n;
}

/** Sample standard deviation (divisor n − 1) of the non-missing values; NaN when n < 2. */
export function sampleSd(x: ArrayLike<number>): number {
  const v = present(x);
  const n = v.length;
  if (n < 2) return Number.NaN;
  const m = v.reduce((a, b) => a + b, 0) / n;
  let ss = 0;
  for (const t of v) ss += (t - m) * (t - m);
  return Math.sqrt(ss / (n - 1));
}

/** Median as R computes it (mean of the two middle values when n is even); NaN when empty. */
export function median(x: ArrayLike<number>): number {
  const v = present(x).sort((a, b) => a - b);
  const n = v.length;
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 === 1 ? (v[h] as number) : ((v[h - 1] as number) + (v[h] as number)) / 2;
}

/** Minimum and maximum of the non-missing values (NaN, NaN when none). */
export function range(x: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    any = true;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return any ? [lo, hi] : [Number.NaN, Number.NaN];
}

/**
 * Sample skewness, the adjusted Fisher–Pearson G1 (Excel `SKEW`, e1071 type 2, COINr `skew`):
 * with d = x − mean, g1 = √n Σd³ / (Σd²)^{3/2} and G1 = g1 √(n(n−1)) / (n−2). NaN if n < 3.
 */
export function skewness(x: ArrayLike<number>): number {
  const v = present(x);
  const n = v.length;
  if (n < 3) return Number.NaN;
  const m = v.reduce((a, b) => a + b, 0) / n;
  let s2 = 0;
  let s3 = 0;
  for (const t of v) {
    const d = t - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  const g1 = (Math.sqrt(n) * s3) / Math.pow(s2, 1.5);
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample excess kurtosis G2 (Excel `KURT`, e1071 type 2, COINr `kurt`): r = n Σd⁴/(Σd²)²,
 * G2 = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)). NaN if n < 4.
 */
export function kurtosis(x: ArrayLike<number>): number {
  const v = present(x);
  const n = v.length;
  if (n < 4) return Number.NaN;
  const m = v.reduce((a, b) => a + b, 0) / n;
  let s2 = 0;
  let s4 = 0;
  for (const t of v) {
    const d = t - m;
    s2 += d * d;
    s4 += d * d * d * d;
  }
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/**
 * Quantile of an ascending-sorted array, R type 7 (the default): h = (n−1)p,
 * Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). NaN when empty.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Ascending ranks with ties taking the smallest rank ("min") and NaN kept as NaN, like R's
 * `rank(x, ties.method = "min", na.last = "keep")`: the smallest value has rank 1.
 */
export function rankAscendingMin(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i] as number)) idx.push(i);
  idx.sort((a, b) => (x[a] as number) - (x[b] as number));
  let r = 1;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    if (k > 0 && (x[i] as number) !== (x[idx[k - 1] as number] as number)) r = k + 1;
    out[i] = r;
  }
  return out;
}

/**
 * Descending ranks as COINr reports results: `rank(-x, ties.method = "min", na.last = "keep")`,
 * 1 = best, ties share the smallest rank (1, 2, 2, 4), NaN stays NaN.
 */
export function rankDescendingMin(x: ArrayLike<number>): Float64Array {
  const neg = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) neg[i] = -(x[i] as number);
  return rankAscendingMin(neg);
}
