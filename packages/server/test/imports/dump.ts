// A dump of every table (rows sorted) for "nothing changed" assertions; the audit log may be excluded.
import { sql, type Kysely } from 'kysely';
import type { Database, DialectName } from '@scimon/db';

export async function dumpTables(
  db: Kysely<Database>,
  dialect: DialectName,
  except: readonly string[] = [],
): Promise<Record<string, string[]>> {
  const names =
    dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const t of names.sort()) {
    if (except.includes(t)) continue;
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(db)).rows;
    out[t] = rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v))).sort();
  }
  return out;
}
