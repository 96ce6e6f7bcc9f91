// Seeding on both dialects: idempotent, never overwrites, a changed framework becomes a new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../../../../test-support/databases.ts';
import { catalogueDir } from '../../paths.ts';
import { loadCatalogue } from '../catalog/catalog.loader.ts';
import type { Catalogue } from '@scimon/contracts/catalog/index';
import { seedCatalogue } from './seed.service.ts';

const NOW = '2026-11-28T10:00:00+08:00';

async function loadReal(): Promise<Catalogue> {
  const r = await loadCatalogue(catalogueDir);
  if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 3)));
  return r.value;
}

describe.each(testDialects())('seed on %s', (dialect) => {
  let t: TestDb;
  let catalogue: Catalogue;
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of [
      'lead_unit',
      'policy_article',
      'article_lead_unit',
      'task',
      'task_stage_history',
      'org_unit',
      'framework',
      'indicator',
      'target',
      'data_value',
      'data_value_history',
    ] as const) {
      const r = await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(r.n);
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    catalogue = await loadReal();
  });
  afterAll(async () => t.close());

  it('loads the whole catalogue once', async () => {
    const s = await seedCatalogue(t.db, catalogue, NOW);
    expect(s.changed).toBe(true);
    expect(s.framework).toEqual({ code: 'wsc-2023', version: 1, created: true });
    const c = await counts();
    expect(c.lead_unit).toBe(14);
    expect(c.policy_article).toBe(17);
    expect(c.org_unit).toBe(catalogue.orgUnits.length + catalogue.referenceRegions.length);
    expect(c.data_value).toBe(catalogue.sampleValues.length + catalogue.publishedValues.length);
    expect(c.data_value_history).toBe(c.data_value);
    expect(c.target).toBe(5);
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    const s = await seedCatalogue(t.db, catalogue, NOW);
    expect(s.changed).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('makes a changed framework a new version and keeps the old one', async () => {
    const before = await counts();
    const changed = structuredClone(catalogue);
    changed.framework.indicators[0]!.nameEn = `${changed.framework.indicators[0]!.nameEn} (revised)`;
    const s = await seedCatalogue(t.db, changed, NOW);
    expect(s.framework).toEqual({ code: 'wsc-2023', version: 2, created: true });
    const versions = await t.db
      .selectFrom('framework')
      .select(['version', 'status'])
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'active' },
    ]);
    const after = await counts();
    expect(after.indicator).toBe(2 * before.indicator!);
    expect(after.data_value).toBe(before.data_value);
  });

  it('reports, and does not overwrite, a changed lead unit', async () => {
    const changed = structuredClone(catalogue);
    changed.leadUnits[0]!.fullName = '改过的名称';
    const s = await seedCatalogue(t.db, changed, NOW);
    expect(s.differences).toEqual([`lead unit ${catalogue.leadUnits[0]!.code}`]);
    const row = await t.db
      .selectFrom('lead_unit')
      .select('full_name')
      .where('code', '=', catalogue.leadUnits[0]!.code)
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe(catalogue.leadUnits[0]!.fullName);
  });
});
