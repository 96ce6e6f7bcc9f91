/**
 * Ranks of results (COINr `rank_df`): every column ranked with 1 = best (highest), ties taking the
 * smallest rank (1, 2, 2, 4), missing kept missing.
 */
import { createMatrix, getColumn, type DataMatrix } from './matrix.ts';
import { rankDescendingMin } from './stats.ts';

export { rankDescendingMin } from './stats.ts';

/** Ranks every column of a data set (1 = highest). */
export function rankData(data: DataMatrix): DataMatrix {
  const out = createMatrix(data.nUnits, data.nCols);
  for (let j = 0; j < data.nCols; j++) getColumn(out, j).set(rankDescendingMin(getColumn(data, j)));
  return out;
}
