// Task supervision (督办) and assessment (考核): co-operating units, milestones, progress reports with
// their milestone updates and evidence files, extension requests, closure sign-off, the reminder
// outbox, settings and the scoring rule set. The seeded catalogue tables (task, task_lead_unit, …) are
// not changed here; coordinators' edits write them through the tasks module, with an audit event each.
import { sql, type Kysely } from 'kysely';
import { withId } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_co_unit')
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('lead_unit_code', 'varchar(40)', (c) => c.notNull().references('lead_unit.code'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_co_unit_pk', ['task_code', 'lead_unit_code'])
    .execute();

  await withId(db, db.schema.createTable('task_milestone'))
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_milestone_task_idx').on('task_milestone').column('task_code').execute();

  // One row per revision: a returned report is kept and its fix is a new revision (nothing is lost).
  await withId(db, db.schema.createTable('task_report'))
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('lead_unit_code', 'varchar(40)', (c) => c.notNull().references('lead_unit.code'))
    .addColumn('period_code', 'varchar(10)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('percent', 'double precision', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('submitted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('reviewed_at', 'varchar(40)')
    .addColumn('reviewed_by', 'varchar(64)')
    .addColumn('review_reason', 'text')
    .addUniqueConstraint('task_report_rev_uq', ['task_code', 'lead_unit_code', 'period_code', 'revision'])
    .execute();
  await db.schema.createIndex('task_report_task_idx').on('task_report').column('task_code').execute();

  await db.schema
    .createTable('task_report_milestone')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('task_report.id'))
    .addColumn('milestone_id', 'integer', (c) => c.notNull().references('task_milestone.id'))
    .addColumn('done_on', 'varchar(10)')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('task_report_milestone_pk', ['report_id', 'milestone_id'])
    .execute();

  // Evidence is uploaded first (unattached, report_id null) and attached when a report is filed.
  await withId(db, db.schema.createTable('task_evidence'))
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('lead_unit_code', 'varchar(40)', (c) => c.notNull().references('lead_unit.code'))
    .addColumn('report_id', 'integer', (c) => c.references('task_report.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_evidence_task_idx').on('task_evidence').column('task_code').execute();

  await withId(db, db.schema.createTable('task_extension'))
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('lead_unit_code', 'varchar(40)', (c) => c.notNull().references('lead_unit.code'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('current_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('new_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('requested_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('decided_at', 'varchar(40)')
    .addColumn('decided_by', 'varchar(64)')
    .addColumn('decision_reason', 'text')
    .execute();

  await db.schema
    .createTable('task_closure')
    .addColumn('task_code', 'varchar(40)', (c) => c.primaryKey().references('task.code'))
    .addColumn('closed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('signed_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  // The daily digest per user; (digest_date, username) unique so a second run the same day adds nothing.
  await withId(db, db.schema.createTable('task_reminder_outbox'))
    .addColumn('digest_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('username', 'varchar(64)', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(40)')
    .addUniqueConstraint('task_reminder_outbox_uq', ['digest_date', 'username'])
    .execute();

  // Status thresholds, reporting cadence and the like: JSON values over documented defaults in code.
  await db.schema
    .createTable('task_setting')
    .addColumn('key', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  // The assessment rule set as data: one weight per criterion (docs/methodology/supervision.md).
  await db.schema
    .createTable('task_scoring_rule')
    .addColumn('criterion', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();
  const at = '2026-11-28T00:00:00+08:00';
  const rules: [string, number, number, string, string][] = [
    ['on_time_reports', 1, 0.3, '报告按时率', 'On-time progress reports'],
    ['on_time_closure', 2, 0.2, '按期办结率', 'Tasks closed by their due date'],
    ['not_overdue', 3, 0.2, '未逾期任务占比', 'Share of tasks not overdue'],
    ['milestones_met', 4, 0.15, '里程碑按期完成率', 'Milestones met on time'],
    ['indicator_progress', 5, 0.15, '关联指标进展', 'Linked-indicator progress'],
  ];
  for (const [criterion, seq, weight, zh, en] of rules) {
    await sql`INSERT INTO task_scoring_rule (criterion, seq, weight, name_zh, name_en, updated_at, updated_by)
      VALUES (${criterion}, ${seq}, ${weight}, ${zh}, ${en}, ${at}, 'system')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'task_scoring_rule',
    'task_setting',
    'task_reminder_outbox',
    'task_closure',
    'task_extension',
    'task_evidence',
    'task_report_milestone',
    'task_report',
    'task_milestone',
    'task_co_unit',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
