// AHP pairwise matrices as the page edits them: the upper triangle is typed (Saaty's 1/9 … 9, as "3",
// "1/3" or "0.5"), the lower triangle is its reciprocal, the diagonal is 1. Pure, for the matrix editor.

/** Parses a judgement: a positive number or a fraction "a/b"; null when it is not one. */
export function parseJudgement(text: string): number | null {
  const s = text.trim().replace('／', '/');
  if (s === '') return null;
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(s);
  const v = m ? Number(m[1]) / Number(m[2]) : /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : NaN;
  return Number.isFinite(v) && v > 0 ? v : null;
}

/** Shows a judgement as Saaty writes it: "3", "1/3", "3/2"; others to 3 decimals. */
export function formatJudgement(v: number): string {
  for (let d = 1; d <= 9; d++) {
    const n = Math.round(v * d);
    if (n >= 1 && Math.abs(v * d - n) < 1e-9) return d === 1 ? String(n) : `${n}/${d}`;
  }
  return String(Number(v.toFixed(3)));
}

/** The n × n matrix of indifference (all ones). */
export function identityMatrix(n: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
}

/** Upper-triangle texts (row i < column j) of a matrix. */
export function upperTexts(matrix: readonly (readonly number[])[]): string[][] {
  return matrix.map((row, i) => row.map((v, j) => (j > i ? formatJudgement(v) : '')));
}

/**
 * The reciprocal matrix from the typed upper triangle; null while any cell does not parse (the editor
 * then shows which cell, and no check is asked for).
 */
export function matrixFromTexts(texts: readonly (readonly string[])[]): number[][] | null {
  const n = texts.length;
  const m = identityMatrix(n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = parseJudgement(texts[i]?.[j] ?? '');
      if (v === null) return null;
      m[i]![j] = v;
      m[j]![i] = 1 / v;
    }
  return m;
}

/** The matrix whose judgements follow given weights exactly (w_i / w_j): a consistent starting point. */
export function matrixFromWeights(weights: readonly number[]): number[][] {
  return weights.map((wi) => weights.map((wj) => (wi > 0 && wj > 0 ? wi / wj : 1)));
}
