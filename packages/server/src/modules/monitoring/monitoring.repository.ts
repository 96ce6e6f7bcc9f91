// SQL for monitoring: the active framework's definitions, the org units, and the stored yearly values.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

/** The active version of a framework (by code), or of the first framework by code when none is named. */
export async function findActiveFramework(db: Kysely<Database>, code?: string) {
  let q = db.selectFrom('framework').selectAll().where('status', '=', 'active');
  if (code) q = q.where('code', '=', code);
  return q.orderBy('code').orderBy('version', 'desc').executeTakeFirst();
}

export async function listFrameworkIndicators(db: Kysely<Database>, frameworkId: number) {
  return db
    .selectFrom('indicator')
    .select([
      'code',
      'seq',
      'name_zh',
      'name_en',
      'unit_zh',
      'unit_en',
      'direction',
      'aggregation',
      'formula',
      'weight_indicator',
      'period_type',
      'headline',
      'raw',
    ])
    .where('framework_id', '=', frameworkId)
    .orderBy('seq')
    .execute();
}

// Dimensions and their indicator links are the framework module's queries, shared here.
export {
  listDimensions as listFrameworkDimensions,
  listIndicatorDimensions as listDimensionLinks,
} from '../frameworks/frameworks.repository.ts';

export async function listFrameworkTargets(db: Kysely<Database>, frameworkId: number) {
  return db.selectFrom('target').selectAll().where('framework_id', '=', frameworkId).orderBy('id').execute();
}

/** Every org unit, tree and reference regions, with its parent's code. */
export async function listUnits(db: Kysely<Database>) {
  return db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
    .select([
      'o.id',
      'o.code',
      'p.code as parent_code',
      'o.kind',
      'o.level',
      'o.name_zh',
      'o.name_en',
      'o.valid_from',
      'o.valid_to',
      'o.seq',
    ])
    .orderBy('o.seq')
    .orderBy('o.code')
    .execute();
}

/** Stored values with one of the given statuses (periods of every kind; the caller keeps the years). */
export async function listValues(db: Kysely<Database>, statuses: readonly string[]) {
  return db
    .selectFrom('data_value')
    .select(['indicator_code', 'org_unit_id', 'period_code', 'source', 'value', 'updated_at'])
    .where('status', 'in', statuses)
    .execute();
}

/** The code of the tree's root (the first area unit without a parent). */
export async function findRootCode(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_unit')
    .select('code')
    .where('parent_id', 'is', null)
    .where('kind', '=', 'area')
    .orderBy('seq')
    .executeTakeFirst();
  return row?.code;
}
