// Pure view models of a run's detail page from RunDetail (packages/contracts/src/evaluation.ts).
import type { EvaluationRunDetail } from '@scimon/contracts';
import type { SensitivityFactor } from '../../charts/sensitivity-option.ts';
import type { RadarModel } from '../../charts/ranking-option.ts';

type Results = NonNullable<EvaluationRunDetail['results']>;

export interface RankingRow {
  orgUnit: string;
  name: string;
  parentCode: string | null;
  score: number | null;
  nominal: number | null;
  median: number | null;
  mean: number | null;
  q5: number | null;
  q95: number | null;
  /** Dimension code → score. */
  dimensions: Record<string, number | null>;
}

export const indexCodeOf = (r: Results) => r.nodes.find((n) => n.kind === 'index')?.code ?? 'INDEX';

/** The years a run ranks, and the year shown first: the Monte Carlo's year, else the last. */
export function yearsOf(run: EvaluationRunDetail): { years: number[]; initial: number | undefined } {
  const years = [...new Set(run.results?.rows.map((r) => r.year) ?? run.years)].sort((a, b) => a - b);
  return { years, initial: run.uncertainty?.year ?? years[years.length - 1] };
}

/** The ranking of one year, best first; rank intervals when the Monte Carlo ran on that year. */
export function rankingRows(run: EvaluationRunDetail, year: number, en: boolean): RankingRow[] {
  const res = run.results;
  if (!res) return [];
  const idx = indexCodeOf(res);
  const dims = res.nodes.filter((n) => n.kind === 'dimension').map((n) => n.code);
  const unc = run.uncertainty?.year === year ? run.uncertainty : null;
  const rows = res.rows
    .filter((r) => r.year === year)
    .map((r) => {
      const u = unc?.ranks.find((x) => x.orgUnit === r.orgUnit);
      return {
        orgUnit: r.orgUnit,
        name: en ? r.nameEn : r.nameZh,
        parentCode: r.parent,
        score: r.scores[idx] ?? null,
        nominal: r.ranks[idx] ?? u?.nominal ?? null,
        median: u?.median ?? null,
        mean: u?.mean ?? null,
        q5: u?.q5 ?? null,
        q95: u?.q95 ?? null,
        dimensions: Object.fromEntries(dims.map((d) => [d, r.scores[d] ?? null])),
      };
    });
  return rows.sort(
    (a, b) => (a.nominal ?? Infinity) - (b.nominal ?? Infinity) || a.orgUnit.localeCompare(b.orgUnit),
  );
}

export interface IntervalGeometry {
  /** Left edge and width of the Q5–Q95 bar, and the median and nominal marks, in % of the track. */
  left: number;
  width: number;
  median: number | null;
  nominal: number | null;
}

/** Positions on a track of ranks 1 … n (rank 1 at the left, each rank a cell of 100/n %). */
export function intervalGeometry(
  row: Pick<RankingRow, 'q5' | 'q95' | 'median' | 'nominal'>,
  n: number,
): IntervalGeometry | null {
  if (n < 1) return null;
  const cell = 100 / n;
  const at = (rank: number) => (rank - 0.5) * cell;
  const nominal = row.nominal === null ? null : at(row.nominal);
  if (row.q5 === null || row.q95 === null) {
    return nominal === null ? null : { left: nominal, width: 0, median: null, nominal };
  }
  const left = (row.q5 - 1) * cell;
  return {
    left,
    width: (row.q95 - row.q5 + 1) * cell,
    median: row.median === null ? null : at(row.median),
    nominal,
  };
}

/** The radar of the chosen units over the dimensions (scores of that year). */
export function radarOf(
  run: EvaluationRunDetail,
  year: number,
  units: readonly string[],
  en: boolean,
): RadarModel {
  const res = run.results;
  if (!res) return { dimensions: [], units: [], max: 100 };
  const dims = res.nodes.filter((n) => n.kind === 'dimension');
  const all = res.rows.flatMap((r) => dims.map((d) => r.scores[d.code] ?? 0));
  const top = Math.max(1, ...all);
  return {
    dimensions: dims.map((d) => ({ code: d.code, name: en ? d.nameEn : d.nameZh })),
    units: units
      .map((u) => res.rows.find((r) => r.year === year && r.orgUnit === u))
      .filter((r): r is NonNullable<typeof r> => !!r)
      .map((r) => ({ name: en ? r.nameEn : r.nameZh, scores: r.scores })),
    max: top <= 1 ? 1 : top <= 100 ? 100 : Math.ceil(top),
  };
}

/** Sensitivity factors with display names (known factor names translated by `label`). */
export function sensitivityOf(
  run: EvaluationRunDetail,
  label: (name: string) => string,
): SensitivityFactor[] {
  return (run.uncertainty?.sensitivity?.factors ?? []).map((f) => ({ ...f, name: label(f.name) }));
}

export interface WeightRow {
  key: string;
  code: string;
  name: string;
  kind: 'indicator' | 'dimension' | 'index';
  weight: number;
  effectiveWeight: number;
  children?: WeightRow[];
}

/** The hierarchy with weights as used: dimensions with their indicators as children. */
export function weightTree(res: Results, en: boolean): WeightRow[] {
  const row = (n: Results['nodes'][number]): WeightRow => ({
    key: n.code,
    code: n.code,
    name: en ? n.nameEn : n.nameZh,
    kind: n.kind,
    weight: n.weight,
    effectiveWeight: n.effectiveWeight,
  });
  return res.nodes
    .filter((n) => n.kind === 'dimension')
    .map((d) => ({ ...row(d), children: res.nodes.filter((n) => n.parent === d.code).map(row) }));
}

/** Who may do what on the page. */
export function permissions(roles: readonly string[]) {
  const staff = roles.some((r) => r === 'analyst' || r === 'coordinator' || r === 'admin');
  return {
    staff,
    publish: roles.some((r) => r === 'coordinator' || r === 'admin'),
    cancel: staff,
  };
}
