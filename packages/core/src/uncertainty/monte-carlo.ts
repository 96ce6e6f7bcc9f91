/**
 * Monte Carlo uncertainty analysis of a composite index (COINr `get_sensitivity(SA_type = "UA")`;
 * Saisana, Saltelli & Tarantola 2005). Uncertain inputs: every weight below the index multiplied by
 * U(1 − f, 1 + f), drawn fresh per run (COINr `get_noisy_weights`); the normalisation method, the
 * aggregation method and the winsorising limit chosen uniformly among alternatives. Run k draws
 * from `createRng(seed, k)` only, so any split of the runs (workers, chunks) gives the same result.
 */
import { aggregateData, type AggregationMethod } from '../composite/aggregate.ts';
import type { Framework } from '../composite/framework.ts';
import { getColumn, type DataMatrix } from '../composite/matrix.ts';
import type { NormaliseSpec } from '../composite/normalise.ts';
import { runPipeline, type PipelineInput, type PipelineSpec } from '../composite/pipeline.ts';
import { rankDescendingMin } from '../composite/stats.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { createRng, type Rng } from '../shared/rng.ts';
import { indexFromUnitMajor, isComplete, toUnitMajor } from './linear.ts';
import {
  addRunRanks,
  createRankHistogram,
  createRankWorkspace,
  flushRanks,
  type RankHistogram,
} from './rank-histogram.ts';

/** What varies between runs (plain data). Omitted inputs stay at the pipeline's nominal setting. */
export interface UncertaintySpec {
  /** f: each noisy weight is multiplied by U(1 − f, 1 + f). 0 or omitted: weights fixed. */
  readonly weightNoise?: number;
  /** Levels whose weights are perturbed; default every level below the index. */
  readonly noiseLevels?: readonly number[];
  /** Alternative normalisations (each equally likely). */
  readonly normalisations?: readonly NormaliseSpec[];
  /** Alternative aggregation methods (each equally likely). */
  readonly aggregations?: readonly AggregationMethod[];
  /** Alternative winsorising limits (treatment = winsorise with that winmax). */
  readonly winmax?: readonly number[];
}

/** A named uncertain input, in the fixed order in which runs draw them. */
export interface UncertainFactor {
  readonly name: 'Winmax' | 'Normalisation' | 'Weights' | 'Aggregation';
  /** Number of discrete alternatives (Weights: 0 = continuous noise). */
  readonly alternatives: number;
}

/** Everything a run needs, computed once (and identically in every worker). */
export interface PreparedUncertainty {
  readonly framework: Framework;
  readonly nUnits: number;
  readonly nominalWeights: Float64Array;
  readonly noisyNodes: Int32Array;
  readonly weightNoise: number;
  /** Normalised data per (winmax alternative × normalisation alternative). */
  readonly variants: readonly DataMatrix[];
  readonly variantComplete: readonly boolean[];
  readonly nWinmax: number;
  readonly nNormalisations: number;
  readonly aggregations: readonly AggregationMethod[];
  readonly factors: readonly UncertainFactor[];
  /** Nominal index scores and ranks (the base pipeline). */
  readonly nominalScores: Float64Array;
  readonly nominalRanks: Float64Array;
  /** Rows of the input kept by screening (output row order). */
  readonly kept: readonly number[];
}

/**
 * Runs the base pipeline once and the normalised variants; refuses a bad spec
 * (`E_INDEX_UA_SPEC`) or a failing nominal pipeline (its own Problem).
 */
export function prepareUncertainty(
  input: PipelineInput,
  base: PipelineSpec,
  spec: UncertaintySpec,
): Result<PreparedUncertainty> {
  const fw = input.framework;
  const f = spec.weightNoise ?? 0;
  if (!(f >= 0 && f <= 1))
    return err({
      code: 'E_INDEX_UA_SPEC',
      params: { weightNoise: f },
      message: 'weight noise must be in [0, 1]',
    });
  const nominal = runPipeline(input, base);
  if (!nominal.ok) return nominal;
  const top = fw.nodes.length - 1;
  const nominalScores = getColumn(nominal.value.aggregated, top).slice();
  const winmaxAlts: (number | null)[] = spec.winmax && spec.winmax.length > 0 ? [...spec.winmax] : [null];
  const normAlts: (NormaliseSpec | null)[] =
    spec.normalisations && spec.normalisations.length > 0 ? [...spec.normalisations] : [null];
  const variants: DataMatrix[] = [];
  const variantComplete: boolean[] = [];
  for (const wm of winmaxAlts) {
    for (const nm of normAlts) {
      const r = runPipeline(input, {
        ...base,
        ...(wm === null ? {} : { treat: { ...(base.treat ?? {}), method: 'winsorise', winmax: wm } }),
        ...(nm === null ? {} : { normalise: nm }),
        aggregate: { method: 'amean' },
      });
      if (!r.ok) return r;
      variants.push(r.value.normalised);
      variantComplete.push(isComplete(r.value.normalised));
    }
  }
  const levels = spec.noiseLevels ?? Array.from({ length: fw.maxLevel - 1 }, (_, k) => k + 1);
  const noisy: number[] = [];
  fw.nodes.forEach((n, k) => {
    if (levels.includes(n.level) && n.level < fw.maxLevel) noisy.push(k);
  });
  const aggregations =
    spec.aggregations && spec.aggregations.length > 0
      ? [...spec.aggregations]
      : [
          (Array.isArray(base.aggregate?.method)
            ? 'amean'
            : (base.aggregate?.method as AggregationMethod | undefined)) ?? 'amean',
        ];
  const factors: UncertainFactor[] = [];
  if (winmaxAlts.length > 1) factors.push({ name: 'Winmax', alternatives: winmaxAlts.length });
  if (normAlts.length > 1) factors.push({ name: 'Normalisation', alternatives: normAlts.length });
  if (f > 0 && noisy.length > 0) factors.push({ name: 'Weights', alternatives: 0 });
  if (aggregations.length > 1) factors.push({ name: 'Aggregation', alternatives: aggregations.length });
  return ok({
    framework: fw,
    nUnits: nominal.value.kept.length,
    nominalWeights: nominal.value.weights,
    noisyNodes: Int32Array.from(noisy),
    weightNoise: f,
    variants,
    variantComplete,
    nWinmax: winmaxAlts.length,
    nNormalisations: normAlts.length,
    aggregations,
    factors,
    nominalScores,
    nominalRanks: rankDescendingMin(nominalScores),
    kept: nominal.value.kept,
  });
}

/** The choices of one run. */
export interface RunChoice {
  winmax: number;
  normalisation: number;
  aggregation: number;
  weights: Float64Array;
}

const pick = (u: number, n: number): number => Math.min(n - 1, Math.floor(u * n));

/** Fills `choice` from a generator: winmax, normalisation, each noisy weight, aggregation (in that order). */
export function drawRunChoice(p: PreparedUncertainty, rng: Rng, choice: RunChoice): void {
  choice.winmax = p.nWinmax > 1 ? pick(rng.next(), p.nWinmax) : 0;
  choice.normalisation = p.nNormalisations > 1 ? pick(rng.next(), p.nNormalisations) : 0;
  choice.weights.set(p.nominalWeights);
  if (p.weightNoise > 0) {
    for (const k of p.noisyNodes)
      choice.weights[k] = (p.nominalWeights[k] as number) * (1 + p.weightNoise * (2 * rng.next() - 1));
  }
  choice.aggregation = p.aggregations.length > 1 ? pick(rng.next(), p.aggregations.length) : 0;
}

/** Reusable buffers of a worker (nothing is allocated per run on the linear path). */
export interface RunBuffers {
  readonly scores: Float64Array;
  readonly ranks: Float64Array;
  readonly scratch: Float64Array;
  readonly choice: RunChoice;
  /** Effective weights of the current run (all nodes). */
  readonly eff: Float64Array;
  /** Per node: the sum of its children's weights (scratch of the effective weights). */
  readonly childSums: Float64Array;
  /** Unit-major copies of the complete variants, made on first use. */
  readonly unitMajor: (Float64Array | undefined)[];
  readonly active: Int32Array;
  readonly activeWeights: Float64Array;
}

/** Allocates the per-worker buffers. */
export function createRunBuffers(p: PreparedUncertainty): RunBuffers {
  const m = p.framework.nodes.length;
  return {
    scores: new Float64Array(p.nUnits),
    ranks: new Float64Array(p.nUnits),
    scratch: new Float64Array(p.nUnits),
    choice: { winmax: 0, normalisation: 0, aggregation: 0, weights: p.nominalWeights.slice() },
    eff: new Float64Array(m),
    childSums: new Float64Array(m),
    unitMajor: [],
    active: new Int32Array(p.framework.nIndicators),
    activeWeights: new Float64Array(p.framework.nIndicators),
  };
}

/**
 * `effectiveWeights` (composite/aggregate.ts) into `eff` without allocating: identical arithmetic (each parent's sum
 * of its children's weights, in child order, then eff[k] = eff[parent] · w[k] / sum from the top
 * down), the sum computed once per parent instead of once per child.
 */
function effectiveWeightsInto(
  fw: Framework,
  weights: ArrayLike<number>,
  eff: Float64Array,
  sums: Float64Array,
): void {
  const m = fw.nodes.length;
  for (let k = fw.nIndicators; k < m; k++) {
    let s = 0;
    for (const c of fw.children[k] ?? []) s += weights[c] as number;
    sums[k] = s;
  }
  for (let k = m - 1; k >= 0; k--) {
    const p = fw.parentOf[k] as number;
    eff[k] = p < 0 ? 1 : ((eff[p] as number) * (weights[k] as number)) / (sums[p] as number);
  }
}

/**
 * Index scores of one run into `buf.scores`: the linear shortcut (effective weights) when the method
 * is amean and the data complete, else level-by-level aggregation. Returns false when the run fails
 * (e.g. a geometric mean over a value ≤ 0: COINr gives NA for such a run).
 */
export function evaluateRun(p: PreparedUncertainty, buf: RunBuffers): boolean {
  const c = buf.choice;
  const v = c.winmax * p.nNormalisations + c.normalisation;
  const data = p.variants[v] as DataMatrix;
  const method = p.aggregations[c.aggregation] ?? 'amean';
  if (method === 'amean' && p.variantComplete[v]) {
    const fw = p.framework;
    effectiveWeightsInto(fw, c.weights, buf.eff, buf.childSums);
    let rows = buf.unitMajor[v];
    if (!rows) {
      rows = toUnitMajor(data, fw.nIndicators);
      buf.unitMajor[v] = rows;
    }
    indexFromUnitMajor(rows, p.nUnits, fw.nIndicators, buf.eff, buf.scores, buf.active, buf.activeWeights);
    return true;
  }
  const r = aggregateData(data, p.framework, c.weights, { method });
  if (!r.ok) return false;
  buf.scores.set(getColumn(r.value, p.framework.nodes.length - 1));
  return true;
}

/** Result of a chunk of runs. */
export interface ChunkResult {
  readonly histogram: RankHistogram;
  readonly runs: number;
  readonly failed: number;
  readonly cancelled: boolean;
}

/** Hooks for long runs: progress (runs done) and cancellation, checked every 64 runs. */
export interface ChunkHooks {
  readonly onProgress?: (done: number) => void;
  readonly shouldCancel?: () => boolean;
}

/**
 * Runs runs [start, start + count) of a Monte Carlo analysis: run k uses `createRng(seed, k)`.
 * Histograms of different chunks add up to the histogram of the whole range.
 */
export function runMonteCarloChunk(
  p: PreparedUncertainty,
  seed: number,
  start: number,
  count: number,
  hooks: ChunkHooks = {},
): ChunkResult {
  const runner = createMonteCarloRunner(p, seed);
  const cancelled = !runner.run(start, count, hooks);
  return { histogram: runner.finish(), runs: runner.runs, failed: runner.failed, cancelled };
}

/**
 * A Monte Carlo worker's state: one histogram and reusable buffers for any number of chunks of
 * runs (e.g. claimed one after another from a shared counter), nothing allocated per run on the
 * linear path. Ranks are batched; `finish()` flushes them and returns the histogram.
 */
export interface MonteCarloRunner {
  /** Runs done and runs failed so far. */
  readonly runs: number;
  readonly failed: number;
  /**
   * Runs [start, start + count) with `createRng(seed, k)` for run k; progress (runs done in this
   * call) and cancellation are checked every 64 runs. False when cancelled.
   */
  run(start: number, count: number, hooks?: ChunkHooks): boolean;
  /** The histogram of every run so far (pending ranks flushed). */
  finish(): RankHistogram;
}

/** Creates a runner for a prepared analysis and seed. */
export function createMonteCarloRunner(p: PreparedUncertainty, seed: number): MonteCarloRunner {
  const histogram = createRankHistogram(p.nUnits);
  const buf = createRunBuffers(p);
  const ws = createRankWorkspace(p.nUnits);
  let runs = 0;
  let failed = 0;
  return {
    get runs() {
      return runs;
    },
    get failed() {
      return failed;
    },
    run(start, count, hooks = {}) {
      let done = 0;
      for (let k = start; k < start + count; k++) {
        if ((done & 63) === 0 && done > 0) {
          hooks.onProgress?.(done);
          if (hooks.shouldCancel?.()) return false;
        }
        drawRunChoice(p, createRng(seed, k), buf.choice);
        if (evaluateRun(p, buf)) addRunRanks(ws, histogram, buf.scores);
        else failed++;
        done++;
        runs++;
      }
      hooks.onProgress?.(done);
      return true;
    },
    finish() {
      flushRanks(ws, histogram);
      return histogram;
    },
  };
}
