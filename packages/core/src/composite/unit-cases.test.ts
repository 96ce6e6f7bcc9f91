// COINr reference (i): single-vector functions, scalars and Copeland, read in place.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir } from '../../../../test-support/reference.ts';
import {
  aggregateArithmetic,
  aggregateCopeland,
  aggregateGeneralised,
  aggregateGeometric,
  aggregateHarmonic,
} from './aggregate-functions.ts';
import { imputeColumn } from './impute.ts';
import {
  normaliseBorda,
  normaliseDist2Max,
  normaliseDist2Ref,
  normaliseDist2Targ,
  normaliseFracMax,
  normaliseGoalposts,
  normaliseMinMax,
  normalisePercentileRank,
  normaliseRank,
  normaliseScaled,
  normaliseZScore,
} from './normalise-column.ts';
import { kurtosis, skewness } from './stats.ts';
import { transformBoxCox, transformLogCT, transformLogCTOrig, transformLogCTPlus } from './transforms.ts';
import { checkSkewKurt, treatColumn, winsorise } from './treat.ts';
import { close, num, parseCsv } from './testing/coinr-csv.ts';

const dir = referenceDir('coinr');
const load = (f: string) => parseCsv(readFileSync(path.join(dir as string, f), 'utf8'));
const grp = ['a', 'a', 'b', 'b', 'a', 'b', 'b'];

function apply(fn: string, params: string, x: Float64Array): Float64Array {
  const has = (s: string) => params.includes(s);
  switch (fn) {
    case 'n_minmax':
      return normaliseMinMax(x, 0, 100);
    case 'n_zscore':
      return normaliseZScore(x, 0, 1);
    case 'n_rank':
      return normaliseRank(x);
    case 'n_borda':
      return normaliseBorda(x);
    case 'n_prank':
      return normalisePercentileRank(x);
    case 'n_fracmax':
      return normaliseFracMax(x);
    case 'n_dist2max':
      return normaliseDist2Max(x);
    case 'n_dist2ref':
      return normaliseDist2Ref(x, 1, has('cap_max=TRUE'));
    case 'n_dist2targ': {
      const targ = Number(/targ=([\d.-]+)/.exec(params)?.[1]);
      return normaliseDist2Targ(x, targ, has('direction=-1') ? -1 : 1, has('cap_max=TRUE'));
    }
    case 'n_goalposts': {
      const g = /gposts=c\(([^)]*)\)/.exec(params)?.[1]?.split(',').map(Number) ?? [];
      return normaliseGoalposts(
        x,
        g[0] as number,
        g[1] as number,
        g[2] as number,
        has('direction=-1') ? -1 : 1,
        has('trunc=TRUE'),
      );
    }
    case 'n_scaled': {
      const g = /npara=c\(([^)]*)\)/.exec(params)?.[1]?.split(',').map(Number) ?? [];
      return normaliseScaled(
        x,
        g[0] as number,
        g[1] as number,
        Number(/scale_factor=(\d+)/.exec(params)?.[1]),
      );
    }
    case 'winsorise':
      return winsorise(x, Number(/winmax=(\d+)/.exec(params)?.[1])).values;
    case 'log_CT':
      return transformLogCT(x);
    case 'log_CT_plus':
      return transformLogCTPlus(x);
    case 'log_CT_orig':
      return transformLogCTOrig(x);
    case 'boxcox':
      return transformBoxCox(x, 0.5, true);
    case 'Treat_default':
      return treatColumn(x, { method: 'winsorise' }).values;
    case 'i_mean':
      return imputeColumn(x, { method: 'mean' });
    case 'i_median':
      return imputeColumn(x, { method: 'median' });
    case 'i_mean_grp':
      return imputeColumn(x, { method: 'mean-by', groups: grp });
    case 'i_median_grp':
      return imputeColumn(x, { method: 'median-by', groups: grp });
    default:
      throw new Error(`no case for ${fn}`);
  }
}

describe.skipIf(!dir)('COINr reference (i): unit-level cases', () => {
  it('every vector case', () => {
    const t = dir ? load('i_unit_vectors.csv') : { header: [], rows: [] };
    const groups = new Map<string, string[][]>();
    for (const r of t.rows) {
      const key = `${r[0]}|${r[1]}|${r[2]}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const bad: string[] = [];
    let cells = 0;
    for (const [key, rows] of groups) {
      const [, fn, params] = key.split('|') as [string, string, string];
      const x = Float64Array.from(rows, (r) => num(r[4]));
      const y = apply(fn, params, x);
      rows.forEach((r, i) => {
        cells++;
        if (!close(y[i] as number, num(r[5]))) bad.push(`${key}[${i + 1}]: ${y[i]} vs ${r[5]}`);
      });
    }
    expect(bad).toEqual([]);
    expect(groups.size).toBeGreaterThanOrEqual(27);
    expect(cells).toBe(t.rows.length);
  });

  it('scalars: skew, kurt, check, nwin and the means', () => {
    const t = load('i_unit_scalars.csv');
    const x1 = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);
    const x2 = Float64Array.from([3, 7, Number.NaN, 7, 1, 12, 5]);
    const xa = [20, 50, Number.NaN, 80];
    const xb = [20, 50, 35, 80];
    const w = [1, 2, 3, 1];
    const v = (r: Result) => (r.ok ? r.value : Number.NaN);
    type Result = { ok: true; value: number } | { ok: false };
    const got: Record<string, number> = {
      'x1|skew': skewness(x1),
      'x1|kurt': kurtosis(x1),
      'x2|skew': skewness(x2),
      'x2|kurt': kurtosis(x2),
      'x1|check_SkewKurt.Pass': checkSkewKurt(x1).pass ? 1 : 0,
      'x1|winsorise.nwin': winsorise(x1, 5).nwin,
      'x3|winsorise.nwin': winsorise(
        x1.map((a) => -a),
        5,
      ).nwin,
      'xa|a_amean': aggregateArithmetic(xa, w),
      'xa|a_gmean': v(aggregateGeometric(xa, w)),
      'xa|a_hmean': v(aggregateHarmonic(xa, w)),
      'xb|a_amean': aggregateArithmetic(xb, w),
      'xb|a_gmean': v(aggregateGeometric(xb, w)),
      'xb|a_hmean': v(aggregateHarmonic(xb, w)),
      'xb|a_genmean|2': v(aggregateGeneralised(xb, w, 2)),
      'xb|a_genmean|-1': v(aggregateGeneralised(xb, w, -1)),
      'xb|a_genmean|0.5': v(aggregateGeneralised(xb, w, 0.5)),
    };
    for (const r of t.rows) {
      const p = /p=([-\d.]+)/.exec(r[2] ?? '')?.[1];
      const key = `${r[0]}|${r[1]}${p ? `|${p}` : ''}`;
      expect(key in got, key).toBe(true);
      expect(close(got[key] as number, num(r[3])), `${key}: ${got[key]} vs ${r[3]}`).toBe(true);
    }
  });

  it('Copeland scores and outranking matrix', () => {
    const input = load('i_copeland_input.csv');
    const out = load('i_copeland_output.csv');
    const cols = input.header.map((_, k) => input.rows.map((r) => num(r[k])));
    const c = aggregateCopeland(cols, [1, 1, 2]);
    const n = input.rows.length;
    out.rows.forEach((r, i) => {
      expect(c.scores[i]).toBe(num(r[1]));
      for (let j = 0; j < n; j++) expect(close(c.outrank[i * n + j] as number, num(r[2 + j]))).toBe(true);
    });
  });
});

describe('aggregation edge cases', () => {
  it('geometric mean refuses values ≤ 0 and names the position', () => {
    const r = aggregateGeometric([3, 0, 2], [1, 1, 1]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'E_INDEX_NONPOSITIVE', params: { position: 1 } });
  });
  it('all children missing gives NaN', () => {
    expect(aggregateArithmetic([Number.NaN, Number.NaN], [1, 1])).toBeNaN();
  });
});
