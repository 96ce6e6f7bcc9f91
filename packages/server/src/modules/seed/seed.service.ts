// Loads the catalogue into the database. Idempotent: seeding again changes nothing. Catalogue rows
// already in the database are never overwritten (differences are reported); a changed framework
// yields a new framework version; data values are only ever added.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@scimon/db';
import type { Catalogue } from '@scimon/contracts/catalog/index';
import { periodRow } from './period-dates.ts';
import { bumpDataVersion } from '../monitoring/data-version.ts';

export interface SeedSummary {
  /** False when the catalogue's fingerprint matched the last seed: nothing was read further. */
  changed: boolean;
  inserted: Record<string, number>;
  framework: { code: string; version: number; created: boolean };
  /** Catalogue rows that differ from what the database holds (kept as in the database). */
  differences: string[];
}

const json = (v: unknown) => JSON.stringify(v);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Fingerprint of everything the seed loads; unchanged → the seed is a no-op. */
export const catalogueHash = (c: Catalogue) => sha256(json(c));

const CHUNK = 400;
async function insertChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

type Tx = Transaction<Database>;

export async function seedCatalogue(
  db: Kysely<Database>,
  catalogue: Catalogue,
  nowIso: string,
): Promise<SeedSummary> {
  const hash = catalogueHash(catalogue);
  const fw = catalogue.framework;
  const last = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'catalogue_hash')
    .executeTakeFirst();
  if (last?.value === hash) {
    const current = await db
      .selectFrom('framework')
      .select('version')
      .where('code', '=', fw.code)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    return {
      changed: false,
      inserted: {},
      framework: { code: fw.code, version: current?.version ?? 0, created: false },
      differences: [],
    };
  }
  return db.transaction().execute(async (tx) => {
    const inserted: Record<string, number> = {};
    const differences: string[] = [];
    const count = (table: string, n: number) => {
      if (n > 0) inserted[table] = (inserted[table] ?? 0) + n;
    };
    await seedPolicy(tx, catalogue, count, differences);
    await seedOrgUnits(tx, catalogue, count, differences);
    const framework = await seedFramework(tx, catalogue, nowIso, count);
    await seedPeriods(tx, catalogue, count);
    await seedValues(tx, catalogue, nowIso, count);
    await bumpDataVersion(tx);
    await upsertMeta(tx, 'catalogue_hash', hash);
    return { changed: true, inserted, framework, differences };
  });
}

async function upsertMeta(tx: Tx, key: string, value: string) {
  await tx
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

type Count = (table: string, n: number) => void;

/** Inserts rows whose key is absent; reports rows whose stored content differs. */
async function insertMissing<R extends Record<string, unknown>>(
  existing: ReadonlyMap<string, Record<string, unknown>>,
  rows: readonly R[],
  key: (r: R) => string,
  label: string,
  differences: string[],
  insert: (rows: R[]) => Promise<unknown>,
): Promise<number> {
  const fresh: R[] = [];
  for (const r of rows) {
    const have = existing.get(key(r));
    if (!have) fresh.push(r);
    else if (Object.keys(r).some((k) => String(have[k] ?? '') !== String(r[k] ?? ''))) {
      differences.push(`${label} ${key(r)}`);
    }
  }
  if (fresh.length) await insertChunks(fresh, insert);
  return fresh.length;
}

const byKey = <T extends Record<string, unknown>>(rows: T[], key: (r: T) => string) =>
  new Map(rows.map((r) => [key(r), r]));

async function seedPolicy(tx: Tx, c: Catalogue, count: Count, differences: string[]) {
  const leadUnits = c.leadUnits.map((u) => ({
    code: u.code,
    short_name: u.shortName,
    full_name: u.fullName,
    name_en: u.nameEn,
    kind: u.kind,
    seq: u.seq,
  }));
  count(
    'lead_unit',
    await insertMissing(
      byKey(await tx.selectFrom('lead_unit').selectAll().execute(), (r) => r.code),
      leadUnits,
      (r) => r.code,
      'lead unit',
      differences,
      (rows) => tx.insertInto('lead_unit').values(rows).execute(),
    ),
  );

  const doc = {
    document_no: c.policy.documentNo,
    title_zh: c.policy.titleZh,
    title_en: c.policy.titleEn,
    written_on: c.policy.writtenOn,
    released_on: c.policy.releasedOn,
    issuer_codes: json(c.policy.issuerCodes),
  };
  count(
    'policy_document',
    await insertMissing(
      byKey(await tx.selectFrom('policy_document').selectAll().execute(), (r) => r.document_no),
      [doc],
      (r) => r.document_no,
      'policy document',
      differences,
      (rows) => tx.insertInto('policy_document').values(rows).execute(),
    ),
  );

  const parts = c.parts.map((p) => ({
    code: p.code,
    seq: p.seq,
    numeral_zh: p.numeralZh,
    title_zh: p.titleZh,
    title_en: p.titleEn,
  }));
  count(
    'policy_part',
    await insertMissing(
      byKey(await tx.selectFrom('policy_part').selectAll().execute(), (r) => r.code),
      parts,
      (r) => r.code,
      'policy part',
      differences,
      (rows) => tx.insertInto('policy_part').values(rows).execute(),
    ),
  );

  const articles = c.articles.map((a) => ({
    code: a.code,
    seq: a.seq,
    part_code: a.partCode,
    title_zh: a.titleZh,
    title_en: a.titleEn,
    text_zh: a.textZh,
  }));
  const existingArticles = byKey(await tx.selectFrom('policy_article').selectAll().execute(), (r) => r.code);
  const newArticles = new Set(articles.filter((a) => !existingArticles.has(a.code)).map((a) => a.code));
  count(
    'policy_article',
    await insertMissing(
      existingArticles,
      articles,
      (r) => r.code,
      'article',
      differences,
      (rows) => tx.insertInto('policy_article').values(rows).execute(),
    ),
  );
  const articleLinks = c.articles
    .filter((a) => newArticles.has(a.code))
    .flatMap((a) =>
      a.leadUnitCodes.map((lead, i) => ({ article_code: a.code, lead_unit_code: lead, seq: i + 1 })),
    );
  await insertChunks(articleLinks, (rows) => tx.insertInto('article_lead_unit').values(rows).execute());
  count('article_lead_unit', articleLinks.length);

  const stages = c.stages.map((s) => ({ code: s.code, name_zh: s.nameZh, name_en: s.nameEn, seq: s.seq }));
  count(
    'stage',
    await insertMissing(
      byKey(await tx.selectFrom('stage').selectAll().execute(), (r) => r.code),
      stages,
      (r) => r.code,
      'stage',
      differences,
      (rows) => tx.insertInto('stage').values(rows).execute(),
    ),
  );

  const existingTasks = byKey(await tx.selectFrom('task').selectAll().execute(), (r) => r.code);
  // Parents before children, so the self-reference holds at every insert.
  const tasks = [...c.tasks].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
  const newTasks = tasks.filter((t) => !existingTasks.has(t.code));
  for (const t of tasks) {
    const have = existingTasks.get(t.code);
    if (have && (have.title_zh !== t.titleZh || have.article_code !== t.articleCode))
      differences.push(`task ${t.code}`);
  }
  await insertChunks(newTasks, (rows) =>
    tx
      .insertInto('task')
      .values(
        rows.map((t) => ({
          code: t.code,
          article_code: t.articleCode,
          parent_code: t.parentCode,
          seq: t.seq,
          title_zh: t.titleZh,
          title_en: t.titleEn,
          kind: t.kind,
          stage: t.stage,
          start_date: t.startDate,
          due_date: t.dueDate,
          due_date_assumption: t.dueDateAssumption ? 1 : 0,
        })),
      )
      .execute(),
  );
  count('task', newTasks.length);
  const taskLeads = newTasks.flatMap((t) =>
    t.leadUnitCodes.map((lead, i) => ({ task_code: t.code, lead_unit_code: lead, seq: i + 1 })),
  );
  await insertChunks(taskLeads, (rows) => tx.insertInto('task_lead_unit').values(rows).execute());
  const taskIndicators = newTasks.flatMap((t) =>
    [...new Set(t.indicatorCodes)].map((i) => ({ task_code: t.code, indicator_code: i })),
  );
  await insertChunks(taskIndicators, (rows) => tx.insertInto('task_indicator').values(rows).execute());
  const stageHistory = newTasks
    .filter((t) => t.stage !== null)
    .map((t) => ({
      task_code: t.code,
      stage: t.stage!,
      stage_text_zh: t.stageTextZh,
      changed_on: t.stageDate ?? t.startDate,
      evidence: t.stageSource,
      recorded_at: t.stageDate ?? t.startDate,
    }));
  await insertChunks(stageHistory, (rows) => tx.insertInto('task_stage_history').values(rows).execute());
  count('task_stage_history', stageHistory.length);
}

async function seedOrgUnits(tx: Tx, c: Catalogue, count: Count, differences: string[]) {
  const existing = byKey(await tx.selectFrom('org_unit').selectAll().execute(), (r) => r.code);
  const ids = new Map<string, number>([...existing.values()].map((r) => [r.code, r.id]));
  // Parents first: repeat passes until every unit whose parent is known is placed.
  const pending = c.orgUnits.filter((u) => !existing.has(u.code));
  for (const u of c.orgUnits) {
    const have = existing.get(u.code);
    if (have && (have.name_zh !== u.nameZh || have.level !== u.level || have.kind !== u.kind))
      differences.push(`org unit ${u.code}`);
  }
  let placed = 0;
  while (pending.length) {
    const ready = pending.filter((u) => u.parentCode === null || ids.has(u.parentCode));
    if (!ready.length)
      throw new Error(`org units with unknown parents: ${pending.map((u) => u.code).join(', ')}`);
    for (const u of ready) {
      const row = await tx
        .insertInto('org_unit')
        .values({
          code: u.code,
          parent_id: u.parentCode === null ? null : ids.get(u.parentCode)!,
          level: u.level,
          kind: u.kind,
          region_kind: null,
          name_zh: u.nameZh,
          name_en: u.nameEn,
          short_name_zh: u.shortNameZh,
          short_name_en: u.shortNameEn,
          lat: u.lat,
          lon: u.lon,
          coord_approximate: u.coordApproximate ? 1 : 0,
          area_km2: u.areaKm2,
          within_code: u.within,
          overlaps: json(u.overlaps),
          valid_from: u.validFrom,
          valid_to: u.validTo,
          assumption: u.assumption,
          source: u.source,
          seq: u.seq,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(u.code, row.id);
      pending.splice(pending.indexOf(u), 1);
      placed++;
    }
  }
  count('org_unit', placed);
  const regions = c.referenceRegions.filter((r) => !existing.has(r.code));
  await insertChunks(regions, (rows) =>
    tx
      .insertInto('org_unit')
      .values(
        rows.map((r, i) => ({
          code: r.code,
          parent_id: null,
          level: null,
          kind: 'reference',
          region_kind: r.kind,
          name_zh: r.nameZh,
          name_en: r.nameEn,
          short_name_zh: null,
          short_name_en: null,
          lat: null,
          lon: null,
          coord_approximate: 1,
          area_km2: null,
          within_code: null,
          overlaps: '[]',
          valid_from: '1949-10-01',
          valid_to: null,
          assumption: null,
          source: null,
          seq: 1000 + i,
        })),
      )
      .execute(),
  );
  count('reference_region', regions.length);
}

async function seedFramework(tx: Tx, c: Catalogue, nowIso: string, count: Count) {
  const fw = c.framework;
  const hash = sha256(json(fw));
  const latest = await tx
    .selectFrom('framework')
    .selectAll()
    .where('code', '=', fw.code)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (latest?.content_hash === hash) return { code: fw.code, version: latest.version, created: false };
  const version = latest ? latest.version + 1 : fw.version;
  if (latest)
    await tx.updateTable('framework').set({ status: 'superseded' }).where('code', '=', fw.code).execute();
  const { id } = await tx
    .insertInto('framework')
    .values({
      code: fw.code,
      version,
      status: 'active',
      name_zh: fw.nameZh,
      name_en: fw.nameEn,
      content_hash: hash,
      created_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  count('framework', 1);
  const dimIds = new Map<string, number>();
  for (const d of fw.dimensions) {
    const row = await tx
      .insertInto('dimension')
      .values({
        framework_id: id,
        code: d.code,
        seq: d.seq,
        kind: d.kind,
        name_zh: d.nameZh,
        name_en: d.nameEn,
        article_codes: json(d.articleCodes),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    dimIds.set(d.code, row.id);
  }
  for (const i of fw.indicators) {
    const row = await tx
      .insertInto('indicator')
      .values({
        framework_id: id,
        code: i.code,
        seq: i.seq,
        name_zh: i.nameZh,
        name_en: i.nameEn,
        unit_zh: i.unitZh,
        unit_en: i.unitEn,
        direction: i.direction,
        value_type: i.valueType,
        aggregation: i.aggregation,
        formula: i.formula,
        weight_indicator: i.weightIndicator,
        period_type: i.periodType,
        definition_zh: i.definitionZh,
        definition_en: i.definitionEn,
        basis_zh: i.basisZh,
        source: i.source,
        article_codes: json(i.articleCodes),
        headline: i.headline ? 1 : 0,
        weight: i.weight,
        raw: i.raw ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const links = i.dimensionCodes.map((d) => ({ indicator_id: row.id, dimension_id: dimIds.get(d)! }));
    if (links.length) await tx.insertInto('indicator_dimension').values(links).execute();
  }
  count('indicator', fw.indicators.length);
  if (fw.targets.length) {
    await tx
      .insertInto('target')
      .values(
        fw.targets.map((t) => ({
          framework_id: id,
          indicator_code: t.indicatorCode,
          org_unit_code: t.orgUnitCode,
          year: t.year,
          comparator: t.comparator,
          value: t.value,
          kind: t.kind,
          base_year: t.baseYear,
          base_year_assumption: t.baseYearAssumption ? 1 : 0,
          note: t.note,
        })),
      )
      .execute();
  }
  count('target', fw.targets.length);
  return { code: fw.code, version, created: true };
}

async function seedPeriods(tx: Tx, c: Catalogue, count: Count) {
  const codes = new Set([...c.sampleValues, ...c.publishedValues].map((v) => v.period));
  for (let y = 2015; y <= 2035; y++) codes.add(String(y));
  const have = new Set((await tx.selectFrom('period').select('code').execute()).map((r) => r.code));
  const rows = [...codes].filter((code) => !have.has(code)).flatMap((code) => periodRow(code) ?? []);
  await insertChunks(rows, (chunk) => tx.insertInto('period').values(chunk).execute());
  count('period', rows.length);
}

async function seedValues(tx: Tx, c: Catalogue, nowIso: string, count: Count) {
  const ids = new Map(
    (await tx.selectFrom('org_unit').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
  );
  const rows = [
    ...c.sampleValues.map((v) => ({ ...v, source: 'sample', sourceRef: null as string | null })),
    ...c.publishedValues.map((v) => ({ ...v, source: 'published' })),
  ].map((v) => ({
    indicator_code: v.indicatorCode,
    org_unit_id: ids.get(v.orgUnitCode)!,
    period_code: v.period,
    source: v.source,
    value: v.value,
    status: 'published',
    version: 1,
    comment: null,
    source_ref: v.sourceRef,
    updated_by: 'seed',
    updated_at: nowIso,
  }));
  let added = 0;
  await insertChunks(rows, async (chunk) => {
    const fresh = await tx
      .insertInto('data_value')
      .values(chunk)
      .onConflict((oc) => oc.columns(['indicator_code', 'org_unit_id', 'period_code', 'source']).doNothing())
      .returningAll()
      .execute();
    if (!fresh.length) return;
    added += fresh.length;
    await tx
      .insertInto('data_value_history')
      .values(
        fresh.map((v) => ({
          data_value_id: v.id,
          indicator_code: v.indicator_code,
          org_unit_id: v.org_unit_id,
          period_code: v.period_code,
          source: v.source,
          value: v.value,
          status: v.status,
          version: v.version,
          comment: v.comment,
          source_ref: v.source_ref,
          changed_by: v.updated_by,
          changed_at: v.updated_at,
          action: 'insert',
        })),
      )
      .execute();
  });
  count('data_value', added);
}
