/**
 * Aggregates normalised indicators up a framework's hierarchy, level by level, as COINr's
 * `Aggregate()`: each aggregate is a weighted mean of its children, missing children dropped and
 * the weights renormalised over the present ones at every level.
 */
import { err, ok, type Result } from '../shared/result.ts';
import {
  aggregateCopeland,
  aggregateGeneralised,
  aggregateGeometric,
  aggregateHarmonic,
} from './aggregate-functions.ts';
import type { Framework } from './framework.ts';
import { createMatrix, getColumn, type DataMatrix } from './matrix.ts';

/** Aggregation method names. */
export type AggregationMethod = 'amean' | 'gmean' | 'hmean' | 'genmean' | 'copeland';

/** Aggregation settings (described as data). */
export interface AggregateSpec {
  /** One method for every level, or one per level 2..maxLevel (index 0 = level 2). Default amean. */
  readonly method?: AggregationMethod | readonly AggregationMethod[];
  /** Exponent of the generalised mean (non-zero). */
  readonly p?: number;
  /** Aggregate is NaN when (present children)/(children) < datThresh. Default: none. */
  readonly datThresh?: number;
}

/**
 * Computes COINr's `Aggregated` data set: columns = every framework node (indicators first, then
 * aggregates level by level), rows = units. `normalised` holds the indicator columns (framework
 * order); `weights` the node weights (framework order, e.g. `fw.weights`).
 * Errors: `E_INDEX_NONPOSITIVE` (geometric/harmonic/generalised mean over a value ≤ 0) with
 * params { unit (row position), iCode (the child), parent }; `E_INDEX_GENMEAN_P`.
 */
export function aggregateData(
  normalised: DataMatrix,
  fw: Framework,
  weights: ArrayLike<number>,
  spec: AggregateSpec = {},
): Result<DataMatrix> {
  const n = normalised.nUnits;
  const out = createMatrix(n, fw.nodes.length);
  out.values.set(normalised.values.subarray(0, n * fw.nIndicators));
  for (let k = fw.nIndicators; k < fw.nodes.length; k++) {
    const node = fw.nodes[k];
    if (!node) continue;
    const kids = fw.children[k] ?? [];
    const method = Array.isArray(spec.method)
      ? ((spec.method as AggregationMethod[])[node.level - 2] ?? 'amean')
      : ((spec.method as AggregationMethod | undefined) ?? 'amean');
    const target = getColumn(out, k);
    const cols = kids.map((c) => getColumn(out, c));
    const w = kids.map((c) => weights[c] as number);
    if (method === 'amean') {
      const num = new Float64Array(n);
      const den = new Float64Array(n);
      cols.forEach((col, q) => {
        const wq = w[q] as number;
        for (let i = 0; i < n; i++) {
          const v = col[i] as number;
          if (v === v) {
            num[i] = (num[i] as number) + wq * v;
            den[i] = (den[i] as number) + wq;
          }
        }
      });
      // Every child missing: 0/0 = NaN, as COINr.
      for (let i = 0; i < n; i++) target[i] = (num[i] as number) / (den[i] as number);
    } else if (method === 'copeland') {
      target.set(aggregateCopeland(cols, w).scores);
    } else {
      const x = new Float64Array(kids.length);
      for (let i = 0; i < n; i++) {
        for (let q = 0; q < kids.length; q++) x[q] = (cols[q] as Float64Array)[i] as number;
        const r =
          method === 'gmean'
            ? aggregateGeometric(x, w)
            : method === 'hmean'
              ? aggregateHarmonic(x, w)
              : aggregateGeneralised(x, w, spec.p ?? 1);
        if (!r.ok) {
          const pos = Number(r.error.params?.position ?? 0);
          const child = fw.nodes[kids[pos] ?? 0]?.code ?? '';
          return err({
            code: r.error.code,
            where: child,
            params: { ...r.error.params, unit: i, iCode: child, parent: node.code },
            message: `${r.error.message ?? ''} (unit ${i}, ${child})`,
          });
        }
        target[i] = r.value;
      }
    }
    if (spec.datThresh !== undefined) {
      for (let i = 0; i < n; i++) {
        let present = 0;
        for (const c of cols) if (!Number.isNaN(c[i] as number)) present++;
        if (present / kids.length < spec.datThresh) target[i] = Number.NaN;
      }
    }
  }
  return ok(out);
}

/**
 * Effective weights (COINr `get_eff_weights`): within each parent the weights are normalised to sum
 * to 1, then multiplied down from the top (the index has 1). An indicator's effective weight is the
 * product of its normalised weights along its lineage; the indicators' effective weights sum to 1
 * (as do those of any one level). A parent whose children's weights sum to 0 gives NaN.
 */
export function effectiveWeights(fw: Framework, weights: ArrayLike<number>): Float64Array {
  const m = fw.nodes.length;
  const eff = new Float64Array(m);
  for (let k = m - 1; k >= 0; k--) {
    const p = fw.parentOf[k] as number;
    if (p < 0) {
      eff[k] = 1;
      continue;
    }
    let s = 0;
    for (const c of fw.children[p] ?? []) s += weights[c] as number;
    eff[k] = ((eff[p] as number) * (weights[k] as number)) / s;
  }
  return eff;
}
