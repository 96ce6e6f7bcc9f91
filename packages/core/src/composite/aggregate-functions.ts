/**
 * Aggregation functions for one unit's children scores, as COINr's `a_*` functions
 * (COINr 1.1.14 `R/aggregate.R`; OECD/JRC Handbook 2008, §6). Missing children (NaN) are dropped and
 * the weights renormalised over the present ones; all missing → NaN.
 */
import { err, ok, type Result } from '../shared/result.ts';

/** Weighted arithmetic mean Σwᵢxᵢ/Σwᵢ over the present children. */
export function aggregateArithmetic(x: ArrayLike<number>, w: ArrayLike<number>): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    s += (w[i] as number) * v;
    sw += w[i] as number;
  }
  return sw === 0 && s === 0 ? Number.NaN : s / sw;
}

/**
 * Weighted geometric mean exp(Σwᵢ ln xᵢ / Σwᵢ) over the present children. Refused
 * (`E_INDEX_NONPOSITIVE`, params.position) if a present x ≤ 0, as COINr stops.
 */
export function aggregateGeometric(x: ArrayLike<number>, w: ArrayLike<number>): Result<number> {
  let s = 0;
  let sw = 0;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    if (v <= 0)
      return err({
        code: 'E_INDEX_NONPOSITIVE',
        params: { position: i, value: v },
        message: 'geometric mean of a value ≤ 0',
      });
    any = true;
    s += (w[i] as number) * Math.log(v);
    sw += w[i] as number;
  }
  return ok(any ? Math.exp(s / sw) : Number.NaN);
}

/**
 * Weighted harmonic mean Σwᵢ / Σ(wᵢ/xᵢ) over the present children. Refused (`E_INDEX_NONPOSITIVE`)
 * if a present x = 0 (COINr stops there; we also refuse x < 0, which has no meaning for a mean of rates).
 */
export function aggregateHarmonic(x: ArrayLike<number>, w: ArrayLike<number>): Result<number> {
  let s = 0;
  let sw = 0;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) continue;
    if (v <= 0)
      return err({
        code: 'E_INDEX_NONPOSITIVE',
        params: { position: i, value: v },
        message: 'harmonic mean of a value ≤ 0',
      });
    any = true;
    s += (w[i] as number) / v;
    sw += w[i] as number;
  }
  return ok(any ? sw / s : Number.NaN);
}

/**
 * Generalised (power) mean (Σwᵢxᵢ^p / Σwᵢ)^{1/p}. p = 0 is refused (`E_INDEX_GENMEAN_P`: use the
 * geometric mean); x ≤ 0 with p < 0 is refused. COINr quirk kept: any missing child → NaN.
 */
export function aggregateGeneralised(x: ArrayLike<number>, w: ArrayLike<number>, p: number): Result<number> {
  if (p === 0 || !Number.isFinite(p))
    return err({ code: 'E_INDEX_GENMEAN_P', params: { p }, message: 'p must be finite and non-zero' });
  let s = 0;
  let sw = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) return ok(Number.NaN);
    if (p < 0 && v <= 0)
      return err({
        code: 'E_INDEX_NONPOSITIVE',
        params: { position: i, value: v },
        message: 'generalised mean with p < 0 of a value ≤ 0',
      });
    s += (w[i] as number) * Math.pow(v, p);
    sw += w[i] as number;
  }
  return ok(Math.pow(s / sw, 1 / p));
}

/** Copeland's outranking result: scores per unit and the outranking matrix (row-major n × n). */
export interface CopelandResult {
  readonly scores: Float64Array;
  readonly outrank: Float64Array;
  /** Number of entries equal to 1 (unit i dominates j on every indicator). */
  readonly nDominant: number;
  /** nDominant / (n(n−1)/2). */
  readonly fracDominant: number;
}

/**
 * Copeland aggregation (COINr `outrankMatrix` + `a_copeland`). Weights are normalised to sum to 1;
 * O[i,j] = Σₖ wₖ[x_ik > x_jk] + ½Σₖ wₖ[x_ik = x_jk] (a missing comparison adds nothing),
 * O[j,i] = 1 − O[i,j], O[i,i] = 0. Score_i = Σⱼ sign(O[i,j] − ½). `columns[k]` is indicator k over
 * the units. Reference: Munda & Nardo (2009), Handbook §6.2.
 */
export function aggregateCopeland(
  columns: readonly ArrayLike<number>[],
  w: ArrayLike<number>,
): CopelandResult {
  const n = columns[0]?.length ?? 0;
  let sw = 0;
  for (let k = 0; k < columns.length; k++) sw += w[k] as number;
  const O = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let o = 0;
      for (let k = 0; k < columns.length; k++) {
        const c = columns[k] as ArrayLike<number>;
        const a = c[i] as number;
        const b = c[j] as number;
        const wk = (w[k] as number) / sw;
        if (a > b) o += wk;
        else if (a === b) o += wk / 2;
      }
      O[i * n + j] = o;
      O[j * n + i] = 1 - o;
    }
  }
  const scores = new Float64Array(n);
  let nDominant = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const o = O[i * n + j] as number;
      if (o === 1) nDominant++;
      s += o > 0.5 ? 1 : o < 0.5 ? -1 : 0;
    }
    scores[i] = s;
  }
  return { scores, outrank: O, nDominant, fracDominant: n > 1 ? nDominant / ((n * (n - 1)) / 2) : 0 };
}
