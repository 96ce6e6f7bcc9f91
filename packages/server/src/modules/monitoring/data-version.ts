// The data-version counter (table `data_version`, one row): every writer of data values or frameworks
// calls bumpDataVersion in its transaction; readers key cached results by readDataVersion. Because the
// counter lives in the database, every server instance sees a write at once and never serves stale results.
import { sql, type Kysely } from 'kysely';
import type { Database } from '@scimon/db';

/** The current data version (0 before any write). */
export async function readDataVersion(db: Kysely<Database>): Promise<number> {
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
