// Evaluation runs (composite index): settings, the hash of their inputs, status and progress of the
// Monte Carlo job, results as JSON, and publication (a coordinator's act; only runs on published inputs).
import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('evaluation_run'))
    .addColumn('name', 'text')
    .addColumn('framework_id', 'integer', (c) => c.notNull().references('framework.id'))
    .addColumn('framework_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('framework_version', 'integer', (c) => c.notNull())
    .addColumn('years', 'varchar(200)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('data_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull())
    .addColumn('results_json', 'text')
    .addColumn('uncertainty_json', 'text')
    .addColumn('error_json', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'varchar(40)')
    .addColumn('published_by', 'varchar(64)')
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(40)')
    .execute();
  await db.schema
    .createIndex('evaluation_run_created_idx')
    .on('evaluation_run')
    .column('created_at')
    .execute();
  await db.schema.createIndex('evaluation_run_hash_idx').on('evaluation_run').column('input_hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evaluation_run').execute();
}
