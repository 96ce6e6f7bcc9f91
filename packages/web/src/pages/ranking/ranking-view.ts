// Pure view models of the 排名 page from an evaluation run's results (packages/contracts/src/evaluation.ts).
import type { EvaluationRunDetail } from '@scimon/contracts';
import type { RankRow, RadarModel, RankChangeModel } from '../../charts/ranking-option.ts';

type Results = NonNullable<EvaluationRunDetail['results']>;
type Row = Results['rows'][number];
/** Short display names of the units (code → name), from the org-unit tree; the run's full names otherwise. */
export type UnitNames = ReadonlyMap<string, string>;

const nameOf = (r: Row, en: boolean, names?: UnitNames) =>
  names?.get(r.orgUnit) ?? (en ? r.nameEn : r.nameZh);

export function indexCode(results: Results): string | null {
  return results.nodes.find((n) => n.kind === 'index')?.code ?? null;
}

/** Rank rows of one year: the Monte Carlo intervals when the run has them, else the nominal rank alone. */
export function rankRows(run: EvaluationRunDetail, year: number, en: boolean, names?: UnitNames): RankRow[] {
  const results = run.results;
  if (!results) return [];
  const idx = indexCode(results);
  const rows = results.rows.filter((r) => r.year === year);
  const unc = run.uncertainty && run.uncertainty.year === year ? run.uncertainty : null;
  return rows.map((r) => {
    const u = unc?.ranks.find((x) => x.orgUnit === r.orgUnit);
    const nominal = (idx ? r.ranks[idx] : null) ?? u?.nominal ?? null;
    return {
      name: nameOf(r, en, names),
      nominal,
      median: u?.median ?? null,
      q5: u?.q5 ?? nominal,
      q95: u?.q95 ?? nominal,
    };
  });
}

export function radarModel(
  run: EvaluationRunDetail,
  year: number,
  units: readonly string[],
  en: boolean,
  names?: UnitNames,
): RadarModel {
  const results = run.results;
  if (!results) return { dimensions: [], units: [], max: 100 };
  const dims = results.nodes.filter((n) => n.kind === 'dimension');
  const rows = results.rows.filter((r) => r.year === year && units.includes(r.orgUnit));
  const all = results.rows.flatMap((r) => dims.map((d) => r.scores[d.code] ?? 0));
  const max = Math.max(1, ...all);
  return {
    dimensions: dims.map((d) => ({ code: d.code, name: en ? d.nameEn : d.nameZh })),
    units: rows.map((r) => ({ name: nameOf(r, en, names), scores: r.scores })),
    max: max <= 1 ? 1 : max <= 100 ? 100 : Math.ceil(max),
  };
}

export function rankChangeModel(run: EvaluationRunDetail, en: boolean, names?: UnitNames): RankChangeModel {
  const results = run.results;
  if (!results) return { years: [], units: [] };
  const idx = indexCode(results);
  const years = [...new Set(results.rows.map((r) => r.year))].sort((a, b) => a - b);
  const byUnit = new Map<string, { name: string; ranks: Record<number, number | null> }>();
  for (const r of results.rows) {
    const u = byUnit.get(r.orgUnit) ?? { name: nameOf(r, en, names), ranks: {} };
    u.ranks[r.year] = idx ? (r.ranks[idx] ?? null) : null;
    byUnit.set(r.orgUnit, u);
  }
  return { years, units: [...byUnit.values()] };
}
