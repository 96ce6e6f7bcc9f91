/**
 * The data layout of the composite-index engine: a units × columns table of doubles stored
 * **column-major** in one `Float64Array` (`values[j * nUnits + i]` is unit i, column j), so each
 * indicator is a contiguous view. `NaN` means missing (COINr's `NA`).
 */
export interface DataMatrix {
  /** Number of units (rows). */
  readonly nUnits: number;
  /** Number of columns (indicators or aggregates). */
  readonly nCols: number;
  /** Column-major values, length nUnits × nCols; NaN = missing. */
  readonly values: Float64Array;
}

/** Allocates a matrix filled with NaN (all missing). */
export function createMatrix(nUnits: number, nCols: number): DataMatrix {
  const values = new Float64Array(nUnits * nCols);
  values.fill(Number.NaN);
  return { nUnits, nCols, values };
}

/** Builds a matrix from row arrays (`rows[i][j]`); `null`/`undefined` become NaN. */
export function matrixFromRows(
  rows: readonly (readonly (number | null | undefined)[])[],
  nCols: number,
): DataMatrix {
  const m = createMatrix(rows.length, nCols);
  rows.forEach((row, i) => {
    for (let j = 0; j < nCols; j++) {
      const v = row[j];
      m.values[j * rows.length + i] = v === null || v === undefined ? Number.NaN : v;
    }
  });
  return m;
}

/** A view (no copy) of column j. */
export function getColumn(m: DataMatrix, j: number): Float64Array {
  return m.values.subarray(j * m.nUnits, (j + 1) * m.nUnits);
}

/** A copy of the matrix. */
export function copyMatrix(m: DataMatrix): DataMatrix {
  return { nUnits: m.nUnits, nCols: m.nCols, values: m.values.slice() };
}

/** Value at (unit i, column j). */
export function cell(m: DataMatrix, i: number, j: number): number {
  return m.values[j * m.nUnits + i] ?? Number.NaN;
}

/** The same columns restricted to the given units (in that order). */
export function selectUnits(m: DataMatrix, units: readonly number[]): DataMatrix {
  const out = createMatrix(units.length, m.nCols);
  for (let j = 0; j < m.nCols; j++) {
    const base = j * m.nUnits;
    const obase = j * units.length;
    units.forEach((u, k) => {
      out.values[obase + k] = m.values[base + u] ?? Number.NaN;
    });
  }
  return out;
}
