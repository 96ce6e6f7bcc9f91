// Opens the database: SQLite (embedded default) or PostgreSQL when DATABASE_URL says so.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.ts';
import { registerSqliteHandle } from './sqlite-handle.ts';
import { backgroundCheckpoint } from './background-checkpoint.ts';

export { sqliteHandle } from './sqlite-handle.ts';

export type DialectName = 'sqlite' | 'postgres';

export type DbConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it is, without credentials (a file path or host/database). */
  location: string;
  close(): Promise<void>;
}

// pg returns int8 (count, sum of integers) as strings; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Chooses the store from the environment: `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise
 * SQLite at `SCIMON_DB_PATH`, or `var/scimon.db` under the repository root.
 */
export function resolveDbConfig(env: NodeJS.ProcessEnv, repoRoot: string): DbConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  const file = env.SCIMON_DB_PATH
    ? path.resolve(repoRoot, env.SCIMON_DB_PATH)
    : path.join(repoRoot, 'var', 'scimon.db');
  return { dialect: 'sqlite', file };
}

export function openDb(config: DbConfig): DbHandle {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(config.url);
    return {
      db,
      dialect: 'postgres',
      location: `${u.hostname}:${u.port}${u.pathname}`,
      close: () => db.destroy(),
    };
  }
  if (config.file !== ':memory:') mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerSqliteHandle(db, sqlite);
  const close = async () => {
    await backgroundCheckpoint(config.file); // a worker still copying the log finishes first
    await db.destroy();
  };
  return { db, dialect: 'sqlite', location: config.file, close };
}

/** True when the Kysely instance speaks to PostgreSQL (migrations branch on it for identity columns). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
