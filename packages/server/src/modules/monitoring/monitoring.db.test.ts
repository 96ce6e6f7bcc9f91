// The data-version counter on both dialects, and the cache it keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../../../../test-support/databases.ts';
import { openDb } from '@scimon/db';
import { bumpDataVersion, currentDataVersion, readDataVersion } from './data-version.ts';
import { MonitoringCache } from './monitoring.cache.ts';

describe.each(testDialects())('data version on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.close());

  it('starts at 0 and counts every bump, also concurrent ones and inside a transaction', async () => {
    expect(await readDataVersion(t.db)).toBe(0);
    await bumpDataVersion(t.db);
    await Promise.all([bumpDataVersion(t.db), bumpDataVersion(t.db), bumpDataVersion(t.db)]);
    await t.db.transaction().execute((tx) => bumpDataVersion(tx));
    expect(await readDataVersion(t.db)).toBe(5);
  });

  it('sees a write of another connection (another process) at the next read', async () => {
    const other =
      dialect === 'sqlite'
        ? openDb({ dialect: 'sqlite', file: t.env.SCIMON_DB_PATH! })
        : openDb({ dialect: 'postgres', url: t.env.DATABASE_URL! });
    try {
      const start = await currentDataVersion(t.db);
      for (let i = 1; i <= 3; i++) {
        await other.db.transaction().execute((tx) => bumpDataVersion(tx));
        expect(await currentDataVersion(t.db)).toBe(start + i);
      }
    } finally {
      await other.close();
    }
  });

  it('never reports a bump of a transaction still open on its connection', async () => {
    const start = await readDataVersion(t.db);
    let during: Promise<number> | undefined;
    await expect(
      t.db.transaction().execute(async (tx) => {
        await bumpDataVersion(tx);
        expect(await readDataVersion(tx)).toBe(start + 1); // the transaction sees its own write
        during = Promise.resolve(currentDataVersion(t.db));
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await during).toBe(start);
    expect(await currentDataVersion(t.db)).toBe(start);
  });
});

describe('monitoring cache', () => {
  it('shares a computation per key and version, drops older versions, and keeps no failure', async () => {
    const cache = new MonitoringCache(2);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await Promise.all([cache.get(1, 'a', compute), cache.get(1, 'a', compute)])).toEqual([1, 1]);
    expect(await cache.get(2, 'a', compute)).toBe(2);
    expect(await cache.get(1, 'a', compute)).toBe(3); // an older reader is answered, uncached
    expect(await cache.get(2, 'a', compute)).toBe(2);
    await cache.get(2, 'b', compute);
    await cache.get(2, 'c', compute);
    expect(cache.size).toBe(2);
    await expect(cache.get(2, 'x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await cache.get(2, 'x', async () => 'ok')).toBe('ok');
  });
});
