// The value history is a ledger: its rows carry the value's full key and state, so each is complete on its
// own, and no foreign key ties them to the value row. Values are never deleted, and every writer fills the
// history from the rows it has just written (RETURNING or read back in the same transaction), so the key
// guarded nothing; on PostgreSQL it cost a trigger call per history row (about 4 s of a 1,000,000-value
// import). SQLite cannot drop a constraint: the table is rebuilt with the same columns and index.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';
import { withId } from './helpers.ts';

const COLUMNS = sql.raw(
  'id, data_value_id, indicator_code, org_unit_id, period_code, source, value, status, version, comment, source_ref, changed_by, changed_at, action, basis',
);

async function rebuildHistory(db: Kysely<unknown>, withForeignKey: boolean): Promise<void> {
  await withId(db, db.schema.createTable('data_value_history_new'))
    .addColumn('data_value_id', 'integer', (c) =>
      withForeignKey ? c.notNull().references('data_value.id') : c.notNull(),
    )
    .addColumn('indicator_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull())
    .addColumn('period_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('changed_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('basis', 'text')
    .execute();
  await sql`INSERT INTO data_value_history_new (${COLUMNS}) SELECT ${COLUMNS} FROM data_value_history`.execute(
    db,
  );
  await db.schema.dropTable('data_value_history').execute();
  await db.schema.alterTable('data_value_history_new').renameTo('data_value_history').execute();
  await db.schema
    .createIndex('data_value_history_value_idx')
    .on('data_value_history')
    .column('data_value_id')
    .execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db))
    await sql`ALTER TABLE data_value_history DROP CONSTRAINT data_value_history_data_value_id_fkey`.execute(
      db,
    );
  else await rebuildHistory(db, false);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db))
    await sql`ALTER TABLE data_value_history ADD CONSTRAINT data_value_history_data_value_id_fkey
      FOREIGN KEY (data_value_id) REFERENCES data_value (id)`.execute(db);
  else await rebuildHistory(db, true);
}
