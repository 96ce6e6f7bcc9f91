// Builds the computed panel of one framework and one visibility: stored yearly values chosen by source
// precedence, then every derived and rolled-up value through core's engine (`computeMonitoring`).
// Pure: takes the rows the repository read; the service caches the result per data version.
import {
  AGGREGATION_TYPES,
  buildRollupPlan,
  computeMonitoring,
  err,
  ok,
  prepareMonitoringModel,
  type AggregationType,
  type IndicatorSpec,
  type OrgUnitNode,
  type Result,
  type RolledColumn,
  type RollupPlan,
} from '@scimon/core';
import type { Selectable } from 'kysely';
import type { TargetTable } from '@scimon/db';
import {
  assessCell,
  cellIdKey,
  DEFAULT_COORDINATION_RULES,
  precedenceRank,
  type CoordinationRules,
  type ResolutionRef,
} from '../coordination/coordination.compare.ts';

/**
 * Which stored value feeds the roll-up when a unit has several sources for one value: the coordination's
 * configured precedence (default national > provincial > published > report > sample, first wins) while
 * the sources disagree unresolved, the accepted value of a current resolution otherwise
 * (docs/methodology/data-collection.md, statistics coordination). Every value is kept for the warnings.
 */
export interface PanelCoordination extends CoordinationRules {
  /** The latest resolution per cell, key `indicator|orgUnitId|period` (`cellIdKey`). */
  resolutions: ReadonlyMap<string, ResolutionRef>;
}

/** The source shown for a value a reviewer entered (no source chosen). */
export const COORDINATED_SOURCE = 'coordinated';

/** A cell whose sources are coordinated (≥ 2 values, differing or resolved), key `cellKey`. */
export interface CellCoordination {
  status: 'open' | 'resolved';
  relativeDifference: number;
  precedenceSource: string;
}

export interface PanelIndicator {
  code: string;
  seq: number;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  direction: 1 | -1;
  aggregation: AggregationType;
  formula: string | null;
  headline: boolean;
  /** Stored indicators whose values this one is made of (itself when stored). */
  rawInputs: string[];
}

export interface PanelUnit {
  id: number;
  code: string;
  parentCode: string | null;
  kind: string;
  level: string | null;
  nameZh: string;
  nameEn: string;
  row: number;
}

export interface PanelDimension {
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  indicators: string[];
}

/** A stored value as read (any source), for the series endpoint and discrepancy checks. */
export interface StoredValue {
  source: string;
  value: number | null;
  updatedAt: string;
}

export interface Panel {
  framework: { code: string; version: number; nameZh: string; nameEn: string };
  indicators: PanelIndicator[];
  indicatorByCode: Map<string, PanelIndicator>;
  dimensions: PanelDimension[];
  targets: Selectable<TargetTable>[];
  units: PanelUnit[];
  unitByCode: Map<string, PanelUnit>;
  /** Consecutive years; column p of every array is `years[p]`. */
  years: number[];
  plan: RollupPlan;
  /** Every indicator's values and completeness, rows × years (unit-major). */
  computed: Map<string, RolledColumn>;
  /** Per indicator, the stored value chosen by source precedence for each cell (index row × years + p). */
  chosen: Map<string, Map<number, StoredValue>>;
  /** Every stored value: key `indicator|row|p`. */
  stored: Map<string, StoredValue[]>;
  /** Cells of derived indicators at reporting units shown from a stored value (components missing). */
  fallback: Map<string, Map<number, StoredValue>>;
  /** 1 where a unit has at least one stored value in a year (any indicator), rows × years. */
  hasData: Uint8Array;
  /** The source order in force (first wins). */
  precedence: readonly string[];
  /** Cells whose sources are coordinated: open (chosen by precedence, unresolved) or resolved; key `cellKey`. */
  coordination: Map<string, CellCoordination>;
}

export interface PanelRows {
  framework: { id: number; code: string; version: number; name_zh: string; name_en: string };
  indicators: {
    code: string;
    seq: number;
    name_zh: string;
    name_en: string;
    unit_zh: string;
    unit_en: string;
    direction: number;
    aggregation: string;
    formula: string | null;
    weight_indicator: string | null;
    headline: number;
  }[];
  dimensions: { code: string; kind: string; name_zh: string; name_en: string }[];
  links: { indicator_code: string; dimension_code: string }[];
  targets: Selectable<TargetTable>[];
  units: {
    id: number;
    code: string;
    parent_code: string | null;
    kind: string;
    level: string | null;
    name_zh: string;
    name_en: string;
    valid_from: string;
    valid_to: string | null;
  }[];
  values: {
    indicator_code: string;
    org_unit_id: number;
    period_code: string;
    source: string;
    value: number | null;
    updated_at: string;
  }[];
  /** Precedence, tolerance and resolutions (the defaults without resolutions when absent). */
  coordination?: PanelCoordination;
}

const YEAR = /^\d{4}$/;
const isAggregation = (a: string): a is AggregationType =>
  (AGGREGATION_TYPES as readonly string[]).includes(a);
export const cellKey = (code: string, row: number, p: number) => `${code}|${row}|${p}`;

/** Reporting units (active rows without contributing children) at or below `row` in period p. */
export function reportingUnitsBelow(plan: RollupPlan, row: number, p: number): number[] {
  const t = plan.trees[p];
  if (!t || !t.active[row]) return [];
  const out: number[] = [];
  const stack = [row];
  while (stack.length) {
    const r = stack.pop()!;
    const from = t.childStart[r]!;
    const to = t.childStart[r + 1]!;
    if (from === to) out.push(r);
    for (let j = from; j < to; j++) stack.push(t.childRows[j]!);
  }
  return out;
}

/**
 * Builds the panel. Only yearly periods are used (every framework indicator is yearly). Errors:
 * `E_MONITORING_MODEL_INVALID` (params detail) when the framework's formulas or the tree are inconsistent.
 */
export function buildPanel(rows: PanelRows): Result<Panel> {
  const specs: IndicatorSpec[] = [];
  for (const i of rows.indicators) {
    if (!isAggregation(i.aggregation))
      return err({ code: 'E_MONITORING_MODEL_INVALID', params: { detail: `${i.code}: ${i.aggregation}` } });
    specs.push({ code: i.code, aggregation: i.aggregation, formula: i.formula, weight: i.weight_indicator });
  }
  const model = prepareMonitoringModel(specs);
  if (!model.ok) {
    const detail = model.error.map((p) => p.message ?? p.code).join('; ');
    return err({ code: 'E_MONITORING_MODEL_INVALID', params: { detail } });
  }

  const yearSet = new Set<number>();
  for (const v of rows.values) if (YEAR.test(v.period_code)) yearSet.add(Number(v.period_code));
  for (const t of rows.targets) yearSet.add(t.base_year).add(t.year);
  const years: number[] = [];
  if (yearSet.size) for (let y = Math.min(...yearSet); y <= Math.max(...yearSet); y++) years.push(y);
  const P = years.length;

  // Reference regions are their own roots: they keep their own values and never roll up into the tree.
  const nodes: OrgUnitNode[] = rows.units.map((u) => ({
    id: u.code,
    parentId: u.kind === 'reference' ? null : u.parent_code,
    kind: u.kind,
    validFrom: u.valid_from,
    validTo: u.valid_to,
  }));
  const plan = buildRollupPlan(
    nodes,
    years.map((year) => ({ year, month: 12, day: 31 })),
  );
  if (!plan.ok)
    return err({
      code: 'E_MONITORING_MODEL_INVALID',
      params: { detail: plan.error.message ?? plan.error.code },
    });
  const units: PanelUnit[] = rows.units.map((u, row) => ({
    id: u.id,
    code: u.code,
    parentCode: u.parent_code,
    kind: u.kind,
    level: u.level,
    nameZh: u.name_zh,
    nameEn: u.name_en,
    row,
  }));
  const rowOfId = new Map(rows.units.map((u, row) => [u.id, row]));
  const yearIndex = new Map(years.map((y, p) => [y, p]));
  const indicatorCodes = new Set(rows.indicators.map((i) => i.code));

  // Stored values, and per stored indicator the value chosen by source precedence.
  const coord = rows.coordination ?? { ...DEFAULT_COORDINATION_RULES, resolutions: new Map() };
  const rankOf = (source: string) => precedenceRank(coord.precedence, source);
  const n = units.length;
  const stored = new Map<string, StoredValue[]>();
  const chosen = new Map<string, Map<number, StoredValue>>();
  const hasData = new Uint8Array(n * P);
  for (const v of rows.values) {
    const p = YEAR.test(v.period_code) ? yearIndex.get(Number(v.period_code)) : undefined;
    const row = rowOfId.get(v.org_unit_id);
    if (p === undefined || row === undefined || !indicatorCodes.has(v.indicator_code)) continue;
    const s: StoredValue = { source: v.source, value: v.value, updatedAt: v.updated_at };
    const key = cellKey(v.indicator_code, row, p);
    stored.set(key, [...(stored.get(key) ?? []), s]);
    if (v.value === null) continue; // explicitly not reported: a lower-ranked source may fill it
    hasData[row * P + p] = 1;
    let m = chosen.get(v.indicator_code);
    if (!m) chosen.set(v.indicator_code, (m = new Map()));
    const have = m.get(row * P + p);
    if (!have || rankOf(s.source) < rankOf(have.source)) m.set(row * P + p, s);
  }
  // Cells with several sources: a current resolution's accepted value replaces the precedence choice;
  // a difference beyond the tolerance without one keeps the precedence choice, marked open (unresolved).
  const coordination = new Map<string, CellCoordination>();
  for (const [key, list] of stored) {
    if (list.length < 2) continue;
    const [code, rowText, pText] = key.split('|') as [string, string, string];
    const row = Number(rowText);
    const p = Number(pText);
    const resolution = coord.resolutions.get(cellIdKey(code, units[row]!.id, String(years[p])));
    const a = assessCell(list, coord, resolution);
    if (a.status === null || a.precedenceSource === null) continue;
    coordination.set(key, {
      status: a.status,
      relativeDifference: a.relativeDifference,
      precedenceSource: a.precedenceSource,
    });
    if (a.current) {
      const source = a.current.source ?? COORDINATED_SOURCE;
      const updatedAt = list.reduce((t, s) => (s.updatedAt > t ? s.updatedAt : t), a.current.resolvedAt);
      chosen.get(code)!.set(row * P + p, { source, value: a.current.acceptedValue, updatedAt });
    }
  }
  const inputs = new Map<string, Float64Array>();
  for (const [code, m] of chosen) {
    if (model.value.formulas.formulas.has(code)) continue; // derived: recomputed from components
    const a = new Float64Array(n * P).fill(NaN);
    for (const [i, s] of m) a[i] = s.value!;
    inputs.set(code, a);
  }
  const computed = computeMonitoring(model.value, plan.value, inputs);

  // A derived value at a reporting unit whose components are missing is shown from its stored value
  // (e.g. a published intensity of a reference region). It is never rolled up: aggregates recompute.
  const fallback = new Map<string, Map<number, StoredValue>>();
  for (const code of model.value.formulas.order) {
    const col = computed.get(code);
    const m = chosen.get(code);
    if (!col || !m) continue;
    for (const [i, s] of m) {
      const row = Math.floor(i / P);
      const t = plan.value.trees[i % P]!;
      const reporting = t.active[row] === 1 && t.childStart[row] === t.childStart[row + 1];
      if (!reporting || col.values[i] === col.values[i]) continue;
      col.values[i] = s.value!;
      col.completeness[i] = 1;
      let f = fallback.get(code);
      if (!f) fallback.set(code, (f = new Map()));
      f.set(i, s);
    }
  }

  const rawInputs = (code: string, seen = new Set<string>()): string[] => {
    if (seen.has(code)) return [];
    seen.add(code);
    const f = model.value.formulas.formulas.get(code);
    const spec = model.value.specs.get(code);
    const own = f ? f.refs.flatMap((r) => rawInputs(r, seen)) : [code];
    return spec?.weight ? [...own, ...rawInputs(spec.weight, seen)] : own;
  };
  const dimsOf = new Map<string, string[]>();
  for (const l of rows.links)
    dimsOf.set(l.dimension_code, [...(dimsOf.get(l.dimension_code) ?? []), l.indicator_code]);
  const indicators: PanelIndicator[] = rows.indicators.map((i) => ({
    code: i.code,
    seq: i.seq,
    nameZh: i.name_zh,
    nameEn: i.name_en,
    unitZh: i.unit_zh,
    unitEn: i.unit_en,
    direction: i.direction < 0 ? -1 : 1,
    aggregation: i.aggregation as AggregationType,
    formula: i.formula,
    headline: i.headline === 1,
    rawInputs: [...new Set(rawInputs(i.code))],
  }));
  return ok({
    framework: {
      code: rows.framework.code,
      version: rows.framework.version,
      nameZh: rows.framework.name_zh,
      nameEn: rows.framework.name_en,
    },
    indicators,
    indicatorByCode: new Map(indicators.map((i) => [i.code, i])),
    dimensions: rows.dimensions.map((d) => ({
      code: d.code,
      kind: d.kind,
      nameZh: d.name_zh,
      nameEn: d.name_en,
      indicators: dimsOf.get(d.code) ?? [],
    })),
    targets: rows.targets,
    units,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    years,
    plan: plan.value,
    computed,
    chosen,
    stored,
    fallback,
    hasData,
    precedence: coord.precedence,
    coordination,
  });
}

/** The value and completeness of one cell (null when missing or the unit is not valid that year). */
export function cellOf(
  panel: Panel,
  code: string,
  row: number,
  year: number,
): { value: number | null; completeness: number | null } {
  const p = year - (panel.years[0] ?? year);
  const col = panel.computed.get(code);
  if (!col || p < 0 || p >= panel.years.length) return { value: null, completeness: null };
  const i = row * panel.years.length + p;
  const v = col.values[i]!;
  const c = col.completeness[i]!;
  return { value: Number.isFinite(v) ? v : null, completeness: Number.isFinite(c) ? c : null };
}

/**
 * The sources and latest update behind a cell: every chosen stored input at the reporting units below;
 * `unresolved` when any of them was chosen by precedence under an open coordination difference.
 */
export function provenanceOf(
  panel: Panel,
  code: string,
  row: number,
  year: number,
): { sources: string[]; updatedAt: string | null; unresolved: boolean } {
  const P = panel.years.length;
  const p = year - (panel.years[0] ?? year);
  if (p < 0 || p >= P) return { sources: [], updatedAt: null, unresolved: false };
  const ind = panel.indicatorByCode.get(code);
  const sources = new Set<string>();
  let updatedAt: string | null = null;
  let unresolved = false;
  const take = (input: string, r: number, s: StoredValue | undefined) => {
    if (!s) return;
    sources.add(s.source);
    if (updatedAt === null || s.updatedAt > updatedAt) updatedAt = s.updatedAt;
    if (panel.coordination.size && panel.coordination.get(cellKey(input, r, p))?.status === 'open')
      unresolved = true;
  };
  for (const r of reportingUnitsBelow(panel.plan, row, p)) {
    const fb = panel.fallback.get(code)?.get(r * P + p);
    if (fb) take(code, r, fb);
    else
      for (const input of ind?.rawInputs ?? [code]) take(input, r, panel.chosen.get(input)?.get(r * P + p));
  }
  const rank = (s: string) => precedenceRank(panel.precedence, s);
  return {
    sources: [...sources].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)),
    updatedAt,
    unresolved,
  };
}
