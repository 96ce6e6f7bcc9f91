// One import, start to finish: read (streaming), check, plan, and either refuse (nothing written but
// one audit event) or write everything in one transaction with the kept file and one audit event.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deflate } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { withBackgroundCheckpoint, type Database, type DbHandle } from '@scimon/db';
import { compileRules } from '@scimon/core';
import type { BatchRequest, ImportProblem, ImportResult, SourceCode } from '@scimon/contracts';
import type { PrincipalGrants } from '../auth/policy.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { bumpDataVersion } from '../monitoring/data-version.ts';
import { periodRow } from '../seed/period-dates.ts';
import type { ImportLimits } from './import.limits.ts';
import { FILE_LEVEL, ImportStop, notice, problem } from './import.problems.ts';
import { readImportFile, type ReadOut, type ReadState } from './import.reader.ts';
import type { LayoutOut } from './import.layout.ts';
import { loadIndicators, loadOrgUnits, loadStoredValues } from './import.repository.ts';
import { planChanges, ProblemList, RowChecker, type Change, type PlanContext } from './import.plan.ts';
import { DEFAULT_RULES } from './import.rules.ts';
import { ImportConflict, writeChanges } from './import.write.ts';
import { verdictsOffThread } from './import.checks.thread.ts';
import type { Verdicts } from './import.checks.ts';
import { applyBasis } from './import.basis.ts';
import { ensureDraftSubmissions } from '../workflow/workflow.service.ts';
import { profileMark, profileStart } from './import.profile.ts';

export interface ImportOptions {
  principal: PrincipalGrants & { username: string };
  channel: 'upload' | 'batch' | 'cli';
  defaultSource?: SourceCode;
  acceptWarnings?: boolean;
  dryRun?: boolean;
  audit: AuditContext;
  limits: ImportLimits;
}

export interface UploadedFile {
  buffer: Buffer;
  filename: string;
  mediaType: string;
}

async function planContext(db: Kysely<Database>, o: ImportOptions): Promise<PlanContext> {
  const [indicators, units] = await Promise.all([loadIndicators(db), loadOrgUnits(db)]);
  const rules = compileRules(DEFAULT_RULES, new Set(indicators.keys()));
  return {
    indicators,
    orgUnits: new Map(units.map((u) => [u.code, u])),
    orgUnitsById: new Map(units.map((u) => [u.id, u])),
    principal: o.principal,
    defaultSource: o.defaultSource ?? 'report',
    acceptWarnings: o.acceptWarnings ?? false,
    // A broken rule (e.g. an indicator dropped from the framework) is left out rather than blocking imports.
    rules: rules.ok ? rules.value : [],
  };
}

/**
 * Changes from which an import is large: on SQLite its warnings and rules are computed on a worker thread
 * while it writes, and its checkpoint runs in the background (some thousand pages of log).
 */
const LARGE_IMPORT_CHANGES = 20_000;

const emptySummary = { created: 0, updated: 0, unchanged: 0, warned: 0 };

/** Rolls back an import whose warnings or rules, checked while writing, found a problem. */
class RefusedWhileWriting extends Error {}

/** Imports an uploaded .csv or .xlsx. */
export async function importFile(
  handle: DbHandle,
  file: UploadedFile,
  o: ImportOptions,
): Promise<ImportResult> {
  // Started first: a text file is compressed on the thread pool while its rows are checked.
  const kept = keptBytes(file);
  const hash = createHash('sha256').update(file.buffer).digest('hex');
  const state: ReadState = { encoding: null, dataRows: 0 };
  return runImport(handle, o, { hash, file, kept, state }, (limits) =>
    readImportFile(file.buffer, file.filename, limits, state),
  );
}

/** Imports a JSON batch: the same checks, located by item number and field name. */
export async function importBatch(
  handle: DbHandle,
  body: BatchRequest,
  o: ImportOptions,
): Promise<ImportResult> {
  const state: ReadState = { encoding: null, dataRows: body.items.length };
  async function* entries(): AsyncGenerator<LayoutOut & { version?: number }> {
    let i = 0;
    for (const it of body.items) {
      i++;
      const loc = (column: string) => ({ sheet: null, row: i, column });
      yield {
        version: it.version,
        entry: {
          row: i,
          indicator: { text: it.indicator.trim(), loc: loc('indicator') },
          orgUnit: { text: it.orgUnit.trim(), loc: loc('orgUnit') },
          period: { text: it.period.trim(), loc: loc('period') },
          value: {
            loc: loc('value'),
            cell:
              it.value === null
                ? undefined
                : typeof it.value === 'number'
                  ? { kind: 'number', value: it.value, percentFormat: false }
                  : { kind: 'text', text: it.value },
          },
          source: it.source ? { text: it.source, loc: loc('source') } : null,
          comment: it.comment ? it.comment : null,
          ...(it.basis?.trim() ? { basis: it.basis.trim() } : {}),
        },
      };
    }
  }
  return runImport(
    handle,
    { ...o, defaultSource: body.source ?? o.defaultSource },
    { hash: null, file: null, kept: null, state },
    () => entries(),
  );
}

interface Input {
  hash: string | null;
  file: UploadedFile | null;
  /** The bytes to keep with the submission, as they will be stored. */
  kept: Promise<KeptBytes> | null;
  state: ReadState;
}

async function runImport(
  handle: DbHandle,
  o: ImportOptions,
  input: Input,
  read: (limits: ImportLimits) => AsyncGenerator<ReadOut & { version?: number }>,
): Promise<ImportResult> {
  const db = handle.db;
  profileStart();
  const ctx = await planContext(db, o);
  const problems = new ProblemList();
  const checker = new RowChecker(ctx, problems);
  try {
    for await (const out of read(o.limits)) checker.accept(out, out.version);
    if (input.state.dataRows === 0) problems.add(problem(FILE_LEVEL, 'E_IMPORT_HEADER_ONLY'));
  } catch (e) {
    if (!(e instanceof ImportStop)) throw e;
    problems.add(e.problem);
  }
  profileMark('read and check rows');
  const fileNotices: ImportProblem[] = [];
  if (input.state.encoding === 'gb18030')
    fileNotices.push(
      notice(
        FILE_LEVEL,
        'N_IMPORT_ENCODING_GB18030',
        'GB18030',
        '文件按 GB18030（GBK）编码读取',
        'The file was read as GB18030 (GBK) text',
      ),
    );
  let summary = emptySummary;
  let changes: Change[] = [];
  let planNotices: ImportProblem[] = [];
  let notReported = 0;
  const pg = handle.dialect === 'postgres';
  // On PostgreSQL an import that passed every check so far runs the warnings and rules while the database
  // writes (measured: ~2 s of 1,000,000 values); a problem they find rolls the whole write back.
  let checkWhileWriting: (() => void) | undefined;
  // On SQLite a large import's warnings and rules are computed on a worker thread while it writes
  // (better-sqlite3 holds this thread while SQLite works); applied before the commit.
  let verdicts: Promise<Verdicts> | undefined;
  let applyVerdicts: ((v: Verdicts) => void) | undefined;
  if (problems.count === 0) {
    const ouIds = [...new Set(checker.candidates.map((c) => c.orgUnit.id))];
    const stored = await loadStoredValues(db, ouIds);
    profileMark('load stored values');
    const plan = planChanges(ctx, checker.candidates, stored, problems);
    profileMark('plan');
    if (pg && !o.dryRun && problems.count === 0 && plan.changes.length > 0)
      checkWhileWriting = () => {
        plan.checkWarningsAndRules();
        profileMark('warnings and rules (while writing)');
      };
    else if (!o.dryRun && problems.count === 0 && plan.changes.length >= LARGE_IMPORT_CHANGES) {
      verdicts = verdictsOffThread(plan.checkInput, ctx.rules);
      verdicts.catch(() => undefined); // awaited in the transaction; not left unhandled if that fails first
      applyVerdicts = plan.applyVerdicts;
      profileMark('warnings and rules: packed for a worker');
    } else {
      plan.checkWarningsAndRules();
      profileMark('warnings and rules');
    }
    summary = plan.summary;
    changes = plan.changes;
    notReported = plan.notReported;
    planNotices = plan.notices; // the later checks add to it
  }
  const result = (ok: boolean, importId: number | null): ImportResult => ({
    ok,
    dryRun: o.dryRun ?? false,
    summary,
    problems: problems.items,
    notices: [...fileNotices, ...planNotices],
    encoding: input.state.encoding,
    importId,
  });
  /** A refusal: nothing written but, outside a dry run, one audit event. */
  const refuse = async (): Promise<ImportResult> => {
    if (!o.dryRun)
      await recordAudit(db, o.audit, {
        action: 'import.refused',
        objectType: 'import',
        objectId: input.hash,
        after: {
          channel: o.channel,
          filename: input.file?.filename ?? null,
          sha256: input.hash,
          problems: problems.count,
        },
      });
    return result(false, null);
  };
  if (problems.count > 0) return refuse();
  if (o.dryRun) return result(true, null);
  const restore = await widenSqliteCache(handle);
  // A large import leaves copying its pages from SQLite's log into the database file to a background
  // thread (measured: ~1 s of 1,000,000 values); a small one keeps the usual automatic checkpoint.
  const transaction = <T>(work: () => Promise<T>) =>
    changes.length >= LARGE_IMPORT_CHANGES ? withBackgroundCheckpoint(handle, work) : work();
  try {
    const importId = await transaction(() =>
      db.transaction().execute(async (tx) => {
        profileMark('begin');
        await ensurePeriods(tx, changes);
        profileMark('periods');
        const fileId =
          input.file && input.kept
            ? await keepFile(tx, input.file, await input.kept, input.hash!, o.audit)
            : null;
        profileMark('stored file');
        const row = await tx
          .insertInto('data_import')
          .values({
            file_id: fileId,
            channel: o.channel,
            actor: o.audit.actor,
            at: o.audit.at,
            encoding: input.state.encoding,
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
            warned: summary.warned,
            not_reported: notReported,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const id = Number(row.id);
        profileMark('data_import row');
        await writeChanges(
          tx,
          pg,
          changes,
          { actor: o.audit.actor, at: o.audit.at, sourceRef: `import:${id}` },
          checkWhileWriting,
        );
        await applyBasis(tx, pg, changes);
        profileMark('basis');
        await ensureDraftSubmissions(tx, changes, o.audit.actor, o.audit.at);
        profileMark('draft submissions');
        if (verdicts) {
          applyVerdicts!(await verdicts);
          profileMark('warnings and rules (worker, waited for)');
        }
        if (problems.count > 0) throw new RefusedWhileWriting();
        // Warnings counted while writing (PostgreSQL, or a worker) reach the import's row now.
        if (summary.warned)
          await tx.updateTable('data_import').set({ warned: summary.warned }).where('id', '=', id).execute();
        await recordAudit(tx, o.audit, {
          action: 'import.accepted',
          objectType: 'data_import',
          objectId: String(id),
          after: {
            channel: o.channel,
            filename: input.file?.filename ?? null,
            sha256: input.hash,
            ...summary,
            notReported,
          },
        });
        if (changes.length) await bumpDataVersion(tx);
        profileMark('audit, data version');
        return id;
      }),
    );
    profileMark('commit');
    return result(true, importId);
  } catch (e) {
    if (e instanceof RefusedWhileWriting) return refuse();
    if (!(e instanceof ImportConflict)) throw e;
    problems.add(problem(FILE_LEVEL, 'E_IMPORT_CONFLICT'));
    return result(false, null);
  } finally {
    await restore();
  }
}

/**
 * SQLite's default page cache (2 MB) thrashes once a large import's index pages outgrow it: widen it
 * for the import's transaction and put the staging table in memory, then restore both.
 */
async function widenSqliteCache(handle: DbHandle): Promise<() => Promise<void>> {
  if (handle.dialect !== 'sqlite') return async () => {};
  const before = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(handle.db);
  const size = Number(before.rows[0]?.cache_size ?? -2000);
  await sql`PRAGMA cache_size = -262144`.execute(handle.db);
  await sql`PRAGMA temp_store = MEMORY`.execute(handle.db);
  return async () => {
    await sql.raw(`PRAGMA cache_size = ${size}`).execute(handle.db);
  };
}

async function ensurePeriods(tx: Kysely<Database>, changes: readonly Change[]) {
  const codes = [...new Set(changes.map((c) => c.c.periodCode))];
  const rows = codes.flatMap((c) => periodRow(c) ?? []);
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('period')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
}

interface KeptBytes {
  content: Uint8Array;
  /** 'deflate' (zlib format), or null: the bytes as uploaded. */
  encoding: 'deflate' | null;
}

/** CSV uploads from this size are kept compressed (an .xlsx is a zip already). */
const COMPRESS_FROM_BYTES = 64 * 1024;

/**
 * The bytes to keep: a CSV of some size deflated (level 1: fast, ~5:1 on exports) on the thread pool, in
 * one pass (an output buffer of half the input: at most two hand-overs to this thread, which is busy
 * checking rows meanwhile); anything else, or a failed compression, as uploaded.
 */
function keptBytes(file: UploadedFile): Promise<KeptBytes> {
  const asUploaded: KeptBytes = { content: file.buffer, encoding: null };
  if (path.extname(file.filename).toLowerCase() !== '.csv' || file.buffer.length < COMPRESS_FROM_BYTES)
    return Promise.resolve(asUploaded);
  return new Promise((resolve) =>
    deflate(file.buffer, { level: 1, chunkSize: file.buffer.length >> 1 }, (e, out) =>
      resolve(e ? asUploaded : { content: out, encoding: 'deflate' }),
    ),
  );
}

/** Keeps the uploaded bytes once per content hash (a re-upload of the same file reuses the row). */
async function keepFile(
  tx: Kysely<Database>,
  file: UploadedFile,
  kept: KeptBytes,
  hash: string,
  audit: AuditContext,
): Promise<number> {
  const found = await tx
    .selectFrom('stored_file')
    .select('id')
    .where('content_hash', '=', hash)
    .executeTakeFirst();
  if (found) return Number(found.id);
  const row = await tx
    .insertInto('stored_file')
    .values({
      content_hash: hash,
      filename: file.filename,
      media_type: file.mediaType,
      size_bytes: file.buffer.length,
      content: kept.content,
      content_encoding: kept.encoding,
      stored_by: audit.actor,
      stored_at: audit.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
