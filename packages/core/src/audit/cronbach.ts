/**
 * Cronbach's alpha (COINr `get_cronbach`): on the complete rows of k columns,
 * α = k/(k − 1) · (1 − Σ var(x_j) / var(Σ_j x_j)), sample variances. NaN when k < 2 or fewer than
 * 2 complete rows. Reference: Cronbach (1951); OECD/JRC Handbook 2008 §4.
 */
export function cronbachAlpha(columns: readonly ArrayLike<number>[]): number {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2) return Number.NaN;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (columns.every((c) => !Number.isNaN(c[i] as number))) rows.push(i);
  if (rows.length < 2) return Number.NaN;
  const variance = (v: number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
  };
  const sumVar = columns.reduce((s, c) => s + variance(rows.map((i) => c[i] as number)), 0);
  const totals = rows.map((i) => columns.reduce((s, c) => s + (c[i] as number), 0));
  return (k / (k - 1)) * (1 - sumVar / variance(totals));
}
