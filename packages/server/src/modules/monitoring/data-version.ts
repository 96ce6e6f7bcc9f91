// The data-version counter (table `data_version`, one row): every writer of data values or frameworks
// calls bumpDataVersion in its transaction; readers key cached results by the version read per request
// (currentDataVersion, readDataVersion). Because the counter lives in the database, every server instance
// sees a write at once and never serves stale results.
import { sql, type Kysely } from 'kysely';
import { sqliteHandle, type Database } from '@scimon/db';

type SqliteDb = NonNullable<ReturnType<typeof sqliteHandle>>;
const prepareVersion = (raw: SqliteDb) =>
  raw.prepare<[], number | bigint>('SELECT version FROM data_version WHERE id = 1').pluck();

// One prepared statement per SQLite connection, reused by every request (Kysely prepares a new one per query).
const statements = new WeakMap<SqliteDb, ReturnType<typeof prepareVersion>>();

function versionStatement(raw: SqliteDb) {
  let stmt = statements.get(raw);
  if (!stmt) {
    stmt = prepareVersion(raw);
    statements.set(raw, stmt);
  }
  return stmt;
}

/**
 * The current data version (0 before any write). On SQLite it is read synchronously through a reused
 * statement; each read sees the latest commit of any connection or process (no caching in between).
 * While a transaction is open on the connection (Kysely holds its single connection for the whole
 * transaction), the read goes through Kysely instead: it waits for the commit, as every other query does,
 * rather than seeing a bump that could still roll back.
 */
export function currentDataVersion(db: Kysely<Database>): number | Promise<number> {
  const raw = sqliteHandle(db);
  if (raw && !raw.inTransaction) {
    try {
      const version = versionStatement(raw).get();
      return version === undefined ? 0 : Number(version);
    } catch {
      // e.g. the connection is busy with another statement: the query below waits its turn or reports.
    }
  }
  return queryDataVersion(db);
}

/** The current data version (0 before any write). */
export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  return currentDataVersion(db);
}

async function queryDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row ? Number(row.version) : 0;
}

/**
 * Increments the data version atomically (a single UPDATE, safe under concurrent writers on both dialects).
 * Call it inside the writing transaction, after the write, so the bump commits with the data.
 */
export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  const res = await db
    .updateTable('data_version')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', 1)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    // A database migrated before the row existed: create it (the conflict case is another writer's insert).
    await db
      .insertInto('data_version')
      .values({ id: 1, version: 1 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ version: sql<number>`data_version.version + 1` }))
      .execute();
  }
}
