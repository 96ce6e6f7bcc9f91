// Task supervision (督办) and assessment (考核) API (issue 8): tasks with colours, reports with evidence,
// reviews, extensions, closure, milestones, the scoreboard per lead unit and reminders.
import { z } from 'zod';
import { leadUnitRef } from './api.ts';
import { STAGE_CODES } from './codes.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const code = z.string().min(1).max(40);
const text = (max: number) => z.string().trim().min(1).max(max);

export const TASK_COLOURS = ['red', 'yellow', 'green', 'blue'] as const;
/** Why a task has its colour: the first rule of the table that holds (docs/methodology/supervision.md). */
export const COLOUR_REASONS = [
  'overdue',
  'far_behind',
  'due_soon',
  'behind',
  'closed_early',
  'ahead',
  'normal',
] as const;
export const TASK_KINDS = ['task', 'facility', 'platform'] as const;
export const REPORT_STATUSES = ['submitted', 'returned', 'accepted'] as const;
export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;
export const SCORING_CRITERIA = [
  'on_time_reports',
  'on_time_closure',
  'not_overdue',
  'milestones_met',
  'indicator_progress',
] as const;
export const REMINDER_KINDS = [
  'task_overdue',
  'task_due_soon',
  'report_due',
  'report_overdue',
  'report_returned',
  'review_pending',
  'extension_pending',
  'milestone_due',
] as const;

export const taskColour = z.enum(TASK_COLOURS);

// ---- queries

export const taskListQuery = z.object({
  leadUnit: code.optional(),
  colour: taskColour.optional(),
  article: z.string().min(1).max(20).optional(),
  kind: z.enum(TASK_KINDS).optional(),
});

export const taskBoardQuery = taskListQuery.extend({
  by: z.enum(['article', 'leadUnit', 'colour']).default('article'),
});

export const taskCodeParams = z.object({ code });
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const taskMilestoneParams = z.object({ code, id: z.coerce.number().int().positive() });

// ---- responses

export const taskSummary = z.object({
  code: z.string(),
  articleCode: z.string(),
  parentCode: z.string().nullable(),
  seq: z.number(),
  titleZh: z.string(),
  titleEn: z.string(),
  kind: z.string(),
  stage: z.string().nullable(),
  stageNameZh: z.string().nullable(),
  stageNameEn: z.string().nullable(),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  dueDateAssumption: z.boolean(),
  leadUnits: z.array(leadUnitRef),
  coUnits: z.array(leadUnitRef),
  /** Lowest (by default) of the lead units' latest accepted reports; null before any is accepted. */
  percent: z.number().nullable(),
  /** Elapsed share of start → due in points (0–100); null without a due date. */
  timeShare: z.number().nullable(),
  colour: taskColour,
  colourReason: z.enum(COLOUR_REASONS),
  closedOn: z.string().nullable(),
  milestoneCount: z.number(),
  milestonesDone: z.number(),
});

export const milestone = z.object({
  id: z.number(),
  seq: z.number(),
  titleZh: z.string(),
  titleEn: z.string(),
  dueDate: z.string(),
  doneOn: z.string().nullable(),
  /** met: done by its due date; late: done after it; overdue: open past it; open: not yet due. */
  state: z.enum(['met', 'late', 'overdue', 'open']),
});

export const evidenceFile = z.object({
  id: z.number(),
  taskCode: z.string(),
  leadUnit: z.string(),
  reportId: z.number().nullable(),
  sha256: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  /** Where to download it (for callers allowed to see it). */
  href: z.string(),
});

export const taskReport = z.object({
  id: z.number(),
  taskCode: z.string(),
  leadUnit: leadUnitRef,
  period: z.string(),
  revision: z.number(),
  final: z.boolean(),
  text: z.string(),
  percent: z.number(),
  status: z.enum(REPORT_STATUSES),
  submittedOn: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewReason: z.string().nullable(),
  milestones: z.array(
    z.object({ milestoneId: z.number(), doneOn: z.string().nullable(), note: z.string().nullable() }),
  ),
  evidence: z.array(evidenceFile),
});

export const taskExtension = z.object({
  id: z.number(),
  taskCode: z.string(),
  leadUnit: z.string(),
  reason: z.string(),
  currentDue: z.string(),
  newDue: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedOn: z.string(),
  requestedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
});

export const taskClosure = z.object({
  closedOn: z.string(),
  summary: z.string(),
  signedAt: z.string(),
  signedBy: z.string(),
});

export const linkedIndicator = z.object({
  code: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  unitZh: z.string().nullable(),
  unitEn: z.string().nullable(),
  /** At the root of the tree (the science city) in the latest year with data; null when not available. */
  value: z.number().nullable(),
  year: z.number().nullable(),
  target: z.number().nullable(),
  targetYear: z.number().nullable(),
  /** Open SDG status (target_achieved … not_available) and its score 0–5. */
  status: z.string(),
  score: z.number().nullable(),
  /** Why the fields are null (`monitoring_unavailable`, `no_data`, `not_in_framework`), else null. */
  notAvailableReason: z.string().nullable(),
});

export const timelineEntry = z.object({
  /** Calendar date the event is dated on (Asia/Shanghai). */
  date: z.string(),
  /** Instant it was recorded, when known. */
  at: z.string().nullable(),
  kind: z.enum([
    'stage_changed',
    'report_submitted',
    'report_returned',
    'report_accepted',
    'extension_requested',
    'extension_approved',
    'extension_refused',
    'milestone_done',
    'closed',
  ]),
  leadUnit: z.string().nullable(),
  actor: z.string().nullable(),
  refId: z.number().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const unitProgress = z.object({
  leadUnit: leadUnitRef,
  latestAcceptedPercent: z.number().nullable(),
  latestAcceptedPeriod: z.string().nullable(),
  /** The current reporting period's report state for this unit. */
  currentPeriod: z.string(),
  currentPeriodStatus: z.enum(['none', ...REPORT_STATUSES]),
});

export const taskDetail = taskSummary.extend({
  articleTitleZh: z.string(),
  articleTitleEn: z.string(),
  children: z.array(z.string()),
  milestones: z.array(milestone),
  stageHistory: z.array(
    z.object({
      stage: z.string(),
      stageNameZh: z.string(),
      stageNameEn: z.string(),
      stageTextZh: z.string().nullable(),
      changedOn: z.string(),
      evidence: z.string().nullable(),
    }),
  ),
  indicators: z.array(linkedIndicator),
  /** Task owners (task_owner accounts of the lead units); only for callers who may see reports. */
  owners: z.array(
    z.object({ username: z.string(), displayName: z.string().nullable(), leadUnit: z.string() }),
  ),
  /** The lead units whose reports the caller may see (all for admin and coordinator, own unit for owners). */
  visibleUnits: z.array(z.string()),
  units: z.array(unitProgress),
  reports: z.array(taskReport),
  extensions: z.array(taskExtension),
  closure: taskClosure.nullable(),
  timeline: z.array(timelineEntry),
  asOf: z.string(),
});

export const taskList = z.object({ asOf: z.string(), items: z.array(taskSummary) });

export const taskBoard = z.object({
  asOf: z.string(),
  by: z.enum(['article', 'leadUnit', 'colour']),
  groups: z.array(
    z.object({
      key: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      counts: z.object({ red: z.number(), yellow: z.number(), green: z.number(), blue: z.number() }),
      items: z.array(taskSummary),
    }),
  ),
});

// ---- coordinator's changes

export const createTaskRequest = z.object({
  articleCode: z.string().min(1).max(20),
  parentCode: code.nullable().optional(),
  titleZh: text(500),
  titleEn: text(500),
  kind: z.enum(TASK_KINDS).default('task'),
  stage: z.enum(STAGE_CODES).nullable().optional(),
  /** Default: the parent's lead units, else the article's (in the text's order). */
  leadUnitCodes: z.array(code).min(1).max(14).optional(),
  startDate: isoDate.optional(),
  dueDate: isoDate.nullable().optional(),
});

export const splitTaskRequest = z.object({
  parts: z
    .array(z.object({ titleZh: text(500), titleEn: text(500), dueDate: isoDate.nullable().optional() }))
    .min(2)
    .max(20),
});

export const updateTaskRequest = z
  .object({
    titleZh: text(500).optional(),
    titleEn: text(500).optional(),
    startDate: isoDate.optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .strict();

export const unitCodesRequest = z.object({ codes: z.array(code).max(14) });
export const indicatorCodesRequest = z.object({ codes: z.array(z.string().min(1).max(64)).max(50) });

export const stageChangeRequest = z.object({
  stage: z.enum(STAGE_CODES),
  changedOn: isoDate,
  /** Required: what shows the change (a document number, a news release, an evidence file's hash). */
  evidence: text(2000),
  stageTextZh: z.string().max(200).nullable().optional(),
});

export const createMilestoneRequest = z.object({ titleZh: text(500), titleEn: text(500), dueDate: isoDate });
export const updateMilestoneRequest = z
  .object({
    titleZh: text(500).optional(),
    titleEn: text(500).optional(),
    dueDate: isoDate.optional(),
    doneOn: isoDate.nullable().optional(),
  })
  .strict();

// ---- lead units' filings

export const fileReportRequest = z.object({
  leadUnit: code,
  /** `2026Q3` (quarterly, the default cadence), `2026-09` (monthly) or `2026` (yearly). */
  period: z.string().min(4).max(10),
  text: text(20_000),
  /** Checked by the service (0–100) so the refusal names the rule. */
  percent: z.number(),
  /** A final report (percent 100) for closure sign-off (办结销号). */
  final: z.boolean().default(false),
  milestones: z
    .array(
      z.object({
        milestoneId: z.number().int(),
        doneOn: isoDate.nullable(),
        note: z.string().max(2000).optional(),
      }),
    )
    .max(100)
    .default([]),
  /** Evidence uploaded beforehand (POST /api/tasks/{code}/evidence) by this lead unit, not yet attached. */
  evidenceIds: z.array(z.number().int().positive()).max(20).default([]),
});

export const returnReportRequest = z.object({ reason: text(2000) });
export const acceptReportRequest = z.object({ reason: z.string().max(2000).optional() });

export const extensionRequest = z.object({ leadUnit: code, newDueDate: isoDate, reason: text(2000) });
export const extensionDecisionRequest = z.object({ reason: z.string().max(2000).optional() });
export const extensionRefusalRequest = z.object({ reason: text(2000) });

export const closeTaskRequest = z.object({ summary: text(20_000), closedOn: isoDate.optional() });

export const evidenceUploadResponse = z.object({ items: z.array(evidenceFile) });

// ---- settings, rules, scoreboard, reminders

export const taskSettings = z.object({
  statusRules: z.object({
    redLagPoints: z.number().min(0).max(100),
    yellowDueDays: z.number().int().min(0).max(365),
    yellowLagPoints: z.number().min(0).max(100),
    blueLeadPoints: z.number().min(0).max(100),
  }),
  reportFrequency: z.enum(['month', 'quarter', 'year']),
  /** Days after a period's end by which its report is due. */
  reportGraceDays: z.number().int().min(0).max(120),
  /** How a multi-lead task's percent is formed from its units' latest accepted reports. */
  percentRule: z.enum(['min', 'mean']),
  /** Reports are due for periods ending after this date (and after the task's start); null: the start. */
  reportingStart: isoDate.nullable(),
  /** Reminders look this many days ahead. */
  reminderDays: z.number().int().min(0).max(90),
  evidenceMaxBytes: z
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024),
});
export const taskSettingsPatch = z
  .object({
    statusRules: taskSettings.shape.statusRules.partial().optional(),
    reportFrequency: taskSettings.shape.reportFrequency.optional(),
    reportGraceDays: taskSettings.shape.reportGraceDays.optional(),
    percentRule: taskSettings.shape.percentRule.optional(),
    reportingStart: taskSettings.shape.reportingStart.optional(),
    reminderDays: taskSettings.shape.reminderDays.optional(),
    evidenceMaxBytes: taskSettings.shape.evidenceMaxBytes.optional(),
  })
  .strict();

export const scoringRule = z.object({
  criterion: z.enum(SCORING_CRITERIA),
  seq: z.number(),
  weight: z.number(),
  nameZh: z.string(),
  nameEn: z.string(),
});
export const scoringRulesRequest = z.object({
  weights: z.partialRecord(z.enum(SCORING_CRITERIA), z.number().min(0).max(100)),
});

export const scoreboardRow = z.object({
  rank: z.number(),
  leadUnit: leadUnitRef,
  tasksLed: z.number(),
  reportsDue: z.number(),
  reportsOnTime: z.number(),
  onTimeReportRate: z.number().nullable(),
  tasksDueOrClosed: z.number(),
  closedOnTime: z.number(),
  onTimeClosureRate: z.number().nullable(),
  overdue: z.number(),
  notOverdueRate: z.number().nullable(),
  milestonesDue: z.number(),
  milestonesMet: z.number(),
  milestoneRate: z.number().nullable(),
  /** Mean Open SDG score / 5 of the linked indicators with a score; null when none is available. */
  indicatorProgress: z.number().nullable(),
  indicatorsAvailable: z.number(),
  colours: z.object({ red: z.number(), yellow: z.number(), green: z.number(), blue: z.number() }),
  /** Weighted mean (0–100) over the criteria with a value, weights renormalised over them. */
  score: z.number().nullable(),
});

export const scoreboard = z.object({
  asOf: z.string(),
  rules: z.array(scoringRule),
  items: z.array(scoreboardRow),
});

export const reminderItem = z.object({
  kind: z.enum(REMINDER_KINDS),
  taskCode: z.string(),
  taskTitleZh: z.string(),
  taskTitleEn: z.string(),
  leadUnit: z.string().nullable(),
  /** The date the item concerns (due date, report deadline). */
  date: z.string().nullable(),
  refId: z.number().nullable(),
  messageZh: z.string(),
  messageEn: z.string(),
});
export const reminderList = z.object({
  asOf: z.string(),
  username: z.string(),
  items: z.array(reminderItem),
});

export const digestRun = z.object({
  date: z.string(),
  dryRun: z.boolean(),
  written: z.number(),
  alreadyWritten: z.number(),
  digests: z.array(
    z.object({ username: z.string(), itemCount: z.number(), subject: z.string(), body: z.string() }),
  ),
});

export type TaskColour = z.infer<typeof taskColour>;
export type ColourReason = (typeof COLOUR_REASONS)[number];
export type TaskSummary = z.infer<typeof taskSummary>;
export type TaskDetail = z.infer<typeof taskDetail>;
export type TaskBoard = z.infer<typeof taskBoard>;
export type TaskReport = z.infer<typeof taskReport>;
export type TaskExtension = z.infer<typeof taskExtension>;
export type Milestone = z.infer<typeof milestone>;
export type EvidenceFile = z.infer<typeof evidenceFile>;
export type LinkedIndicator = z.infer<typeof linkedIndicator>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type TaskSettings = z.infer<typeof taskSettings>;
export type TaskSettingsPatch = z.infer<typeof taskSettingsPatch>;
export type ScoringCriterion = (typeof SCORING_CRITERIA)[number];
export type ScoringRule = z.infer<typeof scoringRule>;
export type ScoreboardRow = z.infer<typeof scoreboardRow>;
export type Scoreboard = z.infer<typeof scoreboard>;
export type ReminderItem = z.infer<typeof reminderItem>;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type DigestRun = z.infer<typeof digestRun>;
export type CreateTaskRequest = z.infer<typeof createTaskRequest>;
export type FileReportRequest = z.infer<typeof fileReportRequest>;
