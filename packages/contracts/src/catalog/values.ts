import { z } from 'zod';
import { indicatorCodeSchema, periodCodeSchema, textSchema, upperCodeSchema } from './codes.ts';

/** Source code of the sample dataset (labelled 示例数据 / sample data wherever shown). */
export const SAMPLE_SOURCE = 'sample';
/** Source code of published figures. */
export const PUBLISHED_SOURCE = 'published';

/** One value of the deterministic sample dataset: a raw indicator on a park leaf for a year. */
export const sampleValueSchema = z.strictObject({
  indicatorCode: indicatorCodeSchema,
  orgUnitCode: upperCodeSchema,
  period: periodCodeSchema,
  value: z.number().finite(),
});
/** A sample value. */
export type SampleValue = z.infer<typeof sampleValueSchema>;

/** One published figure, on a tree node or a reference region, with its citation (`sourceRef`). */
export const publishedValueSchema = z.strictObject({
  indicatorCode: indicatorCodeSchema,
  orgUnitCode: upperCodeSchema,
  period: periodCodeSchema,
  value: z.number().finite(),
  sourceRef: textSchema,
});
/** A published value. */
export type PublishedValue = z.infer<typeof publishedValueSchema>;
