/**
 * Column normalisation functions, one per COINr `n_*` function (COINr 1.1.14 `R/normalise.R`;
 * OECD/JRC Handbook 2008, §5). Each takes an already direction-adjusted column x' (see
 * `normaliseData`) unless it has its own `direction` argument, skips NaN (missing stays missing) and
 * returns a new array. min/max/mean/sd ignore missing values.
 */
import { mean, range, rankAscendingMin, sampleSd } from './stats.ts';

const map = (x: ArrayLike<number>, f: (v: number) => number): Float64Array => {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = Number.isNaN(v) ? Number.NaN : f(v);
  }
  return out;
};

/** Min-max onto [l, u]: (x − min)/(max − min)·(u − l) + l. A constant column gives NaN (COINr: warning, NaN). */
export function normaliseMinMax(x: ArrayLike<number>, lower = 0, upper = 100): Float64Array {
  const [lo, hi] = range(x);
  return map(x, (v) => ((v - lo) / (hi - lo)) * (upper - lower) + lower);
}

/** z-score: (x − mean)/sd·s + m with the sample sd (n − 1). A constant column gives NaN. */
export function normaliseZScore(x: ArrayLike<number>, m = 0, s = 1): Float64Array {
  const mu = mean(x);
  const sd = sampleSd(x);
  return map(x, (v) => ((v - mu) / sd) * s + m);
}

/** Ascending rank (min ties): a higher value gets a higher rank number (COINr `n_rank`). */
export function normaliseRank(x: ArrayLike<number>): Float64Array {
  return rankAscendingMin(x);
}

/** Borda score: rank − 1 (min ties). */
export function normaliseBorda(x: ArrayLike<number>): Float64Array {
  return map(rankAscendingMin(x), (r) => r - 1);
}

/** Percentile rank: (rank − 1)/(n − 1), n the number of non-missing values; in [0, 1]. */
export function normalisePercentileRank(x: ArrayLike<number>): Float64Array {
  const r = rankAscendingMin(x);
  let n = 0;
  for (const v of r) if (!Number.isNaN(v)) n++;
  return map(r, (v) => (v - 1) / (n - 1));
}

/** Fraction of the maximum: x/max (meaningless when x can be negative; COINr's literal result). */
export function normaliseFracMax(x: ArrayLike<number>): Float64Array {
  const [, hi] = range(x);
  return map(x, (v) => v / hi);
}

/** Distance to the maximum: 1 − (max − x)/(max − min), equal to min-max onto [0, 1]. */
export function normaliseDist2Max(x: ArrayLike<number>): Float64Array {
  const [lo, hi] = range(x);
  return map(x, (v) => 1 - (hi - v) / (hi - lo));
}

/**
 * Distance to a reference unit: 1 − (x_ref − x)/(x_ref − min); values above the reference exceed 1
 * unless `cap` (then set to 1). `ref` is the unit's row position.
 */
export function normaliseDist2Ref(x: ArrayLike<number>, ref: number, cap = false): Float64Array {
  const [lo] = range(x);
  const xr = x[ref] as number;
  return map(x, (v) => {
    const y = 1 - (xr - v) / (xr - lo);
    return cap && y > 1 ? 1 : y;
  });
}

/**
 * Distance to target: direction 1: (x − min)/(targ − min); direction −1: (max − x)/(max − targ);
 * capped at 1 when `cap`.
 */
export function normaliseDist2Targ(
  x: ArrayLike<number>,
  targ: number,
  direction = 1,
  cap = false,
): Float64Array {
  const [lo, hi] = range(x);
  return map(x, (v) => {
    const y = direction === -1 ? (hi - v) / (hi - targ) : (v - lo) / (targ - lo);
    return cap && y > 1 ? 1 : y;
  });
}

/**
 * Goalposts: direction 1: (x − l)/(u − l); direction −1: (x − u)/(l − u); clipped to [0, 1] when
 * `trunc` (default), then × scale.
 */
export function normaliseGoalposts(
  x: ArrayLike<number>,
  l: number,
  u: number,
  scale = 1,
  direction = 1,
  trunc = true,
): Float64Array {
  return map(x, (v) => {
    let y = direction === -1 ? (v - u) / (l - u) : (v - l) / (u - l);
    if (trunc) y = Math.min(1, Math.max(0, y));
    return y * scale;
  });
}

/** Scaled with fixed bounds: (x − l)/(u − l)·scaleFactor (COINr `n_scaled`, GII 2020 practice). */
export function normaliseScaled(x: ArrayLike<number>, l: number, u: number, scaleFactor = 100): Float64Array {
  return map(x, (v) => ((v - l) / (u - l)) * scaleFactor);
}

/**
 * Standard-value scoring (监测标准, as in China's national S&T progress monitoring): the percentage
 * of the standard reached, capped at 100. Positive indicators: 100·min(x/s, 1); negative indicators
 * (direction −1, where lower is better): 100·min(s/x, 1), and 100 when x ≤ 0. Works on the raw
 * (not direction-flipped) values. Not in COINr.
 */
export function normaliseStandard(
  x: ArrayLike<number>,
  standard: number,
  direction = 1,
  cap = true,
): Float64Array {
  return map(x, (v) => {
    let y: number;
    if (direction === -1) y = v <= 0 ? 1 : standard / v;
    else y = v / standard;
    if (cap && y > 1) y = 1;
    return 100 * y;
  });
}
