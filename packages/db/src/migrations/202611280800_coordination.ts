// Statistics coordination (指标统计协调, issue #4 item 7): the basis (口径) of every stored value and of its
// history, the reviewers' resolutions (append-only: the latest per cell wins, and only while the source
// values it was made on are unchanged), and the settings (one row; defaults apply without it).
import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('data_value').addColumn('basis', 'text').execute();
  await db.schema.alterTable('data_value_history').addColumn('basis', 'text').execute();

  await withId(db, db.schema.createTable('coordination_resolution'))
    .addColumn('indicator_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('accepted_value', 'double precision', (c) => c.notNull())
    .addColumn('chosen_source', 'varchar(40)')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('values_fingerprint', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coordination_resolution_cell_idx')
    .on('coordination_resolution')
    .columns(['indicator_code', 'org_unit_id', 'period_code'])
    .execute();

  await db.schema
    .createTable('coordination_setting')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('relative_tolerance', 'double precision', (c) => c.notNull())
    /** Comma-separated source codes, first wins. */
    .addColumn('precedence', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('coordination_setting').execute();
  await db.schema.dropTable('coordination_resolution').execute();
  await db.schema.alterTable('data_value_history').dropColumn('basis').execute();
  await db.schema.alterTable('data_value').dropColumn('basis').execute();
}
