// Submission workflow (issue #4 item 6): one submission per (framework, org unit, period) with its state
// and optimistic-lock version, its events, deadlines per period type (defaults apply without a row),
// releases per (framework, period) and revisions of values changed after publication (修订).
import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('submission'))
    .addColumn('framework_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('first_submitted_at', 'varchar(40)')
    .addColumn('submitted_by', 'varchar(64)')
    .addColumn('submitted_at', 'varchar(40)')
    .addColumn('reviewed_by', 'varchar(64)')
    .addColumn('reviewed_at', 'varchar(40)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('submission_key_uq', ['framework_code', 'org_unit_id', 'period_code'])
    .execute();
  await db.schema
    .createIndex('submission_period_idx')
    .on('submission')
    .columns(['framework_code', 'period_code', 'status'])
    .execute();

  await withId(db, db.schema.createTable('submission_event'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submission.id'))
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_event_submission_idx')
    .on('submission_event')
    .column('submission_id')
    .execute();

  await db.schema
    .createTable('submission_deadline')
    .addColumn('period_type', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('month', 'integer')
    .addColumn('day', 'integer')
    .addColumn('days_after_end', 'integer')
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('data_release'))
    .addColumn('framework_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('period_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('value_count', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('data_value_revision'))
    .addColumn('data_value_id', 'integer', (c) => c.notNull().references('data_value.id'))
    .addColumn('old_value', 'double precision')
    .addColumn('new_value', 'double precision')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('revised_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('revised_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('data_value_revision_value_idx')
    .on('data_value_revision')
    .column('data_value_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'data_value_revision',
    'data_release',
    'submission_deadline',
    'submission_event',
    'submission',
  ])
    await db.schema.dropTable(t).execute();
}
