// SQL of the submission workflow: submissions and their events, the report values they cover (the raw
// indicators of the framework's active version), deadlines, releases and revisions.
import { sql, type Kysely } from 'kysely';
import { isPostgres, sqliteHandle, type Database } from '@scimon/db';

export type Db = Kysely<Database>;

export interface UnitRow {
  id: number;
  code: string;
  parentId: number | null;
  nameZh: string;
  nameEn: string;
  level: string | null;
  kind: string;
  validFrom: string;
  validTo: string | null;
}

/** The whole org-unit table (small: the tree and the reference regions). */
export async function loadUnits(db: Db): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'parent_id', 'name_zh', 'name_en', 'level', 'kind', 'valid_from', 'valid_to'])
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    nameZh: r.name_zh,
    nameEn: r.name_en,
    level: r.level,
    kind: r.kind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** The active framework with this code, or the first active one when no code is given. */
export async function findActiveFramework(db: Db, code?: string) {
  let q = db.selectFrom('framework').select(['id', 'code']).where('status', '=', 'active');
  if (code) q = q.where('code', '=', code);
  const row = await q.orderBy('id').executeTakeFirst();
  return row ? { id: Number(row.id), code: row.code } : undefined;
}

/** Raw (stored, non-derived) indicators of a framework's active version: what a submission covers. */
export const rawIndicatorCodes = (db: Db, framework: string) =>
  db
    .selectFrom('indicator as i')
    .innerJoin('framework as f', 'f.id', 'i.framework_id')
    .select('i.code')
    .where('f.code', '=', framework)
    .where('f.status', '=', 'active')
    .where('i.raw', '=', 1);

export async function rawIndicators(db: Db, framework: string) {
  return db
    .selectFrom('indicator as i')
    .innerJoin('framework as f', 'f.id', 'i.framework_id')
    .select(['i.code', 'i.name_zh', 'i.name_en', 'i.unit_zh', 'i.unit_en', 'i.period_type', 'i.seq'])
    .where('f.code', '=', framework)
    .where('f.status', '=', 'active')
    .where('i.raw', '=', 1)
    .orderBy('i.seq')
    .execute();
}

export interface SubmissionFilter {
  framework?: string;
  period?: string;
  status?: string;
  orgUnitIds?: readonly number[];
  ids?: readonly number[];
}

export async function findSubmissions(db: Db, f: SubmissionFilter) {
  let q = db.selectFrom('submission').selectAll();
  if (f.framework) q = q.where('framework_code', '=', f.framework);
  if (f.period) q = q.where('period_code', '=', f.period);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.orgUnitIds) q = q.where('org_unit_id', 'in', f.orgUnitIds.length ? f.orgUnitIds : [-1]);
  if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : [-1]);
  return q.orderBy('period_code', 'desc').orderBy('framework_code').orderBy('org_unit_id').execute();
}

export type SubmissionRow = Awaited<ReturnType<typeof findSubmissions>>[number];

export async function findSubmission(db: Db, id: number): Promise<SubmissionRow | undefined> {
  return db.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Stored report values per (org unit, period) of a framework's raw indicators, for the given periods. */
export async function countReportValues(db: Db, framework: string, periods: readonly string[]) {
  if (!periods.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('data_value')
    .select(['org_unit_id', 'period_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('source', '=', 'report')
    .where('period_code', 'in', periods)
    .where('indicator_code', 'in', rawIndicatorCodes(db, framework))
    .groupBy(['org_unit_id', 'period_code'])
    .execute();
  return new Map(rows.map((r) => [`${Number(r.org_unit_id)}|${r.period_code}`, Number(r.n)]));
}

/** The report values a submission covers. */
export function coveredValues(
  db: Db,
  s: Pick<SubmissionRow, 'framework_code' | 'org_unit_id' | 'period_code'>,
) {
  return db
    .selectFrom('data_value')
    .where('source', '=', 'report')
    .where('org_unit_id', '=', s.org_unit_id)
    .where('period_code', '=', s.period_code)
    .where('indicator_code', 'in', rawIndicatorCodes(db, s.framework_code));
}

export async function submissionEvents(db: Db, id: number) {
  return db
    .selectFrom('submission_event')
    .selectAll()
    .where('submission_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function periodType(db: Db, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('period').select('type').where('code', '=', code).executeTakeFirst();
  return row?.type;
}

export async function deadlineRows(db: Db) {
  return db.selectFrom('submission_deadline').selectAll().execute();
}

export async function releases(db: Db, framework?: string) {
  let q = db.selectFrom('data_release').selectAll();
  if (framework) q = q.where('framework_code', '=', framework);
  return q.orderBy('id', 'desc').execute();
}

export async function findValue(db: Db, id: number) {
  return db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .select(['v.id', 'v.value', 'v.status', 'v.version', 'v.source', 'v.indicator_code', 'v.period_code'])
    .select('o.code as org_unit_code')
    .where('v.id', '=', id)
    .executeTakeFirst();
}

/** Revisions (修订) of the given values, oldest first, grouped by value id. */
export async function revisionsOf(db: Db, valueIds: readonly number[]) {
  const out = new Map<
    number,
    {
      oldValue: number | null;
      newValue: number | null;
      reason: string;
      revisedBy: string;
      revisedAt: string;
    }[]
  >();
  if (!valueIds.length) return out;
  // Revisions are rare: intersect with the revised ids first (one small query) rather than probe every id.
  const revised = new Set(
    (await db.selectFrom('data_value_revision').select('data_value_id').distinct().execute()).map((r) =>
      Number(r.data_value_id),
    ),
  );
  const ids = valueIds.filter((id) => revised.has(id));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('data_value_revision')
      .selectAll()
      .where('data_value_id', 'in', ids.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const id = Number(r.data_value_id);
      const list = out.get(id) ?? [];
      list.push({
        oldValue: r.old_value === null ? null : Number(r.old_value),
        newValue: r.new_value === null ? null : Number(r.new_value),
        reason: r.reason,
        revisedBy: r.revised_by,
        revisedAt: r.revised_at,
      });
      out.set(id, list);
    }
  }
  return out;
}

export interface SubmissionKey {
  framework: string;
  orgUnitId: number;
  period: string;
}

/**
 * A draft submission, with its 'create' event, for each key that has none yet (existing ones are left
 * alone), in key order. Set-based: one INSERT … SELECT … ON CONFLICT DO NOTHING and one event INSERT …
 * SELECT (PostgreSQL: one statement, arrays unnested, the created ids fed to the events by RETURNING;
 * SQLite: the keys as one JSON parameter, and the created rows are those above the highest id before,
 * as ids are AUTOINCREMENT and the caller holds the write transaction).
 */
export async function createDraftSubmissions(
  db: Db,
  keys: readonly SubmissionKey[],
  actor: string,
  at: string,
): Promise<void> {
  if (!keys.length) return;
  const columns = `framework_code, org_unit_id, period_code, status, reason, version,
    first_submitted_at, submitted_by, submitted_at, reviewed_by, reviewed_at, created_at, updated_at`;
  const eventColumns = 'submission_id, action, from_status, to_status, reason, actor, at';
  if (isPostgres(db)) {
    await sql`
      WITH created AS (
        INSERT INTO submission (${sql.raw(columns)})
        SELECT k.f, k.ou, k.p, 'draft', NULL, 1, NULL, NULL, NULL, NULL, NULL, ${at}, ${at}
        FROM unnest(${keys.map((k) => k.framework)}::text[], ${keys.map((k) => k.orgUnitId)}::integer[],
                    ${keys.map((k) => k.period)}::text[]) WITH ORDINALITY AS k(f, ou, p, n)
        ORDER BY k.n
        ON CONFLICT (framework_code, org_unit_id, period_code) DO NOTHING
        RETURNING id)
      INSERT INTO submission_event (${sql.raw(eventColumns)})
      SELECT id, 'create', NULL, 'draft', NULL, ${actor}, ${at} FROM created ORDER BY id`.execute(db);
    return;
  }
  const raw = sqliteHandle(db);
  if (!raw) throw new Error('createDraftSubmissions: no SQLite handle');
  const top = raw.prepare('SELECT max(id) AS id FROM submission').get() as { id: number | null };
  const json = JSON.stringify(keys.map((k) => [k.framework, k.orgUnitId, k.period]));
  // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
  raw
    .prepare(
      `INSERT INTO submission (${columns})
       SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, 'draft', NULL, 1, NULL, NULL, NULL, NULL, NULL, ?, ?
       FROM json_each(?) AS j WHERE true ORDER BY j.key
       ON CONFLICT (framework_code, org_unit_id, period_code) DO NOTHING`,
    )
    .run(at, at, json);
  raw
    .prepare(
      `INSERT INTO submission_event (${eventColumns})
       SELECT id, 'create', NULL, 'draft', NULL, ?, ? FROM submission WHERE id > ? ORDER BY id`,
    )
    .run(actor, at, Number(top.id ?? 0));
}
