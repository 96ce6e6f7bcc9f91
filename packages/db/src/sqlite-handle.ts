// The better-sqlite3 handle behind a Kysely instance, keyed by its adapter (which its transactions share).
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';

const sqliteHandles = new WeakMap<object, SQLite.Database>();

/** Records the handle behind a Kysely instance opened on SQLite (by `openDb`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerSqliteHandle(db: Kysely<any>, handle: SQLite.Database): void {
  sqliteHandles.set(db.getExecutor().adapter, handle);
}

/**
 * The better-sqlite3 handle behind a Kysely instance or one of its transactions (null for PostgreSQL): for
 * bulk writes that need prepared statements reused across rows. Statements run on it inside a Kysely
 * transaction belong to that transaction (one connection).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const sqliteHandle = (db: Kysely<any>): SQLite.Database | null =>
  sqliteHandles.get(db.getExecutor().adapter) ?? null;
