import { z } from 'zod';
import { articleCodeSchema, indicatorCodeSchema, textSchema, upperCodeSchema } from './codes.ts';

/** `headline`: the 2025 targets of article (二); `dimension`: one of the five dimensions of article (十七). */
export const dimensionKindSchema = z.enum(['headline', 'dimension']);

/** A dimension (group of indicators) of a framework. */
export const dimensionSchema = z.strictObject({
  code: upperCodeSchema,
  seq: z.number().int().positive(),
  nameZh: textSchema,
  nameEn: textSchema,
  articleCodes: z.array(articleCodeSchema).min(1),
  kind: dimensionKindSchema,
});
/** A dimension. */
export type Dimension = z.infer<typeof dimensionSchema>;

/**
 * How an indicator aggregates up the tree and over time:
 * - `flow`: summed across units and over periods (spending, revenue, turnover);
 * - `stock`: summed across units; over time the last period's value (population, enterprises held);
 * - `ratio`: derived by `formula` from rolled-up components, never averaged;
 * - `mean` / `weighted_mean` (weights from `weightIndicator`) / `min` / `max` / `count` across units.
 */
export const aggregationSchema = z.enum([
  'flow',
  'stock',
  'ratio',
  'mean',
  'weighted_mean',
  'min',
  'max',
  'count',
]);
/** An aggregation rule. */
export type Aggregation = z.infer<typeof aggregationSchema>;

/** Value type: `percent` values are percentage points (2.5 = 2.5 %). */
export const valueTypeSchema = z.enum(['number', 'integer', 'percent']);

/**
 * An indicator. `raw` components are reported by parks (formula null); derived ones carry a `formula` in the formula
 * language (+ - * / ^, comparisons, && || !, min max abs if lag(x,k)) naming indicator codes only.
 * `direction` 1 = higher is better, -1 = lower is better. `weight` is the weight within its dimension(s);
 * 0 for pure components that belong to no dimension. `basisZh` is the 口径.
 */
export const indicatorSchema = z.strictObject({
  code: indicatorCodeSchema,
  seq: z.number().int().positive(),
  dimensionCodes: z.array(upperCodeSchema),
  nameZh: textSchema,
  nameEn: textSchema,
  unitZh: textSchema,
  unitEn: textSchema,
  direction: z.union([z.literal(1), z.literal(-1)]),
  valueType: valueTypeSchema,
  aggregation: aggregationSchema,
  formula: textSchema.nullable(),
  weightIndicator: indicatorCodeSchema.nullable(),
  periodType: z.literal('year'),
  definitionZh: textSchema,
  definitionEn: textSchema,
  basisZh: textSchema,
  source: textSchema,
  articleCodes: z.array(articleCodeSchema).min(1),
  headline: z.boolean(),
  weight: z.number().min(0),
  raw: z.boolean(),
});
/** An indicator. */
export type Indicator = z.infer<typeof indicatorSchema>;

/** Target comparators; `>` for 超过, `>=` for 以上/达到. */
export const comparatorSchema = z.enum(['>', '>=', '<', '<=', '==']);

/**
 * A target. `level`: the indicator's value in `year` compared with `value`. `growth`: the average annual growth rate
 * (CAGR, percent per year) of the indicator from `baseYear` to `year` compared with `value`.
 * `baseYearAssumption` marks a base year the policy does not state.
 */
export const targetSchema = z.strictObject({
  indicatorCode: indicatorCodeSchema,
  orgUnitCode: upperCodeSchema,
  year: z.number().int().min(2000).max(2100),
  comparator: comparatorSchema,
  value: z.number(),
  kind: z.enum(['level', 'growth']),
  baseYear: z.number().int().min(2000).max(2100),
  baseYearAssumption: z.boolean(),
  note: textSchema,
});
/** A target. */
export type Target = z.infer<typeof targetSchema>;

/** Header of a framework file: code, version and names. */
export const frameworkHeaderSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.number().int().positive(),
  nameZh: textSchema,
  nameEn: textSchema,
});

/** A versioned indicator framework: dimensions, indicators and targets. */
export const frameworkSchema = frameworkHeaderSchema.extend({
  dimensions: z.array(dimensionSchema).min(1),
  indicators: z.array(indicatorSchema).min(1),
  targets: z.array(targetSchema),
});
/** A framework. */
export type Framework = z.infer<typeof frameworkSchema>;
