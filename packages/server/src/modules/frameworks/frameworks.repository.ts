// SQL for indicator frameworks (versioned), their dimensions, indicators and targets.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export async function listFrameworks(db: Kysely<Database>) {
  return db.selectFrom('framework').selectAll().orderBy('code').orderBy('version', 'desc').execute();
}

/** The given version, or the active (latest) one when no version is named. */
export async function findFramework(db: Kysely<Database>, code: string, version?: number) {
  let q = db.selectFrom('framework').selectAll().where('code', '=', code);
  q = version === undefined ? q.orderBy('version', 'desc') : q.where('version', '=', version);
  return q.executeTakeFirst();
}

export async function listDimensions(db: Kysely<Database>, frameworkId: number) {
  return db
    .selectFrom('dimension')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .orderBy('seq')
    .execute();
}

export async function listIndicators(db: Kysely<Database>, frameworkId: number) {
  return db
    .selectFrom('indicator')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .orderBy('seq')
    .execute();
}

export async function listIndicatorDimensions(db: Kysely<Database>, frameworkId: number) {
  return db
    .selectFrom('indicator_dimension as x')
    .innerJoin('indicator as i', 'i.id', 'x.indicator_id')
    .innerJoin('dimension as d', 'd.id', 'x.dimension_id')
    .select(['i.code as indicator_code', 'd.code as dimension_code'])
    .where('i.framework_id', '=', frameworkId)
    .orderBy('d.seq')
    .orderBy('i.seq')
    .execute();
}

export async function listTargets(db: Kysely<Database>, frameworkId: number) {
  return db.selectFrom('target').selectAll().where('framework_id', '=', frameworkId).orderBy('id').execute();
}
