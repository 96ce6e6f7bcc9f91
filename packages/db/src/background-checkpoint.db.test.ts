// A large write's checkpoint leaves the writer's clock: the commit leaves its pages in the log, a worker
// thread copies them into the database file, and nothing is lost or changed for readers.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDb, sqliteHandle, type DbHandle } from './dialect.ts';
import { backgroundCheckpoint, withBackgroundCheckpoint } from './background-checkpoint.ts';

describe('background checkpoint (SQLite)', () => {
  let dir = '';
  let h: DbHandle | null = null;
  afterEach(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A file database with a table, and a write of ~6 MB (some 1,500 pages: past the automatic threshold). */
  async function setUp() {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-checkpoint-'));
    const file = path.join(dir, 'c.db');
    h = openDb({ dialect: 'sqlite', file });
    await sql`CREATE TABLE t (id integer PRIMARY KEY, payload blob)`.execute(h.db);
    const write = () =>
      h!.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 3000; i++)
          await sql`INSERT INTO t (payload) VALUES (${Buffer.alloc(2000, i % 251)})`.execute(tx);
        return 'written';
      });
    return { file, write, size: () => statSync(file).size };
  }

  it('without it, the commit itself copies the log into the file (the control)', async () => {
    const { write, size } = await setUp();
    await write();
    expect(size()).toBeGreaterThan(6e6);
  });

  it('commits into the log only, then a worker copies it into the file', async () => {
    const { file, write, size } = await setUp();
    const before = size();
    expect(await withBackgroundCheckpoint(h!, write)).toBe('written');
    expect(size()).toBe(before); // the worker has only just been started
    expect(sqliteHandle(h!.db)!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const done = await backgroundCheckpoint(file);
    expect(done).toMatchObject({ ok: true, busy: 0 });
    if (done?.ok) {
      expect(done.log).toBeGreaterThan(1000);
      expect(done.checkpointed).toBe(done.log);
    }
    expect(size()).toBeGreaterThan(6e6);
    // Every row is there, for this connection and for a new one.
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(h!.db)).rows[0]!.n).toBe(3000);
    const other = openDb({ dialect: 'sqlite', file });
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(other.db)).rows[0]!.n).toBe(3000);
    await other.close();
  });

  it('restores the automatic checkpoint when the work fails, and keeps nothing of it', async () => {
    const { file } = await setUp();
    await expect(
      withBackgroundCheckpoint(h!, () =>
        h!.db.transaction().execute(async (tx) => {
          await sql`INSERT INTO t (payload) VALUES (x'00')`.execute(tx);
          throw new Error('refused');
        }),
      ),
    ).rejects.toThrow('refused');
    expect(sqliteHandle(h!.db)!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await backgroundCheckpoint(file);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(h!.db)).rows[0]!.n).toBe(0);
  });
});
