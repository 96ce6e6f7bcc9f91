// Data collection: sources, the long layout's header, import results, batch writes, history.
import { z } from 'zod';
import { SOURCE_CODES } from './codes.ts';
import { valueRevision } from './workflow.ts';

/** The long layout's columns, in export order; `source` and `comment` are optional on import. */
export const LONG_COLUMNS = ['indicator', 'org_unit', 'period', 'value', 'source', 'comment'] as const;
export type LongColumn = (typeof LONG_COLUMNS)[number];
/** The export's header line, exactly. */
export const EXPORT_HEADER = LONG_COLUMNS.join(',');
/** Chinese headers accepted for each long-layout column. */
export const LONG_COLUMNS_ZH: Record<LongColumn, string> = {
  indicator: '指标',
  org_unit: '组织单元',
  period: '期间',
  value: '数值',
  source: '来源',
  comment: '备注',
};

export const localisedText = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** One located problem: sheet (null for CSV), row as Excel shows it, column header, quoted value. */
export const importProblem = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  value: z.string().nullable(),
  message: localisedText,
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importSummary = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  warned: z.number(),
});
export type ImportSummary = z.infer<typeof importSummary>;

/** The answer of an import (file, batch or CLI); `--format json` prints exactly {ok, summary, problems}. */
export const importResult = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  summary: importSummary,
  problems: z.array(importProblem),
  /** Not errors: not-reported cells, the file's encoding when not UTF-8, accepted warnings. */
  notices: z.array(importProblem),
  encoding: z.enum(['utf-8', 'gb18030']).nullable(),
  importId: z.number().nullable(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
  source: z.enum(SOURCE_CODES).optional(),
  acceptWarnings: z.enum(['true', 'false']).optional(),
  lang: z.string().optional(),
});

/** A value in a JSON batch: a number, null (not reported) or text as typed in a spreadsheet. */
export const batchItem = z.object({
  indicator: z.string().min(1).max(64),
  orgUnit: z.string().min(1).max(40),
  period: z.string().min(1).max(20),
  value: z.union([z.number(), z.string().max(100), z.null()]),
  source: z.enum(SOURCE_CODES).optional(),
  comment: z.string().max(2000).nullable().optional(),
  /** 口径 (e.g. 输出地 / 吸纳地, 有效 / 新增); absent or blank: an existing value's basis is kept. */
  basis: z.string().max(200).optional(),
  /** The version the edit started from: a stale edit (someone saved in between) is refused. */
  version: z.number().int().min(0).optional(),
});

export const batchRequest = z.object({
  items: z.array(batchItem).min(1).max(100_000),
  dryRun: z.boolean().optional(),
  acceptWarnings: z.boolean().optional(),
  source: z.enum(SOURCE_CODES).optional(),
});
export type BatchRequest = z.infer<typeof batchRequest>;

export const historyEntry = z.object({
  version: z.number(),
  action: z.string(),
  value: z.number().nullable(),
  previousValue: z.number().nullable(),
  status: z.string(),
  comment: z.string().nullable(),
  /** 口径 in force with this version (a write without one keeps it); null while never stated. */
  basis: z.string().nullable().optional(),
  sourceRef: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});

export const dataValueHistory = z.object({
  key: z.string(),
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  source: z.string(),
  current: z.object({ value: z.number().nullable(), version: z.number(), status: z.string() }),
  items: z.array(historyEntry),
  /** Changes after publication (修订), oldest first. */
  revisions: z.array(valueRevision).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
export type DataValueHistory = z.infer<typeof dataValueHistory>;

export const exportQuery = z.object({
  orgUnit: z.string().max(40).optional(),
  period: z.string().max(20).optional(),
  source: z.enum(SOURCE_CODES).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
});
