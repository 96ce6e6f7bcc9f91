// SQL of evaluation runs, and the framework rows a run needs beyond the monitoring repository's.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, EvaluationRunTable } from '@scimon/db';

export type RunRow = Selectable<EvaluationRunTable>;

/** A framework version by code and version; without a version, the active one (first code when none named). */
export async function findFramework(db: Kysely<Database>, code?: string, version?: number) {
  let q = db.selectFrom('framework').selectAll();
  if (code) q = q.where('code', '=', code);
  q = version === undefined ? q.where('status', '=', 'active') : q.where('version', '=', version);
  return q.orderBy('code').orderBy('version', 'desc').executeTakeFirst();
}

export async function findFrameworkById(db: Kysely<Database>, id: number) {
  return db.selectFrom('framework').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Indicator weights of a framework version (the monitoring panel does not carry them). */
export async function indicatorWeights(db: Kysely<Database>, frameworkId: number) {
  const rows = await db
    .selectFrom('indicator')
    .select(['code', 'weight'])
    .where('framework_id', '=', frameworkId)
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.weight)]));
}

export async function insertRun(db: Kysely<Database>, row: Insertable<EvaluationRunTable>): Promise<number> {
  const r = await db.insertInto('evaluation_run').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function findRun(db: Kysely<Database>, id: number): Promise<RunRow | undefined> {
  return db.selectFrom('evaluation_run').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface RunFilter {
  status?: string;
  published?: boolean;
  framework?: string;
  limit: number;
  offset: number;
}

/** Runs without their (large) result columns, newest first, and the total count. */
export async function listRuns(db: Kysely<Database>, f: RunFilter) {
  let q = db.selectFrom('evaluation_run');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.published !== undefined) q = q.where('published', '=', f.published ? 1 : 0);
  if (f.framework) q = q.where('framework_code', '=', f.framework);
  const [items, total] = await Promise.all([
    q
      .select([
        'id',
        'name',
        'framework_id',
        'framework_code',
        'framework_version',
        'years',
        'level',
        'data_status',
        'input_hash',
        'status',
        'progress',
        'error_json',
        'published',
        'published_at',
        'published_by',
        'created_by',
        'created_at',
        'finished_at',
      ])
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/**
 * Updates a run only while it is in one of `from` (so a cancelled run is never overwritten by its job).
 * Returns whether a row changed.
 */
export async function updateRunIf(
  db: Kysely<Database>,
  id: number,
  from: readonly string[],
  set: Partial<Omit<EvaluationRunTable, 'id'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('evaluation_run')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks a done, unpublished run published; false when someone else did meanwhile. */
export async function markPublished(
  db: Kysely<Database>,
  id: number,
  by: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('evaluation_run')
    .set({ published: 1, published_at: at, published_by: by })
    .where('id', '=', id)
    .where('published', '=', 0)
    .where('status', '=', 'done')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
