/**
 * The linear shortcut: with arithmetic aggregation at every level and no missing values, the index
 * equals Σ_j effw_j · x_j over the indicators (effective weights, COINr `get_eff_weights`), because
 * a weighted mean of weighted means is a weighted mean with the product weights. Exact up to
 * floating-point rounding; it is used only when every condition holds (tested against the
 * level-by-level result).
 */
import type { DataMatrix } from '../composite/matrix.ts';

/** True when the data have no missing value (the shortcut's precondition besides amean). */
export function isComplete(data: DataMatrix): boolean {
  for (const v of data.values) if (v !== v) return false;
  return true;
}

/**
 * index[i] = Σ_j eff[j] · x[i, j] over the first nIndicators columns (column-major: one fused
 * multiply-add sweep per indicator). `out` receives the result.
 */
export function indexFromEffectiveWeights(
  data: DataMatrix,
  eff: ArrayLike<number>,
  nIndicators: number,
  out: Float64Array,
): Float64Array {
  const n = data.nUnits;
  const v = data.values;
  out.fill(0);
  for (let j = 0; j < nIndicators; j++) {
    const w = eff[j] as number;
    if (w === 0) continue;
    const base = j * n;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + w * (v[base + i] as number);
  }
  return out;
}
