import { z } from 'zod';
import {
  articleCodeSchema,
  indicatorCodeSchema,
  isoDateSchema,
  textSchema,
  upperCodeSchema,
} from './codes.ts';

/** Document number of the policy the catalogue encodes. */
export const POLICY_DOCUMENT_NO = '国科发规〔2023〕31号';

/** The policy document: number, titles, the date written on it (成文) and the release date, and its 14 issuers in text order. */
export const policyDocumentSchema = z.strictObject({
  documentNo: z.literal(POLICY_DOCUMENT_NO),
  titleZh: textSchema,
  titleEn: textSchema,
  /** 成文日期 as printed on the document. */
  writtenOn: isoDateSchema,
  /** Public release date (MOST website). */
  releasedOn: isoDateSchema,
  /** Lead-unit codes of the issuing bodies, in the order the text lists them. */
  issuerCodes: z.array(upperCodeSchema).min(1),
});
/** The policy document. */
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

/** Chinese ordinal of a part: 第一部分 … 第六部分. */
export const partNumeralSchema = z.string().regex(/^第[一二三四五六七八九十]+部分$/);

/** One of the six parts (一、总体要求 … 六、组织实施保障). `titleZh` is the heading as printed, without its numeral. */
export const policyPartSchema = z.strictObject({
  code: upperCodeSchema,
  seq: z.number().int().positive(),
  numeralZh: partNumeralSchema,
  titleZh: textSchema,
  titleEn: textSchema,
});
/** A part of the policy. */
export type PolicyPart = z.infer<typeof policyPartSchema>;

/**
 * One article (一)…(十七). `textZh` is the article exactly as printed in the source text, heading included;
 * `leadUnitCodes` are the units named in its closing parenthesis (牵头负责) in text order, empty for (一) and (二).
 */
export const policyArticleSchema = z.strictObject({
  code: articleCodeSchema,
  seq: z.number().int().positive(),
  partCode: upperCodeSchema,
  titleZh: textSchema,
  titleEn: textSchema,
  textZh: textSchema,
  leadUnitCodes: z.array(upperCodeSchema),
});
/** An article of the policy. */
export type PolicyArticle = z.infer<typeof policyArticleSchema>;

/** Whether a lead unit is a national body or a provincial-level government. */
export const leadUnitKindSchema = z.enum(['national', 'provincial']);

/** A lead unit (牵头单位): one of the 14 issuing bodies. `shortName` is the name as the articles write it (发展改革委, 重庆市). */
export const leadUnitSchema = z.strictObject({
  code: upperCodeSchema,
  seq: z.number().int().positive(),
  shortName: textSchema,
  fullName: textSchema,
  nameEn: textSchema,
  kind: leadUnitKindSchema,
});
/** A lead unit. */
export type LeadUnit = z.infer<typeof leadUnitSchema>;

/** Controlled list of stages of a facility or platform, shared with task supervision, in lifecycle order. */
export const STAGE_CODES = [
  'explore',
  'prepare',
  'reserve',
  'preconditions',
  'started',
  'building',
  'operating',
] as const;
/** A stage code. */
export const stageCodeSchema = z.enum(STAGE_CODES);
/** A stage code. */
export type StageCode = z.infer<typeof stageCodeSchema>;

/** A stage with its names. */
export const stageSchema = z.strictObject({
  code: stageCodeSchema,
  seq: z.number().int().positive(),
  nameZh: textSchema,
  nameEn: textSchema,
});
/** A stage. */
export type Stage = z.infer<typeof stageSchema>;

/** Kind of task: an ordinary task, a large facility, or an innovation platform (the last two from article (四)). */
export const taskKindSchema = z.enum(['task', 'facility', 'platform']);

/**
 * A task decomposed from an article. Lead units are inherited from the article (text order). `stage*` fields are set
 * together (facilities and platforms of (四)), otherwise all null. `dueDateAssumption` is true when the due date is
 * ours (tasks tied to the 2025 targets are due 2025-12-31), not the text's.
 */
export const taskSchema = z.strictObject({
  code: upperCodeSchema,
  articleCode: articleCodeSchema,
  parentCode: upperCodeSchema.nullable(),
  seq: z.number().int().positive(),
  titleZh: textSchema,
  titleEn: textSchema,
  kind: taskKindSchema,
  stage: stageCodeSchema.nullable(),
  stageTextZh: textSchema.nullable(),
  stageDate: isoDateSchema.nullable(),
  stageSource: textSchema.nullable(),
  startDate: isoDateSchema,
  dueDate: isoDateSchema.nullable(),
  dueDateAssumption: z.boolean(),
  leadUnitCodes: z.array(upperCodeSchema),
  indicatorCodes: z.array(indicatorCodeSchema),
});
/** A task. */
export type Task = z.infer<typeof taskSchema>;
