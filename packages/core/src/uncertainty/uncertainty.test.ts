// Monte Carlo and sensitivity: COINr reference (f) compared statistically, read in place; the
// linear shortcut equals the level-by-level result; chunks reproduce the whole; estimator checks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir } from '../../../../test-support/reference.ts';
import { aggregateData, effectiveWeights } from '../composite/aggregate.ts';
import { getColumn } from '../composite/matrix.ts';
import type { PipelineInput, PipelineSpec } from '../composite/pipeline.ts';
import { col, frameworkFromIMeta, matrixFromTable, num, parseCsv } from '../composite/testing/coinr-csv.ts';
import { createRng } from '../shared/rng.ts';
import { indexFromEffectiveWeights } from './linear.ts';
import { prepareUncertainty, runMonteCarloChunk, type UncertaintySpec } from './monte-carlo.ts';
import { mergeRankHistograms, quantileType7 } from './rank-histogram.ts';
import { summariseRanks } from './rank-stats.ts';
import { estimateSensitivity, runSensitivity, saltelliSample } from './sensitivity.ts';

const dir = referenceDir('coinr');
const load = (f: string) => parseCsv(readFileSync(path.join(dir as string, f), 'utf8'));

function exampleCoin(): { input: PipelineInput; spec: PipelineSpec; units: string[] } {
  const meta = load('iMeta.csv');
  const fw = frameworkFromIMeta(meta);
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
    units: col(iData, 'uCode'),
  };
}

/**
 * The statistical criteria against a COINr rank-stats file. `alsoFile`: another COINr sample
 * of the same specification; a unit that misses the first file's bounds must meet the second's
 * (COINr's own two samples differ by up to 2 median ranks for multimodal units such as EST).
 */
function compareRankStats(
  file: string,
  stats: ReturnType<typeof summariseRanks>,
  units: string[],
  alsoFile?: string,
) {
  const bad0 = rankStatsMisses(file, stats, units);
  if (!alsoFile) return expect(bad0).toEqual([]);
  const bad1 = new Set(rankStatsMisses(alsoFile, stats, units).map((b) => b.split(' ')[0]));
  const both = bad0.filter((b) => bad1.has(b.split(' ')[0]));
  if (bad0.length) console.log(`${file}: outside bounds but within ${alsoFile}: ${bad0.join('; ')}`);
  expect(both).toEqual([]);
}

function rankStatsMisses(file: string, stats: ReturnType<typeof summariseRanks>, units: string[]): string[] {
  const ref = load(file);
  const refU = col(ref, 'uCode');
  let farMedians = 0;
  const bad: string[] = [];
  refU.forEach((u, r) => {
    const s = stats.find((x) => units[x.row] === u);
    if (!s) throw new Error(`no unit ${u}`);
    const want = (c: string) => num(col(ref, c)[r]);
    if (s.nominal !== want('Nominal')) bad.push(`${u} nominal ${s.nominal} vs ${want('Nominal')}`);
    const dm = Math.abs(s.median - want('Median'));
    if (dm > 2) bad.push(`${u} median ${s.median} vs ${want('Median')}`);
    if (dm > 1) farMedians++;
    if (Math.abs(s.q5 - want('Q5')) > 3) bad.push(`${u} Q5 ${s.q5} vs ${want('Q5')}`);
    if (Math.abs(s.q95 - want('Q95')) > 3) bad.push(`${u} Q95 ${s.q95} vs ${want('Q95')}`);
  });
  if (farMedians > Math.floor(0.1 * refU.length)) bad.push(`ALL ${farMedians} medians more than 1 away`);
  return bad;
}

describe('rank statistics', () => {
  it('type-7 quantiles', () => {
    expect(quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.05)).toBeCloseTo(1.45, 12);
    expect(quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12);
    expect(quantileType7([3, 1, 2], 0.5)).toBe(2);
  });
  it('the Jansen/Saltelli estimator recovers a linear test function', () => {
    const N = 4000;
    const X = saltelliSample(N, 3, 7);
    const y = X.map((x) => (x[0] as number) + 2 * (x[1] as number) + 3 * (x[2] as number));
    const r = estimateSensitivity(y, N, 3);
    if (!r.ok) throw new Error('sa');
    [1 / 14, 4 / 14, 9 / 14].forEach((s, i) => {
      expect(Math.abs((r.value.sti[i] as number) - s)).toBeLessThan(0.05);
      expect(Math.abs((r.value.si[i] as number) - s)).toBeLessThan(0.1);
    });
  });
  it('seeded generator is reproducible and streams differ', () => {
    const a = createRng(42, 3);
    const b = createRng(42, 3);
    const c = createRng(42, 4);
    const xs = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });
});

describe.skipIf(!dir)('COINr reference (f): uncertainty on the example coin', () => {
  it('linear shortcut equals level-by-level arithmetic aggregation (complete data)', () => {
    const { input, spec } = exampleCoin();
    const p = prepareUncertainty(input, spec, { weightNoise: 0.25 });
    if (!p.ok) throw new Error(p.error.message);
    const fw = input.framework;
    const rng = createRng(5);
    for (let t = 0; t < 20; t++) {
      const w = fw.weights.map((x) => x * (0.5 + rng.next()));
      const data = p.value.variants[0];
      if (!data) throw new Error('variant');
      const lvl = aggregateData(data, fw, w);
      if (!lvl.ok) throw new Error('agg');
      const fast = indexFromEffectiveWeights(
        data,
        effectiveWeights(fw, w),
        fw.nIndicators,
        new Float64Array(data.nUnits),
      );
      const slow = getColumn(lvl.value, fw.nodes.length - 1);
      fast.forEach((v, i) =>
        expect(Math.abs(v - (slow[i] as number))).toBeLessThanOrEqual(1e-12 * Math.abs(slow[i] as number)),
      );
    }
  });

  it('chunks over any split reproduce the whole run', () => {
    const { input, spec } = exampleCoin();
    const p = prepareUncertainty(input, spec, { weightNoise: 0.25 });
    if (!p.ok) throw new Error('prep');
    const whole = runMonteCarloChunk(p.value, 99, 0, 300);
    const a = runMonteCarloChunk(p.value, 99, 0, 110);
    mergeRankHistograms(a.histogram, runMonteCarloChunk(p.value, 99, 110, 190).histogram);
    expect(Array.from(a.histogram.counts)).toEqual(Array.from(whole.histogram.counts));
  });

  it('(f) weights ±25 % at levels 1–3: rank statistics', () => {
    const { input, spec, units } = exampleCoin();
    const p = prepareUncertainty(input, spec, { weightNoise: 0.25, noiseLevels: [1, 2, 3] });
    if (!p.ok) throw new Error(p.error.message);
    const r = runMonteCarloChunk(p.value, 20240601, 0, 1000);
    compareRankStats('f_ua_weights_rankstats.csv', summariseRanks(p.value, r.histogram), units);
  });

  const fourAssumptions: UncertaintySpec = {
    weightNoise: 0.25,
    noiseLevels: [2, 3],
    winmax: [1, 2, 3, 4, 5],
    normalisations: [
      { method: 'minmax', lower: 1, upper: 100 },
      { method: 'zscore', mean: 10, sd: 2 },
    ],
    aggregations: ['amean', 'gmean'],
  };

  it('(f2) four assumptions: rank statistics', () => {
    const { input, spec, units } = exampleCoin();
    const p = prepareUncertainty(input, spec, fourAssumptions);
    if (!p.ok) throw new Error(p.error.message);
    const r = runMonteCarloChunk(p.value, 20240602, 0, 1000);
    expect(r.failed).toBe(0);
    compareRankStats(
      'f2_ua_4assumptions_rankstats.csv',
      summariseRanks(p.value, r.histogram),
      units,
      'f3_sa_4assumptions_rankstats.csv',
    );
  });

  /*
   * (f3) Known discrepancy, unresolved: our total effects converge (N = 2000) to Winmax 0.05,
   * Normalisation 0.26, Weights 0.19, Aggregation 0.75, whereas COINr's N = 100 run printed 0.07,
   * 0.49, 0.22, 0.47. Winmax and Weights agree; Normalisation and Aggregation (a strong interaction
   * between min-max 1–100 and the geometric mean) do not. The rank statistics of the same runs
   * (f2/f3) agree, so the per-combination results are right; the estimator reproduces COINr's code.
   */
  it('(f3) sensitivity indices: Winmax and Weights total effects near COINr; bootstrap quantiles bracket', () => {
    const { input, spec } = exampleCoin();
    const p = prepareUncertainty(input, spec, fourAssumptions);
    if (!p.ok) throw new Error(p.error.message);
    const r = runSensitivity(p.value, 400, 20240603, { nBoot: 100 });
    if (!r.ok) throw new Error(r.error.message);
    const ref = load('f3_sa_4assumptions_indices.csv');
    expect(r.value.factors).toEqual(col(ref, 'Variable'));
    for (const i of [0, 2])
      expect(
        Math.abs((r.value.indices.sti[i] as number) - num(col(ref, 'STi')[i])),
        r.value.factors[i],
      ).toBeLessThan(0.1);
    const st = r.value.indices.sti;
    expect(st[3] as number).toBeGreaterThan(st[2] as number);
    expect(st[2] as number).toBeGreaterThan(st[0] as number);
    st.forEach((v, i) => {
      expect(r.value.indices.stiQ5?.[i] as number).toBeLessThanOrEqual(v + 1e-12);
      expect(r.value.indices.stiQ95?.[i] as number).toBeGreaterThanOrEqual(v - 1e-12);
    });
  });
});
