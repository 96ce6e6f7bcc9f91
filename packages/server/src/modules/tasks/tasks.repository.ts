// SQL of task supervision: the catalogue's task tables (read, and written by coordinators' changes) and
// the supervision tables of migration 202611280400_tasks.
import type { Kysely, Selectable } from 'kysely';
import type { Database, TaskReportTable } from '@scimon/db';

type Db = Kysely<Database>;
export type ReportRow = Selectable<TaskReportTable>;

// ---- reads for the snapshot of every task

export const listTasks = (db: Db) =>
  db
    .selectFrom('task as t')
    .innerJoin('policy_article as a', 'a.code', 't.article_code')
    .selectAll('t')
    .select(['a.seq as article_seq', 'a.title_zh as article_title_zh', 'a.title_en as article_title_en'])
    .orderBy('a.seq')
    .orderBy('t.seq')
    .orderBy('t.code')
    .execute();

export const listLeadUnits = (db: Db) => db.selectFrom('lead_unit').selectAll().orderBy('seq').execute();
export const listArticles = (db: Db) =>
  db.selectFrom('policy_article').select(['code', 'seq', 'title_zh', 'title_en']).orderBy('seq').execute();
export const listArticleLeadUnits = (db: Db) =>
  db.selectFrom('article_lead_unit').selectAll().orderBy('article_code').orderBy('seq').execute();
export const listTaskLeadUnits = (db: Db) =>
  db.selectFrom('task_lead_unit').selectAll().orderBy('task_code').orderBy('seq').execute();
export const listCoUnits = (db: Db) =>
  db.selectFrom('task_co_unit').selectAll().orderBy('task_code').orderBy('seq').execute();
export const listStages = (db: Db) => db.selectFrom('stage').selectAll().orderBy('seq').execute();
export const listClosures = (db: Db) => db.selectFrom('task_closure').selectAll().execute();
export const listMilestones = (db: Db) =>
  db.selectFrom('task_milestone').selectAll().orderBy('task_code').orderBy('seq').orderBy('id').execute();
export const listReports = (db: Db) => db.selectFrom('task_report').selectAll().orderBy('id').execute();
export const listIndicatorLinks = (db: Db) =>
  db.selectFrom('task_indicator').selectAll().orderBy('task_code').orderBy('indicator_code').execute();
export const listExtensions = (db: Db) => db.selectFrom('task_extension').selectAll().orderBy('id').execute();

// ---- reads of one task's records

export const findTask = (db: Db, code: string) =>
  db.selectFrom('task').selectAll().where('code', '=', code).executeTakeFirst();
export const findArticle = (db: Db, code: string) =>
  db.selectFrom('policy_article').select(['code', 'seq']).where('code', '=', code).executeTakeFirst();
export const findClosure = (db: Db, code: string) =>
  db.selectFrom('task_closure').selectAll().where('task_code', '=', code).executeTakeFirst();
export const leadUnitsOf = async (db: Db, code: string) =>
  (
    await db
      .selectFrom('task_lead_unit')
      .select('lead_unit_code')
      .where('task_code', '=', code)
      .orderBy('seq')
      .execute()
  ).map((r) => r.lead_unit_code);
export const existingLeadUnitCodes = async (db: Db, codes: readonly string[]) =>
  codes.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .selectFrom('lead_unit')
            .select('code')
            .where('code', 'in', [...codes])
            .execute()
        ).map((r) => r.code),
      );
export const existingIndicatorCodes = async (db: Db, codes: readonly string[]) =>
  codes.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .selectFrom('indicator')
            .select('code')
            .where('code', 'in', [...codes])
            .execute()
        ).map((r) => r.code),
      );
export const taskCodesLike = async (db: Db, prefix: string) =>
  (await db.selectFrom('task').select('code').where('code', 'like', `${prefix}%`).execute()).map(
    (r) => r.code,
  );
export const maxSeq = async (db: Db, articleCode: string, parentCode: string | null) => {
  let q = db
    .selectFrom('task')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('article_code', '=', articleCode);
  q = parentCode === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parentCode);
  return Number((await q.executeTakeFirst())?.m ?? 0);
};
export const childrenOf = (db: Db, code: string) =>
  db.selectFrom('task').select('code').where('parent_code', '=', code).orderBy('seq').execute();
export const findMilestone = (db: Db, code: string, id: number) =>
  db
    .selectFrom('task_milestone')
    .selectAll()
    .where('task_code', '=', code)
    .where('id', '=', id)
    .executeTakeFirst();
export const milestoneIdsOf = async (db: Db, code: string) =>
  new Set(
    (await db.selectFrom('task_milestone').select('id').where('task_code', '=', code).execute()).map(
      (r) => r.id,
    ),
  );
export const findReport = (db: Db, id: number) =>
  db.selectFrom('task_report').selectAll().where('id', '=', id).executeTakeFirst();
export const reportsOfUnitPeriod = (db: Db, code: string, unit: string, period: string) =>
  db
    .selectFrom('task_report')
    .selectAll()
    .where('task_code', '=', code)
    .where('lead_unit_code', '=', unit)
    .where('period_code', '=', period)
    .orderBy('revision', 'desc')
    .execute();
export const reportMilestones = (db: Db, reportIds: readonly number[]) =>
  reportIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('task_report_milestone')
        .selectAll()
        .where('report_id', 'in', [...reportIds])
        .execute();
export const evidenceOfTask = (db: Db, code: string) =>
  db.selectFrom('task_evidence').selectAll().where('task_code', '=', code).orderBy('id').execute();
export const findEvidence = (db: Db, id: number) =>
  db.selectFrom('task_evidence').selectAll().where('id', '=', id).executeTakeFirst();
export const findExtension = (db: Db, id: number) =>
  db.selectFrom('task_extension').selectAll().where('id', '=', id).executeTakeFirst();
export const pendingExtension = (db: Db, code: string, unit: string) =>
  db
    .selectFrom('task_extension')
    .select('id')
    .where('task_code', '=', code)
    .where('lead_unit_code', '=', unit)
    .where('status', '=', 'pending')
    .executeTakeFirst();
export const stageHistoryOf = (db: Db, code: string) =>
  db
    .selectFrom('task_stage_history as h')
    .innerJoin('stage as s', 's.code', 'h.stage')
    .select([
      'h.stage',
      'h.stage_text_zh',
      'h.changed_on',
      'h.evidence',
      'h.recorded_at',
      's.name_zh',
      's.name_en',
    ])
    .where('h.task_code', '=', code)
    .orderBy('h.changed_on')
    .orderBy('h.id')
    .execute();

/** Task owners: task_owner grants scoped to a lead unit, of enabled accounts. */
export const listTaskOwners = (db: Db) =>
  db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['u.username', 'u.display_name', 'g.scope'])
    .where('g.role', '=', 'task_owner')
    .where('u.disabled', '=', 0)
    .orderBy('u.username')
    .execute();

/** Enabled accounts with the roles reminders concern (coordinators, admins, task owners). */
export const listReminderUsers = (db: Db) =>
  db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['u.username', 'g.role', 'g.scope'])
    .where('u.disabled', '=', 0)
    .where('g.role', 'in', ['admin', 'coordinator', 'task_owner'])
    .orderBy('u.username')
    .execute();
