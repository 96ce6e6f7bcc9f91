// Submission workflow per (framework, org unit, period): draft → submitted → returned | approved →
// published; deadlines per period type, reporting rates, releases and revisions (修订).
import { z } from 'zod';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_ACTIONS = ['submit', 'return', 'approve', 'unapprove'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const submissionSummary = z.object({
  id: z.number(),
  framework: z.string(),
  orgUnit: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  period: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  /** Optimistic-lock version: every action sends the version it started from. */
  version: z.number(),
  /** Reason of the last return or unapproval, shown to the reporter. */
  reason: z.string().nullable(),
  /** Stored report values in this submission, and framework raw indicators still without one. */
  valueCount: z.number(),
  missingCount: z.number(),
  deadline: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  /** null while not yet submitted. */
  onTime: z.boolean().nullable(),
  /** What the caller may do now. */
  allowedActions: z.array(z.enum(SUBMISSION_ACTIONS)),
});
export type SubmissionSummary = z.infer<typeof submissionSummary>;

export const submissionEvent = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});
export type SubmissionEvent = z.infer<typeof submissionEvent>;

export const submissionValue = z.object({
  id: z.number(),
  indicator: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unitZh: z.string(),
  unitEn: z.string(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  status: z.string(),
  version: z.number(),
});

export const submissionDetail = submissionSummary.extend({
  values: z.array(submissionValue),
  events: z.array(submissionEvent),
});
export type SubmissionDetail = z.infer<typeof submissionDetail>;

export const submissionActionBody = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(1).max(2000).optional(),
});

export const bulkSubmissionBody = z.object({
  action: z.enum(['approve', 'return']),
  items: z
    .array(z.object({ id: z.number().int(), version: z.number().int() }))
    .min(1)
    .max(1000),
  reason: z.string().trim().min(1).max(2000).optional(),
});

/** Deadline rule per period type: `annual` by month/day of the next year, others N days after the end. */
export const deadlineRule = z.object({
  periodType: z.enum(['annual', 'quarterly', 'monthly']),
  /** annual: the deadline's month and day in the year after the period. */
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
  /** quarterly/monthly: days after the period's last day. */
  daysAfterEnd: z.number().int().min(0).max(366).nullable(),
});
export type DeadlineRule = z.infer<typeof deadlineRule>;

/** DHIS2-style reporting rates for one (framework, period) within the caller's scope. */
export const reportingRates = z.object({
  framework: z.string(),
  period: z.string(),
  deadline: z.string(),
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  /** submitted / expected and onTime / expected, 0..1; null when nothing is expected. */
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
  units: z.array(
    z.object({
      orgUnit: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      status: z.enum([...SUBMISSION_STATUSES, 'not_started']),
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
    }),
  ),
});
export type ReportingRates = z.infer<typeof reportingRates>;

export const releaseBody = z.object({
  framework: z.string(),
  period: z.string(),
  note: z.string().trim().min(1).max(4000),
});

export const release = z.object({
  id: z.number(),
  framework: z.string(),
  period: z.string(),
  note: z.string(),
  valueCount: z.number(),
  publishedBy: z.string(),
  publishedAt: z.string(),
});
export type Release = z.infer<typeof release>;

/** A published value changed after publication: the old value stays visible with date and reason. */
export const valueRevision = z.object({
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  reason: z.string(),
  revisedBy: z.string(),
  revisedAt: z.string(),
});
export type ValueRevision = z.infer<typeof valueRevision>;

export const reviseValueBody = z.object({
  version: z.number().int(),
  value: z.number().nullable(),
  reason: z.string().trim().min(1).max(2000),
});
