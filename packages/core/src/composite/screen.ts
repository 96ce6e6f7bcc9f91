/**
 * Unit screening by data availability (COINr `Screen(unit_screen = "byNA")`): a unit is kept when
 * Dat_Avail = (present indicators)/(indicators) ≥ datThresh (COINr default 2/3). Reference:
 * COINr 1.1.14 `R/screen_units.R`.
 */
import type { DataMatrix } from './matrix.ts';

/** Per-unit availability and the kept rows. */
export interface ScreenResult {
  /** Dat_Avail per unit (input order). */
  readonly dataAvailability: Float64Array;
  /** Share of non-zero indicators per unit (COINr Non_Zero, present zeros counted as zero). */
  readonly nonZero: Float64Array;
  /** Row positions of the kept units, in input order. */
  readonly kept: number[];
  /** Row positions of the removed units. */
  readonly removed: number[];
}

/** Screens units: removed when Dat_Avail < datThresh. */
export function screenUnits(data: DataMatrix, datThresh = 2 / 3): ScreenResult {
  const { nUnits: n, nCols: p } = data;
  const dataAvailability = new Float64Array(n);
  const nonZero = new Float64Array(n);
  const kept: number[] = [];
  const removed: number[] = [];
  for (let i = 0; i < n; i++) {
    let present = 0;
    let nz = 0;
    for (let j = 0; j < p; j++) {
      const v = data.values[j * n + i] as number;
      if (!Number.isNaN(v)) present++;
      if (v !== 0) nz++;
    }
    dataAvailability[i] = present / p;
    nonZero[i] = nz / p;
    if ((dataAvailability[i] as number) < datThresh) removed.push(i);
    else kept.push(i);
  }
  return { dataAvailability, nonZero, kept, removed };
}
