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

/**
 * Reusable buffers of {@link rankBucketed} for up to n values. A batch of runs' ranks is kept
 * unit-major (`batch[unit · batchSize + run]`, 0 = no rank) and flushed into the histogram one
 * unit row at a time, so each row is touched once per batch instead of once per run (the
 * histogram is n² counters, far larger than the caches).
 */
export interface RankWorkspace {
  readonly n: number;
  readonly maxBuckets: number;
  readonly bucketOf: Int32Array;
  /** Bucket boundaries (counting sort); length maxBuckets + 1. */
  readonly ends: Int32Array;
  /** The values in ascending order and the unit each came from. */
  readonly values: Float64Array;
  readonly units: Int32Array;
  readonly batchSize: number;
  /** Ranks fit 16 bits below 65,536 units (half the memory traffic); else 32. */
  readonly batch: Uint16Array | Int32Array;
  /** Runs held in `batch`. */
  batched: number;
}

/** Allocates a rank workspace for n units and batches of `batchSize` runs. */
export function createRankWorkspace(n: number, batchSize = 256): RankWorkspace {
  let maxBuckets = 1;
  while (maxBuckets < 2 * n) maxBuckets *= 2;
  return {
    n,
    maxBuckets,
    bucketOf: new Int32Array(n),
    ends: new Int32Array(maxBuckets + 1),
    values: new Float64Array(n),
    units: new Int32Array(n),
    batchSize,
    batch: n < 65536 ? new Uint16Array(n * batchSize) : new Int32Array(n * batchSize),
    batched: 0,
  };
}

/** Above this many values in one bucket, insertion sort could go quadratic: rank as rankRun does. */
const CROWDED_BUCKET = 64;

/**
 * The ranks of {@link rankRun} (descending, min ties: rank = 1 + #{values strictly greater}; NaN
 * unranked), written as integers to `out[i · stride + offset]` (0 = unranked), without a
 * comparison sort: a counting sort into ~2n equal-width buckets between the run's min and max
 * (the bucket ⌊(v − min) · scale⌋ never decreases as v grows, each rounded step being monotone,
 * so the buckets are in order), an insertion sort that only reorders within buckets, then one
 * pass down the sorted values giving equal values the same rank. Exact, not approximate. A
 * degenerate spread (all equal, infinite, or one crowded bucket) falls back to a native sort and
 * binary search.
 */
export function rankBucketed(
  ws: RankWorkspace,
  scores: Float64Array,
  out: Uint16Array | Int32Array,
  stride: number,
  offset: number,
): void {
  const n = scores.length;
  let m = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    if (v === v) {
      m++;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const nb = Math.min(ws.maxBuckets, Math.max(1, 2 * m));
  const scale = nb / (hi - lo);
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY))
    return rankBySearch(ws, scores, m, out, stride, offset);
  const ends = ws.ends;
  const bucketOf = ws.bucketOf;
  const vals = ws.values;
  const units = ws.units;
  ends.fill(0, 0, nb + 1);
  const last = nb - 1;
  let crowded = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    if (v !== v) continue;
    // (v − lo) · scale ∈ [0, ~nb]: truncation is the floor
    let b = ((v - lo) * scale) | 0;
    if (b > last) b = last;
    bucketOf[i] = b;
    const c = (ends[b + 1] as number) + 1;
    ends[b + 1] = c;
    if (c > crowded) crowded = c;
  }
  if (crowded > CROWDED_BUCKET) return rankBySearch(ws, scores, m, out, stride, offset);
  for (let b = 1; b <= nb; b++) ends[b] = (ends[b] as number) + (ends[b - 1] as number);
  // ends[b] = start of bucket b
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    if (v !== v) {
      out[i * stride + offset] = 0;
      continue;
    }
    const b = bucketOf[i] as number;
    const pos = ends[b] as number;
    vals[pos] = v;
    units[pos] = i;
    ends[b] = pos + 1;
  }
  for (let q = 1; q < m; q++) {
    const v = vals[q] as number;
    let j = q - 1;
    if ((vals[j] as number) <= v) continue;
    const u = units[q] as number;
    do {
      vals[j + 1] = vals[j] as number;
      units[j + 1] = units[j] as number;
      j--;
    } while (j >= 0 && (vals[j] as number) > v);
    vals[j + 1] = v;
    units[j + 1] = u;
  }
  let rank = 0;
  let prev = Number.NaN;
  for (let q = m - 1; q >= 0; q--) {
    const v = vals[q] as number;
    if (v !== prev) {
      rank = m - q;
      prev = v;
    }
    out[(units[q] as number) * stride + offset] = rank;
  }
}

/** rankRun's method (sorted copy, binary search) into integer ranks, for degenerate spreads. */
function rankBySearch(
  ws: RankWorkspace,
  scores: Float64Array,
  m: number,
  out: Uint16Array | Int32Array,
  stride: number,
  offset: number,
): void {
  const n = scores.length;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    if (v === v) ws.values[k++] = v;
  }
  const sorted = ws.values.subarray(0, m).sort();
  for (let i = 0; i < n; i++) {
    const v = scores[i] as number;
    if (v !== v) {
      out[i * stride + offset] = 0;
      continue;
    }
    // number of sorted values ≤ v
    let a = 0;
    let z = m;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if ((sorted[mid] as number) <= v) a = mid + 1;
      else z = mid;
    }
    out[i * stride + offset] = 1 + (m - a);
  }
}

/** Ranks one run into the workspace's batch, flushing into `h` when the batch is full. */
export function addRunRanks(ws: RankWorkspace, h: RankHistogram, scores: Float64Array): void {
  rankBucketed(ws, scores, ws.batch, ws.batchSize, ws.batched);
  if (++ws.batched === ws.batchSize) flushRanks(ws, h);
}

/** Adds the batched runs' ranks into `h`, unit row by unit row, and empties the batch. */
export function flushRanks(ws: RankWorkspace, h: RankHistogram): void {
  const n = h.nUnits;
  const k = ws.batched;
  const size = ws.batchSize;
  const batch = ws.batch;
  const counts = h.counts;
  for (let i = 0; i < n; i++) {
    const row = i * n - 1;
    const b = i * size;
    let valid = 0;
    for (let r = 0; r < k; r++) {
      const rank = batch[b + r] as number;
      if (rank === 0) continue;
      counts[row + rank] = (counts[row + rank] as number) + 1;
      valid++;
    }
    h.valid[i] = (h.valid[i] as number) + valid;
  }
  ws.batched = 0;
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
