// Kysely table types: the one description of the database that every repository uses.
import type { Generated } from 'kysely';

/** 0/1 integers: SQLite has no boolean type, so both dialects store flags as integers. */
export type Flag = number;

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface LeadUnitTable {
  code: string;
  short_name: string;
  full_name: string;
  name_en: string;
  kind: string;
  seq: number;
}

export interface PolicyDocumentTable {
  document_no: string;
  title_zh: string;
  title_en: string;
  written_on: string;
  released_on: string;
  /** JSON array of lead-unit codes, in the text's order. */
  issuer_codes: string;
}

export interface PolicyPartTable {
  code: string;
  seq: number;
  numeral_zh: string;
  title_zh: string;
  title_en: string;
}

export interface PolicyArticleTable {
  code: string;
  seq: number;
  part_code: string;
  title_zh: string;
  title_en: string;
  text_zh: string;
}

export interface ArticleLeadUnitTable {
  article_code: string;
  lead_unit_code: string;
  seq: number;
}

export interface StageTable {
  code: string;
  name_zh: string;
  name_en: string;
  seq: number;
}

export interface TaskTable {
  code: string;
  article_code: string;
  parent_code: string | null;
  seq: number;
  title_zh: string;
  title_en: string;
  kind: string;
  stage: string | null;
  start_date: string;
  due_date: string | null;
  due_date_assumption: Flag;
}

export interface TaskLeadUnitTable {
  task_code: string;
  lead_unit_code: string;
  seq: number;
}

export interface TaskIndicatorTable {
  task_code: string;
  indicator_code: string;
}

export interface TaskStageHistoryTable {
  id: Generated<number>;
  task_code: string;
  stage: string;
  stage_text_zh: string | null;
  changed_on: string;
  evidence: string | null;
  recorded_at: string;
}

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  parent_id: number | null;
  /** city | part | zone | park; null for reference regions. */
  level: string | null;
  /** area (rolls up) | site | planning_area | reference (outside the tree). */
  kind: string;
  /** For reference regions: country | province | city. */
  region_kind: string | null;
  name_zh: string;
  name_en: string;
  short_name_zh: string | null;
  short_name_en: string | null;
  lat: number | null;
  lon: number | null;
  coord_approximate: Flag;
  area_km2: number | null;
  within_code: string | null;
  /** JSON array of org-unit codes. */
  overlaps: string;
  valid_from: string;
  valid_to: string | null;
  assumption: string | null;
  source: string | null;
  seq: number;
}

export interface FrameworkTable {
  id: Generated<number>;
  code: string;
  version: number;
  /** active | superseded */
  status: string;
  name_zh: string;
  name_en: string;
  content_hash: string;
  created_at: string;
}

export interface DimensionTable {
  id: Generated<number>;
  framework_id: number;
  code: string;
  seq: number;
  kind: string;
  name_zh: string;
  name_en: string;
  article_codes: string;
}

export interface IndicatorTable {
  id: Generated<number>;
  framework_id: number;
  code: string;
  seq: number;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  unit_en: string;
  direction: number;
  value_type: string;
  aggregation: string;
  formula: string | null;
  weight_indicator: string | null;
  period_type: string;
  definition_zh: string;
  definition_en: string;
  basis_zh: string;
  source: string;
  article_codes: string;
  headline: Flag;
  weight: number;
  raw: Flag;
}

export interface IndicatorDimensionTable {
  indicator_id: number;
  dimension_id: number;
}

export interface TargetTable {
  id: Generated<number>;
  framework_id: number;
  indicator_code: string;
  org_unit_code: string;
  year: number;
  comparator: string;
  value: number;
  kind: string;
  base_year: number;
  base_year_assumption: Flag;
  note: string | null;
}

export interface PeriodTable {
  code: string;
  type: string;
  start_date: string;
  end_date: string;
}

export interface DataValueTable {
  id: Generated<number>;
  indicator_code: string;
  org_unit_id: number;
  period_code: string;
  source: string;
  /** null = explicitly not reported. */
  value: number | null;
  /** draft | submitted | returned | approved | published */
  status: string;
  version: number;
  comment: string | null;
  source_ref: string | null;
  updated_by: string;
  updated_at: string;
  /** 口径 (e.g. 输出地 / 吸纳地, 有效 / 新增); null when not stated (migration 202611280800_coordination). */
  basis: Generated<string | null>;
}

export interface DataValueHistoryTable {
  id: Generated<number>;
  data_value_id: number;
  indicator_code: string;
  org_unit_id: number;
  period_code: string;
  source: string;
  value: number | null;
  status: string;
  version: number;
  comment: string | null;
  source_ref: string | null;
  changed_by: string;
  changed_at: string;
  /** insert | update */
  action: string;
  basis: Generated<string | null>;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  password_hash: string;
  must_change_password: Flag;
  disabled: Flag;
  created_at: string;
  password_changed_at: string | null;
  last_login_at: string | null;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  /** An org-unit code (the grant covers its subtree) or, for task_owner, a lead-unit code. */
  scope: string;
  granted_at: string;
  granted_by: string;
}

export interface AppSessionTable {
  /** SHA-256 of the session token: a leaked table does not hand out live sessions. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_ms: number;
  last_seen_ms: number;
  client_address: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked: Flag;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  at_ms: number;
  success: Flag;
  client_address: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  client_address: string | null;
}

/** One row (id 1): bumped on every write to data values or frameworks; keys the monitoring cache. */
export interface DataVersionTable {
  id: number;
  version: number;
}

export interface Database extends TaskTables, CollectionTables {
  app_meta: AppMetaTable;
  lead_unit: LeadUnitTable;
  policy_document: PolicyDocumentTable;
  policy_part: PolicyPartTable;
  policy_article: PolicyArticleTable;
  article_lead_unit: ArticleLeadUnitTable;
  stage: StageTable;
  task: TaskTable;
  task_lead_unit: TaskLeadUnitTable;
  task_indicator: TaskIndicatorTable;
  task_stage_history: TaskStageHistoryTable;
  org_unit: OrgUnitTable;
  framework: FrameworkTable;
  dimension: DimensionTable;
  indicator: IndicatorTable;
  indicator_dimension: IndicatorDimensionTable;
  target: TargetTable;
  period: PeriodTable;
  data_value: DataValueTable;
  data_value_history: DataValueHistoryTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  app_session: AppSessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
  data_version: DataVersionTable;
}

// Task supervision and assessment (migration 202611280400_tasks).
export interface TaskCoUnitTable {
  task_code: string;
  lead_unit_code: string;
  seq: number;
}

export interface TaskMilestoneTable {
  id: Generated<number>;
  task_code: string;
  seq: number;
  title_zh: string;
  title_en: string;
  due_date: string;
  done_on: string | null;
  created_at: string;
  created_by: string;
}

export interface TaskReportTable {
  id: Generated<number>;
  task_code: string;
  lead_unit_code: string;
  period_code: string;
  revision: number;
  final: Flag;
  text: string;
  percent: number;
  /** submitted | returned | accepted */
  status: string;
  submitted_on: string;
  submitted_at: string;
  submitted_by: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_reason: string | null;
}

export interface TaskReportMilestoneTable {
  report_id: number;
  milestone_id: number;
  done_on: string | null;
  note: string | null;
}

export interface TaskEvidenceTable {
  id: Generated<number>;
  task_code: string;
  lead_unit_code: string;
  report_id: number | null;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  uploaded_at: string;
  uploaded_by: string;
}

export interface TaskExtensionTable {
  id: Generated<number>;
  task_code: string;
  lead_unit_code: string;
  reason: string;
  current_due: string;
  new_due: string;
  /** pending | approved | refused */
  status: string;
  requested_on: string;
  requested_at: string;
  requested_by: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
}

export interface TaskClosureTable {
  task_code: string;
  closed_on: string;
  summary: string;
  signed_at: string;
  signed_by: string;
}

export interface TaskReminderOutboxTable {
  id: Generated<number>;
  digest_date: string;
  username: string;
  item_count: number;
  subject: string;
  body: string;
  items_json: string;
  created_at: string;
  sent_at: string | null;
}

export interface TaskSettingTable {
  key: string;
  value_json: string;
  updated_at: string;
  updated_by: string;
}

export interface TaskScoringRuleTable {
  criterion: string;
  seq: number;
  weight: number;
  name_zh: string;
  name_en: string;
  updated_at: string;
  updated_by: string;
}

export interface TaskTables {
  task_co_unit: TaskCoUnitTable;
  task_milestone: TaskMilestoneTable;
  task_report: TaskReportTable;
  task_report_milestone: TaskReportMilestoneTable;
  task_evidence: TaskEvidenceTable;
  task_extension: TaskExtensionTable;
  task_closure: TaskClosureTable;
  task_reminder_outbox: TaskReminderOutboxTable;
  task_setting: TaskSettingTable;
  task_scoring_rule: TaskScoringRuleTable;
}

/** An uploaded file, kept once per content hash (SHA-256) so nothing submitted is ever lost. */
export interface StoredFileTable {
  id: Generated<number>;
  content_hash: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  content: Uint8Array;
  /** How `content` is compressed: 'deflate' (zlib format), or null for the bytes as uploaded. */
  content_encoding: string | null;
  stored_by: string;
  stored_at: string;
}

/** One accepted import (file, JSON batch or CLI) with its counts. */
export interface DataImportTable {
  id: Generated<number>;
  file_id: number | null;
  /** upload | batch | cli */
  channel: string;
  actor: string;
  at: string;
  encoding: string | null;
  created: number;
  updated: number;
  unchanged: number;
  warned: number;
  not_reported: number;
}

export interface CollectionTables {
  stored_file: StoredFileTable;
  data_import: DataImportTable;
}

/** An evaluation run (composite index): settings, input hash, job status and JSON results. */
export interface EvaluationRunTable {
  id: Generated<number>;
  name: string | null;
  framework_id: number;
  framework_code: string;
  framework_version: number;
  /** JSON array of years. */
  years: string;
  /** park | zone */
  level: string;
  /** published | reviewed: which stored values fed the run */
  data_status: string;
  settings_json: string;
  /** SHA-256 of the canonical inputs (framework, units, values, settings). */
  input_hash: string;
  /** queued | running | done | failed | cancelled */
  status: string;
  /** 0–1 */
  progress: number;
  results_json: string | null;
  uncertainty_json: string | null;
  error_json: string | null;
  published: Flag;
  published_at: string | null;
  published_by: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

// Declaration merging adds the evaluation table to Database without touching its declaration above.
export interface Database {
  evaluation_run: EvaluationRunTable;
}

// Submission workflow (migration 202611280700_workflow).
export interface SubmissionTable {
  id: Generated<number>;
  framework_code: string;
  org_unit_id: number;
  period_code: string;
  /** draft | submitted | returned | approved | published */
  status: string;
  /** Reason of the last return or unapproval. */
  reason: string | null;
  version: number;
  /** The first submit (timeliness is judged on it). */
  first_submitted_at: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubmissionEventTable {
  id: Generated<number>;
  submission_id: number;
  /** create | submit | return | approve | unapprove | publish */
  action: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor: string;
  at: string;
}

export interface SubmissionDeadlineTable {
  /** annual | quarterly | monthly */
  period_type: string;
  month: number | null;
  day: number | null;
  days_after_end: number | null;
  updated_by: string;
  updated_at: string;
}

export interface DataReleaseTable {
  id: Generated<number>;
  framework_code: string;
  period_code: string;
  note: string;
  value_count: number;
  published_by: string;
  published_at: string;
}

export interface DataValueRevisionTable {
  id: Generated<number>;
  data_value_id: number;
  old_value: number | null;
  new_value: number | null;
  reason: string;
  revised_by: string;
  revised_at: string;
}

export interface Database {
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  submission_deadline: SubmissionDeadlineTable;
  data_release: DataReleaseTable;
  data_value_revision: DataValueRevisionTable;
}

// Statistics coordination (migration 202611280800_coordination).
/** A reviewer's decision on one (indicator, org unit, period); append-only, the latest per cell wins. */
export interface CoordinationResolutionTable {
  id: Generated<number>;
  indicator_code: string;
  org_unit_id: number;
  period_code: string;
  accepted_value: number;
  /** The source chosen, or null when the reviewer entered the value. */
  chosen_source: string | null;
  reason: string;
  resolved_by: string;
  resolved_at: string;
  /** The cell's source values at resolution (`source=value;…`): any later change re-opens the item. */
  values_fingerprint: string;
}

/** One row (id 1) when changed from the defaults. */
export interface CoordinationSettingTable {
  id: number;
  relative_tolerance: number;
  /** Comma-separated source codes, first wins. */
  precedence: string;
  updated_by: string;
  updated_at: string;
}

export interface Database {
  coordination_resolution: CoordinationResolutionTable;
  coordination_setting: CoordinationSettingTable;
}
