/**
 * Outlier treatment as COINr's `Treat()` defaults (the JRC rule): an indicator fails when
 * |skewness| ≥ 2 AND excess kurtosis ≥ 3.5; it is winsorised one extreme at a time (up to `winmax`
 * points, re-checked after each); if it still fails, the fallback transform (default `log_CT`) is
 * applied to the ORIGINAL values and kept whether or not it passes. Reference: COINr 1.1.14
 * `R/treat.R` (`Treat.numeric`, `winsorise`, `check_SkewKurt`); OECD/JRC Handbook 2008 §3.
 */
import { copyMatrix, getColumn, type DataMatrix } from './matrix.ts';
import { kurtosis, skewness } from './stats.ts';
import { transformBoxCox, transformLogCT, transformLogCTOrig, transformLogCTPlus } from './transforms.ts';

/** Result of the skew/kurtosis check. */
export interface SkewKurtCheck {
  /** |skew| < skewThresh OR kurt < kurtThresh. Too few values (NaN statistics) count as a pass. */
  readonly pass: boolean;
  readonly skew: number;
  readonly kurt: number;
}

/** COINr `check_SkewKurt`: passes unless |skew| ≥ skewThresh and kurt ≥ kurtThresh. */
export function checkSkewKurt(x: ArrayLike<number>, skewThresh = 2, kurtThresh = 3.5): SkewKurtCheck {
  const skew = skewness(x);
  const kurt = kurtosis(x);
  const pass =
    Number.isNaN(skew) || Number.isNaN(kurt) ? true : Math.abs(skew) < skewThresh || kurt < kurtThresh;
  return { pass, skew, kurt };
}

/** Output of `winsorise`. */
export interface WinsoriseResult {
  readonly values: Float64Array;
  /** Points counted by COINr: the final high-side set plus the final low-side set. */
  readonly nwin: number;
  /** Per unit: 1 = winsorised high ("winhi"), −1 = low ("winlo"), 0 = untouched. */
  readonly marks: Int8Array;
}

/**
 * COINr `winsorise`: while the check fails (or `forceWin`) and nwin < winmax: if the current skew ≥ 0
 * every point equal to the maximum is set to the next highest value, else every point equal to the
 * minimum to the next lowest; nwin = |last high set| + |last low set| (it can exceed winmax with ties).
 */
export function winsorise(
  x: ArrayLike<number>,
  winmax = 5,
  skewThresh = 2,
  kurtThresh = 3.5,
  forceWin = false,
): WinsoriseResult {
  const v = Float64Array.from(x as ArrayLike<number>);
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  let pass = checkSkewKurt(v, skewThresh, kurtThresh).pass;
  while ((!pass || forceWin) && nwin < winmax) {
    const high = skewness(v) >= 0;
    let ext = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (const t of v) if (!Number.isNaN(t) && (high ? t > ext : t < ext)) ext = t;
    const idx: number[] = [];
    let next = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let i = 0; i < v.length; i++) {
      const t = v[i] as number;
      if (Number.isNaN(t)) continue;
      if (t === ext) idx.push(i);
      else if (high ? t > next : t < next) next = t;
    }
    if (!Number.isFinite(next)) break; // every value equal: nothing left to pull in
    for (const i of idx) v[i] = next;
    if (high) imax = idx;
    else imin = idx;
    nwin = imax.length + imin.length;
    pass = checkSkewKurt(v, skewThresh, kurtThresh).pass;
  }
  const marks = new Int8Array(v.length);
  for (const i of imax) marks[i] = 1;
  for (const i of imin) marks[i] = -1;
  return { values: v, nwin, marks };
}

/** Fallback transforms applied when winsorising is not enough. */
export type TreatFallback = 'log_CT' | 'log_CT_plus' | 'log_CT_orig' | 'boxcox' | 'none';

/** Treatment settings (described as data). Defaults are COINr's. */
export interface TreatSpec {
  readonly method: 'none' | 'winsorise';
  /** Maximum winsorised points (default 5). */
  readonly winmax?: number;
  readonly skewThresh?: number;
  readonly kurtThresh?: number;
  /** Default 'log_CT'. */
  readonly fallback?: TreatFallback;
  /** λ for the Box-Cox fallback (default 0.5). */
  readonly boxcoxLambda?: number;
  readonly forceWin?: boolean;
}

/** Per-indicator record, as COINr's `Dets_Table`. Stage 1 = after winsorising, 2 = after the fallback. */
export interface TreatDetails {
  readonly check0: SkewKurtCheck;
  readonly nwin?: number;
  readonly check1?: SkewKurtCheck;
  readonly check2?: SkewKurtCheck;
  /** The fallback transform that ran, if any. */
  readonly transformed?: TreatFallback;
}

/** One column's treatment. `labels[i]` is COINr's `Treated_Points` cell ("", "winhi", "winlo", "+log_CT", "winhi+log_CT"). */
export interface TreatColumnResult {
  readonly values: Float64Array;
  readonly labels: string[];
  readonly details: TreatDetails;
}

function applyFallback(x: ArrayLike<number>, f: TreatFallback, lambda: number): Float64Array {
  switch (f) {
    case 'log_CT':
      return transformLogCT(x);
    case 'log_CT_plus':
      return transformLogCTPlus(x);
    case 'log_CT_orig':
      return transformLogCTOrig(x);
    case 'boxcox':
      return transformBoxCox(x, lambda);
    case 'none':
      return Float64Array.from(x as ArrayLike<number>);
  }
}

/** Treats one column (COINr `Treat.numeric` with `combine_treat = FALSE`). */
export function treatColumn(x: ArrayLike<number>, spec: TreatSpec): TreatColumnResult {
  const sk = spec.skewThresh ?? 2;
  const ku = spec.kurtThresh ?? 3.5;
  const check0 = checkSkewKurt(x, sk, ku);
  const labels = new Array<string>(x.length).fill('');
  if (spec.method === 'none' || (check0.pass && !spec.forceWin))
    return { values: Float64Array.from(x as ArrayLike<number>), labels, details: { check0 } };
  const w = winsorise(x, spec.winmax ?? 5, sk, ku, spec.forceWin ?? false);
  const check1 = checkSkewKurt(w.values, sk, ku);
  for (let i = 0; i < x.length; i++)
    labels[i] = w.marks[i] === 1 ? 'winhi' : w.marks[i] === -1 ? 'winlo' : '';
  const fallback = spec.fallback ?? 'log_CT';
  if (check1.pass || fallback === 'none')
    return { values: w.values, labels, details: { check0, nwin: w.nwin, check1 } };
  const t = applyFallback(x, fallback, spec.boxcoxLambda ?? 0.5);
  const check2 = checkSkewKurt(t, sk, ku);
  for (let i = 0; i < x.length; i++) labels[i] = `${labels[i] ?? ''}+${fallback}`;
  return { values: t, labels, details: { check0, nwin: w.nwin, check1, check2, transformed: fallback } };
}

/** A treated data set with its per-indicator details and treated points. */
export interface TreatResult {
  readonly data: DataMatrix;
  readonly details: TreatDetails[];
  /** Non-empty labels only: (unit row, indicator column, label). */
  readonly points: { unit: number; indicator: number; treatment: string }[];
}

/** Treats every column of `data` (COINr `Treat(coin, dset)` with global specs). */
export function treatData(data: DataMatrix, spec: TreatSpec): TreatResult {
  const out = copyMatrix(data);
  const details: TreatDetails[] = [];
  const points: TreatResult['points'] = [];
  for (let j = 0; j < data.nCols; j++) {
    const r = treatColumn(getColumn(data, j), spec);
    getColumn(out, j).set(r.values);
    details.push(r.details);
    r.labels.forEach((l, i) => {
      if (l) points.push({ unit: i, indicator: j, treatment: l });
    });
  }
  return { data: out, details, points };
}
