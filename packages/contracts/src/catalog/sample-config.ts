import { z } from 'zod';
import { indicatorCodeSchema, textSchema, upperCodeSchema } from './codes.ts';

/**
 * Magnitudes of one park in the first sample year (names are free, e.g. `gdp` in 亿元, `population` in 万人,
 * `rdIntensity` in percentage points, `innovation` a dimensionless multiplier of counts).
 */
export const sampleParkSchema = z.object({ code: upperCodeSchema }).catchall(z.number().nonnegative());
/** Magnitudes of one park. */
export type SamplePark = z.infer<typeof sampleParkSchema>;

/**
 * How one raw indicator is generated for a park and year:
 * `product(park[params]) × factor × (1 + growth)^(year − firstYear) × (1 + noise × u)`, u uniform in [−1, 1),
 * rounded to `decimals`.
 */
export const sampleRecipeSchema = z.strictObject({
  params: z.array(z.string().min(1)).min(1),
  factor: z.number().positive(),
  growth: z.number().min(-0.5).max(1),
  noise: z.number().min(0).max(0.9),
  decimals: z.number().int().min(0).max(6),
});
/** A generation recipe. */
export type SampleRecipe = z.infer<typeof sampleRecipeSchema>;

/** A deliberate gap: the park reports nothing for `year` (or only misses the listed indicators). */
export const sampleGapSchema = z.strictObject({
  park: upperCodeSchema,
  year: z.number().int(),
  indicators: z.array(indicatorCodeSchema).optional(),
  reason: textSchema,
});

/** `data/sample/sample.yaml`: the seed and magnitudes from which `sample-values.csv` is generated. */
export const sampleConfigSchema = z.strictObject({
  seed: z.number().int().min(0).max(0xffffffff),
  labelZh: textSchema,
  labelEn: textSchema,
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  parks: z.array(sampleParkSchema).min(1),
  recipes: z.record(indicatorCodeSchema, sampleRecipeSchema),
  gaps: z.array(sampleGapSchema),
});
/** The sample configuration. */
export type SampleConfig = z.infer<typeof sampleConfigSchema>;
