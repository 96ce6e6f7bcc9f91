import { z } from 'zod';
import { indicatorCodeSchema, textSchema, upperCodeSchema } from './codes.ts';

/**
 * A row of `data/published/indicator-map.csv`: how an indicator name (and unit) of the research figures maps to a
 * framework indicator. `indicatorCode` null = reviewed and not mapped (reason in `note`). `scale` converts the
 * figure's unit to the indicator's unit (e.g. 万件 → 件: 10000).
 */
export const indicatorMapRowSchema = z.strictObject({
  figuresIndicator: textSchema,
  figuresUnit: textSchema,
  indicatorCode: indicatorCodeSchema.nullable(),
  scale: z.number().positive().nullable(),
  note: textSchema,
});
/** An indicator-map row. */
export type IndicatorMapRow = z.infer<typeof indicatorMapRowSchema>;

/** A row of `data/published/entity-map.csv`: a figures entity → a tree node or reference region, or null (skipped, reason in `note`). */
export const entityMapRowSchema = z.strictObject({
  figuresEntity: textSchema,
  orgUnitCode: upperCodeSchema.nullable(),
  note: textSchema,
});
/** An entity-map row. */
export type EntityMapRow = z.infer<typeof entityMapRowSchema>;

/** A row of `data/published/row-exclusions.csv`: one figure excluded on review (lower bound, superseded, …). */
export const rowExclusionSchema = z.strictObject({
  figuresEntity: textSchema,
  figuresIndicator: textSchema,
  figuresYear: textSchema,
  reason: textSchema,
});
/** A row exclusion. */
export type RowExclusion = z.infer<typeof rowExclusionSchema>;
