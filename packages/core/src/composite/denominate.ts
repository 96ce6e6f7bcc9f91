/**
 * Denomination (COINr `Denominate`, default `f_denom = "/"`): x_den = x / (denominator / scaleFactor)
 * for the indicators that name a denominator; others are unchanged. A missing or zero denominator
 * gives a missing value (COINr's NA). Reference: COINr 1.1.14 `R/denominate.R`.
 */
import { copyMatrix, getColumn, type DataMatrix } from './matrix.ts';

/**
 * `denominators[j]` is the denominator column (one value per unit) for indicator j, or null to keep
 * indicator j as it is.
 */
export function denominateData(
  data: DataMatrix,
  denominators: readonly (ArrayLike<number> | null)[],
  scaleFactor = 1,
): DataMatrix {
  const out = copyMatrix(data);
  for (let j = 0; j < data.nCols; j++) {
    const d = denominators[j];
    if (!d) continue;
    const col = getColumn(out, j);
    for (let i = 0; i < data.nUnits; i++) {
      const den = (d[i] as number) / scaleFactor;
      col[i] = Number.isNaN(den) || den === 0 ? Number.NaN : (col[i] as number) / den;
    }
  }
  return out;
}
