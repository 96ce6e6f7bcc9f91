// The evaluation page's pure parts: AHP matrix entry, the request body of the form, the hierarchy the
// run evaluates, and the ranking view with rank-interval geometry.
import { describe, expect, it } from 'vitest';
import type { EvaluationRunDetail, FrameworkDetail } from '@scimon/contracts';
import { evaluationRunCreate } from '@scimon/contracts';
import {
  formatJudgement,
  matrixFromTexts,
  matrixFromWeights,
  parseJudgement,
  upperTexts,
} from './ahp-matrix.ts';
import { ahpParents, defaultFormValues, hierarchyOf, toRunRequest, uncertainFactors } from './run-form.ts';
import { intervalGeometry, permissions, rankingRows, sensitivityOf, weightTree } from './run-view.ts';

describe('AHP matrix entry', () => {
  it('parses Saaty judgements and fractions, refuses the rest', () => {
    expect(parseJudgement('3')).toBe(3);
    expect(parseJudgement(' 1/5 ')).toBeCloseTo(0.2, 12);
    expect(parseJudgement('0.5')).toBe(0.5);
    for (const bad of ['', '0', '-3', 'abc', '1/0', '3/']) expect(parseJudgement(bad)).toBeNull();
  });
  it('formats integers and their reciprocals as Saaty writes them', () => {
    expect([3, 1 / 7, 1, 2.5, 0.4, 2 / 3, 0.123].map(formatJudgement)).toEqual([
      '3',
      '1/7',
      '1',
      '5/2',
      '2/5',
      '2/3',
      '0.123',
    ]);
  });
  it('fills the lower triangle with reciprocals, null while a cell does not parse', () => {
    const texts = [
      ['', '3', '5'],
      ['', '', '1/2'],
      ['', '', ''],
    ];
    const m = matrixFromTexts(texts)!;
    expect(m[0]).toEqual([1, 3, 5]);
    expect(m[1]![0]).toBeCloseTo(1 / 3, 12);
    expect(m[2]![1]).toBe(2);
    expect(m[2]![2]).toBe(1);
    expect(
      matrixFromTexts([
        ['', 'x'],
        ['', ''],
      ]),
    ).toBeNull();
    expect(upperTexts(m)).toEqual(texts);
  });
  it('builds a consistent matrix from weights', () => {
    const m = matrixFromWeights([0.5, 0.25, 0.25]);
    expect(m[0]).toEqual([1, 2, 2]);
    expect(m[2]).toEqual([0.5, 1, 1]);
  });
});

const fw = {
  code: 'wsc-2023',
  version: 1,
  status: 'active',
  nameZh: '框架',
  nameEn: 'Framework',
  createdAt: '',
  targets: [],
  dimensions: [
    { code: 'HEADLINE', seq: 0, kind: 'group', nameZh: '核心', nameEn: 'Headline', articleCodes: [] },
    { code: 'D2', seq: 2, kind: 'dimension', nameZh: '维度二', nameEn: 'Two', articleCodes: [] },
    { code: 'D1', seq: 1, kind: 'dimension', nameZh: '维度一', nameEn: 'One', articleCodes: [] },
  ],
  indicators: [
    { code: 'a', seq: 1, weight: 2, dimensionCodes: ['HEADLINE', 'D1'], nameZh: 'A', nameEn: 'A' },
    { code: 'b', seq: 2, weight: 1, dimensionCodes: ['D2', 'D1'], nameZh: 'B', nameEn: 'B' },
    { code: 'gdp', seq: 3, weight: 0, dimensionCodes: ['D1'], nameZh: 'GDP', nameEn: 'GDP' },
    { code: 'c', seq: 4, weight: 1, dimensionCodes: ['D2'], nameZh: 'C', nameEn: 'C' },
  ],
} as unknown as FrameworkDetail;

describe('the run form', () => {
  const h = hierarchyOf(fw);
  it('evaluates indicators with weight > 0 under their first dimension by sequence', () => {
    expect(h.map((d) => [d.code, d.indicators.map((i) => i.code)])).toEqual([
      ['D1', ['a', 'b']],
      ['D2', ['c']],
    ]);
  });
  it('asks for one AHP matrix per dimension and one for the index as chosen', () => {
    const v = {
      ...defaultFormValues(2024),
      indicatorWeights: 'ahp' as const,
      dimensionWeights: 'ahp' as const,
    };
    expect(ahpParents(v, h).map((p) => [p.parent, p.children.map((c) => c.code)])).toEqual([
      ['INDEX', ['D1', 'D2']],
      ['D1', ['a', 'b']],
      ['D2', ['c']],
    ]);
  });
  it('makes a request the contract accepts, with AHP matrices, overrides and the Monte Carlo', () => {
    const v = {
      ...defaultFormValues(2024),
      name: ' 园区 2024 ',
      framework: 'wsc-2023',
      years: [2024, 2023, 2024],
      dimensionWeights: 'ahp' as const,
      ahp: {
        INDEX: { parent: 'INDEX', children: ['D1', 'D2'], matrix: matrixFromWeights([0.75, 0.25]) },
        D1: { parent: 'D1', children: ['a', 'b'], matrix: [[1]] },
      },
      overrides: { c: 0 },
      aggregateIndex: 'gmean' as const,
      mcRuns: 200,
      mcSeed: 7,
      mcAggregations: ['amean', 'gmean'] as ('amean' | 'gmean')[],
      saEnabled: true,
      saN: 50,
      mcYear: 2023,
      panel: 'per-period' as const,
    };
    const body = toRunRequest(v, h);
    expect(evaluationRunCreate.parse(body)).toBeTruthy();
    expect(body).toMatchObject({
      name: '园区 2024',
      framework: 'wsc-2023',
      years: [2023, 2024],
      level: 'park',
    });
    expect(body.settings.weights.ahp).toEqual([
      {
        parent: 'INDEX',
        children: ['D1', 'D2'],
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      },
    ]);
    expect(body.settings.weights.overrides).toEqual({ c: 0 });
    expect(body.settings.aggregate.method).toEqual(['amean', 'gmean']);
    expect(body.settings.panel).toBe('per-period');
    expect(body.settings.uncertainty).toMatchObject({
      runs: 200,
      seed: 7,
      weightNoise: 0.25,
      aggregations: ['amean', 'gmean'],
      sensitivity: { n: 50, bootstrap: 0 },
      year: 2023,
    });
    expect(uncertainFactors(v)).toBe(2);
    expect(toRunRequest({ ...v, mcEnabled: false }, h).settings.uncertainty).toBeUndefined();
  });
  it('passes the per-indicator parameters of the normalisation that needs them', () => {
    const v = {
      ...defaultFormValues(2024),
      normalise: 'standard' as const,
      indicatorParams: { a: { standard: 10, target: 3 }, gdp: { standard: 1 } },
    };
    const body = toRunRequest(v, h);
    expect(body.settings.normalise).toEqual({ method: 'standard', cap: false });
    expect(body.settings.indicatorParams).toEqual({ a: { standard: 10 } });
  });
});

const run = {
  id: 3,
  years: [2024],
  results: {
    nodes: [
      {
        code: 'a',
        kind: 'indicator',
        parent: 'D1',
        nameZh: 'A',
        nameEn: 'A',
        weight: 1,
        effectiveWeight: 0.5,
      },
      {
        code: 'b',
        kind: 'indicator',
        parent: 'D1',
        nameZh: 'B',
        nameEn: 'B',
        weight: 1,
        effectiveWeight: 0.5,
      },
      {
        code: 'D1',
        kind: 'dimension',
        parent: 'INDEX',
        nameZh: '维一',
        nameEn: 'One',
        weight: 1,
        effectiveWeight: 1,
      },
      {
        code: 'INDEX',
        kind: 'index',
        parent: null,
        nameZh: '指数',
        nameEn: 'Index',
        weight: 1,
        effectiveWeight: 1,
      },
    ],
    rows: [
      {
        orgUnit: 'P1',
        nameZh: '一园',
        nameEn: 'Park 1',
        parent: 'Z',
        year: 2024,
        values: {},
        scores: { D1: 40, INDEX: 40 },
        ranks: { INDEX: 2 },
      },
      {
        orgUnit: 'P2',
        nameZh: '二园',
        nameEn: 'Park 2',
        parent: 'Z',
        year: 2024,
        values: {},
        scores: { D1: 80, INDEX: 80 },
        ranks: { INDEX: 1 },
      },
    ],
  },
  uncertainty: {
    year: 2024,
    runs: 200,
    ranks: [
      { orgUnit: 'P1', nominal: 2, mean: 1.8, median: 2, q5: 1, q95: 2 },
      { orgUnit: 'P2', nominal: 1, mean: 1.2, median: 1, q5: 1, q95: 2 },
    ],
    sensitivity: {
      variance: 1,
      factors: [{ name: 'Weights', si: 0.5, sti: 0.6, siQ5: null, siQ95: null, stiQ5: null, stiQ95: null }],
    },
  },
} as unknown as EvaluationRunDetail;

describe('the run view', () => {
  it('ranks best first with the Monte Carlo interval and dimension scores', () => {
    const rows = rankingRows(run, 2024, false);
    expect(rows.map((r) => [r.name, r.nominal, r.score, r.q5, r.median, r.q95, r.dimensions.D1])).toEqual([
      ['二园', 1, 80, 1, 1, 2, 80],
      ['一园', 2, 40, 1, 2, 2, 40],
    ]);
    expect(rankingRows(run, 2023, true)).toEqual([]);
  });
  it('places the interval bar on a track of ranks 1 … n', () => {
    expect(intervalGeometry({ q5: 1, q95: 2, median: 2, nominal: 2 }, 4)).toEqual({
      left: 0,
      width: 50,
      median: 37.5,
      nominal: 37.5,
    });
    expect(intervalGeometry({ q5: null, q95: null, median: null, nominal: 3 }, 4)).toEqual({
      left: 62.5,
      width: 0,
      median: null,
      nominal: 62.5,
    });
  });
  it('translates the sensitivity factors and lists effective weights under their dimensions', () => {
    expect(sensitivityOf(run, (n) => (n === 'Weights' ? '权重' : n))[0]).toMatchObject({
      name: '权重',
      si: 0.5,
    });
    const tree = weightTree(run.results!, true);
    expect(tree.map((d) => [d.name, d.children?.map((c) => [c.code, c.effectiveWeight])])).toEqual([
      [
        'One',
        [
          ['a', 0.5],
          ['b', 0.5],
        ],
      ],
    ]);
  });
  it('lets coordinators and admin publish, the three staff roles cancel, others only read', () => {
    expect(permissions(['analyst'])).toEqual({ staff: true, publish: false, cancel: true });
    expect(permissions(['coordinator'])).toEqual({ staff: true, publish: true, cancel: true });
    expect(permissions(['viewer', 'reporter'])).toEqual({ staff: false, publish: false, cancel: false });
  });
});
