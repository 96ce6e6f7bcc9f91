// data_value's unique key leads with the org unit and period: (org_unit_id, period_code, indicator_code,
// source). The reads of values filter by org unit and/or period, or read them all (monitoring, the
// coordination queue), so this one index serves them and `data_value_org_period_idx`, a prefix of it, goes. Each value written now
// maintains one index instead of two (measured on 1,000,000 new values on SQLite: 4.0 s → 1.7 s to insert).
// The constraint keeps its name; `ON CONFLICT (indicator_code, org_unit_id, period_code, source)` names
// columns, not their order, and still finds it. SQLite cannot alter a constraint: the table is rebuilt with
// the same columns, rows, ids and AUTOINCREMENT counter (data_value_revision's foreign key names the
// table, so it points at the rebuilt one).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

const COLUMNS = sql.raw(
  'id, indicator_code, org_unit_id, period_code, source, value, status, version, comment, source_ref, updated_by, updated_at, basis',
);
const NEW_KEY = 'org_unit_id, period_code, indicator_code, source';
const OLD_KEY = 'indicator_code, org_unit_id, period_code, source';

async function rebuildSqlite(db: Kysely<unknown>, key: string, orgPeriodIndex: boolean): Promise<void> {
  // The documented procedure for changing a table's constraints: foreign keys off (outside a transaction),
  // rebuild in one transaction, check every foreign key, then on again. Migrations on SQLite run outside
  // a transaction, so both pragmas take effect.
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      const seq = await sql<{
        seq: number;
      }>`SELECT seq FROM sqlite_sequence WHERE name = 'data_value'`.execute(tx);
      await sql
        .raw(
          `CREATE TABLE data_value_new (
        id integer PRIMARY KEY AUTOINCREMENT,
        indicator_code varchar(64) NOT NULL,
        org_unit_id integer NOT NULL REFERENCES org_unit (id),
        period_code varchar(20) NOT NULL REFERENCES period (code),
        source varchar(40) NOT NULL,
        value double precision,
        status varchar(20) NOT NULL,
        version integer NOT NULL,
        comment text,
        source_ref text,
        updated_by varchar(100) NOT NULL,
        updated_at varchar(40) NOT NULL,
        basis text,
        CONSTRAINT data_value_key_uq UNIQUE (${key}))`,
        )
        .execute(tx);
      await sql`INSERT INTO data_value_new (${COLUMNS}) SELECT ${COLUMNS} FROM data_value ORDER BY id`.execute(
        tx,
      );
      await sql`DROP TABLE data_value`.execute(tx);
      await sql`ALTER TABLE data_value_new RENAME TO data_value`.execute(tx);
      const counter = seq.rows[0]?.seq;
      if (counter !== undefined)
        await sql`UPDATE sqlite_sequence SET seq = ${counter} WHERE name = 'data_value'`.execute(tx);
      if (orgPeriodIndex)
        await sql`CREATE INDEX data_value_org_period_idx ON data_value (org_unit_id, period_code)`.execute(
          tx,
        );
      const broken = await sql`PRAGMA foreign_key_check`.execute(tx);
      if (broken.rows.length) throw new Error(`foreign key check failed: ${JSON.stringify(broken.rows[0])}`);
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return rebuildSqlite(db, NEW_KEY, false);
  await sql`ALTER TABLE data_value DROP CONSTRAINT data_value_key_uq`.execute(db);
  await sql.raw(`ALTER TABLE data_value ADD CONSTRAINT data_value_key_uq UNIQUE (${NEW_KEY})`).execute(db);
  await sql`DROP INDEX data_value_org_period_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return rebuildSqlite(db, OLD_KEY, true);
  await sql`ALTER TABLE data_value DROP CONSTRAINT data_value_key_uq`.execute(db);
  await sql.raw(`ALTER TABLE data_value ADD CONSTRAINT data_value_key_uq UNIQUE (${OLD_KEY})`).execute(db);
  await sql`CREATE INDEX data_value_org_period_idx ON data_value (org_unit_id, period_code)`.execute(db);
}
