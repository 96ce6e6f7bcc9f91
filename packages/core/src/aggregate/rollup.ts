import type { RollupPlan } from './tree.ts';

/** How an indicator aggregates: across the tree and over time. */
export type AggregationType = 'flow' | 'stock' | 'ratio' | 'mean' | 'weighted_mean' | 'min' | 'max' | 'count';

/** All aggregation types. */
export const AGGREGATION_TYPES: readonly AggregationType[] = [
  'flow',
  'stock',
  'ratio',
  'mean',
  'weighted_mean',
  'min',
  'max',
  'count',
];

/** A rolled-up column and its completeness (same shape: rows × periods, unit-major). */
export interface RolledColumn {
  readonly values: Float64Array;
  /**
   * Share of the reporting units at or below each row that have a value, in [0, 1]; NaN for a row
   * not valid in that period. Below 1 the value is partial (a partial sum); below 0.6 it is low.
   */
  readonly completeness: Float64Array;
}

/** Completeness threshold under which an aggregate is flagged low (60 %). */
export const LOW_COMPLETENESS = 0.6;

/** True when an aggregate covers fewer than all its reporting units (a partial sum is never a whole). */
export const isPartial = (completeness: number): boolean => completeness < 1;

/** True when completeness is below {@link LOW_COMPLETENESS}. */
export const isLowCompleteness = (completeness: number): boolean => completeness < LOW_COMPLETENESS;

/**
 * Rolls one column up the tree (of each period's date) by its aggregation type. Reporting units (rows
 * without contributing children) keep their own value; every aggregate row is computed from the
 * reporting units below it, whatever was stored there:
 * - `flow`, `stock`: Σ of the values present (sums are summed; time is handled by {@link rollUpOverTime});
 * - `mean`: Σ x ÷ n over reporting units with a value (the mean of all units, not a mean of means);
 * - `weighted_mean`: Σ w·x ÷ Σ w over units with both x and w (`weights` required; Σ w = 0 → missing);
 * - `min`, `max`: over the units with a value; `count`: number of units with a value (0 is a value).
 * Missing values are skipped and lower completeness; an aggregate with no value below it is missing
 * (NaN), never 0 (except `count`). `ratio` is not handled here: ratios are recomputed from their rolled-up
 * components by their formula. Rows not valid in a period are missing. Cost: O(rows × periods).
 */
export function rollUpColumn(
  plan: RollupPlan,
  type: Exclude<AggregationType, 'ratio'>,
  input: Float64Array,
  weights?: Float64Array,
): RolledColumn {
  const n = plan.ids.length;
  const P = plan.periods;
  const values = new Float64Array(n * P);
  const completeness = new Float64Array(n * P);
  const count = new Float64Array(n);
  const acc = new Float64Array(n);
  const wsum = new Float64Array(n);
  const isExt = type === 'min' || type === 'max';
  const isMin = type === 'min';
  for (let p = 0; p < P; p++) {
    const t = plan.trees[p]!;
    const { active, childStart, childRows, aggregateRows, reportingUnits } = t;
    // Reporting units (and inactive rows).
    for (let r = 0; r < n; r++) {
      const i = r * P + p;
      if (!active[r]) {
        values[i] = NaN;
        completeness[i] = NaN;
        continue;
      }
      const own = input[i]!;
      let x = own;
      let w = 1;
      if (type === 'weighted_mean') {
        w = weights ? weights[i]! : NaN;
        if (w !== w) x = NaN;
      }
      const has = x === x;
      count[r] = has ? 1 : 0;
      acc[r] = has ? (type === 'weighted_mean' ? w * x : x) : isExt ? NaN : 0;
      wsum[r] = has ? w : 0;
      values[i] = type === 'count' ? count[r]! : own;
      completeness[i] = has ? 1 : 0;
    }
    // Aggregates, children first.
    for (let k = 0; k < aggregateRows.length; k++) {
      const r = aggregateRows[k]!;
      let c = 0;
      let a = isExt ? NaN : 0;
      let ws = 0;
      for (let j = childStart[r]!; j < childStart[r + 1]!; j++) {
        const ch = childRows[j]!;
        c += count[ch]!;
        ws += wsum[ch]!;
        const v = acc[ch]!;
        if (isExt) {
          if (v === v && (a !== a || (isMin ? v < a : v > a))) a = v;
        } else a += v;
      }
      count[r] = c;
      acc[r] = a;
      wsum[r] = ws;
      const i = r * P + p;
      completeness[i] = c / reportingUnits[r]!;
      if (type === 'count') values[i] = c;
      else if (c === 0) values[i] = NaN;
      else if (type === 'mean') values[i] = a / c;
      else if (type === 'weighted_mean') values[i] = ws === 0 ? NaN : a / ws;
      else values[i] = a;
    }
  }
  return { values, completeness };
}
