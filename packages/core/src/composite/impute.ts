/**
 * Imputation of missing values by column (COINr `Impute` with `impute_by = "column"`:
 * `i_mean`, `i_median`, `i_mean_grp`, `i_median_grp`). Present values are never changed.
 * Within a group, a unit whose group is null is left missing, and so is a group with no data; an
 * all-missing column stays missing. Reference: COINr 1.1.14 `R/impute.R`.
 */
import { copyMatrix, getColumn, type DataMatrix } from './matrix.ts';
import { mean, median } from './stats.ts';

/** Imputation settings (described as data). */
export type ImputeSpec =
  | { readonly method: 'none' }
  | { readonly method: 'mean' | 'median' }
  | { readonly method: 'mean-by' | 'median-by'; readonly groups: readonly (string | null)[] };

/** Imputes one column: NaN ← the column's (or the unit's group's) mean or median. */
export function imputeColumn(x: ArrayLike<number>, spec: ImputeSpec): Float64Array {
  const out = Float64Array.from(x as ArrayLike<number>);
  if (spec.method === 'none') return out;
  const stat = spec.method === 'mean' || spec.method === 'mean-by' ? mean : median;
  if (spec.method === 'mean' || spec.method === 'median') {
    const s = stat(out);
    for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i] as number)) out[i] = s;
    return out;
  }
  if (!('groups' in spec)) return out;
  const groups = spec.groups;
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < out.length; i++) {
    const g = groups[i];
    if (g === null || g === undefined) continue;
    const arr = byGroup.get(g) ?? [];
    arr.push(out[i] as number);
    byGroup.set(g, arr);
  }
  const stats = new Map<string, number>();
  for (const [g, vals] of byGroup) stats.set(g, stat(vals));
  for (let i = 0; i < out.length; i++) {
    const g = groups[i];
    if (!Number.isNaN(out[i] as number) || g === null || g === undefined) continue;
    out[i] = stats.get(g) ?? Number.NaN;
  }
  return out;
}

/** Imputes every column of `data`. */
export function imputeData(data: DataMatrix, spec: ImputeSpec): DataMatrix {
  const out = copyMatrix(data);
  for (let j = 0; j < data.nCols; j++) getColumn(out, j).set(imputeColumn(getColumn(data, j), spec));
  return out;
}
