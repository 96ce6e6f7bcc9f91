import { z } from 'zod';
import { isoDateSchema, textSchema, upperCodeSchema } from './codes.ts';

/** Levels of the 一城多园 tree, top down: science city → its part in a province → pilot start zone → park. */
export const ORG_UNIT_LEVELS = ['city', 'part', 'zone', 'park'] as const;
/** An org-unit level. */
export const orgUnitLevelSchema = z.enum(ORG_UNIT_LEVELS);
/** An org-unit level. */
export type OrgUnitLevel = z.infer<typeof orgUnitLevelSchema>;

/**
 * Kind of org unit. Only `area` rolls up into its parent. `site` (a facility site or an area nested in a park) and
 * `planning_area` (a spatial plan, or an area outside the pilot zones) sit in the tree for context and never roll up.
 */
export const orgUnitKindSchema = z.enum(['area', 'site', 'planning_area']);
/** An org-unit kind. */
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;

/**
 * A node of the 一城多园 tree. A park leaf is `kind: 'area', level: 'park'`; park leaves are disjoint.
 * `within` names the unit this one lies inside, `overlaps` the units it partly covers (codes of tree nodes).
 * Coordinates are WGS-84 degrees, approximate (`coordApproximate`), null when unknown. `assumption` records any
 * modelling choice not confirmed by a source (e.g. that two areas are disjoint).
 */
export const orgUnitSchema = z.strictObject({
  code: upperCodeSchema,
  parentCode: upperCodeSchema.nullable(),
  level: orgUnitLevelSchema,
  kind: orgUnitKindSchema,
  nameZh: textSchema,
  nameEn: textSchema,
  shortNameZh: textSchema.nullable(),
  shortNameEn: textSchema.nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  coordApproximate: z.boolean(),
  areaKm2: z.number().positive().nullable(),
  within: upperCodeSchema.nullable(),
  overlaps: z.array(upperCodeSchema),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  assumption: textSchema.nullable(),
  source: textSchema.nullable(),
  seq: z.number().int().positive(),
});
/** An org unit. */
export type OrgUnit = z.infer<typeof orgUnitSchema>;

/** Kind of reference region. */
export const referenceRegionKindSchema = z.enum(['country', 'province', 'city']);

/**
 * A reference region (whole country, province or city) outside the tree: it holds published figures for context and
 * never rolls up into the science city. Its code shares the namespace of org-unit codes.
 */
export const referenceRegionSchema = z.strictObject({
  code: upperCodeSchema,
  nameZh: textSchema,
  nameEn: textSchema,
  kind: referenceRegionKindSchema,
});
/** A reference region. */
export type ReferenceRegion = z.infer<typeof referenceRegionSchema>;
