/**
 * Normalises every indicator column of a data set, as COINr's `Normalise()`: each column is first
 * multiplied by its direction (so higher is always better), then passed to the chosen method.
 * Per-indicator parameters (target, goalposts, standard) come from the framework, multiplied by the
 * direction as COINr's `f_n_para = "use_iMeta"` does.
 */
import { err, ok, type Result } from '../shared/result.ts';
import type { Framework } from './framework.ts';
import { createMatrix, getColumn, type DataMatrix } from './matrix.ts';
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
  normaliseStandard,
  normaliseZScore,
} from './normalise-column.ts';

/** A normalisation method and its parameters (described as data). */
export type NormaliseSpec =
  | { readonly method: 'minmax'; readonly lower?: number; readonly upper?: number }
  | { readonly method: 'zscore'; readonly mean?: number; readonly sd?: number }
  | { readonly method: 'rank' | 'borda' | 'prank' | 'fracmax' | 'dist2max' | 'none' }
  | { readonly method: 'dist2ref'; readonly refUnit?: number; readonly cap?: boolean }
  | { readonly method: 'dist2targ'; readonly cap?: boolean }
  | { readonly method: 'goalposts'; readonly trunc?: boolean }
  | {
      readonly method: 'scaled';
      readonly lower: number;
      readonly upper: number;
      readonly scaleFactor?: number;
    }
  | { readonly method: 'standard'; readonly cap?: boolean };

/** The method names accepted by `normaliseData`. */
export const NORMALISE_METHODS = [
  'minmax',
  'zscore',
  'rank',
  'borda',
  'prank',
  'fracmax',
  'dist2max',
  'dist2ref',
  'dist2targ',
  'goalposts',
  'scaled',
  'standard',
  'none',
] as const;

/** Options of `normaliseData`. */
export interface NormaliseOptions {
  /**
   * Panel data: the period of each row. With `panel: 'per-period'` each period is normalised on its
   * own (scores then compare ranks within a year only); the default `'global'` normalises all rows
   * together, so scores are comparable across years (COINr `Normalise(purse, global = TRUE)`).
   */
  readonly periodOf?: ArrayLike<number>;
  readonly panel?: 'global' | 'per-period';
}

function normaliseColumn(
  x: Float64Array,
  spec: NormaliseSpec,
  fw: Framework,
  j: number,
): Result<Float64Array> {
  const node = fw.nodes[j];
  const dir = fw.directions[j] ?? 1;
  const code = node?.code ?? String(j);
  switch (spec.method) {
    case 'minmax':
      return ok(normaliseMinMax(x, spec.lower ?? 0, spec.upper ?? 100));
    case 'zscore':
      return ok(normaliseZScore(x, spec.mean ?? 0, spec.sd ?? 1));
    case 'rank':
      return ok(normaliseRank(x));
    case 'borda':
      return ok(normaliseBorda(x));
    case 'prank':
      return ok(normalisePercentileRank(x));
    case 'fracmax':
      return ok(normaliseFracMax(x));
    case 'dist2max':
      return ok(normaliseDist2Max(x));
    case 'none':
      return ok(x.slice());
    case 'dist2ref':
      return ok(normaliseDist2Ref(x, spec.refUnit ?? 0, spec.cap ?? false));
    case 'dist2targ': {
      const t = node?.target;
      if (t === null || t === undefined || !Number.isFinite(t))
        return err({
          code: 'E_INDEX_TARGET_MISSING',
          where: code,
          params: { iCode: code },
          message: `indicator ${code} has no Target`,
        });
      return ok(normaliseDist2Targ(x, t * dir, 1, spec.cap ?? false));
    }
    case 'goalposts': {
      const g = node?.goalposts;
      if (!g)
        return err({
          code: 'E_INDEX_GOALPOSTS_MISSING',
          where: code,
          params: { iCode: code },
          message: `indicator ${code} has no goalposts`,
        });
      return ok(
        normaliseGoalposts(x, g.lower * dir, g.upper * dir, g.scale ?? 1, 1, spec.trunc ?? g.trunc ?? true),
      );
    }
    case 'scaled':
      return ok(normaliseScaled(x, spec.lower, spec.upper, spec.scaleFactor ?? 100));
    case 'standard': {
      const s = node?.standard;
      if (s === null || s === undefined || !Number.isFinite(s) || s === 0)
        return err({
          code: 'E_INDEX_STANDARD_MISSING',
          where: code,
          params: { iCode: code },
          message: `indicator ${code} has no Standard`,
        });
      // Standard scoring works on raw values: undo the direction flip.
      const raw = dir === -1 ? x.map((v) => -v) : x;
      return ok(normaliseStandard(raw, s, dir, spec.cap ?? true));
    }
  }
}

/**
 * Normalises the indicator columns of `data` (units × nIndicators, framework order). Each column is
 * multiplied by its direction, then normalised with `spec`. Missing values stay missing.
 * Errors: `E_INDEX_TARGET_MISSING`, `E_INDEX_GOALPOSTS_MISSING`, `E_INDEX_STANDARD_MISSING`
 * (where = the indicator code), `E_INDEX_REF_UNIT` (reference unit out of range).
 */
export function normaliseData(
  data: DataMatrix,
  fw: Framework,
  spec: NormaliseSpec,
  options: NormaliseOptions = {},
): Result<DataMatrix> {
  if (spec.method === 'dist2ref') {
    const r = spec.refUnit ?? 0;
    if (!Number.isInteger(r) || r < 0 || r >= data.nUnits)
      return err({
        code: 'E_INDEX_REF_UNIT',
        params: { ref: r },
        message: `reference unit ${r} is out of range`,
      });
  }
  const out = createMatrix(data.nUnits, data.nCols);
  const groups: number[][] = [];
  if (options.periodOf && options.panel === 'per-period') {
    const byPeriod = new Map<number, number[]>();
    for (let i = 0; i < data.nUnits; i++) {
      const p = options.periodOf[i] as number;
      const g = byPeriod.get(p) ?? [];
      g.push(i);
      byPeriod.set(p, g);
    }
    groups.push(...byPeriod.values());
  } else {
    groups.push(Array.from({ length: data.nUnits }, (_, i) => i));
  }
  for (let j = 0; j < data.nCols; j++) {
    const dir = fw.directions[j] ?? 1;
    const col = getColumn(data, j);
    const target = getColumn(out, j);
    for (const g of groups) {
      const x = new Float64Array(g.length);
      g.forEach((i, k) => (x[k] = (col[i] as number) * dir));
      const s =
        spec.method === 'dist2ref' ? { ...spec, refUnit: Math.max(0, g.indexOf(spec.refUnit ?? 0)) } : spec;
      const y = normaliseColumn(x, s, fw, j);
      if (!y.ok) return y;
      g.forEach((i, k) => (target[i] = y.value[k] as number));
    }
  }
  return ok(out);
}
