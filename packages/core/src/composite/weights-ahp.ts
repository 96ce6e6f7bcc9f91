/**
 * Analytic Hierarchy Process weights (Saaty 1980; not in COINr): the principal right eigenvector
 * of a reciprocal pairwise-comparison matrix A (a_ii = 1, a_ji = 1/a_ij, Saaty 1–9 scale),
 * normalised to sum to 1; λmax its eigenvalue; CI = (λmax − n)/(n − 1); CR = CI/RI(n); accepted
 * when CR < 0.10 (n ≤ 2 is always consistent). Eigen-decomposition by ml-matrix.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * Saaty's random consistency indices RI(n), n = 1..15 (Saaty 1980/2012 as commonly tabulated:
 * 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59).
 */
export const SAATY_RI: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/** AHP result. */
export interface AhpResult {
  readonly weights: Float64Array;
  readonly lambdaMax: number;
  readonly ci: number;
  readonly ri: number;
  readonly cr: number;
  /** CR < 0.10 (or n ≤ 2). */
  readonly consistent: boolean;
}

/** Options: another RI table (index n − 1), the acceptance threshold, and an override for CR ≥ threshold. */
export interface AhpOptions {
  readonly riTable?: readonly number[];
  readonly threshold?: number;
  readonly allowInconsistent?: boolean;
}

/**
 * Computes AHP weights from a square matrix (rows of numbers). Refused: not square, non-positive or
 * non-reciprocal entries (`E_INDEX_AHP_MATRIX`, where = "row,col"), n beyond the RI table
 * (`E_INDEX_AHP_SIZE`), CR ≥ threshold without `allowInconsistent` (`E_INDEX_AHP_INCONSISTENT`, params.cr).
 */
export function ahpWeights(a: readonly (readonly number[])[], options: AhpOptions = {}): Result<AhpResult> {
  const n = a.length;
  const ri = options.riTable ?? SAATY_RI;
  const bad = (i: number, j: number, message: string) =>
    err({
      code: 'E_INDEX_AHP_MATRIX',
      where: `${i + 1},${j + 1}`,
      params: { row: i + 1, col: j + 1 },
      message,
    });
  if (n === 0) return err({ code: 'E_INDEX_AHP_MATRIX', message: 'empty matrix' });
  if (n > ri.length) return err({ code: 'E_INDEX_AHP_SIZE', params: { n }, message: `no RI for n = ${n}` });
  for (let i = 0; i < n; i++) {
    const row = a[i] as readonly number[];
    if (row.length !== n) return bad(i, 0, 'the matrix must be square');
    for (let j = 0; j < n; j++) {
      const v = row[j] as number;
      if (!(v > 0) || !Number.isFinite(v)) return bad(i, j, 'entries must be positive numbers');
      if (i === j && Math.abs(v - 1) > 1e-9) return bad(i, j, 'the diagonal must be 1');
      const r = (a[j] as readonly number[])[i] as number;
      if (Math.abs(v * r - 1) > 1e-6) return bad(i, j, 'a_ji must equal 1/a_ij');
    }
  }
  let weights: Float64Array;
  let lambdaMax: number;
  if (n <= 2) {
    const v = n === 1 ? [1] : [(a[0] as number[])[1] as number, 1];
    const s = v.reduce((p, q) => p + q, 0);
    weights = Float64Array.from(v, (x) => x / s);
    lambdaMax = n;
  } else {
    const eig = new EigenvalueDecomposition(new Matrix(a.map((r) => [...r])));
    const re = eig.realEigenvalues;
    let k = 0;
    for (let i = 1; i < re.length; i++) if ((re[i] as number) > (re[k] as number)) k = i;
    lambdaMax = re[k] as number;
    const vec = eig.eigenvectorMatrix.getColumn(k);
    const s = vec.reduce((p, q) => p + q, 0);
    weights = Float64Array.from(vec, (x) => x / s);
  }
  const ci = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
  const riN = ri[n - 1] as number;
  const cr = n <= 2 || riN === 0 ? 0 : ci / riN;
  const consistent = cr < (options.threshold ?? 0.1);
  if (!consistent && !options.allowInconsistent) {
    return err({
      code: 'E_INDEX_AHP_INCONSISTENT',
      params: { cr, threshold: options.threshold ?? 0.1 },
      message: `CR = ${cr.toFixed(4)} ≥ ${options.threshold ?? 0.1}`,
    });
  }
  return ok({ weights, lambdaMax, ci, ri: riN, cr, consistent });
}
