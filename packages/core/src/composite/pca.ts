/**
 * Principal component analysis on the correlation matrix (R `prcomp(X, center = TRUE,
 * scale = TRUE)` after `na.omit`): rows with any missing value are dropped, each column is
 * standardised with its sample sd, and the correlation matrix is eigen-decomposed (ml-matrix).
 * Reference: COINr 1.1.14 `R/PCA.R`; OECD/JRC Handbook 2008 §6.1.
 */
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { err, ok, type Result } from '../shared/result.ts';

/** Eigenvalues (descending) and unit-length eigenvectors (`vectors[k]` = component k's loadings). */
export interface PcaResult {
  readonly eigenvalues: Float64Array;
  readonly vectors: Float64Array[];
  /** eigenvalue / number of variables (share of the total variance). */
  readonly explained: Float64Array;
  /** Rows used (complete cases). */
  readonly nUsed: number;
  /** Set when there are fewer than 3 complete units per variable. */
  readonly smallSample: boolean;
}

/** Pearson correlation matrix of the complete rows of the given columns (p × p, row-major arrays). */
export function correlationMatrix(columns: readonly ArrayLike<number>[]): { r: number[][]; nUsed: number } {
  const p = columns.length;
  const n = columns[0]?.length ?? 0;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (columns.every((c) => !Number.isNaN(c[i] as number))) rows.push(i);
  const z = columns.map((c) => {
    const v = rows.map((i) => c[i] as number);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) * (b - m), 0) / (v.length - 1));
    return v.map((x) => (x - m) / sd);
  });
  const r: number[][] = [];
  for (let a = 0; a < p; a++) {
    r.push([]);
    for (let b = 0; b < p; b++) {
      let s = 0;
      const za = z[a] as number[];
      const zb = z[b] as number[];
      for (let k = 0; k < rows.length; k++) s += (za[k] as number) * (zb[k] as number);
      (r[a] as number[]).push(s / (rows.length - 1));
    }
  }
  return { r, nUsed: rows.length };
}

/**
 * PCA of the columns. Refused when complete units ≤ variables (`E_INDEX_PCA_TOO_FEW_UNITS`) or a
 * column is constant (`E_INDEX_PCA_CONSTANT`); `smallSample` warns below 3 units per variable.
 */
export function principalComponents(columns: readonly ArrayLike<number>[]): Result<PcaResult> {
  const p = columns.length;
  const { r, nUsed } = correlationMatrix(columns);
  if (nUsed <= p)
    return err({
      code: 'E_INDEX_PCA_TOO_FEW_UNITS',
      params: { units: nUsed, variables: p },
      message: `PCA needs more complete units (${nUsed}) than variables (${p})`,
    });
  if (r.some((row) => row.some((v) => Number.isNaN(v))))
    return err({ code: 'E_INDEX_PCA_CONSTANT', message: 'a variable is constant' });
  const eig = new EigenvalueDecomposition(new Matrix(r), { assumeSymmetric: true });
  const vals = eig.realEigenvalues;
  const order = vals.map((_, k) => k).sort((a, b) => (vals[b] as number) - (vals[a] as number));
  const V = eig.eigenvectorMatrix;
  const eigenvalues = Float64Array.from(order, (k) => vals[k] as number);
  const vectors = order.map((k) => Float64Array.from(V.getColumn(k)));
  return ok({
    eigenvalues,
    vectors,
    explained: eigenvalues.map((v) => v / p),
    nUsed,
    smallSample: nUsed < 3 * p,
  });
}

/**
 * COINr's PCA weights: the first component's loadings (`rotation[, 1]`): unit length, not squared,
 * not summing to 1, sign arbitrary (a mixed-sign vector suggests PCA does not suit the group).
 */
export function pcaWeightsFirstComponent(columns: readonly ArrayLike<number>[]): Result<Float64Array> {
  const r = principalComponents(columns);
  if (!r.ok) return r;
  return ok((r.value.vectors[0] as Float64Array).slice());
}

/** Varimax rotation (Kaiser normalisation, as R `stats::varimax(normalize = TRUE, eps = 1e-5)`). */
export function varimax(loadings: number[][], eps = 1e-5): number[][] {
  const p = loadings.length;
  const nc = loadings[0]?.length ?? 0;
  if (nc < 2) return loadings.map((r) => [...r]);
  const sc = loadings.map((r) => Math.sqrt(r.reduce((a, b) => a + b * b, 0)));
  const x = new Matrix(loadings.map((r, i) => r.map((v) => v / (sc[i] as number))));
  let T = Matrix.eye(nc, nc);
  let d = 0;
  for (let it = 0; it < 1000; it++) {
    const z = x.mmul(T);
    const colSq = new Array<number>(nc).fill(0);
    for (let i = 0; i < p; i++)
      for (let k = 0; k < nc; k++) colSq[k] = (colSq[k] as number) + z.get(i, k) ** 2;
    const inner = new Matrix(p, nc);
    for (let i = 0; i < p; i++)
      for (let k = 0; k < nc; k++)
        inner.set(i, k, z.get(i, k) ** 3 - (z.get(i, k) * (colSq[k] as number)) / p);
    const B = x.transpose().mmul(inner);
    const s = svdOf(B);
    T = s.u.mmul(s.v.transpose());
    const dpast = d;
    d = s.d.reduce((a, b) => a + b, 0);
    if (d < dpast * (1 + eps)) break;
  }
  const z = x.mmul(T);
  return z.to2DArray().map((r, i) => r.map((v) => v * (sc[i] as number)));
}

function svdOf(B: Matrix): { u: Matrix; v: Matrix; d: number[] } {
  const s = new SingularValueDecomposition(B);
  return { u: s.leftSingularVectors, v: s.rightSingularVectors, d: s.diagonal };
}

/**
 * The OECD/JRC Handbook's factor-analysis weights (Handbook 2008 §6.1, Table 19): keep components
 * with eigenvalue > 1 (at least one); loadings = eigenvector·√eigenvalue, varimax-rotated; squared
 * loadings scaled to unity sum within each factor; each indicator goes to the factor where its
 * scaled squared loading is largest; its weight is that value times the factor's share of the
 * explained variance (Σ squared rotated loadings); weights are normalised to sum to 1.
 */
export function pcaWeightsHandbook(
  columns: readonly ArrayLike<number>[],
): Result<{ weights: Float64Array; factors: number; assignment: Int32Array }> {
  const r = principalComponents(columns);
  if (!r.ok) return r;
  const p = columns.length;
  let m = 0;
  while (m < p && (r.value.eigenvalues[m] as number) > 1) m++;
  m = Math.max(1, m);
  const L: number[][] = [];
  for (let i = 0; i < p; i++) {
    const row: number[] = [];
    for (let k = 0; k < m; k++)
      row.push(
        ((r.value.vectors[k] as Float64Array)[i] as number) * Math.sqrt(r.value.eigenvalues[k] as number),
      );
    L.push(row);
  }
  const R = varimax(L);
  const factorVar = new Array<number>(m).fill(0);
  for (const row of R) row.forEach((v, k) => (factorVar[k] = (factorVar[k] as number) + v * v));
  const totalVar = factorVar.reduce((a, b) => a + b, 0);
  const assignment = new Int32Array(p);
  const weights = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let best = 0;
    let bestVal = -1;
    for (let k = 0; k < m; k++) {
      const scaled = ((R[i] as number[])[k] as number) ** 2 / (factorVar[k] as number);
      if (scaled > bestVal) {
        bestVal = scaled;
        best = k;
      }
    }
    assignment[i] = best;
    weights[i] = bestVal * ((factorVar[best] as number) / totalVar);
  }
  const s = weights.reduce((a, b) => a + b, 0);
  return ok({ weights: weights.map((w) => w / s), factors: m, assignment });
}
