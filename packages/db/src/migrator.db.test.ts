import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_MIGRATIONS, sql } from 'kysely';
import { createTestDb, testDialects, type TestDb } from '../../../test-support/databases.ts';
import { createMigrator, migrateToLatest } from './migrator.ts';
import { migrations } from './migrations/index.ts';

describe.each(testDialects())('migrations on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
  });
  afterAll(async () => t.close());

  it('are named YYYYMMDDHHMM_name and run in name order', async () => {
    const names = Object.keys(migrations);
    for (const n of names) expect(n).toMatch(/^\d{12}_[a-z0-9_]+$/);
    const applied = await migrateToLatest(t.db);
    expect(applied).toEqual([...names].sort());
  });

  it('leave nothing to do when run again', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('enforce the unique key of a data value and the org-unit foreign key', async () => {
    const { id } = await t.db
      .insertInto('org_unit')
      .values({
        code: 'P1',
        parent_id: null,
        level: 'park',
        kind: 'area',
        region_kind: null,
        name_zh: '园区',
        name_en: 'Park',
        short_name_zh: null,
        short_name_en: null,
        lat: null,
        lon: null,
        coord_approximate: 1,
        area_km2: null,
        within_code: null,
        overlaps: '[]',
        valid_from: '2020-01-01',
        valid_to: null,
        assumption: null,
        source: null,
        seq: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('period')
      .values({ code: '2024', type: 'year', start_date: '2024-01-01', end_date: '2024-12-31' })
      .execute();
    const row = {
      indicator_code: 'gdp',
      org_unit_id: id,
      period_code: '2024',
      source: 'sample',
      value: 1.5,
      status: 'published',
      version: 1,
      comment: null,
      source_ref: null,
      updated_by: 't',
      updated_at: '2026-11-28T10:00:00+08:00',
    };
    await t.db.insertInto('data_value').values(row).execute();
    await expect(t.db.insertInto('data_value').values(row).execute()).rejects.toThrow();
    await expect(
      t.db
        .insertInto('data_value')
        .values({ ...row, org_unit_id: 99999, source: 'report' })
        .execute(),
    ).rejects.toThrow();
    const stored = await t.db
      .selectFrom('data_value')
      .select(['value', 'org_unit_id'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: 1.5, org_unit_id: id });
  });

  it('go down and up again', async () => {
    const migrator = createMigrator(t.db);
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const tables = async () =>
      dialect === 'sqlite'
        ? (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type='table' and name='data_value'`.execute(t.db)
          ).rows
        : (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_name='data_value'`.execute(
              t.db,
            )
          ).rows;
    expect(await tables()).toHaveLength(0);
    await migrateToLatest(t.db);
    expect(await tables()).toHaveLength(1);
  });
});
