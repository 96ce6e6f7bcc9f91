// Response schemas of the public read API (HTTP JSON is camelCase; every list is `{items:[…]}`).
import { z } from 'zod';
import { valueRevision } from './workflow.ts';

/** Wraps an item schema in the list envelope every list response uses. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const healthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export const leadUnitRef = z.object({ code: z.string(), shortName: z.string(), fullName: z.string() });

export const leadUnit = leadUnitRef.extend({ nameEn: z.string(), kind: z.string(), seq: z.number() });

export const policyArticle = z.object({
  code: z.string(),
  seq: z.number(),
  part: z.object({ code: z.string(), numeralZh: z.string(), titleZh: z.string(), titleEn: z.string() }),
  titleZh: z.string(),
  titleEn: z.string(),
  textZh: z.string(),
  leadUnits: z.array(leadUnitRef),
});

export const policyDocument = z.object({
  documentNo: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  writtenOn: z.string(),
  releasedOn: z.string(),
  issuers: z.array(leadUnitRef),
});

export const stageEntry = z.object({
  stage: z.string(),
  stageNameZh: z.string(),
  stageNameEn: z.string(),
  stageTextZh: z.string().nullable(),
  changedOn: z.string(),
  evidence: z.string().nullable(),
});

export const policyTask = z.object({
  code: z.string(),
  articleCode: z.string(),
  parentCode: z.string().nullable(),
  seq: z.number(),
  titleZh: z.string(),
  titleEn: z.string(),
  kind: z.string(),
  stage: z.string().nullable(),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  dueDateAssumption: z.boolean(),
  leadUnits: z.array(leadUnitRef),
  indicatorCodes: z.array(z.string()),
  stageHistory: z.array(stageEntry),
});

export interface OrgUnitNode {
  code: string;
  parentCode: string | null;
  level: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  lat: number | null;
  lon: number | null;
  coordApproximate: boolean;
  areaKm2: number | null;
  within: string | null;
  overlaps: string[];
  validFrom: string;
  validTo: string | null;
  assumption: string | null;
  children: OrgUnitNode[];
}

export const orgUnitNode: z.ZodType<OrgUnitNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    parentCode: z.string().nullable(),
    level: z.string(),
    kind: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    shortNameZh: z.string().nullable(),
    shortNameEn: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    coordApproximate: z.boolean(),
    areaKm2: z.number().nullable(),
    within: z.string().nullable(),
    overlaps: z.array(z.string()),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    assumption: z.string().nullable(),
    children: z.array(orgUnitNode),
  }),
);

export const referenceRegion = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  coordApproximate: z.boolean(),
});

export const framework = z.object({
  code: z.string(),
  version: z.number(),
  status: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  createdAt: z.string(),
});

export const dimension = z.object({
  code: z.string(),
  seq: z.number(),
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  articleCodes: z.array(z.string()),
});

export const indicator = z.object({
  code: z.string(),
  seq: z.number(),
  nameZh: z.string(),
  nameEn: z.string(),
  unitZh: z.string(),
  unitEn: z.string(),
  direction: z.number(),
  valueType: z.string(),
  aggregation: z.string(),
  formula: z.string().nullable(),
  weightIndicator: z.string().nullable(),
  periodType: z.string(),
  definitionZh: z.string(),
  definitionEn: z.string(),
  basisZh: z.string(),
  source: z.string(),
  articleCodes: z.array(z.string()),
  dimensionCodes: z.array(z.string()),
  headline: z.boolean(),
  weight: z.number(),
  raw: z.boolean(),
});

export const target = z.object({
  indicator: z.string(),
  orgUnit: z.string(),
  year: z.number(),
  comparator: z.string(),
  value: z.number(),
  kind: z.string(),
  baseYear: z.number(),
  baseYearAssumption: z.boolean(),
  note: z.string().nullable(),
});

export const frameworkDetail = framework.extend({
  dimensions: z.array(dimension),
  indicators: z.array(indicator),
  targets: z.array(target),
});

export const dataValue = z.object({
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  source: z.string(),
  value: z.number().nullable(),
  status: z.string(),
  version: z.number(),
  comment: z.string().nullable(),
  sourceRef: z.string().nullable(),
  /** True for the generated sample dataset (示例数据). */
  sample: z.boolean(),
  updatedAt: z.string(),
  /** The value's id (for POST /api/data-values/{id}/revise). */
  id: z.number().optional(),
  /** Changes after publication (修订), oldest first: the old published value with date and reason. */
  revisions: z.array(valueRevision).optional(),
});

export const dataValueQuery = z.object({
  indicator: z.string().optional(),
  orgUnit: z.string().optional(),
  period: z.string().optional(),
  source: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(50_000).default(10_000),
  offset: z.coerce.number().int().min(0).default(0),
});

export type PolicyArticle = z.infer<typeof policyArticle>;
export type PolicyTask = z.infer<typeof policyTask>;
export type LeadUnit = z.infer<typeof leadUnit>;
export type ReferenceRegion = z.infer<typeof referenceRegion>;
export type Framework = z.infer<typeof framework>;
export type FrameworkDetail = z.infer<typeof frameworkDetail>;
export type Indicator = z.infer<typeof indicator>;
export type DataValue = z.infer<typeof dataValue>;
export type DataValueQuery = z.infer<typeof dataValueQuery>;
