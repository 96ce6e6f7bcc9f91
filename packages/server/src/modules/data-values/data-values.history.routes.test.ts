// The history of one value (GET /api/data-values/{key}/history) on both dialects: every version with its
// basis (口径) in force then; an absent basis keeps the stored one, a changed basis alone is a new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../../test-support/databases.ts';
import { fixedClock, type SeededApp } from '../../../../../test-support/app.ts';
import { seededAppWithAdmin, type Client, type Json } from '../../../../../test-support/http-client.ts';

// 明月湖 LJ-MYH, 2025: a year the sample leaves empty there.
const CELL = { indicator: 'gdp', orgUnit: 'LJ-MYH', period: '2025' };
const URL_OF = (source: string) => `/api/data-values/gdp:LJ-MYH:2025:${source}/history`;

describe.each(testDialects())('value history with basis on %s', (dialect) => {
  let s: SeededApp;
  let admin: Client;
  beforeAll(async () => {
    ({ s, admin } = await seededAppWithAdmin(dialect, fixedClock('2026-11-28')));
  });
  afterAll(async () => s.close());

  const write = async (item: Json) => {
    const r = await admin.send('POST', '/api/data-values/batch', {
      items: [{ ...CELL, ...item }],
      acceptWarnings: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body!;
  };

  it('lists the basis of every version, oldest first', async () => {
    await write({ value: 100, source: 'provincial', basis: '输出地' });
    // The basis alone changes: a new version.
    expect((await write({ value: 100, source: 'provincial', basis: '吸纳地' })).summary).toMatchObject({
      updated: 1,
    });
    // No basis given: the stored one is kept.
    await write({ value: 110, source: 'provincial', comment: '统计局更正' });
    const r = await admin.send('GET', URL_OF('provincial'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      key: 'gdp:LJ-MYH:2025:provincial',
      source: 'provincial',
      current: { value: 110, version: 3 },
    });
    expect(
      r.body!.items.map((i: Json) => [i.version, i.value, i.previousValue, i.basis, i.comment, i.changedBy]),
    ).toEqual([
      [1, 100, null, '输出地', null, 'admin'],
      [2, 100, 100, '吸纳地', null, 'admin'],
      [3, 110, 100, '吸纳地', '统计局更正', 'admin'],
    ]);
  });

  it('gives null for a value stated without basis, and keeps the other fields', async () => {
    await write({ value: 90, source: 'report' });
    const r = await admin.send('GET', URL_OF('report'));
    expect(r.status).toBe(200);
    expect(r.body!.items).toHaveLength(1);
    expect(r.body!.items[0]).toEqual({
      version: 1,
      action: expect.any(String),
      value: 90,
      previousValue: null,
      status: 'draft',
      comment: null,
      basis: null,
      sourceRef: expect.stringMatching(/^import:\d+$/),
      changedBy: 'admin',
      changedAt: expect.stringMatching(/\+08:00$/),
    });
  });

  it('answers 404 for a value that does not exist and 400 for a malformed key', async () => {
    expect((await admin.send('GET', URL_OF('national'))).status).toBe(404);
    expect((await admin.send('GET', '/api/data-values/gdp-LJ-MYH/history')).status).toBe(400);
  });

  it('refuses anonymous readers', async () => {
    const r = await s.app.inject({ method: 'GET', url: URL_OF('provincial') });
    expect(r.statusCode).toBe(401);
  });
});
