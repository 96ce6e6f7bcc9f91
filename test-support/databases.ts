// One test body, every dialect: repository and route tests run on SQLite and on the throwaway
// PostgreSQL cluster that `npm test` starts (its admin URL arrives as SCIMON_TEST_PG_URL).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { openDb, migrateToLatest, type DbHandle, type DialectName } from '@scimon/db';

/** The dialects to run: both, unless SCIMON_TEST_DIALECTS narrows them explicitly (never silently). */
export function testDialects(): DialectName[] {
  const wanted = process.env.SCIMON_TEST_DIALECTS;
  if (wanted) {
    const list = wanted.split(',').map((s) => s.trim()) as DialectName[];
    if (!list.includes('postgres')) console.log(`PostgreSQL tests not run: SCIMON_TEST_DIALECTS=${wanted}`);
    return list;
  }
  return ['sqlite', 'postgres'];
}

export interface TestDb extends DbHandle {
  /** The connection settings, for code that opens its own handle (the CLI, a server process). */
  env: Record<string, string>;
}

/** Creates an empty, migrated database of the given dialect; `close()` removes it. */
export async function createTestDb(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-test-'));
    const file = path.join(dir, 'test.db');
    const handle = openDb({ dialect: 'sqlite', file });
    if (migrate) await migrateToLatest(handle.db);
    return {
      ...handle,
      env: { SCIMON_DB_PATH: file, DATABASE_URL: '' },
      close: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.SCIMON_TEST_PG_URL;
  if (!adminUrl) {
    throw new Error(
      'PostgreSQL tests need the throwaway cluster: run `npm test` (it starts one), or set SCIMON_TEST_PG_URL, ' +
        'or narrow explicitly with SCIMON_TEST_DIALECTS=sqlite',
    );
  }
  const name = `scimon_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDb({ dialect: 'postgres', url: url.toString() });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    env: { DATABASE_URL: url.toString() },
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
