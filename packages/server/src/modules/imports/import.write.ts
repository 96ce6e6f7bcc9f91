// Writes an accepted plan in the caller's transaction: rows go to a temporary staging table (COPY on
// PostgreSQL, multi-row INSERTs on SQLite), then one INSERT … SELECT … ON CONFLICT, one UPDATE … FROM
// guarded by the expected version, and one INSERT … SELECT into the history: a few statements for any size.
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '@scimon/db';
import type { Change } from './import.plan.ts';

export class ImportConflict extends Error {}

const STAGE_COLUMNS =
  'indicator_code, org_unit_id, period_code, source, value, comment, action, expected_version';

async function createStage(tx: Transaction<Database>, pg: boolean) {
  const cols =
    sql.raw(`indicator_code varchar(64) NOT NULL, org_unit_id integer NOT NULL, period_code varchar(20) NOT NULL,
    source varchar(40) NOT NULL, value double precision, comment text, action varchar(10) NOT NULL, expected_version integer NOT NULL`);
  if (pg) await sql`CREATE TEMP TABLE import_stage (${cols}) ON COMMIT DROP`.execute(tx);
  else {
    await sql`DROP TABLE IF EXISTS temp.import_stage`.execute(tx);
    await sql`CREATE TEMP TABLE import_stage (${cols})`.execute(tx);
  }
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const copyEscape = (v: string) =>
  COPY_SPECIAL.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
    : v;

/** One staging row as a COPY text line, built directly (no per-row arrays). */
const copyLine = (ch: Change): string => {
  const c = ch.c;
  return `${copyEscape(c.indicator.code)}\t${c.orgUnit.id}\t${copyEscape(c.periodCode)}\t${copyEscape(c.source)}\t${
    c.value === null ? '\\N' : String(c.value)
  }\t${c.comment === null ? '\\N' : copyEscape(c.comment)}\t${ch.kind}\t${ch.expectedVersion}\n`;
};

/**
 * COPY FROM STDIN on the transaction's own connection. Kysely hands `sql` to pg's `client.query`,
 * which accepts a submittable stream: the copy runs inside the same transaction.
 */
export async function copyInto(
  tx: Kysely<Database>,
  statement: string,
  lines: Iterable<string>,
): Promise<void> {
  const stream = copyFrom(statement);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const query = CompiledQuery.raw('');
  await tx.executeQuery({ ...query, sql: stream as unknown as string });
  const w = stream as unknown as Writable;
  let buf = '';
  for (const line of lines) {
    buf += line;
    if (buf.length > 1 << 16) {
      if (!w.write(buf)) await new Promise((r) => w.once('drain', r));
      buf = '';
    }
  }
  w.end(buf);
  await done;
}

async function fillStage(tx: Transaction<Database>, pg: boolean, changes: readonly Change[]) {
  if (pg) {
    function* lines() {
      for (const ch of changes) yield copyLine(ch);
    }
    await copyInto(tx, `COPY import_stage (${STAGE_COLUMNS}) FROM STDIN`, lines());
    // A temporary table has no statistics: without them the planner guesses badly for the joins below.
    await sql`ANALYZE import_stage`.execute(tx);
    return;
  }
  // One JSON parameter per chunk, unpacked by json_each: cheaper than compiling huge VALUES lists
  // (measured: multi-row VALUES spend more in SQLite's prepare than json_each spends parsing).
  const CHUNK = 100_000;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const end = Math.min(changes.length, i + CHUNK);
    const rows = new Array<unknown[]>(end - i);
    for (let j = i; j < end; j++) {
      const ch = changes[j]!;
      const c = ch.c;
      rows[j - i] = [
        c.indicator.code,
        c.orgUnit.id,
        c.periodCode,
        c.source,
        c.value,
        c.comment,
        ch.kind,
        ch.expectedVersion,
      ];
    }
    const json = JSON.stringify(rows);
    await sql`INSERT INTO import_stage (${sql.raw(STAGE_COLUMNS)})
      SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7
      FROM json_each(${json}) AS j`.execute(tx);
  }
}

export interface WriteMeta {
  actor: string;
  at: string;
  sourceRef: string;
}

/** Applies the plan; throws ImportConflict when a row changed since it was read (nothing is kept). */
export async function writeChanges(
  tx: Transaction<Database>,
  pg: boolean,
  changes: readonly Change[],
  meta: WriteMeta,
) {
  if (!changes.length) return;
  await createStage(tx, pg);
  await fillStage(tx, pg, changes);
  const inserts = changes.filter((c) => c.kind === 'insert').length;
  const updates = changes.length - inserts;
  const status = sql`CASE WHEN source = 'report' THEN 'draft' ELSE 'published' END`;
  const historyCols =
    sql.raw(`data_value_id, indicator_code, org_unit_id, period_code, source, value, status, version,
                                    comment, source_ref, changed_by, changed_at, action`);
  if (pg) {
    // One statement per action: the rows written come back through RETURNING and go straight into the
    // history (no join back to data_value).
    if (inserts) {
      const ins = await sql`
        WITH ins AS (
          INSERT INTO data_value (indicator_code, org_unit_id, period_code, source, value, status, version, comment, source_ref, updated_by, updated_at)
          SELECT indicator_code, org_unit_id, period_code, source, value, ${status}, 1, comment, ${meta.sourceRef}, ${meta.actor}, ${meta.at}
          FROM import_stage WHERE action = 'insert'
          ON CONFLICT (indicator_code, org_unit_id, period_code, source) DO NOTHING
          RETURNING *)
        INSERT INTO data_value_history (${historyCols})
        SELECT id, indicator_code, org_unit_id, period_code, source, value, status, version,
               comment, source_ref, updated_by, updated_at, 'insert' FROM ins`.execute(tx);
      if (Number(ins.numAffectedRows ?? 0) !== inserts) throw new ImportConflict('insert');
    }
    if (updates) {
      const upd = await sql`
        WITH upd AS (
          ${updateStatement(meta)}
          RETURNING data_value.*)
        INSERT INTO data_value_history (${historyCols})
        SELECT id, indicator_code, org_unit_id, period_code, source, value, status, version,
               comment, source_ref, updated_by, updated_at, 'update' FROM upd`.execute(tx);
      if (Number(upd.numAffectedRows ?? 0) !== updates) throw new ImportConflict('update');
    }
    return;
  }
  // SQLite: ids are AUTOINCREMENT (never reused), so this import's new rows are exactly those above the
  // highest id before it; rows go in key order (the unique index is then filled sequentially).
  const top = await sql<{ id: number | null }>`SELECT max(id) AS id FROM data_value`.execute(tx);
  const before = Number(top.rows[0]?.id ?? 0);
  const ins = await sql`
    INSERT INTO data_value (indicator_code, org_unit_id, period_code, source, value, status, version, comment, source_ref, updated_by, updated_at)
    SELECT indicator_code, org_unit_id, period_code, source, value, ${status}, 1, comment, ${meta.sourceRef}, ${meta.actor}, ${meta.at}
    FROM import_stage WHERE action = 'insert'
    ORDER BY indicator_code, org_unit_id, period_code, source
    ON CONFLICT (indicator_code, org_unit_id, period_code, source) DO NOTHING`.execute(tx);
  if (Number(ins.numAffectedRows ?? 0) !== inserts) throw new ImportConflict('insert');
  if (updates) {
    const upd = await sql`${updateStatement(meta)}`.execute(tx);
    if (Number(upd.numAffectedRows ?? 0) !== updates) throw new ImportConflict('update');
  }
  if (inserts)
    await sql`
      INSERT INTO data_value_history (${historyCols})
      SELECT id, indicator_code, org_unit_id, period_code, source, value, status, version,
             comment, source_ref, updated_by, updated_at, 'insert'
      FROM data_value WHERE id > ${before}`.execute(tx);
  if (updates)
    await sql`
      INSERT INTO data_value_history (${historyCols})
      SELECT d.id, d.indicator_code, d.org_unit_id, d.period_code, d.source, d.value, d.status, d.version,
             d.comment, d.source_ref, d.updated_by, d.updated_at, 'update'
      FROM import_stage s JOIN data_value d ON d.indicator_code = s.indicator_code AND d.org_unit_id = s.org_unit_id
        AND d.period_code = s.period_code AND d.source = s.source
      WHERE s.action = 'update'`.execute(tx);
  await sql`DROP TABLE temp.import_stage`.execute(tx);
}

/** The guarded UPDATE … FROM of the rows marked 'update' (only where the version is still the expected one). */
const updateStatement = (meta: WriteMeta) => sql`
  UPDATE data_value SET value = s.value, comment = s.comment, version = data_value.version + 1,
    status = CASE WHEN data_value.source = 'report' THEN 'draft' ELSE data_value.status END,
    source_ref = CASE WHEN data_value.source_ref IS NULL OR data_value.source_ref LIKE 'import:%'
                      THEN ${meta.sourceRef} ELSE data_value.source_ref END,
    updated_by = ${meta.actor}, updated_at = ${meta.at}
  FROM import_stage s
  WHERE s.action = 'update' AND data_value.indicator_code = s.indicator_code AND data_value.org_unit_id = s.org_unit_id
    AND data_value.period_code = s.period_code AND data_value.source = s.source AND data_value.version = s.expected_version`;
