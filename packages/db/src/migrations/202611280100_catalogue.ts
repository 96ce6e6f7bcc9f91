// The policy catalogue, org units, frameworks, periods and data values with their history.
import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lead_unit')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policy_document')
    .addColumn('document_no', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('written_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('released_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('issuer_codes', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policy_part')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('numeral_zh', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policy_article')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('part_code', 'varchar(20)', (c) => c.notNull().references('policy_part.code'))
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_lead_unit')
    .addColumn('article_code', 'varchar(20)', (c) => c.notNull().references('policy_article.code'))
    .addColumn('lead_unit_code', 'varchar(40)', (c) => c.notNull().references('lead_unit.code'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_lead_unit_pk', ['article_code', 'lead_unit_code'])
    .execute();

  await db.schema
    .createTable('stage')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('task')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('article_code', 'varchar(20)', (c) => c.notNull().references('policy_article.code'))
    .addColumn('parent_code', 'varchar(40)', (c) => c.references('task.code'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('stage', 'varchar(20)', (c) => c.references('stage.code'))
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)')
    .addColumn('due_date_assumption', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('task_lead_unit')
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('lead_unit_code', 'varchar(40)', (c) => c.notNull().references('lead_unit.code'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_lead_unit_pk', ['task_code', 'lead_unit_code'])
    .execute();

  await db.schema
    .createTable('task_indicator')
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('indicator_code', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_indicator_pk', ['task_code', 'indicator_code'])
    .execute();

  await withId(db, db.schema.createTable('task_stage_history'))
    .addColumn('task_code', 'varchar(40)', (c) => c.notNull().references('task.code'))
    .addColumn('stage', 'varchar(20)', (c) => c.notNull().references('stage.code'))
    .addColumn('stage_text_zh', 'text')
    .addColumn('changed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('recorded_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('org_unit'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('parent_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('level', 'varchar(20)')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_kind', 'varchar(20)')
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('short_name_zh', 'text')
    .addColumn('short_name_en', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('coord_approximate', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('area_km2', 'double precision')
    .addColumn('within_code', 'varchar(40)')
    .addColumn('overlaps', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('assumption', 'text')
    .addColumn('source', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_unit_parent_idx').on('org_unit').column('parent_id').execute();

  await withId(db, db.schema.createTable('framework'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('framework_code_version_uq', ['code', 'version'])
    .execute();

  await withId(db, db.schema.createTable('dimension'))
    .addColumn('framework_id', 'integer', (c) => c.notNull().references('framework.id'))
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('article_codes', 'text', (c) => c.notNull())
    .addUniqueConstraint('dimension_fw_code_uq', ['framework_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('indicator'))
    .addColumn('framework_id', 'integer', (c) => c.notNull().references('framework.id'))
    .addColumn('code', 'varchar(64)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit_zh', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('direction', 'integer', (c) => c.notNull())
    .addColumn('value_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('aggregation', 'varchar(20)', (c) => c.notNull())
    .addColumn('formula', 'text')
    .addColumn('weight_indicator', 'varchar(64)')
    .addColumn('period_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('definition_zh', 'text', (c) => c.notNull())
    .addColumn('definition_en', 'text', (c) => c.notNull())
    .addColumn('basis_zh', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('article_codes', 'text', (c) => c.notNull())
    .addColumn('headline', 'integer', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('raw', 'integer', (c) => c.notNull())
    .addUniqueConstraint('indicator_fw_code_uq', ['framework_id', 'code'])
    .execute();

  await db.schema
    .createTable('indicator_dimension')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('dimension_id', 'integer', (c) => c.notNull().references('dimension.id'))
    .addPrimaryKeyConstraint('indicator_dimension_pk', ['indicator_id', 'dimension_id'])
    .execute();

  await withId(db, db.schema.createTable('target'))
    .addColumn('framework_id', 'integer', (c) => c.notNull().references('framework.id'))
    .addColumn('indicator_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('comparator', 'varchar(4)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('base_year', 'integer', (c) => c.notNull())
    .addColumn('base_year_assumption', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('period')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('data_value'))
    .addColumn('indicator_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_code', 'varchar(20)', (c) => c.notNull().references('period.code'))
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('data_value_key_uq', ['indicator_code', 'org_unit_id', 'period_code', 'source'])
    .execute();
  await db.schema
    .createIndex('data_value_org_period_idx')
    .on('data_value')
    .columns(['org_unit_id', 'period_code'])
    .execute();

  await withId(db, db.schema.createTable('data_value_history'))
    .addColumn('data_value_id', 'integer', (c) => c.notNull().references('data_value.id'))
    .addColumn('indicator_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull())
    .addColumn('period_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('changed_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('data_value_history_value_idx')
    .on('data_value_history')
    .column('data_value_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'data_value_history',
    'data_value',
    'period',
    'target',
    'indicator_dimension',
    'indicator',
    'dimension',
    'framework',
    'org_unit',
    'task_stage_history',
    'task_indicator',
    'task_lead_unit',
    'task',
    'stage',
    'article_lead_unit',
    'policy_article',
    'policy_part',
    'policy_document',
    'lead_unit',
    'app_meta',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
