import type { AggregationType } from './rollup.ts';

/**
 * Aggregates one column over time: source periods (e.g. quarters) into target periods (e.g. years).
 * `group[p]` is the target period index of source period p, or −1 to drop it; `expected[q]` is how many
 * source periods make target q complete (4 quarters, 12 months). Rows stay the same. By type:
 * - `flow`: Σ over the periods present (partial when some are missing; missing when none);
 * - `stock`, `count`: the value of the LAST source period of the group (end-of-period level);
 *   missing if that period is missing (an earlier level never passes for the end-of-period one);
 * - `mean`: mean of the present values; `weighted_mean`: Σ w·x ÷ Σ w; `min`, `max`.
 * `ratio` is not handled here (recompute from the time-aggregated components).
 * Returns values and completeness (present ÷ expected; for stock/count 1 or 0), NaN-filled where missing.
 */
export function rollUpOverTime(
  type: Exclude<AggregationType, 'ratio'>,
  input: Float64Array,
  rows: number,
  sourcePeriods: number,
  group: Int32Array,
  expected: readonly number[],
  weights?: Float64Array,
): { values: Float64Array; completeness: Float64Array } {
  const Q = expected.length;
  const values = new Float64Array(rows * Q).fill(NaN);
  const completeness = new Float64Array(rows * Q);
  const last = new Int32Array(Q).fill(-1);
  for (let p = 0; p < sourcePeriods; p++) if (group[p]! >= 0) last[group[p]!] = p;
  const sum = new Float64Array(Q);
  const cnt = new Float64Array(Q);
  const ws = new Float64Array(Q);
  for (let r = 0; r < rows; r++) {
    const base = r * sourcePeriods;
    sum.fill(type === 'min' || type === 'max' ? NaN : 0);
    cnt.fill(0);
    ws.fill(0);
    for (let p = 0; p < sourcePeriods; p++) {
      const q = group[p]!;
      if (q < 0) continue;
      let x = input[base + p]!;
      let w = 1;
      if (type === 'weighted_mean') {
        w = weights ? weights[base + p]! : NaN;
        if (w !== w) x = NaN;
      }
      if (x !== x) continue;
      cnt[q]!++;
      if (type === 'min') sum[q] = sum[q]! !== sum[q]! || x < sum[q]! ? x : sum[q]!;
      else if (type === 'max') sum[q] = sum[q]! !== sum[q]! || x > sum[q]! ? x : sum[q]!;
      else {
        sum[q]! += type === 'weighted_mean' ? w * x : x;
        ws[q]! += w;
      }
    }
    for (let q = 0; q < Q; q++) {
      const i = r * Q + q;
      if (type === 'stock' || type === 'count') {
        const lp = last[q]!;
        const v = lp >= 0 ? input[base + lp]! : NaN;
        values[i] = v;
        completeness[i] = v === v ? 1 : 0;
        continue;
      }
      completeness[i] = cnt[q]! / (expected[q] ?? 1);
      if (cnt[q] === 0) continue;
      values[i] =
        type === 'mean'
          ? sum[q]! / cnt[q]!
          : type === 'weighted_mean'
            ? ws[q] === 0
              ? NaN
              : sum[q]! / ws[q]!
            : sum[q]!;
    }
  }
  return { values, completeness };
}
