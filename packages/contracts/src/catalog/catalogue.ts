import { z } from 'zod';
import { frameworkSchema } from './framework.ts';
import { orgUnitSchema, referenceRegionSchema } from './org-units.ts';
import {
  leadUnitSchema,
  policyArticleSchema,
  policyDocumentSchema,
  policyPartSchema,
  stageSchema,
  taskSchema,
} from './policy.ts';
import { publishedValueSchema, sampleValueSchema } from './values.ts';

/** The whole catalogue as loaded from `data/`: policy, lead units, stages, tasks, org units, framework and values. */
export const catalogueSchema = z.strictObject({
  policy: policyDocumentSchema,
  parts: z.array(policyPartSchema),
  articles: z.array(policyArticleSchema),
  leadUnits: z.array(leadUnitSchema),
  stages: z.array(stageSchema),
  tasks: z.array(taskSchema),
  orgUnits: z.array(orgUnitSchema),
  referenceRegions: z.array(referenceRegionSchema),
  framework: frameworkSchema,
  sampleValues: z.array(sampleValueSchema),
  publishedValues: z.array(publishedValueSchema),
});
/** The catalogue. */
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Stable codes of catalogue problems. */
export const CATALOGUE_PROBLEM_CODES = [
  'E_CATALOG_FILE_MISSING',
  'E_CATALOG_PARSE',
  'E_CATALOG_INVALID_FIELD',
  'E_CATALOG_BAD_CODE',
  'E_CATALOG_DUPLICATE_CODE',
  'E_CATALOG_UNKNOWN_PARENT',
  'E_CATALOG_PARENT_CYCLE',
  'E_CATALOG_LEVEL_ORDER',
  'E_CATALOG_UNKNOWN_ORG_UNIT',
  'E_CATALOG_PARK_OVERLAP',
  'E_CATALOG_BAD_COORDINATES',
  'E_CATALOG_UNKNOWN_PART',
  'E_CATALOG_UNKNOWN_ARTICLE',
  'E_CATALOG_UNKNOWN_LEAD_UNIT',
  'E_CATALOG_LEAD_UNITS_MISSING',
  'E_CATALOG_LEAD_UNITS_UNEXPECTED',
  'E_CATALOG_LEAD_UNITS_MISMATCH',
  'E_CATALOG_UNKNOWN_STAGE',
  'E_CATALOG_STAGE_INCOMPLETE',
  'E_CATALOG_UNKNOWN_TASK',
  'E_CATALOG_ARTICLE_WITHOUT_TASK',
  'E_CATALOG_UNKNOWN_INDICATOR',
  'E_CATALOG_UNKNOWN_DIMENSION',
  'E_CATALOG_FORMULA_UNKNOWN_INDICATOR',
  'E_CATALOG_FORMULA_MISMATCH',
  'E_CATALOG_DIMENSION_SIZE',
  'E_CATALOG_HEADLINE_MISMATCH',
  'E_CATALOG_WEIGHT_MISMATCH',
  'E_CATALOG_VALUE_NOT_ALLOWED',
  'E_CATALOG_DUPLICATE_VALUE',
] as const;
/** A catalogue problem code. */
export type CatalogueProblemCode = (typeof CATALOGUE_PROBLEM_CODES)[number];

/**
 * A problem found while loading or validating the catalogue. `file` is relative to the data directory
 * (e.g. `org-units/org-units.csv`); `line` is the 1-based physical line (the CSV row, or the YAML node);
 * `field` the column or key (a dotted path for nested YAML). Messages are given in English and Chinese.
 */
export const catalogueProblemSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().min(0),
  field: z.string(),
  code: z.enum(CATALOGUE_PROBLEM_CODES),
  message: z.string(),
  messageZh: z.string(),
});
/** A catalogue problem. */
export type CatalogueProblem = z.infer<typeof catalogueProblemSchema>;
