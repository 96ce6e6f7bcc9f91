// SQL for the policy catalogue: document, parts, articles, lead units, tasks and their stages.
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';

export async function listLeadUnits(db: Kysely<Database>) {
  return db.selectFrom('lead_unit').selectAll().orderBy('seq').execute();
}

export async function findPolicyDocument(db: Kysely<Database>) {
  return db.selectFrom('policy_document').selectAll().executeTakeFirst();
}

export async function listArticles(db: Kysely<Database>) {
  return db
    .selectFrom('policy_article as a')
    .innerJoin('policy_part as p', 'p.code', 'a.part_code')
    .select([
      'a.code',
      'a.seq',
      'a.title_zh',
      'a.title_en',
      'a.text_zh',
      'p.code as part_code',
      'p.numeral_zh as part_numeral_zh',
      'p.title_zh as part_title_zh',
      'p.title_en as part_title_en',
    ])
    .orderBy('a.seq')
    .execute();
}

export async function listArticleLeadUnits(db: Kysely<Database>) {
  return db.selectFrom('article_lead_unit').selectAll().orderBy('article_code').orderBy('seq').execute();
}

export async function listTasks(db: Kysely<Database>) {
  return db
    .selectFrom('task as t')
    .innerJoin('policy_article as a', 'a.code', 't.article_code')
    .selectAll('t')
    .orderBy('a.seq')
    .orderBy('t.seq')
    .execute();
}

export async function listTaskLeadUnits(db: Kysely<Database>) {
  return db.selectFrom('task_lead_unit').selectAll().orderBy('task_code').orderBy('seq').execute();
}

export async function listTaskIndicators(db: Kysely<Database>) {
  return db.selectFrom('task_indicator').selectAll().orderBy('task_code').orderBy('indicator_code').execute();
}

export async function listStageHistory(db: Kysely<Database>) {
  return db
    .selectFrom('task_stage_history as h')
    .innerJoin('stage as s', 's.code', 'h.stage')
    .select([
      'h.task_code',
      'h.stage',
      'h.stage_text_zh',
      'h.changed_on',
      'h.evidence',
      's.name_zh',
      's.name_en',
    ])
    .orderBy('h.task_code')
    .orderBy('h.changed_on')
    .orderBy('h.id')
    .execute();
}
