/**
 * Outlier transforms (COINr 1.1.14 `R/treat.R`; JRC COIN Tool). Missing values stay missing; min,
 * max and skew ignore them.
 */
import { range, skewness } from './stats.ts';

const map = (x: ArrayLike<number>, f: (v: number) => number): Float64Array => {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = Number.isNaN(v) ? Number.NaN : f(v);
  }
  return out;
};

/** COINr's default fallback: ln(x − min + 0.01·(max − min)). */
export function transformLogCT(x: ArrayLike<number>): Float64Array {
  const [lo, hi] = range(x);
  return map(x, (v) => Math.log(v - lo + 0.01 * (hi - lo)));
}

/**
 * Skew-aware log: with a = 0.01(max − min), ln(x − min + a) when skew > 0, else −ln(max + a − x)
 * (negatively skewed data are mirrored, so the order of units is kept).
 */
export function transformLogCTPlus(x: ArrayLike<number>): Float64Array {
  const [lo, hi] = range(x);
  const a = 0.01 * (hi - lo);
  return skewness(x) > 0 ? map(x, (v) => Math.log(v - lo + a)) : map(x, (v) => -Math.log(hi + a - v));
}

/** The original COIN Tool log: ln(x − min + 1). */
export function transformLogCTOrig(x: ArrayLike<number>): Float64Array {
  const [lo] = range(x);
  return map(x, (v) => Math.log(v - lo + 1));
}

/**
 * Box-Cox: with `makePositive` (default) x ← x − min + 1 first; then ln x when λ = 0, else
 * (x^λ − 1)/λ. Reference: Box & Cox (1964).
 */
export function transformBoxCox(x: ArrayLike<number>, lambda: number, makePositive = true): Float64Array {
  const [lo] = range(x);
  return map(x, (v) => {
    const y = makePositive ? v - lo + 1 : v;
    return lambda === 0 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
  });
}
