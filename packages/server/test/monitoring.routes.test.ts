// Monitoring API on both dialects against the seeded catalogue. Expected figures are computed here by
// hand from data/sample/sample-values.csv (Σ components over the parks), never from the engine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDb } from '@scimon/db';
import { buildApp } from '@scimon/server/app';
import { bumpDataVersion } from '@scimon/server/modules/monitoring/data-version';
import { authConfigFromEnv } from '@scimon/server/modules/auth/auth.config';
import { testDialects } from '../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../test-support/app.ts';
import { repoRoot } from '../../../test-support/reference.ts';
import { createApiToken, createUser } from '../src/modules/users/users.service.ts';

// The sample: indicator → park → year → value.
const sample = new Map<string, Map<string, Map<number, number>>>();
for (const line of readFileSync(path.join(repoRoot, 'data/sample/sample-values.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)) {
  const [ind, unit, period, value] = line.split(',');
  if (!sample.has(ind!)) sample.set(ind!, new Map());
  const m = sample.get(ind!)!;
  if (!m.has(unit!)) m.set(unit!, new Map());
  m.get(unit!)!.set(Number(period), Number(value));
}
const PARKS = [...new Set([...sample.values()].flatMap((m) => [...m.keys()]))];
const sum = (ind: string, year: number, parks = PARKS) =>
  parks.reduce((a, p) => a + (sample.get(ind)?.get(p)?.get(year) ?? 0), 0);
const reported = (ind: string, year: number) =>
  PARKS.filter((p) => sample.get(ind)?.get(p)?.has(year)).length;

interface Card {
  indicator: string;
  value: number | null;
  currentYear: number;
  targetLevel: number | null;
  base: { year: number; value: number | null; stated: number };
  progressShare: number | null;
  timeShare: number | null;
  completeness: number | null;
  partial: boolean;
  sources: string[];
  sample: boolean;
  status: { openSdg: string; score: number | null; band: string; colour: string; withheld: string | null };
}
interface Warning {
  kind: string;
  severity: string;
  orgUnit: string;
  indicator: string | null;
  indicators: string[];
  period: string | null;
}

describe.each(testDialects())('monitoring API on %s', (dialect) => {
  let s: SeededApp;
  const clock = fixedClock('2026-11-28');
  beforeAll(async () => {
    s = await createSeededApp(dialect, clock);
  });
  afterAll(async () => s.close());

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await s.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.json() };
  };
  const card = (body: { targets: Card[] }, code: string) => body.targets.find((t) => t.indicator === code)!;

  it('has exactly the 16 park leaves in the sample', () => {
    expect(PARKS).toHaveLength(16);
  });

  it('defaults to the root and the latest year with data, and says the data are sample', async () => {
    const { status, body } = await get('/api/monitoring/overview');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      orgUnit: { code: 'WSC' },
      year: 2025,
      asOf: '2026-11-28',
      sample: true,
      visibility: 'published',
    });
    expect(body.targets.map((t: Card) => t.indicator)).toEqual([
      'rd_intensity',
      'hv_patents_per_10k',
      'hitech_enterprises',
      'hitech_revenue',
      'tech_contract_turnover',
    ]);
  });

  it('recomputes the city R&D intensity from the parks (Σ R&D ÷ Σ GDP), base shifted past the incomplete 2022', async () => {
    const { body } = await get('/api/monitoring/overview?orgUnit=WSC&year=2024');
    const rd = card(body, 'rd_intensity');
    const v2024 = (sum('rd_expenditure', 2024) / sum('gdp', 2024)) * 100;
    const v2023 = (sum('rd_expenditure', 2023) / sum('gdp', 2023)) * 100;
    expect(reported('gdp', 2022)).toBe(15); // CQ-BB has no 2022: the stated base year is incomplete
    expect(rd.value).toBeCloseTo(v2024, 10);
    expect(rd.base).toMatchObject({ year: 2023, stated: 2022 });
    expect(rd.base.value).toBeCloseTo(v2023, 10);
    expect(rd.completeness).toBe(1);
    // Not met (< 5 %); as of late 2026 the whole time has elapsed: r = share ÷ 1 < 0.7 → 滞后 (red).
    const share = (v2024 - v2023) / (5 - v2023);
    expect(rd.timeShare).toBe(1);
    expect(rd.progressShare).toBeCloseTo(share, 10);
    expect(share).toBeLessThan(0.7);
    expect(rd.status).toMatchObject({ band: 'lagging', colour: 'red' });
    // Open SDG method 2: v = CAGR_o ÷ CAGR_r, score 4.1667v − 2.5 below 0.6.
    const v = ((v2024 / v2023) ** (1 / 1) - 1) / ((5 / v2023) ** (1 / 2) - 1);
    expect(rd.status.score).toBeCloseTo(Math.max(4.1667 * v - 2.5, -5), 6);
    expect(rd.sources).toEqual(['sample']);
  });

  it('never passes a partial 2025 ratio for a whole one, but a partial sum above the target is achieved', async () => {
    const { body } = await get('/api/monitoring/overview?year=2025');
    expect(reported('gdp', 2025)).toBe(15); // LJ-MYH has no 2025
    const rd = card(body, 'rd_intensity');
    expect(rd.partial).toBe(true);
    expect(rd.completeness).toBeCloseTo(15 / 16, 12);
    expect(rd.status).toMatchObject({ openSdg: 'not_available', band: 'no_data', withheld: 'partial' });
    const ent = card(body, 'hitech_enterprises');
    expect(ent.value).toBe(sum('hitech_enterprises', 2025));
    expect(sum('hitech_enterprises', 2025)).toBeGreaterThanOrEqual(7000);
    expect(ent.status).toMatchObject({
      openSdg: 'target_achieved',
      score: 5,
      band: 'achieved',
      colour: 'blue',
    });
    // Growth target: 8 % a year from the (shifted) base 2023 → path level Σ2023 × 1.08².
    const rev = card(body, 'hitech_revenue');
    expect(rev.targetLevel).toBeCloseTo(sum('hitech_revenue', 2023) * 1.08 ** 2, 8);
    expect(rev.value).toBeCloseTo(sum('hitech_revenue', 2025), 8);
    expect(rev.status.band).toBe(sum('hitech_revenue', 2025) >= rev.targetLevel! ? 'achieved' : 'no_data');
  });

  it('rolls up a zone and keeps sites and planning areas out', async () => {
    const zone = ['CD-XLH', 'CD-XJJ', 'CD-SWC', 'CD-WLKJC', 'CD-XXJS'];
    const { body } = await get(
      '/api/monitoring/series?indicator=rd_intensity&orgUnit=CD-KXC&from=2023&to=2024',
    );
    expect(body.items.map((i: { period: string }) => i.period)).toEqual(['2023', '2024']);
    expect(body.items[1].value).toBeCloseTo(
      (sum('rd_expenditure', 2024, zone) / sum('gdp', 2024, zone)) * 100,
      10,
    );
    expect(body.items[1]).toMatchObject({
      origin: 'computed',
      completeness: 1,
      partial: false,
      sources: ['sample'],
    });
    const site = await get('/api/monitoring/series?indicator=gdp&orgUnit=LJ-FY');
    expect(site.body.items.every((i: { value: number | null }) => i.value === null)).toBe(true);
  });

  it('flags data missing past its deadline, low-completeness aggregates and source discrepancies', async () => {
    const { status, body } = await get('/api/monitoring/warnings');
    expect(status).toBe(200);
    const missing = body.items.filter((w: Warning) => w.kind === 'missing_data');
    expect(missing.map((w: Warning) => `${w.orgUnit} ${w.period}`).sort()).toEqual([
      'CD-WLKJC 2020',
      'CQ-BB 2022',
      'LJ-MYH 2025',
      'MY-JKQ 2019',
    ]);
    expect(missing.reduce((a: number, w: Warning) => a + w.indicators.length, 0)).toBe(59);
    const low = body.items.filter((w: Warning) => w.kind === 'low_completeness');
    expect(low.map((w: Warning) => w.orgUnit)).toEqual(['LJ-XTQ']);
    const gxq = new Map([...sample.entries()].map(([k, m]) => [k, m.get('CQ-GXQ')?.get(2024)]));
    const computed = (gxq.get('rd_expenditure')! / gxq.get('gdp')!) * 100;
    const y2024 = await get('/api/monitoring/warnings?year=2024&kind=source_discrepancy');
    expect(y2024.body.items).toEqual([
      expect.objectContaining({ orgUnit: 'CQ-GXQ', indicator: 'rd_intensity', period: '2024', sample: true }),
    ]);
    expect(Math.abs(computed - 5.5) / 5.5).toBeGreaterThan(0.01);
    expect(y2024.body.counts).toEqual({ source_discrepancy: 1 });
  });

  it('per org unit: a park sees only its own warnings; the deadline moves with asOf', async () => {
    const park = await get('/api/monitoring/warnings?orgUnit=LJ-MYH&year=2025');
    expect(
      park.body.items.filter((w: Warning) => w.kind === 'missing_data').map((w: Warning) => w.period),
    ).toEqual(['2025']);
    expect(park.body.items.every((w: Warning) => w.orgUnit === 'LJ-MYH')).toBe(true);
    const early = await get('/api/monitoring/warnings?orgUnit=LJ-MYH&year=2025&asOf=2026-06-30');
    expect(early.body.items.filter((w: Warning) => w.kind === 'missing_data')).toEqual([]);
  });

  it('serves a reference region its stored published figures', async () => {
    const { body } = await get(
      '/api/monitoring/series?indicator=rd_intensity&orgUnit=SICHUAN&from=2020&to=2022',
    );
    expect(body.items.map((i: { value: number | null }) => i.value)).toEqual([
      2.17,
      expect.closeTo((1214.5 / 53850.79) * 100, 10),
      2.14,
    ]);
    expect(body.items.map((i: { origin: string }) => i.origin)).toEqual(['fallback', 'computed', 'fallback']);
  });

  it('refuses unknown org units, indicators, years without data and bad dates, in both languages', async () => {
    expect((await get('/api/monitoring/overview?orgUnit=NOPE')).body.error.code).toBe('E_ORG_UNIT_NOT_FOUND');
    const noData = await get('/api/monitoring/overview?year=2010', { 'accept-language': 'en-US' });
    expect(noData).toMatchObject({
      status: 404,
      body: { error: { code: 'E_MONITORING_NO_DATA', message: 'No data for WSC in 2010' } },
    });
    expect((await get('/api/monitoring/series?indicator=nope')).body.error.code).toBe(
      'E_MONITORING_INDICATOR_NOT_FOUND',
    );
    expect((await get('/api/monitoring/overview?asOf=2026-13-01')).status).toBe(400);
  });

  it('changes a target as a new framework version (coordinator only, audited) and the cache follows', async () => {
    const ctx = { actor: 'test', at: clock.now() };
    const config = authConfigFromEnv({});
    for (const [username, role] of [
      ['coord-one', 'coordinator'],
      ['viewer-one', 'viewer'],
    ] as const) {
      const u = await createUser(s.t.db, config, ctx, {
        username,
        role,
        scope: 'WSC',
        password: 'Tianfu-Lake-Coord-7391',
      });
      expect(u.ok).toBe(true);
    }
    const bearer = async (user: string) => {
      const t = await createApiToken(s.t.db, ctx, user, 'test');
      return { authorization: `Bearer ${t.ok ? t.value : ''}` };
    };
    // A second instance on the same database, warmed before the change.
    const other = await buildApp({ db: s.t, clock, version: 'test', auth: config });
    await other.ready();
    const before = await other.inject({ method: 'GET', url: '/api/monitoring/overview?year=2024' });
    expect(card(before.json(), 'rd_intensity').status.band).toBe('lagging');

    const put = (headers: Record<string, string>, payload: object, query = '') =>
      s.app.inject({
        method: 'PUT',
        url: `/api/frameworks/wsc-2023/targets/rd_intensity${query}`,
        headers,
        payload,
      });
    expect((await put({}, { value: 4.5 })).statusCode).toBe(401);
    expect((await put(await bearer('viewer-one'), { value: 4.5 })).statusCode).toBe(403);
    const coord = await bearer('coord-one');
    expect((await put(coord, {})).json().error).toMatchObject({
      code: 'E_TARGET_INVALID',
      params: { reason: 'no_change' },
    });
    expect((await put(coord, { baseYear: 2026 })).json().error.params.reason).toBe('base_after_target');
    expect((await put(coord, { value: 4.5 }, '?orgUnit=CD-KXC')).statusCode).toBe(404);
    const changed = await put(coord, { value: 4.5, baseYear: 2023 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({
      framework: { code: 'wsc-2023', version: 2, previousVersion: 1 },
      created: true,
      target: expect.objectContaining({
        indicator: 'rd_intensity',
        orgUnit: 'WSC',
        value: 4.5,
        baseYear: 2023,
        baseYearAssumption: false,
        comparator: '>',
      }),
    });
    const versions = await s.t.db
      .selectFrom('framework')
      .select(['version', 'status'])
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'active' },
    ]);
    const copied = await s.t.db
      .selectFrom('target as t')
      .innerJoin('framework as f', 'f.id', 't.framework_id')
      .select(['f.version', 't.indicator_code', 't.value'])
      .execute();
    expect(copied.filter((t) => t.version === 2)).toHaveLength(5);
    expect(copied.find((t) => t.version === 1 && t.indicator_code === 'rd_intensity')!.value).toBe(5);
    const audit = await s.t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'framework.target_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ version: 1, value: 5, baseYear: 2022 });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ version: 2, value: 4.5, baseYear: 2023 });
    // Both instances see the new target at once: 2024 value 4.53 % > 4.5 before 2025 → 提前实现.
    for (const app of [s.app, other]) {
      const after = (await app.inject({ method: 'GET', url: '/api/monitoring/overview?year=2024' })).json();
      expect(after.framework.version).toBe(2);
      expect(card(after, 'rd_intensity').status).toMatchObject({
        band: 'achieved_early',
        colour: 'blue',
        openSdg: 'target_achieved',
      });
    }
    const same = await put(coord, { value: 4.5 });
    expect(same.json()).toMatchObject({ created: false, framework: { version: 2 } });
    await other.close();
  });

  it('answers 304 for the stored ETag and follows a write of another process at the next request', async () => {
    const urls = ['/api/monitoring/overview', '/api/org-units'];
    const first = await Promise.all(urls.map((url) => s.app.inject({ method: 'GET', url })));
    for (const [i, res] of first.entries()) {
      expect(res.statusCode).toBe(200);
      const again = await s.app.inject({
        method: 'GET',
        url: urls[i]!,
        headers: { 'if-none-match': res.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
      expect(again.headers.etag).toBe(res.headers.etag);
      expect(again.body).toBe('');
    }
    // The CLI writes through its own connection; the server must not answer from its stored responses.
    const other =
      dialect === 'sqlite'
        ? openDb({ dialect: 'sqlite', file: s.t.env.SCIMON_DB_PATH! })
        : openDb({ dialect: 'postgres', url: s.t.env.DATABASE_URL! });
    const rename = (suffix: string) =>
      other.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('org_unit')
          .set({ name_en: sql<string>`name_en || ${suffix}` })
          .where('code', '=', 'WSC')
          .execute();
        await bumpDataVersion(tx);
      });
    try {
      await rename(' (renamed)');
      for (const [i, res] of first.entries()) {
        const after = await s.app.inject({
          method: 'GET',
          url: urls[i]!,
          headers: { 'if-none-match': res.headers.etag as string },
        });
        expect(after.statusCode).toBe(200);
        expect(after.headers.etag).not.toBe(res.headers.etag);
        expect(after.body).toContain('(renamed)');
      }
      expect(JSON.parse(first[0]!.body).dataVersion + 1).toBe(
        (await s.app.inject({ method: 'GET', url: urls[0]! })).json().dataVersion,
      );
    } finally {
      await other.db
        .updateTable('org_unit')
        .set({ name_en: sql<string>`replace(name_en, ' (renamed)', '')` })
        .where('code', '=', 'WSC')
        .execute();
      await bumpDataVersion(other.db);
      await other.close();
    }
  });
});
