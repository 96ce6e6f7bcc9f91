// Statistics coordination (指标统计协调): one (indicator, org unit, period) may hold values from several
// sources, each with its basis (口径); differences beyond a tolerance wait in a queue for a reviewer.
import { z } from 'zod';
import { SOURCE_CODES } from './codes.ts';

/** Default precedence while a difference is unresolved, first wins (configurable). */
export const DEFAULT_SOURCE_PRECEDENCE = ['national', 'provincial', 'published', 'report', 'sample'] as const;
/** Default relative tolerance: |a − b| / max(|a|, |b|) above this is a difference to coordinate. */
export const DEFAULT_RELATIVE_TOLERANCE = 0.05;

export const coordinationSettings = z.object({
  relativeTolerance: z.number().min(0).max(10),
  precedence: z.array(z.enum(SOURCE_CODES)).length(SOURCE_CODES.length),
});
export type CoordinationSettings = z.infer<typeof coordinationSettings>;

/** The settings as served: who changed them last and when (null while the defaults apply). */
export const coordinationSettingsView = coordinationSettings.extend({
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type CoordinationSettingsView = z.infer<typeof coordinationSettingsView>;

export const coordinationQuery = z.object({
  status: z.enum(['open', 'resolved', 'all']).optional(),
  indicator: z.string().min(1).max(64).optional(),
  /** The unit and every unit below it. */
  orgUnit: z.string().min(1).max(40).optional(),
  period: z.string().min(1).max(20).optional(),
});
export type CoordinationQuery = z.infer<typeof coordinationQuery>;

export const sourceValue = z.object({
  source: z.enum(SOURCE_CODES),
  value: z.number().nullable(),
  /** 口径, e.g. 输出地 / 吸纳地, 有效 / 新增; null when not stated. */
  basis: z.string().nullable(),
  status: z.string(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});
export type SourceValue = z.infer<typeof sourceValue>;

export const coordinationItem = z.object({
  /** `indicator|orgUnit|period`, stable across reads. */
  key: z.string(),
  indicator: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unitZh: z.string(),
    unitEn: z.string(),
  }),
  orgUnit: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  period: z.string(),
  values: z.array(sourceValue),
  /** Largest pairwise relative difference among the non-missing values. */
  relativeDifference: z.number(),
  /** The source monitoring uses while unresolved. */
  precedenceSource: z.enum(SOURCE_CODES),
  status: z.enum(['open', 'resolved']),
  /** The values as a stable string (`source=value;…`); a resolution holds while it is unchanged. */
  fingerprint: z.string(),
  resolution: z
    .object({
      acceptedValue: z.number(),
      /** The source chosen, or null when the reviewer entered the value. */
      source: z.enum(SOURCE_CODES).nullable(),
      reason: z.string(),
      resolvedBy: z.string(),
      resolvedAt: z.string(),
    })
    .nullable(),
});
export type CoordinationItem = z.infer<typeof coordinationItem>;

export const resolveBody = z
  .object({
    indicator: z.string(),
    orgUnit: z.string(),
    period: z.string(),
    source: z.enum(SOURCE_CODES).optional(),
    value: z.number().optional(),
    reason: z.string().trim().min(1).max(2000),
    /** The item's fingerprint as read: refused (409) when the values changed meanwhile. */
    fingerprint: z.string().max(4000).optional(),
  })
  .refine((b) => (b.source === undefined) !== (b.value === undefined), {
    message: 'give either source or value',
  });
export type ResolveBody = z.infer<typeof resolveBody>;
