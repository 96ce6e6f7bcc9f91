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

const copyText = (v: string | number | null) =>
  v === null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

const rowOf = (ch: Change): (string | number | null)[] => [
  ch.c.indicator.code,
  ch.c.orgUnit.id,
  ch.c.periodCode,
  ch.c.source,
  ch.c.value,
  ch.c.comment,
  ch.kind,
  ch.expectedVersion,
];

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
      for (const ch of changes) yield `${rowOf(ch).map(copyText).join('\t')}\n`;
    }
    await copyInto(tx, `COPY import_stage (${STAGE_COLUMNS}) FROM STDIN`, lines());
    return;
  }
  // One JSON parameter per chunk, unpacked by json_each: far cheaper than compiling huge VALUES lists.
  const CHUNK = 100_000;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const json = JSON.stringify(changes.slice(i, i + CHUNK).map(rowOf));
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
  const ins = await sql`
    INSERT INTO data_value (indicator_code, org_unit_id, period_code, source, value, status, version, comment, source_ref, updated_by, updated_at)
    SELECT indicator_code, org_unit_id, period_code, source, value,
           CASE WHEN source = 'report' THEN 'draft' ELSE 'published' END, 1, comment, ${meta.sourceRef}, ${meta.actor}, ${meta.at}
    FROM import_stage WHERE action = 'insert'
    ON CONFLICT (indicator_code, org_unit_id, period_code, source) DO NOTHING`.execute(tx);
  if (Number(ins.numAffectedRows ?? 0) !== inserts) throw new ImportConflict('insert');
  if (updates) {
    const upd = await sql`
      UPDATE data_value SET value = s.value, comment = s.comment, version = data_value.version + 1,
        status = CASE WHEN data_value.source = 'report' THEN 'draft' ELSE data_value.status END,
        source_ref = CASE WHEN data_value.source_ref IS NULL OR data_value.source_ref LIKE 'import:%'
                          THEN ${meta.sourceRef} ELSE data_value.source_ref END,
        updated_by = ${meta.actor}, updated_at = ${meta.at}
      FROM import_stage s
      WHERE s.action = 'update' AND data_value.indicator_code = s.indicator_code AND data_value.org_unit_id = s.org_unit_id
        AND data_value.period_code = s.period_code AND data_value.source = s.source AND data_value.version = s.expected_version`.execute(
      tx,
    );
    if (Number(upd.numAffectedRows ?? 0) !== updates) throw new ImportConflict('update');
  }
  await sql`
    INSERT INTO data_value_history (data_value_id, indicator_code, org_unit_id, period_code, source, value, status, version,
                                    comment, source_ref, changed_by, changed_at, action)
    SELECT d.id, d.indicator_code, d.org_unit_id, d.period_code, d.source, d.value, d.status, d.version,
           d.comment, d.source_ref, d.updated_by, d.updated_at, s.action
    FROM import_stage s JOIN data_value d ON d.indicator_code = s.indicator_code AND d.org_unit_id = s.org_unit_id
      AND d.period_code = s.period_code AND d.source = s.source`.execute(tx);
  if (!pg) await sql`DROP TABLE temp.import_stage`.execute(tx);
}
