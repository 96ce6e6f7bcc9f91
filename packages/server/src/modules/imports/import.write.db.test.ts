// The write step of an import on both dialects: rows and their history, and the conflicts it detects when
// another writer got there between the plan and the write (nothing is kept then).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../../../../test-support/databases.ts';
import { parkRow } from '../../../../../test-support/rows.ts';
import type { Change } from './import.plan.ts';
import { ImportConflict, writeChanges } from './import.write.ts';

const AT = '2026-11-28T10:00:00+08:00';

describe.each(testDialects())('import write on %s', (dialect) => {
  let t: TestDb;
  let units: number[];
  beforeAll(async () => {
    t = await createTestDb(dialect);
    units = [];
    for (const code of ['P-B', 'P-A']) {
      const row = await t.db
        .insertInto('org_unit')
        .values(parkRow(code, { seq: units.length }))
        .returning('id')
        .executeTakeFirstOrThrow();
      units.push(Number(row.id));
    }
    await t.db
      .insertInto('period')
      .values(
        ['2023', '2024'].map((y) => ({
          code: y,
          type: 'year',
          start_date: `${y}-01-01`,
          end_date: `${y}-12-31`,
        })),
      )
      .execute();
  });
  afterAll(async () => t.close());

  /** An insert when read as absent (expected version 0), else an update of the version read. */
  const change = (indicator: string, orgUnitId: number, period: string, value: number, expectedVersion = 0) =>
    ({
      kind: expectedVersion === 0 ? 'insert' : 'update',
      expectedVersion,
      c: {
        indicator: { code: indicator },
        orgUnit: { id: orgUnitId },
        periodCode: period,
        source: 'report',
        value,
        comment: null,
      },
    }) as unknown as Change;
  const write = (changes: Change[], ref: string) =>
    t.db
      .transaction()
      .execute((tx) =>
        writeChanges(tx, dialect === 'postgres', changes, { actor: 'tester', at: AT, sourceRef: ref }),
      );
  const stored = async () =>
    (
      await t.db
        .selectFrom('data_value')
        .select([
          'id',
          'indicator_code',
          'org_unit_id',
          'period_code',
          'value',
          'version',
          'status',
          'source_ref',
        ])
        .orderBy('id')
        .execute()
    ).map((r) => ({
      ...r,
      id: Number(r.id),
      org_unit_id: Number(r.org_unit_id),
      value: Number(r.value),
      version: Number(r.version),
    }));
  const history = async () =>
    (
      await t.db
        .selectFrom('data_value_history')
        .select([
          'data_value_id',
          'indicator_code',
          'org_unit_id',
          'period_code',
          'value',
          'version',
          'action',
        ])
        .orderBy('id')
        .execute()
    ).map((r) => ({
      ...r,
      data_value_id: Number(r.data_value_id),
      org_unit_id: Number(r.org_unit_id),
      value: Number(r.value),
      version: Number(r.version),
    }));

  it('writes new values (in any order) with one history row each, tied by id', async () => {
    const [b, a] = units as [number, number];
    await write(
      [change('rd_expenditure', b, '2024', 3), change('gdp', a, '2024', 2), change('gdp', b, '2023', 1)],
      'import:1',
    );
    const values = await stored();
    expect(
      values.map((v) => [v.indicator_code, v.org_unit_id, v.period_code, v.value, v.version, v.status]),
    ).toEqual(
      expect.arrayContaining([
        ['rd_expenditure', b, '2024', 3, 1, 'draft'],
        ['gdp', a, '2024', 2, 1, 'draft'],
        ['gdp', b, '2023', 1, 1, 'draft'],
      ]),
    );
    expect(values).toHaveLength(3);
    const h = await history();
    expect(h).toHaveLength(3);
    for (const v of values)
      expect(h).toContainEqual({
        data_value_id: v.id,
        indicator_code: v.indicator_code,
        org_unit_id: v.org_unit_id,
        period_code: v.period_code,
        value: v.value,
        version: 1,
        action: 'insert',
      });
  });

  it('refuses an insert of a key another writer stored meanwhile, keeping nothing of the batch', async () => {
    const [b, a] = units as [number, number];
    const before = { values: await stored(), history: await history() };
    await expect(
      write([change('hitech_revenue', a, '2024', 9), change('gdp', b, '2023', 5)], 'import:2'),
    ).rejects.toBeInstanceOf(ImportConflict);
    expect(await stored()).toEqual(before.values);
    expect(await history()).toEqual(before.history);
  });

  it('refuses an update whose value changed since it was read (stale version), keeping nothing', async () => {
    const [b, a] = units as [number, number];
    const before = { values: await stored(), history: await history() };
    await expect(
      write([change('hitech_revenue', a, '2023', 9), change('gdp', b, '2023', 5, 2)], 'import:3'),
    ).rejects.toBeInstanceOf(ImportConflict);
    expect(await stored()).toEqual(before.values);
    expect(await history()).toEqual(before.history);
    // With the version it was read at, the same update goes through and is recorded.
    await write([change('gdp', b, '2023', 5, 1)], 'import:4');
    const row = (await stored()).find(
      (v) => v.indicator_code === 'gdp' && v.org_unit_id === b && v.period_code === '2023',
    )!;
    expect([row.value, row.version, row.source_ref]).toEqual([5, 2, 'import:4']);
    expect((await history()).at(-1)).toMatchObject({
      data_value_id: row.id,
      value: 5,
      version: 2,
      action: 'update',
    });
  });
});
