/**
 * Rank histograms: per unit, how many runs gave each rank (1 = best). They replace storing every
 * run's ranks, merge by addition across workers, and give the rank statistics exactly.
 */
import { quantileSorted } from '../composite/stats.ts';

/** counts[unit · nUnits + (rank − 1)]; `valid[unit]` = runs where the unit had a rank. */
export interface RankHistogram {
  readonly nUnits: number;
  readonly counts: Uint32Array;
  readonly valid: Uint32Array;
}

/** An empty histogram for n units. */
export function createRankHistogram(nUnits: number): RankHistogram {
  return { nUnits, counts: new Uint32Array(nUnits * nUnits), valid: new Uint32Array(nUnits) };
}

/** Adds `b` into `a` (same size). */
export function mergeRankHistograms(a: RankHistogram, b: RankHistogram): void {
  for (let k = 0; k < a.counts.length; k++) a.counts[k] = (a.counts[k] as number) + (b.counts[k] as number);
  for (let k = 0; k < a.valid.length; k++) a.valid[k] = (a.valid[k] as number) + (b.valid[k] as number);
}

/**
 * Ranks of one run, descending with min ties (1 = highest; NaN stays NaN), computed from a sorted
 * copy and a binary search: rank = 1 + #{values strictly greater}. `scratch` (length n) avoids
 * allocating per run.
 */
export function rankRun(scores: Float64Array, out: Float64Array, scratch: Float64Array): void {
  const n = scores.length;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    if (v === v) scratch[m++] = v;
  }
  const sorted = scratch.subarray(0, m).sort();
  // Largest power of two ≤ m, for a branch-free binary search (fewer mispredictions).
  let top = 1;
  while (top * 2 <= m) top *= 2;
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    if (v !== v) {
      out[i] = Number.NaN;
      continue;
    }
    // pos = number of sorted values ≤ v
    let pos = 0;
    for (let step = top; step > 0; step >>= 1) {
      const probe = pos + step;
      pos = probe <= m && (sorted[probe - 1] as number) <= v ? probe : pos;
    }
    out[i] = 1 + (m - pos);
  }
}

/** Adds one run's ranks (NaN ranks are not counted). */
export function addRanks(h: RankHistogram, ranks: Float64Array): void {
  const n = h.nUnits;
  for (let i = 0; i < n; i++) {
    const r = ranks[i] as number;
    if (r !== r) continue;
    const k = i * n + r - 1;
    h.counts[k] = (h.counts[k] as number) + 1;
    h.valid[i] = (h.valid[i] as number) + 1;
  }
}

/** Rank statistics of one unit (COINr `RankStats`). */
export interface RankStats {
  readonly mean: number;
  readonly median: number;
  readonly q5: number;
  readonly q95: number;
}

function orderStatistic(counts: Uint32Array, base: number, n: number, k: number): number {
  let cum = 0;
  for (let r = 0; r < n; r++) {
    cum += counts[base + r] as number;
    if (cum > k) return r + 1;
  }
  return Number.NaN;
}

function quantileFromCounts(counts: Uint32Array, base: number, n: number, total: number, p: number): number {
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const a = orderStatistic(counts, base, n, lo);
  if (lo + 1 >= total) return a;
  const b = orderStatistic(counts, base, n, lo + 1);
  return a + (h - lo) * (b - a);
}

/**
 * Mean, median, 5 % and 95 % quantiles of each unit's ranks over the runs, quantiles of R type 7
 * (h = (N−1)p, linear interpolation between order statistics). NaN for a unit never ranked.
 */
export function rankStatsFromHistogram(h: RankHistogram): RankStats[] {
  const n = h.nUnits;
  const out: RankStats[] = [];
  for (let i = 0; i < n; i++) {
    const total = h.valid[i] as number;
    const base = i * n;
    if (total === 0) {
      out.push({ mean: Number.NaN, median: Number.NaN, q5: Number.NaN, q95: Number.NaN });
      continue;
    }
    let s = 0;
    for (let r = 0; r < n; r++) s += (r + 1) * (h.counts[base + r] as number);
    out.push({
      mean: s / total,
      median: quantileFromCounts(h.counts, base, n, total, 0.5),
      q5: quantileFromCounts(h.counts, base, n, total, 0.05),
      q95: quantileFromCounts(h.counts, base, n, total, 0.95),
    });
  }
  return out;
}

/** Type-7 quantile of unsorted values (convenience for tests and small samples). */
export function quantileType7(values: readonly number[], p: number): number {
  return quantileSorted(
    values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b),
    p,
  );
}
