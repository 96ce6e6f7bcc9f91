// Monitoring API (issue 5): overview of an org unit's targets and dimensions, series, early warnings,
// and the target change that creates a new framework version. Numbers are null where there is no value.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const year = z.coerce.number().int().min(1900).max(2100);

export const OPEN_SDG_STATUSES = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
  'not_available',
] as const;
export const PLAN_BAND_CODES = [
  'achieved_early',
  'achieved',
  'not_achieved',
  'ahead',
  'on_track',
  'on_track_warned',
  'lagging',
  'no_data',
] as const;
export const WARNING_KINDS = [
  'off_track',
  'regressing',
  'missing_data',
  'low_completeness',
  'partial_target',
  'source_discrepancy',
] as const;

export const monitoringQuery = z.object({
  orgUnit: z.string().min(1).max(40).optional(),
  year: year.optional(),
  asOf: isoDate.optional(),
  framework: z.string().min(1).max(40).optional(),
});

export const seriesQuery = z.object({
  indicator: z.string().min(1).max(60),
  orgUnit: z.string().min(1).max(40).optional(),
  from: year.optional(),
  to: year.optional(),
  framework: z.string().min(1).max(40).optional(),
});

export const warningsQuery = monitoringQuery.extend({ kind: z.enum(WARNING_KINDS).optional() });

export const orgUnitRef = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  level: z.string().nullable(),
  kind: z.string(),
});

export const warning = z.object({
  kind: z.enum(WARNING_KINDS),
  /** high (red), medium (yellow), low (information). */
  severity: z.enum(['high', 'medium', 'low']),
  orgUnit: z.string(),
  indicator: z.string().nullable(),
  /** Indicators concerned when one warning groups several (missing data, low completeness). */
  indicators: z.array(z.string()),
  period: z.string().nullable(),
  messageZh: z.string(),
  messageEn: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  sample: z.boolean(),
});

export const targetCard = z.object({
  indicator: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.object({ zh: z.string(), en: z.string() }),
  aggregation: z.string(),
  direction: z.number(),
  /** The year whose value is judged: min(requested year, target year). */
  currentYear: z.number(),
  value: z.number().nullable(),
  target: z.number(),
  targetYear: z.number(),
  kind: z.string(),
  comparator: z.string(),
  /** The level to reach: the target, or for growth targets base × (1 + g)^(T − base year). */
  targetLevel: z.number().nullable(),
  base: z.object({
    year: z.number(),
    value: z.number().nullable(),
    stated: z.number(),
    assumption: z.boolean(),
  }),
  achievedGrowth: z.number().nullable(),
  progressShare: z.number().nullable(),
  timeShare: z.number().nullable(),
  status: z.object({
    openSdg: z.enum(OPEN_SDG_STATUSES),
    score: z.number().nullable(),
    progressValue: z.number().nullable(),
    band: z.enum(PLAN_BAND_CODES),
    bandZh: z.string(),
    bandEn: z.string(),
    colour: z.enum(['blue', 'green', 'yellow', 'red', 'grey']),
    ratio: z.number().nullable(),
    withheld: z.string().nullable(),
  }),
  trend: z.array(
    z.object({ period: z.string(), value: z.number().nullable(), completeness: z.number().nullable() }),
  ),
  completeness: z.number().nullable(),
  partial: z.boolean(),
  sources: z.array(z.string()),
  sample: z.boolean(),
  /** Latest update (ISO instant) of the stored values behind the current value. */
  dataAsOf: z.string().nullable(),
  /** True when an input of the current value was chosen by source precedence under an open coordination difference. */
  unresolved: z.boolean().optional(),
});

export const indicatorStatus = z.object({
  indicator: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.object({ zh: z.string(), en: z.string() }),
  value: z.number().nullable(),
  completeness: z.number().nullable(),
  hasTarget: z.boolean(),
  openSdg: z.enum(OPEN_SDG_STATUSES),
  score: z.number().nullable(),
  progressValue: z.number().nullable(),
});

export const dimensionCard = z.object({
  code: z.string(),
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  score: z.number().nullable(),
  openSdg: z.enum(OPEN_SDG_STATUSES),
  coverage: z.number(),
  indicators: z.array(indicatorStatus),
});

export const monitoringOverview = z.object({
  orgUnit: orgUnitRef,
  framework: z.object({ code: z.string(), version: z.number() }),
  year: z.number(),
  asOf: z.string(),
  /** Which stored values were read: published only, or also approved ones (whole-tree readers). */
  visibility: z.enum(['published', 'reviewed']),
  /** True when any value shown comes from the generated sample dataset (示例数据). */
  sample: z.boolean(),
  dataVersion: z.number(),
  targets: z.array(targetCard),
  dimensions: z.array(dimensionCard),
  warnings: z.array(warning),
});

export const monitoringSeries = z.object({
  indicator: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.object({ zh: z.string(), en: z.string() }),
  aggregation: z.string(),
  orgUnit: orgUnitRef,
  visibility: z.enum(['published', 'reviewed']),
  sample: z.boolean(),
  items: z.array(
    z.object({
      period: z.string(),
      value: z.number().nullable(),
      completeness: z.number().nullable(),
      partial: z.boolean(),
      /** stored (a reporting unit's own value), computed (derived or rolled up), or fallback (stored derived value). */
      origin: z.enum(['stored', 'computed', 'fallback', 'none']),
      sources: z.array(z.string()),
      /** True when an input was chosen by source precedence under an open coordination difference (未协调). */
      unresolved: z.boolean().optional(),
      /** Every stored value of this cell, all sources (for 指标统计协调). */
      stored: z.array(z.object({ source: z.string(), value: z.number().nullable() })),
    }),
  ),
});

export const monitoringWarnings = z.object({
  orgUnit: orgUnitRef,
  year: z.number(),
  asOf: z.string(),
  visibility: z.enum(['published', 'reviewed']),
  counts: z.record(z.string(), z.number()),
  items: z.array(warning),
});

export const targetChange = z
  .object({
    comparator: z.enum(['>', '>=', '<', '<=']).optional(),
    value: z.number().finite().optional(),
    baseYear: z.number().int().min(1900).max(2100).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
  })
  .strict();

export const targetChangeQuery = z.object({
  orgUnit: z.string().min(1).max(40).optional(),
  year: year.optional(),
});

export const targetChangeResult = z.object({
  framework: z.object({ code: z.string(), version: z.number(), previousVersion: z.number() }),
  created: z.boolean(),
  target: z.object({
    indicator: z.string(),
    orgUnit: z.string(),
    year: z.number(),
    comparator: z.string(),
    value: z.number(),
    kind: z.string(),
    baseYear: z.number(),
    baseYearAssumption: z.boolean(),
    note: z.string().nullable(),
  }),
});

export type MonitoringQuery = z.infer<typeof monitoringQuery>;
export type MonitoringOverview = z.infer<typeof monitoringOverview>;
export type TargetCard = z.infer<typeof targetCard>;
export type DimensionCard = z.infer<typeof dimensionCard>;
export type IndicatorStatusItem = z.infer<typeof indicatorStatus>;
export type MonitoringWarning = z.infer<typeof warning>;
export type WarningKind = (typeof WARNING_KINDS)[number];
export type MonitoringSeries = z.infer<typeof monitoringSeries>;
export type MonitoringWarnings = z.infer<typeof monitoringWarnings>;
export type TargetChange = z.infer<typeof targetChange>;
export type TargetChangeResult = z.infer<typeof targetChangeResult>;
