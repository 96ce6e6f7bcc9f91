/**
 * Variance-based sensitivity analysis as COINr `get_sensitivity(SA_type = "SA")` and
 * `SA_estimate`: a Saltelli design (A, B, and AB_i = A with column i from B; N(d + 2) runs), the
 * scalar output y = mean over units of |rank(run) − rank(nominal)|, Var = sample variance of
 * (yA, yB); first-order S_i = mean(yB·(yAB_i − yA))/Var (Saltelli 2010); total
 * ST_i = Σ(yA − yAB_i)²/(2N·Var) (Jansen 1999). Optional bootstrap of the per-row terms gives 5 %/95 %
 * quantiles. Estimates can fall slightly outside [0, 1]. Reference: Saltelli et al. (2010), Comput.
 * Phys. Commun. 181:259–270; Saisana, Saltelli & Tarantola (2005), JRSS-A 168:307–323.
 */
import { err, ok, type Result } from '../shared/result.ts';
import { createRng } from '../shared/rng.ts';
import { createRunBuffers, evaluateRun, type PreparedUncertainty } from './monte-carlo.ts';
import { addRanks, createRankHistogram, rankRun, type RankHistogram } from './rank-histogram.ts';
import { quantileType7 } from './rank-histogram.ts';

/** The Saltelli sample: rows [A; B; AB_1; …; AB_d], each of d uniforms. */
export function saltelliSample(N: number, d: number, seed: number): Float64Array[] {
  const rng = createRng(seed, 0x5a17e11);
  const A: Float64Array[] = [];
  const B: Float64Array[] = [];
  for (let r = 0; r < N; r++) A.push(Float64Array.from({ length: d }, () => rng.next()));
  for (let r = 0; r < N; r++) B.push(Float64Array.from({ length: d }, () => rng.next()));
  const rows = [...A, ...B];
  for (let i = 0; i < d; i++) {
    for (let r = 0; r < N; r++) {
      const row = (A[r] as Float64Array).slice();
      row[i] = (B[r] as Float64Array)[i] as number;
      rows.push(row);
    }
  }
  return rows;
}

/** First-order and total indices per factor, with optional bootstrap quantiles. */
export interface SensitivityIndices {
  readonly si: Float64Array;
  readonly sti: Float64Array;
  readonly variance: number;
  readonly siQ5?: Float64Array;
  readonly siQ95?: Float64Array;
  readonly stiQ5?: Float64Array;
  readonly stiQ95?: Float64Array;
}

function variance(v: readonly number[]): number {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) * (b - m), 0) / (v.length - 1);
}

/**
 * COINr `SA_estimate(y, N, d, Nboot)`: y has N(d + 2) values ordered as the Saltelli sample.
 * Refused when the length does not match (`E_INDEX_SA_SHAPE`). Bootstrap draws use `seed`.
 */
export function estimateSensitivity(
  y: ArrayLike<number>,
  N: number,
  d: number,
  nBoot = 0,
  seed = 1,
): Result<SensitivityIndices> {
  if (y.length !== N * (d + 2))
    return err({
      code: 'E_INDEX_SA_SHAPE',
      params: { length: y.length, expected: N * (d + 2) },
      message: 'y must have N(d + 2) values',
    });
  const yA = Array.from({ length: N }, (_, r) => y[r] as number);
  const yB = Array.from({ length: N }, (_, r) => y[N + r] as number);
  const V = variance([...yA, ...yB]);
  const si = new Float64Array(d);
  const sti = new Float64Array(d);
  const terms: { s: number[]; t: number[] }[] = [];
  for (let i = 0; i < d; i++) {
    const s: number[] = [];
    const t: number[] = [];
    for (let r = 0; r < N; r++) {
      const yab = y[(2 + i) * N + r] as number;
      s.push((yB[r] as number) * (yab - (yA[r] as number)));
      t.push(((yA[r] as number) - yab) ** 2);
    }
    terms.push({ s, t });
    si[i] = s.reduce((a, b) => a + b, 0) / N / V;
    sti[i] = t.reduce((a, b) => a + b, 0) / (2 * N * V);
  }
  if (nBoot <= 0) return ok({ si, sti, variance: V });
  const rng = createRng(seed, 0xb007);
  const bs: number[][] = Array.from({ length: d }, () => []);
  const bt: number[][] = Array.from({ length: d }, () => []);
  for (let b = 0; b < nBoot; b++) {
    const idx = Array.from({ length: N }, () => Math.floor(rng.next() * N));
    for (let i = 0; i < d; i++) {
      const { s, t } = terms[i] as { s: number[]; t: number[] };
      let ss = 0;
      let tt = 0;
      for (const r of idx) {
        ss += s[r] as number;
        tt += t[r] as number;
      }
      (bs[i] as number[]).push(ss / N / V);
      (bt[i] as number[]).push(tt / (2 * N * V));
    }
  }
  const q = (arr: number[][], p: number) => Float64Array.from(arr, (v) => quantileType7(v, p));
  return ok({
    si,
    sti,
    variance: V,
    siQ5: q(bs, 0.05),
    siQ95: q(bs, 0.95),
    stiQ5: q(bt, 0.05),
    stiQ95: q(bt, 0.95),
  });
}

/** Result of a sensitivity analysis. */
export interface SensitivityResult {
  readonly factors: readonly string[];
  readonly indices: SensitivityIndices;
  /** Rank histogram over the first 2N runs (A and B), as COINr's RankStats for SA. */
  readonly histogram: RankHistogram;
  /** y per run (NaN for a failed run, which makes the indices NaN: COINr also needs every run). */
  readonly y: Float64Array;
  readonly failed: number;
}

/**
 * Runs a full sensitivity analysis over the prepared factors (d ≥ 2 required, `E_INDEX_SA_FACTORS`).
 * The Weights factor selects one of `nWeightSets` noisy weight sets drawn beforehand (COINr's
 * discrete distribution of `get_noisy_weights`, default 100 sets).
 */
export function runSensitivity(
  p: PreparedUncertainty,
  N: number,
  seed: number,
  options: { nBoot?: number; nWeightSets?: number } = {},
): Result<SensitivityResult> {
  const d = p.factors.length;
  if (d < 2)
    return err({
      code: 'E_INDEX_SA_FACTORS',
      params: { factors: d },
      message: 'sensitivity analysis needs at least 2 uncertain inputs',
    });
  const nSets = options.nWeightSets ?? 100;
  const setRng = createRng(seed, 0x3e16);
  const sets: Float64Array[] = [];
  for (let s = 0; s < nSets; s++) {
    const w = p.nominalWeights.slice();
    for (const k of p.noisyNodes)
      w[k] = (p.nominalWeights[k] as number) * (1 + p.weightNoise * (2 * setRng.next() - 1));
    sets.push(w);
  }
  const X = saltelliSample(N, d, seed);
  const buf = createRunBuffers(p);
  const y = new Float64Array(X.length);
  const histogram = createRankHistogram(p.nUnits);
  let failed = 0;
  const pickIdx = (u: number, n: number) => Math.min(n - 1, Math.floor(u * n));
  X.forEach((row, r) => {
    const c = buf.choice;
    c.winmax = 0;
    c.normalisation = 0;
    c.aggregation = 0;
    c.weights.set(p.nominalWeights);
    p.factors.forEach((f, i) => {
      const u = row[i] as number;
      if (f.name === 'Winmax') c.winmax = pickIdx(u, f.alternatives);
      else if (f.name === 'Normalisation') c.normalisation = pickIdx(u, f.alternatives);
      else if (f.name === 'Aggregation') c.aggregation = pickIdx(u, f.alternatives);
      else c.weights.set(sets[pickIdx(u, nSets)] as Float64Array);
    });
    if (!evaluateRun(p, buf)) {
      failed++;
      y[r] = Number.NaN;
      return;
    }
    rankRun(buf.scores, buf.ranks, buf.scratch);
    if (r < 2 * N) addRanks(histogram, buf.ranks);
    let s = 0;
    let m = 0;
    for (let i = 0; i < p.nUnits; i++) {
      const a = buf.ranks[i] as number;
      const b = p.nominalRanks[i] as number;
      if (a === a && b === b) {
        s += Math.abs(a - b);
        m++;
      }
    }
    y[r] = s / m;
  });
  const est = estimateSensitivity(y, N, d, options.nBoot ?? 0, seed);
  if (!est.ok) return est;
  return ok({ factors: p.factors.map((f) => f.name), indices: est.value, histogram, y, failed });
}
