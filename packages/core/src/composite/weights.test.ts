// Weights: COINr reference (j) read in place, plus hand-computed entropy, AHP and standard-value cases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir } from '../../../../test-support/reference.ts';
import { getColumn, matrixFromRows } from './matrix.ts';
import { normaliseStandard } from './normalise-column.ts';
import { pcaWeightsFirstComponent, pcaWeightsHandbook, principalComponents } from './pca.ts';
import { ahpWeights } from './weights-ahp.ts';
import { entropyWeights } from './weights-entropy.ts';
import { close, col, frameworkFromIMeta, matrixFromTable, num, parseCsv } from './testing/coinr-csv.ts';

const dir = referenceDir('coinr');
const load = (f: string) => parseCsv(readFileSync(path.join(dir as string, f), 'utf8'));

describe('entropy weights (hand-computed)', () => {
  it('3 units × 2 indicators', () => {
    // Column 1: 0, 0.5, 1 → p = 0, 1/3, 2/3; e = −(1/ln3)(⅓ln⅓ + ⅔ln⅔); column 2 constant → d = 0.
    const m = matrixFromRows(
      [
        [0, 1],
        [0.5, 1],
        [1, 1],
      ],
      2,
    );
    const r = entropyWeights(m);
    if (!r.ok) throw new Error('entropy');
    const e1 = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3)) / Math.log(3);
    expect(r.value.e[0]).toBeCloseTo(e1, 14);
    expect(r.value.d[1]).toBe(0);
    expect(Array.from(r.value.w)).toEqual([1, 0]);
  });
  it('refuses negative data', () => {
    expect(entropyWeights(matrixFromRows([[-1], [2]], 1)).ok).toBe(false);
  });
});

describe('AHP (Saaty 4×4 textbook matrix)', () => {
  const A = [
    [1, 3, 5, 9],
    [1 / 3, 1, 3, 7],
    [1 / 5, 1 / 3, 1, 3],
    [1 / 9, 1 / 7, 1 / 3, 1],
  ];
  it('weights, λmax, CI, CR', () => {
    const r = ahpWeights(A);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.lambdaMax).toBeCloseTo(4.0876, 4);
    expect(r.value.ci).toBeCloseTo(0.0292, 4);
    expect(r.value.cr).toBeCloseTo(0.0325, 4);
    expect(r.value.ri).toBe(0.9);
    expect(Array.from(r.value.weights).map((w) => Number(w.toFixed(4)))).toEqual([
      0.5735, 0.2712, 0.1102, 0.0451,
    ]);
  });
  it.skipIf(!dir)('matches j_ahp_result.csv to 1e-9', () => {
    const m = load('j_ahp_matrix.csv').rows.map((r) => r.map(num));
    const r = ahpWeights(m);
    if (!r.ok) throw new Error(r.error.message);
    const t = load('j_ahp_result.csv');
    t.rows.forEach((row, i) => {
      expect(close(r.value.weights[i] as number, num(row[1]))).toBe(true);
      expect(close(r.value.lambdaMax, num(row[2]))).toBe(true);
      expect(close(r.value.ci, num(row[3]))).toBe(true);
      expect(close(r.value.cr, num(row[5]))).toBe(true);
    });
  });
  it('refuses an inconsistent matrix unless overridden', () => {
    const bad = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    const r = ahpWeights(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('E_INDEX_AHP_INCONSISTENT');
    expect(ahpWeights(bad, { allowInconsistent: true }).ok).toBe(true);
  });
  it('refuses a non-reciprocal matrix', () => {
    const r = ahpWeights([
      [1, 2],
      [2, 1],
    ]);
    expect(r.ok).toBe(false);
  });
});

describe('standard-value scoring (hand-computed)', () => {
  it('positive: actual ÷ standard capped at 100 %; negative: standard ÷ actual', () => {
    expect(Array.from(normaliseStandard([50, 100, 150, Number.NaN], 100))).toEqual([
      50,
      100,
      100,
      Number.NaN,
    ]);
    expect(Array.from(normaliseStandard([2, 4, 1], 2, -1))).toEqual([100, 50, 100]);
  });
});

describe.skipIf(!dir)('COINr reference (j): entropy and PCA weights', () => {
  const fw = dir ? frameworkFromIMeta(load('iMeta.csv')) : (null as never);
  const codes = dir ? fw.nodes.map((n) => n.code) : [];

  it('entropy weights on the example Normalised data', () => {
    const norm = load('g_example_Normalised.csv');
    const ind = codes.slice(0, fw.nIndicators);
    const r = entropyWeights(matrixFromTable(norm, ind));
    if (!r.ok) throw new Error(r.error.message);
    const t = load('j_entropy_weights_example_normalised.csv');
    col(t, 'iCode').forEach((c, k) => {
      const j = ind.indexOf(c);
      expect(close(r.value.e[j] as number, num(col(t, 'e')[k]))).toBe(true);
      expect(close(r.value.d[j] as number, num(col(t, 'd')[k]))).toBe(true);
      expect(close(r.value.w[j] as number, num(col(t, 'w')[k]))).toBe(true);
    });
  });

  const checkPca = (dset: string, level: number, refFile: string) => {
    const data = load(dset);
    const ref = load(refFile);
    const refW = new Map(ref.rows.map((r) => [r[0] as string, num(r[2])]));
    const parents = [...new Set(fw.nodes.filter((n) => n.level === level).map((n) => n.parent as string))];
    for (const p of parents) {
      const kids = fw.nodes.filter((n) => n.parent === p).map((n) => n.code);
      const m = matrixFromTable(data, kids);
      const w = pcaWeightsFirstComponent(kids.map((_, j) => getColumn(m, j)));
      if (!w.ok) throw new Error(w.error.message);
      // Loadings are defined up to a sign per group.
      const sign = Math.sign((w.value[0] as number) * (refW.get(kids[0] as string) as number));
      kids.forEach((c, j) =>
        expect(close(sign * (w.value[j] as number), refW.get(c) as number), `${p}/${c}`).toBe(true),
      );
    }
  };
  it('PCA level 1 by group (PC1 loadings, sign per group)', () =>
    checkPca('g_example_Normalised.csv', 1, 'j_pca_weights_level1_bygroup.csv'));
  it('PCA level 2 by group (mixed-sign loading kept)', () =>
    checkPca('g_example_Aggregated.csv', 2, 'j_pca_weights_level2_bygroup.csv'));

  it('Handbook PCA weights sum to 1; PCA refuses units ≤ indicators', () => {
    const m = matrixFromTable(load('g_example_Normalised.csv'), codes.slice(0, 8));
    const h = pcaWeightsHandbook(Array.from({ length: 8 }, (_, j) => getColumn(m, j)));
    if (!h.ok) throw new Error(h.error.message);
    expect(h.value.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const few = principalComponents([
      [1, 2, 3],
      [2, 1, 4],
      [3, 3, 1],
    ]);
    expect(few.ok).toBe(false);
  });
});
