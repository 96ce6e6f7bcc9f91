// The Monte Carlo fast paths give exactly what the straightforward code gives: bucketed ranks equal
// rankRun's, the unit-major weighted sums equal indexFromEffectiveWeights bit for bit, and the
// batched runner's histogram equals a plain loop (effective weights, sorted-copy ranks, one
// histogram update per run) on the example coin and the perf dataset.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceDir } from '../../../../test-support/reference.ts';
import { aggregateData, effectiveWeights } from '../composite/aggregate.ts';
import { getColumn, type DataMatrix } from '../composite/matrix.ts';
import type { PipelineInput, PipelineSpec } from '../composite/pipeline.ts';
import { col, frameworkFromIMeta, matrixFromTable, num, parseCsv } from '../composite/testing/coinr-csv.ts';
import { createRng } from '../shared/rng.ts';
import { indexFromEffectiveWeights, indexFromUnitMajor, toUnitMajor } from './linear.ts';
import {
  createMonteCarloRunner,
  createRunBuffers,
  drawRunChoice,
  prepareUncertainty,
  runMonteCarloChunk,
  type PreparedUncertainty,
  type UncertaintySpec,
} from './monte-carlo.ts';
import {
  addRanks,
  createRankHistogram,
  createRankWorkspace,
  rankBucketed,
  rankRun,
  type RankHistogram,
} from './rank-histogram.ts';

/** rankRun's ranks and rankBucketed's (0 → NaN) for the same scores. */
function bothRanks(scores: Float64Array): [number[], number[]] {
  const n = scores.length;
  const ref = new Float64Array(n);
  rankRun(scores, ref, new Float64Array(n));
  const ws = createRankWorkspace(n, 3);
  const out = new Uint16Array(n * 3);
  rankBucketed(ws, scores, out, 3, 1);
  const got = Array.from({ length: n }, (_, i) =>
    out[i * 3 + 1] === 0 ? Number.NaN : (out[i * 3 + 1] as number),
  );
  return [Array.from(ref), got];
}

describe('bucketed ranks equal sorted-copy ranks', () => {
  const cases: Record<string, number[]> = {
    empty: [],
    one: [3],
    'all NaN': [Number.NaN, Number.NaN],
    'all equal': [2, 2, 2, 2],
    ties: [1, 2, 2, 4, 4, 4, 0, 1],
    'signed zeros': [0, -0, 0, -0, 1, -1],
    infinities: [Number.POSITIVE_INFINITY, 1, Number.NEGATIVE_INFINITY, 1, Number.NaN, 2],
    'one outlier (crowded bucket)': [...Array.from({ length: 300 }, (_, i) => Math.sin(i)), 1e12],
    'tiny span': [1, 1 + 2 ** -52, 1, 1 + 2 ** -51, 1 + 2 ** -52],
    subnormal: [5e-324, 0, 1e-323, 5e-324],
    huge: [1.7e308, -1.7e308, 0, 1.7e308],
  };
  for (const [name, v] of Object.entries(cases))
    it(name, () => {
      const [ref, got] = bothRanks(Float64Array.from(v));
      expect(got).toEqual(ref);
    });

  it('any doubles (fast-check)', () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (v) => {
        const [ref, got] = bothRanks(Float64Array.from(v));
        expect(got).toEqual(ref);
      }),
      { numRuns: 500 },
    );
  });
});

describe('unit-major weighted sums', () => {
  it('equal indexFromEffectiveWeights bit for bit, zero weights included', () => {
    const rng = createRng(3);
    for (const [n, m] of [
      [1, 1],
      [7, 5],
      [33, 12],
      [50, 60],
    ] as const) {
      const values = Float64Array.from({ length: n * (m + 2) }, () => (rng.next() - 0.3) * 100);
      const data: DataMatrix = { nUnits: n, nCols: m + 2, values };
      const rows = toUnitMajor(data, m);
      for (let t = 0; t < 10; t++) {
        const eff = Float64Array.from({ length: m + 2 }, () => (rng.next() < 0.2 ? 0 : rng.next()));
        const a = indexFromEffectiveWeights(data, eff, m, new Float64Array(n));
        const b = indexFromUnitMajor(
          rows,
          n,
          m,
          eff,
          new Float64Array(n),
          new Int32Array(m),
          new Float64Array(m),
        );
        a.forEach((x, i) => expect(Object.is(x, b[i])).toBe(true));
      }
    }
  });
});

/** The Monte Carlo loop as first written: effective weights, sum, sorted-copy ranks, add per run. */
function plainHistogram(p: PreparedUncertainty, seed: number, runs: number): RankHistogram {
  const h = createRankHistogram(p.nUnits);
  const buf = createRunBuffers(p);
  const fw = p.framework;
  for (let k = 0; k < runs; k++) {
    drawRunChoice(p, createRng(seed, k), buf.choice);
    const c = buf.choice;
    const v = c.winmax * p.nNormalisations + c.normalisation;
    const data = p.variants[v] as DataMatrix;
    const method = p.aggregations[c.aggregation] ?? 'amean';
    if (method === 'amean' && p.variantComplete[v]) {
      indexFromEffectiveWeights(data, effectiveWeights(fw, c.weights), fw.nIndicators, buf.scores);
    } else {
      const r = aggregateData(data, fw, c.weights, { method });
      if (!r.ok) continue;
      buf.scores.set(getColumn(r.value, fw.nodes.length - 1));
    }
    rankRun(buf.scores, buf.ranks, buf.scratch);
    addRanks(h, buf.ranks);
  }
  return h;
}

const dir = referenceDir('coinr');
const load = (f: string) => parseCsv(readFileSync(path.join(dir as string, f), 'utf8'));

function exampleCoin(): { input: PipelineInput; spec: PipelineSpec } {
  const fw = frameworkFromIMeta(load('iMeta.csv'));
  const iData = load('iData.csv');
  const ind = fw.nodes.slice(0, fw.nIndicators).map((n) => n.code);
  const denominators = fw.nodes
    .slice(0, fw.nIndicators)
    .map((n) => (n.denominator ? Float64Array.from(col(iData, n.denominator), num) : null));
  return {
    input: { framework: fw, data: matrixFromTable(iData, ind), denominators },
    spec: {
      denominate: true,
      impute: { method: 'mean-by', groups: col(iData, 'EurAsia_group') },
      screen: { datThresh: 0.9 },
      treat: { method: 'winsorise', winmax: 5 },
      normalise: { method: 'minmax', lower: 0, upper: 100 },
      aggregate: { method: 'amean' },
    },
  };
}

describe.skipIf(!dir)('batched runner equals the plain loop', () => {
  const cases: [string, UncertaintySpec, boolean][] = [
    ['weights only', { weightNoise: 0.25 }, false],
    [
      'four assumptions (gmean runs go level by level)',
      {
        weightNoise: 0.25,
        noiseLevels: [2, 3],
        winmax: [1, 3, 5],
        normalisations: [
          { method: 'minmax', lower: 1, upper: 100 },
          { method: 'zscore', mean: 10, sd: 2 },
        ],
        aggregations: ['amean', 'gmean'],
      },
      false,
    ],
    ['missing data (no imputation)', { weightNoise: 0.3 }, true],
  ];
  for (const [name, uspec, raw] of cases)
    it(name, () => {
      const { input, spec } = exampleCoin();
      const p = prepareUncertainty(input, raw ? { normalise: spec.normalise } : spec, uspec);
      if (!p.ok) throw new Error(p.error.message);
      const want = plainHistogram(p.value, 17, 700);
      // uneven chunks through one runner (batches straddle them)
      const runner = createMonteCarloRunner(p.value, 17);
      for (const [s, c] of [
        [0, 100],
        [100, 1],
        [101, 499],
        [600, 100],
      ] as const)
        runner.run(s, c);
      const got = runner.finish();
      expect(runner.runs).toBe(700);
      expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
      expect(Array.from(got.valid)).toEqual(Array.from(want.valid));
    });

  it('perf dataset (2,000 units × 60 indicators), 300 runs', () => {
    const fw = frameworkFromIMeta(load('perf_iMeta.csv'));
    const data = matrixFromTable(
      load('perf_iData.csv'),
      fw.nodes.slice(0, fw.nIndicators).map((n) => n.code),
    );
    const p = prepareUncertainty(
      { framework: fw, data },
      { normalise: { method: 'minmax', lower: 0, upper: 100 } },
      { weightNoise: 0.25 },
    );
    if (!p.ok) throw new Error(p.error.message);
    const want = plainHistogram(p.value, 20240601, 300);
    const got = runMonteCarloChunk(p.value, 20240601, 0, 300).histogram;
    expect(got.counts.every((c, k) => c === want.counts[k])).toBe(true);
    expect(Array.from(got.valid)).toEqual(Array.from(want.valid));
  });
});
