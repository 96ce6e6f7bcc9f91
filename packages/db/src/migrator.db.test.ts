import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_MIGRATIONS, sql } from 'kysely';
import { createTestDb, testDialects, type TestDb } from '../../../test-support/databases.ts';
import { createMigrator, migrateToLatest } from './migrator.ts';
import { migrations } from './migrations/index.ts';
import { parkRow } from '../../../test-support/rows.ts';

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
      .values(parkRow('P1', { name_zh: '园区', name_en: 'Park' }))
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

  it('keep the value history as a ledger: rows and index survive the rebuild, no key to the value row', async () => {
    const value = await t.db.selectFrom('data_value').select('id').executeTakeFirstOrThrow();
    const historyRow = {
      data_value_id: value.id,
      indicator_code: 'gdp',
      org_unit_id: 1,
      period_code: '2024',
      source: 'sample',
      value: 1.5,
      status: 'published',
      version: 1,
      comment: '备注',
      source_ref: null,
      basis: '口径',
      changed_by: 't',
      changed_at: '2026-11-28T10:00:00+08:00',
      action: 'insert',
    };
    await t.db.insertInto('data_value_history').values(historyRow).execute();
    // Down to the migration before the ledger (rebuilding the table with its key), then up again.
    const migrator = createMigrator(t.db);
    expect((await migrator.migrateTo('202611280800_coordination')).error).toBeUndefined();
    expect(await migrateToLatest(t.db)).toContain('202611280900_history_ledger');
    const kept = await t.db.selectFrom('data_value_history').selectAll().execute();
    expect(kept).toHaveLength(1);
    expect({ ...kept[0], id: undefined, data_value_id: Number(kept[0]!.data_value_id) }).toEqual({
      ...historyRow,
      id: undefined,
      data_value_id: Number(value.id),
    });
    const indexes =
      dialect === 'sqlite'
        ? (
            await sql<{ name: string }>`select name from sqlite_master
              where type = 'index' and tbl_name = 'data_value_history'`.execute(t.db)
          ).rows
        : (
            await sql<{ name: string }>`select indexname as name from pg_indexes
              where tablename = 'data_value_history'`.execute(t.db)
          ).rows;
    expect(indexes.map((i) => i.name)).toContain('data_value_history_value_idx');
    const foreignKeys =
      dialect === 'sqlite'
        ? (await sql`select * from pragma_foreign_key_list('data_value_history')`.execute(t.db)).rows
        : (
            await sql`select conname from pg_constraint
              where conrelid = 'data_value_history'::regclass and contype = 'f'`.execute(t.db)
          ).rows;
    expect(foreignKeys).toEqual([]);
    await t.db.deleteFrom('data_value_history').execute();
  });

  it('key data values by org unit, period, indicator and source: one index, rows, ids and revisions kept', async () => {
    const value = await t.db.selectFrom('data_value').selectAll().executeTakeFirstOrThrow();
    // A later row, removed again: the id counter has passed it, and a rebuild must not hand it out again.
    const gone = await t.db
      .insertInto('data_value')
      .values({ ...value, id: undefined, source: 'provincial' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('data_value').where('id', '=', gone.id).execute();
    await t.db
      .insertInto('data_value_revision')
      .values({
        data_value_id: value.id,
        old_value: 1,
        new_value: 1.5,
        reason: '修订',
        revised_by: 't',
        revised_at: '2026-11-28T10:00:00+08:00',
      })
      .execute();
    const migrator = createMigrator(t.db);
    expect((await migrator.migrateTo('202611281000_stored_file_compression')).error).toBeUndefined();
    expect(await migrateToLatest(t.db)).toContain('202611281100_value_key_order');
    expect(await t.db.selectFrom('data_value').selectAll().execute()).toEqual([value]);
    const revision = await t.db.selectFrom('data_value_revision').select('data_value_id').execute();
    expect(revision.map((r) => Number(r.data_value_id))).toEqual([Number(value.id)]);
    const indexes =
      dialect === 'sqlite'
        ? (
            await sql<{ name: string; columns: string }>`select m.name, group_concat(i.name, ',') as columns
              from sqlite_master m join pragma_index_info(m.name) i
              where m.type = 'index' and m.tbl_name = 'data_value' group by m.name`.execute(t.db)
          ).rows
        : (
            await sql<{ name: string; columns: string }>`select c.relname as name,
                string_agg(a.attname, ',' order by k.n) as columns
              from pg_index x join pg_class c on c.oid = x.indexrelid
              cross join lateral unnest(x.indkey) with ordinality as k(attnum, n)
              join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
              where x.indrelid = 'data_value'::regclass and not x.indisprimary group by c.relname`.execute(
              t.db,
            )
          ).rows;
    expect(indexes.map((i) => i.columns)).toEqual(['org_unit_id,period_code,indicator_code,source']);
    const next = await t.db
      .insertInto('data_value')
      .values({ ...value, id: undefined, source: 'national' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(next.id)).toBeGreaterThan(Number(gone.id));
    // The key is still unique, and a revision still needs its value row.
    await expect(
      t.db
        .insertInto('data_value')
        .values({ ...value, id: undefined })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto('data_value_revision')
        .values({
          data_value_id: 99999,
          old_value: null,
          new_value: 1,
          reason: 'x',
          revised_by: 't',
          revised_at: '2026-11-28T10:00:00+08:00',
        })
        .execute(),
    ).rejects.toThrow();
    await t.db.deleteFrom('data_value_revision').execute();
    await t.db.deleteFrom('data_value').where('id', '=', next.id).execute();
  });

  it('keep uploaded bytes lz4-compressed on PostgreSQL, as a plain blob on SQLite', async () => {
    if (dialect === 'postgres') {
      const r = await sql<{ c: string }>`select attcompression as c from pg_attribute
        where attrelid = 'stored_file'::regclass and attname = 'content'`.execute(t.db);
      expect(r.rows[0]?.c).toBe('l');
    } else {
      const r = await sql<{ type: string }>`select type from pragma_table_info('stored_file')
        where name = 'content'`.execute(t.db);
      expect(r.rows[0]?.type.toLowerCase()).toBe('blob');
    }
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
