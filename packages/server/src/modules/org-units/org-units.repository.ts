// SQL for org units: the 一城多园 tree and the reference regions (one code namespace).
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export async function listTreeUnits(db: Kysely<Database>) {
  return db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
    .selectAll('o')
    .select('p.code as parent_code')
    .where('o.kind', '!=', 'reference')
    .orderBy('o.seq')
    .orderBy('o.code')
    .execute();
}

export async function listReferenceRegions(db: Kysely<Database>) {
  return db.selectFrom('org_unit').selectAll().where('kind', '=', 'reference').orderBy('seq').execute();
}

export async function findOrgUnitByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Every unit's code with its parent's code (reference regions have none). */
export async function listOrgUnitParents(db: Kysely<Database>) {
  return db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as p', 'p.id', 'o.parent_id')
    .select(['o.code', 'p.code as parent_code', 'o.kind'])
    .execute();
}
