/**
 * Entropy weight method (熵权法; not in COINr). On non-negative, same-direction data (normally
 * min-max onto [0, 1] or [0, 100] after direction — p is scale-invariant):
 * p_ij = x_ij / Σ_i x_ij; e_j = −(1/ln m) Σ_i p_ij ln p_ij with 0·ln 0 = 0 and m the number of
 * units with a value; d_j = 1 − e_j; w_j = d_j / Σ_j d_j. A constant (or all-zero) column has
 * e_j = 1, d_j = 0. An optional `shift` is added to every value first (some papers use 1e-4).
 * Reference: Shannon entropy weighting as in the Chinese evaluation literature (e.g. 熵权-TOPSIS).
 */
import { err, ok, type Result } from '../shared/result.ts';
import { getColumn, type DataMatrix } from './matrix.ts';

/** Per-indicator entropy e, divergence d and weight w. */
export interface EntropyWeights {
  readonly e: Float64Array;
  readonly d: Float64Array;
  readonly w: Float64Array;
}

/**
 * Computes entropy weights. Refused: a negative value (`E_INDEX_ENTROPY_NEGATIVE`, where = column),
 * fewer than 2 units (`E_INDEX_ENTROPY_UNITS`), every d = 0 (`E_INDEX_ENTROPY_DEGENERATE`).
 */
export function entropyWeights(data: DataMatrix, shift = 0): Result<EntropyWeights> {
  const p = data.nCols;
  const e = new Float64Array(p);
  const d = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const x = getColumn(data, j);
    let sum = 0;
    let m = 0;
    for (const raw of x) {
      if (Number.isNaN(raw)) continue;
      const v = raw + shift;
      if (v < 0)
        return err({
          code: 'E_INDEX_ENTROPY_NEGATIVE',
          where: String(j),
          params: { column: j },
          message: 'entropy weights need non-negative data',
        });
      sum += v;
      m++;
    }
    if (m < 2)
      return err({
        code: 'E_INDEX_ENTROPY_UNITS',
        where: String(j),
        params: { column: j },
        message: 'entropy weights need at least 2 units',
      });
    let h = 0;
    let constant = sum === 0;
    const first = x.find((v) => !Number.isNaN(v));
    if (!constant) constant = x.every((v) => Number.isNaN(v) || v === first);
    if (!constant) {
      for (const raw of x) {
        if (Number.isNaN(raw)) continue;
        const q = (raw + shift) / sum;
        if (q > 0) h += q * Math.log(q);
      }
    }
    e[j] = constant ? 1 : -h / Math.log(m);
    d[j] = 1 - (e[j] as number);
  }
  const sd = d.reduce((a, b) => a + b, 0);
  if (!(sd > 0)) return err({ code: 'E_INDEX_ENTROPY_DEGENERATE', message: 'every indicator is constant' });
  return ok({ e, d, w: d.map((v) => v / sd) });
}
