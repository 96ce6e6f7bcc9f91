// Maps framework rows to API shapes, purely.
import type { Selectable } from 'kysely';
import type { DimensionTable, FrameworkTable, IndicatorTable, TargetTable } from '@scimon/db';
import type { Framework, Indicator } from '@scimon/contracts';

export const presentFramework = (f: Selectable<FrameworkTable>): Framework => ({
  code: f.code,
  version: f.version,
  status: f.status,
  nameZh: f.name_zh,
  nameEn: f.name_en,
  createdAt: f.created_at,
});

export const presentDimension = (d: Selectable<DimensionTable>) => ({
  code: d.code,
  seq: d.seq,
  kind: d.kind,
  nameZh: d.name_zh,
  nameEn: d.name_en,
  articleCodes: JSON.parse(d.article_codes) as string[],
});

export const presentIndicator = (i: Selectable<IndicatorTable>, dimensionCodes: string[]): Indicator => ({
  code: i.code,
  seq: i.seq,
  nameZh: i.name_zh,
  nameEn: i.name_en,
  unitZh: i.unit_zh,
  unitEn: i.unit_en,
  direction: i.direction,
  valueType: i.value_type,
  aggregation: i.aggregation,
  formula: i.formula,
  weightIndicator: i.weight_indicator,
  periodType: i.period_type,
  definitionZh: i.definition_zh,
  definitionEn: i.definition_en,
  basisZh: i.basis_zh,
  source: i.source,
  articleCodes: JSON.parse(i.article_codes) as string[],
  dimensionCodes,
  headline: i.headline === 1,
  weight: i.weight,
  raw: i.raw === 1,
});

export const presentTarget = (t: Selectable<TargetTable>) => ({
  indicator: t.indicator_code,
  orgUnit: t.org_unit_code,
  year: t.year,
  comparator: t.comparator,
  value: t.value,
  kind: t.kind,
  baseYear: t.base_year,
  baseYearAssumption: t.base_year_assumption === 1,
  note: t.note,
});
