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

/**
 * Unit-major copy of the first nIndicators columns (`rows[i · nIndicators + j]` = x[i, j]), so one
 * unit's indicators are contiguous for {@link indexFromUnitMajor}.
 */
export function toUnitMajor(data: DataMatrix, nIndicators: number): Float64Array {
  const n = data.nUnits;
  const v = data.values;
  const rows = new Float64Array(n * nIndicators);
  for (let j = 0; j < nIndicators; j++) {
    const base = j * n;
    for (let i = 0; i < n; i++) rows[i * nIndicators + j] = v[base + i] as number;
  }
  return rows;
}

/**
 * The same sums as {@link indexFromEffectiveWeights}, bit for bit (per unit: start at +0, add
 * eff[j] · x[i, j] for j ascending, skipping eff[j] = 0), over a unit-major copy: each unit's sum
 * stays in a register and four units are summed side by side (independent dependency chains).
 * `active` (length ≥ nIndicators) and `w` (length ≥ nIndicators) are scratch.
 */
export function indexFromUnitMajor(
  rows: Float64Array,
  nUnits: number,
  nIndicators: number,
  eff: ArrayLike<number>,
  out: Float64Array,
  active: Int32Array,
  w: Float64Array,
): Float64Array {
  let q = 0;
  for (let j = 0; j < nIndicators; j++) {
    const wj = eff[j] as number;
    if (wj === 0) continue;
    active[q] = j;
    w[q++] = wj;
  }
  const stride = nIndicators;
  let i = 0;
  if (q === nIndicators) {
    for (; i + 4 <= nUnits; i += 4) {
      const b0 = i * stride;
      const b1 = b0 + stride;
      const b2 = b1 + stride;
      const b3 = b2 + stride;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < stride; j++) {
        const wj = w[j] as number;
        s0 = s0 + wj * (rows[b0 + j] as number);
        s1 = s1 + wj * (rows[b1 + j] as number);
        s2 = s2 + wj * (rows[b2 + j] as number);
        s3 = s3 + wj * (rows[b3 + j] as number);
      }
      out[i] = s0;
      out[i + 1] = s1;
      out[i + 2] = s2;
      out[i + 3] = s3;
    }
    for (; i < nUnits; i++) {
      const b = i * stride;
      let s = 0;
      for (let j = 0; j < stride; j++) s = s + (w[j] as number) * (rows[b + j] as number);
      out[i] = s;
    }
    return out;
  }
  for (; i < nUnits; i++) {
    const b = i * stride;
    let s = 0;
    for (let t = 0; t < q; t++) s = s + (w[t] as number) * (rows[b + (active[t] as number)] as number);
    out[i] = s;
  }
  return out;
}
