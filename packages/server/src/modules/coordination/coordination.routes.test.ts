// Statistics coordination on both dialects: one cell (GDP of 明月湖 LJ-MYH, 2025 — a year the sample
// leaves empty there) gets a provincial 120 and a park report 100. Expected figures are by hand:
// |120 − 100| ÷ max(120, 100) = 20 ÷ 120 = 0.1667 > 0.05.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../../test-support/databases.ts';
import { fixedClock, type SeededApp } from '../../../../../test-support/app.ts';
import {
  seededAppWithAdmin,
  userClient,
  type Client,
  type Json,
} from '../../../../../test-support/http-client.ts';

const CELL = { indicator: 'gdp', orgUnit: 'LJ-MYH', period: '2025' };
const KEY = 'gdp|LJ-MYH|2025';

describe.each(testDialects())('statistics coordination on %s', (dialect) => {
  let s: SeededApp;
  let admin: Client;
  beforeAll(async () => {
    ({ s, admin } = await seededAppWithAdmin(dialect, fixedClock('2026-11-28')));
  });
  afterAll(async () => s.close());

  const write = async (items: Json[]) => {
    const r = await admin.send('POST', '/api/data-values/batch', { items, acceptWarnings: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body!;
  };
  /** The workflow's approval of the park's report values (reports start as drafts). */
  const approveReports = () =>
    s.t.db
      .updateTable('data_value')
      .set({ status: 'approved' })
      .where('source', '=', 'report')
      .where('indicator_code', '=', 'gdp')
      .execute();
  const series = async (c: Client | null) => {
    const url = '/api/monitoring/series?indicator=gdp&orgUnit=LJ-MYH&from=2025&to=2025';
    const r = c ? await c.send('GET', url) : { body: (await s.app.inject({ method: 'GET', url })).json() };
    return r.body!.items[0] as { value: number; sources: string[]; unresolved: boolean; stored: Json[] };
  };
  const discrepancies = async () => {
    const r = await admin.send(
      'GET',
      '/api/monitoring/warnings?orgUnit=LJ-MYH&year=2025&kind=source_discrepancy',
    );
    return r.body!.items as Json[];
  };
  const queue = async (c: Client, query = '') => {
    const r = await c.send('GET', `/api/coordination${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as unknown as Json[];
  };

  it('stores the basis (口径) of each source and lists the difference as an open item', async () => {
    await write([
      { ...CELL, value: 120, source: 'provincial', basis: '统计局核算' },
      { ...CELL, value: 100, source: 'report', basis: '园区口径' },
    ]);
    // Only values that can reach monitoring (approved or published) take part: the draft report not yet.
    expect(await queue(admin)).toEqual([]);
    await approveReports();
    const items = await queue(admin);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({
      key: KEY,
      indicator: { code: 'gdp' },
      orgUnit: { code: 'LJ-MYH' },
      period: '2025',
      precedenceSource: 'provincial',
      status: 'open',
      fingerprint: 'provincial=120;report=100',
      resolution: null,
    });
    expect(item.relativeDifference).toBeCloseTo(20 / 120, 12);
    expect(item.relativeDifference).toBeCloseTo(0.1667, 4);
    // Values in precedence order (national > provincial > published > report > sample), with their basis.
    expect(item.values.map((v: Json) => [v.source, v.value, v.basis, v.status])).toEqual([
      ['provincial', 120, '统计局核算', 'published'],
      ['report', 100, '园区口径', 'approved'],
    ]);
    const history = await s.t.db
      .selectFrom('data_value_history')
      .select(['source', 'basis'])
      .where('indicator_code', '=', 'gdp')
      .where('period_code', '=', '2025')
      .where('source', 'in', ['provincial', 'report'])
      .orderBy('source')
      .execute();
    expect(history).toEqual([
      { source: 'provincial', basis: '统计局核算' },
      { source: 'report', basis: '园区口径' },
    ]);
  });

  it('monitoring uses the precedence source while open and says so', async () => {
    expect(await series(admin)).toMatchObject({ value: 120, sources: ['provincial'], unresolved: true });
    const warnings = await discrepancies();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      kind: 'source_discrepancy',
      indicator: 'gdp',
      period: '2025',
      params: { reason: 'unresolved', used: 120, usedSource: 'provincial', sources: 'report', values: '100' },
    });
    // The city card that reads this GDP (R&D intensity = Σ R&D ÷ Σ GDP) carries the flag too.
    const overview = await admin.send('GET', '/api/monitoring/overview?year=2025');
    const rd = overview.body!.targets.find((t: Json) => t.indicator === 'rd_intensity');
    expect(rd.unresolved).toBe(true);
    // Anonymous readers see published values only: the approved report takes no part.
    expect(await series(null)).toMatchObject({ value: 120, sources: ['provincial'], unresolved: false });
  });

  it('refuses readers and reviewers out of scope', async () => {
    const far = await userClient(s, 'rev-chengdu', 'reviewer', 'CD-KXC');
    expect(await queue(far)).toEqual([]);
    const denied = await far.send('POST', '/api/coordination/resolve', {
      ...CELL,
      source: 'report',
      reason: '采用园区口径',
    });
    expect(denied.status).toBe(403);
    expect(denied.body!.error.code).toBe('E_AUTH_FORBIDDEN');
    const viewer = await userClient(s, 'viewer-coord', 'viewer', 'WSC');
    expect((await viewer.send('GET', '/api/coordination')).status).toBe(403);
    expect((await far.send('GET', '/api/coordination?orgUnit=LJ-MYH')).status).toBe(403);
  });

  it('a reviewer in scope resolves by choosing a source; monitoring follows; a changed value reopens', async () => {
    const reviewer = await userClient(s, 'rev-liangjiang', 'reviewer', 'LJ-XTQ');
    expect((await queue(reviewer)).map((i) => i.key)).toEqual([KEY]);
    const noValue = await reviewer.send('POST', '/api/coordination/resolve?lang=en-US', {
      ...CELL,
      source: 'national',
      reason: 'x',
    });
    expect(noValue.status).toBe(400);
    expect(noValue.body!.error).toMatchObject({
      code: 'E_COORDINATION_SOURCE_NO_VALUE',
      message: 'Source national has no value for gdp LJ-MYH 2025: it cannot be chosen',
    });
    const stale = await reviewer.send('POST', '/api/coordination/resolve', {
      ...CELL,
      source: 'report',
      reason: 'x',
      fingerprint: 'provincial=119;report=100',
    });
    expect(stale.status).toBe(409);
    expect(stale.body!.error.code).toBe('E_COORDINATION_STALE');
    const both = await reviewer.send('POST', '/api/coordination/resolve', {
      ...CELL,
      source: 'report',
      value: 100,
      reason: 'x',
    });
    expect(both.status).toBe(400);
    const none = await reviewer.send('POST', '/api/coordination/resolve', {
      indicator: 'gdp',
      orgUnit: 'LJ-MYH',
      period: '2024',
      source: 'report',
      reason: 'x',
    });
    expect(none.status).toBe(404);
    expect(none.body!.error.code).toBe('E_COORDINATION_NOT_FOUND');

    const version = async () =>
      Number((await s.t.db.selectFrom('data_version').select('version').executeTakeFirstOrThrow()).version);
    const before = await version();
    const resolved = await reviewer.send('POST', '/api/coordination/resolve', {
      ...CELL,
      source: 'report',
      reason: '园区口径与省统计局核算范围一致，采用园区填报',
      fingerprint: 'provincial=120;report=100',
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({
      key: KEY,
      status: 'resolved',
      resolution: {
        acceptedValue: 100,
        source: 'report',
        reason: '园区口径与省统计局核算范围一致，采用园区填报',
        resolvedBy: 'rev-liangjiang',
      },
    });
    expect(await version()).toBe(before + 1);
    const audit = await s.t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'coordination.resolved')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'rev-liangjiang', object_id: KEY });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ acceptedValue: 100, source: 'report' });

    expect(await queue(admin)).toEqual([]);
    expect((await queue(admin, '?status=resolved')).map((i) => i.key)).toEqual([KEY]);
    expect((await queue(admin, '?status=all&indicator=gdp&period=2025&orgUnit=LJ-XTQ')).length).toBe(1);
    expect(await queue(admin, '?status=all&indicator=rd_expenditure')).toEqual([]);
    expect(await series(admin)).toMatchObject({ value: 100, sources: ['report'], unresolved: false });
    expect(await discrepancies()).toEqual([]);

    // The province revises its figure (without a basis column: the stored basis is kept): the item reopens.
    await write([{ ...CELL, value: 125, source: 'provincial' }]);
    const reopened = await queue(admin);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({
      status: 'open',
      fingerprint: 'provincial=125;report=100',
      resolution: null,
    });
    expect(reopened[0]!.values[0]).toMatchObject({ source: 'provincial', value: 125, basis: '统计局核算' });
    expect(reopened[0]!.relativeDifference).toBeCloseTo(25 / 125, 12); // 0.2
    expect(await series(admin)).toMatchObject({ value: 125, sources: ['provincial'], unresolved: true });
  });

  it('accepts an entered value', async () => {
    const r = await admin.send('POST', '/api/coordination/resolve', {
      ...CELL,
      value: 110,
      reason: '按两种口径的协调结果录入',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'resolved', resolution: { acceptedValue: 110, source: null } });
    expect(await series(admin)).toMatchObject({ value: 110, sources: ['coordinated'], unresolved: false });
    // Every source value is kept.
    expect((await series(admin)).stored).toEqual(
      expect.arrayContaining([
        { source: 'provincial', value: 125 },
        { source: 'report', value: 100 },
      ]),
    );
  });

  it('settings: tolerance and precedence (administrator or coordinator; validated, audited)', async () => {
    expect((await admin.send('GET', '/api/coordination/settings')).body).toEqual({
      relativeTolerance: 0.05,
      precedence: ['national', 'provincial', 'published', 'report', 'sample'],
      updatedBy: null,
      updatedAt: null,
    });
    const reviewer = await userClient(s, 'rev-settings', 'reviewer', 'WSC');
    const body = {
      relativeTolerance: 0.2,
      precedence: ['national', 'provincial', 'published', 'report', 'sample'],
    };
    expect((await reviewer.send('PUT', '/api/coordination/settings', body)).status).toBe(403);
    const dup = await admin.send('PUT', '/api/coordination/settings', {
      ...body,
      precedence: ['national', 'national', 'published', 'report', 'sample'],
    });
    expect(dup.status).toBe(400);
    expect(dup.body!.error.code).toBe('E_COORDINATION_PRECEDENCE');
    expect(
      (await admin.send('PUT', '/api/coordination/settings', { ...body, precedence: ['report'] })).status,
    ).toBe(400);

    // Province 121 vs report 100: 21 ÷ 121 = 0.1736 — above 0.05, within 0.2.
    await write([{ ...CELL, value: 121, source: 'provincial' }]);
    expect((await queue(admin)).map((i) => i.relativeDifference)).toEqual([21 / 121]);
    const put = await admin.send('PUT', '/api/coordination/settings', body);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ relativeTolerance: 0.2, updatedBy: 'admin' });
    expect(await queue(admin)).toEqual([]);
    expect(await series(admin)).toMatchObject({ value: 121, sources: ['provincial'], unresolved: false });

    // The park report first: monitoring follows the configured precedence.
    const reportFirst = await admin.send('PUT', '/api/coordination/settings', {
      ...body,
      precedence: ['report', 'national', 'provincial', 'published', 'sample'],
    });
    expect(reportFirst.status).toBe(200);
    expect(await series(admin)).toMatchObject({ value: 100, sources: ['report'] });
    const audit = await s.t.db
      .selectFrom('audit_event')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'coordination.settings_changed')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ relativeTolerance: 0.05 });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({
      precedence: ['report', 'national', 'provincial', 'published', 'sample'],
    });
  });

  it('reads the basis column of an uploaded file (口径) and leaves it when the column is absent', async () => {
    const upload = (csv: string) =>
      admin.upload('/api/imports?acceptWarnings=true', [{ fileName: 'b.csv', data: csv }]);
    const withBasis = await upload(
      'indicator,org_unit,period,value,source,口径\ngdp,LJ-MYH,2025,121,provincial,地区生产总值（核算）\n',
    );
    expect(withBasis.status, JSON.stringify(withBasis.body)).toBe(200);
    expect(withBasis.body!.summary).toMatchObject({ updated: 1 });
    const basisOf = async () =>
      (
        await s.t.db
          .selectFrom('data_value')
          .select('basis')
          .where('indicator_code', '=', 'gdp')
          .where('period_code', '=', '2025')
          .where('source', '=', 'provincial')
          .executeTakeFirstOrThrow()
      ).basis;
    expect(await basisOf()).toBe('地区生产总值（核算）');
    const without = await upload('indicator,org_unit,period,value,source\ngdp,LJ-MYH,2025,121,provincial\n');
    expect(without.body!.summary).toMatchObject({ unchanged: 1 });
    expect(await basisOf()).toBe('地区生产总值（核算）');
  });
});
