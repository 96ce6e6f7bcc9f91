// Import speed. (1) CSV long layout, 1,000,000 values on 2,000 synthetic parks in a scratch database:
// values/s on SQLite; on PostgreSQL (SCIMON_TEST_PG_URL, via scripts/with-pg.sh) also the ratio to a plain
// COPY of the same rows. (2) An .xlsx of 100,000 rows, streamed: peak RSS. Each phase runs in its own
// process (clean memory figures); BENCH_RUNS (default 3) runs per phase, medians printed; BENCH_PHASES
// (e.g. `postgres`) picks phases; SCIMON_IMPORT_PROFILE=1 prints the import's phase timings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { sql } from 'kysely';
import { backgroundCheckpoint, openDb, migrateToLatest, type DbHandle } from '@scimon/db';
import { seedFromCatalogue } from '@scimon/server/bootstrap';
import { systemClock } from '@scimon/server/clock';
import { importFile } from '@scimon/server/modules/imports/import.service';
import { DEFAULT_IMPORT_LIMITS } from '@scimon/server/modules/imports/import.limits';
import { copyInto } from '@scimon/server/modules/imports/import.write';
import { parkRow } from '../test-support/rows.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const UNITS = 2000;
const INDICATORS: [string, number][] = [
  ['gdp', 800],
  ['rd_expenditure', 20],
  ['enterprise_rd_expenditure', 12],
  ['basic_research_expenditure', 2],
  ['resident_population', 50],
  ['high_value_patents', 300],
  ['rd_personnel_fte', 900],
  ['hitech_enterprises', 120],
  ['hitech_revenue', 400],
  ['tech_contract_turnover', 60],
  ['cross_region_contract_turnover', 6],
  ['national_key_labs', 3],
  ['major_facilities', 1],
  ['national_innovation_platforms', 4],
  ['tech_smes', 200],
  ['incubators', 8],
  ['joint_platforms', 2],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The long-layout CSV: indicators × units × years, values growing 3 % a year (no warnings). */
function makeCsv(values: number): { csv: string; rows: string[][] } {
  const years = Math.ceil(values / (UNITS * INDICATORS.length));
  const lines = ['indicator,org_unit,period,value,source,comment'];
  const rows: string[][] = [];
  outer: for (let y = 0; y < years; y++)
    for (let u = 0; u < UNITS; u++)
      for (const [ind, base] of INDICATORS) {
        if (rows.length >= values) break outer;
        const v = String(Math.round(base * (1 + (u % 7) / 10) * 1.03 ** y));
        const r = [ind, `BENCH-${u}`, String(1990 + y), v, 'report', ''];
        rows.push(r);
        lines.push(r.join(','));
      }
  return { csv: `${lines.join('\n')}\n`, rows };
}

async function scratchDb(
  dialect: 'sqlite' | 'postgres',
): Promise<{ h: DbHandle; drop: () => Promise<void> }> {
  let h: DbHandle;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-bench-'));
    h = openDb({ dialect: 'sqlite', file: path.join(dir, 'b.db') });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = process.env.SCIMON_TEST_PG_URL!;
    const name = `scimon_bench_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    if (process.env.BENCH_PG_EXPLAIN === '1')
      // EXPLAIN (ANALYZE, BUFFERS) of every statement over 200 ms, triggers included, in the server log.
      for (const set of [
        `session_preload_libraries = 'auto_explain'`,
        `auto_explain.log_min_duration = '200ms'`,
        'auto_explain.log_analyze = on',
        'auto_explain.log_buffers = on',
        'auto_explain.log_triggers = on',
        'auto_explain.log_nested_statements = on',
      ])
        await c.query(`ALTER DATABASE ${name} SET ${set}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    h = openDb({ dialect: 'postgres', url: url.toString() });
    drop = async () => {
      const a = new pg.Client({ connectionString: admin });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  await migrateToLatest(h.db);
  const seeded = await seedFromCatalogue(h, systemClock());
  if (!seeded.ok) throw new Error('seed failed');
  const root = await h.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', 'CD-KXC')
    .executeTakeFirstOrThrow();
  const units = Array.from({ length: UNITS }, (_, u) =>
    parkRow(`BENCH-${u}`, {
      parent_id: root.id,
      name_zh: `园区${u}`,
      name_en: `Park ${u}`,
      valid_from: '2019-01-01',
      source: 'bench',
      seq: 1000 + u,
    }),
  );
  for (let i = 0; i < units.length; i += 200)
    await h.db
      .insertInto('org_unit')
      .values(units.slice(i, i + 200))
      .execute();
  return {
    h,
    drop: async () => {
      await h.close();
      await drop();
    },
  };
}

const options = () => ({
  principal: { username: 'admin', roles: [{ role: 'admin' as const, scope: 'WSC' }] },
  channel: 'cli' as const,
  acceptWarnings: true,
  audit: { actor: 'admin', at: systemClock().now() },
  limits: DEFAULT_IMPORT_LIMITS,
});

async function phaseCsv(dialect: 'sqlite' | 'postgres', values: number) {
  // Only the file's bytes live during the import: the baselines' rows are rebuilt after it (a million row
  // arrays kept alive would slow the import's garbage collection, which is not the import's cost).
  const buffer = Buffer.from(makeCsv(values).csv);
  const { h, drop } = await scratchDb(dialect);
  try {
    global.gc?.();
    const t0 = performance.now();
    const r = await importFile(h, { buffer, filename: 'bench.csv', mediaType: 'text/csv' }, options());
    const ms = performance.now() - t0;
    if (!r.ok || r.summary.created !== values)
      throw new Error(`import failed: ${JSON.stringify(r.problems.slice(0, 3))}`);
    // SQLite: the log's pages are copied into the database file on a background thread after the import
    // returns; also timed, to when that copy has finished.
    const checkpoint = dialect === 'sqlite' ? await backgroundCheckpoint(h.location) : null;
    if (checkpoint && !checkpoint.ok) throw new Error(`background checkpoint failed: ${checkpoint.message}`);
    const checkpointedMs = checkpoint ? performance.now() - t0 : null;
    const history = await h.db
      .selectFrom('data_value_history')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number(history.n) < values) throw new Error('history rows missing');
    let copyMs: number | null = null;
    let copyIndexedMs: number | null = null;
    let copyTableMs: number | null = null;
    if (dialect === 'postgres') {
      // Three baselines, plain COPY of the same rows (no checks, no history, no submissions, no file kept):
      // (a) into an unindexed table without constraints (codes as text); (b) into a table shaped like
      // data_value with its unique key and indexes (`LIKE … INCLUDING ALL`: identity id, org unit ids
      // resolved) but no foreign keys, which LIKE does not copy; (c) into a table exactly as data_value
      // stands: (b) plus data_value's foreign keys, read from the catalogue — the same rows into the same
      // table, which is the baseline the goal is judged against.
      await sql`CREATE TABLE copy_target (indicator_code varchar(64), org_unit_code varchar(40), period_code varchar(20), source varchar(40), value double precision, comment text)`.execute(
        h.db,
      );
      await sql`CREATE TABLE copy_indexed (LIKE data_value INCLUDING ALL)`.execute(h.db);
      await sql`CREATE TABLE copy_table (LIKE data_value INCLUDING ALL)`.execute(h.db);
      const fks = await sql<{ def: string }>`
        SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'data_value'::regclass AND contype = 'f'`.execute(h.db);
      for (const fk of fks.rows) await sql.raw(`ALTER TABLE copy_table ADD ${fk.def}`).execute(h.db);
      const { rows } = makeCsv(values);
      const ids = new Map(
        (await h.db.selectFrom('org_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
      );
      const at = systemClock().now();
      const t1 = performance.now();
      await h.db.connection().execute(async (c) => {
        await copyInto(
          c,
          'COPY copy_target FROM STDIN',
          (function* () {
            for (const r of rows) yield `${r[0]}\t${r[1]}\t${r[2]}\t${r[4]}\t${r[3]}\t\\N\n`;
          })(),
        );
      });
      copyMs = performance.now() - t1;
      const valueLines = function* () {
        for (const r of rows)
          yield `${r[0]}\t${ids.get(r[1]!)}\t${r[2]}\t${r[4]}\t${r[3]}\tdraft\t1\t\\N\timport:1\tadmin\t${at}\n`;
      };
      const valueColumns =
        '(indicator_code, org_unit_id, period_code, source, value, status, version, comment, source_ref, updated_by, updated_at)';
      const t2 = performance.now();
      await h.db.connection().execute(async (c) => {
        await copyInto(c, `COPY copy_indexed ${valueColumns} FROM STDIN`, valueLines());
      });
      copyIndexedMs = performance.now() - t2;
      const t3 = performance.now();
      await h.db.connection().execute(async (c) => {
        await copyInto(c, `COPY copy_table ${valueColumns} FROM STDIN`, valueLines());
      });
      copyTableMs = performance.now() - t3;
    }
    return { ms, checkpointedMs, copyMs, copyIndexedMs, copyTableMs };
  } finally {
    await drop();
  }
}

async function phaseXlsx(rowsWanted: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-bench-x-'));
  const file = path.join(dir, 'b.xlsx');
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet('数据');
    ws.addRow(['indicator', 'org_unit', 'period', 'value', 'source', 'comment']).commit();
    const { rows } = makeCsv(rowsWanted);
    for (const r of rows) ws.addRow([r[0], r[1], r[2], Number(r[3]), r[4], null]).commit();
    await wb.commit();
    const buffer = readFileSync(file);
    const { h, drop } = await scratchDb('sqlite');
    try {
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const t0 = performance.now();
      const r = await importFile(h, { buffer, filename: 'bench.xlsx', mediaType: 'x' }, options());
      const ms = performance.now() - t0;
      await backgroundCheckpoint(h.location); // the log copied before the database is dropped
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (!r.ok || r.summary.created !== rowsWanted)
        throw new Error(`xlsx import failed: ${JSON.stringify(r.problems.slice(0, 3))}`);
      return { ms, peakMb: peak / 2 ** 20, bytes: buffer.length };
    } finally {
      await drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const phase = process.argv[2];
if (phase) {
  const out =
    phase === 'xlsx'
      ? await phaseXlsx(Number(process.argv[3]))
      : await phaseCsv(phase as 'sqlite' | 'postgres', Number(process.argv[3]));
  writeFileSync(process.argv[4]!, JSON.stringify(out));
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
function run(args: string[]) {
  const tmp = path.join(os.tmpdir(), `scimon-bench-${randomBytes(4).toString('hex')}.json`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...args, tmp], {
    stdio: 'inherit',
    env: process.env,
  });
  if (r.status !== 0) throw new Error(`bench phase ${args.join(' ')} failed`);
  const v = JSON.parse(readFileSync(tmp, 'utf8'));
  rmSync(tmp);
  return v;
}

const VALUES = Number(process.env.BENCH_VALUES ?? 1_000_000);
/** Which phases to run (comma-separated): sqlite, postgres, xlsx; all by default. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'sqlite,postgres,xlsx').split(','));
if (PHASES.has('sqlite')) {
  const sqliteRuns = Array.from(
    { length: RUNS },
    () => run(['sqlite', String(VALUES)]) as { ms: number; checkpointedMs: number },
  );
  const sqliteMs = median(sqliteRuns.map((r) => r.ms));
  const checkpointedMs = median(sqliteRuns.map((r) => r.checkpointedMs));
  console.log(
    `CSV ${VALUES} values, ${UNITS} units, SQLite: median ${(sqliteMs / 1000).toFixed(2)} s = ${Math.round(VALUES / (sqliteMs / 1000))} values/s (goal ≥ 100000); ` +
      `runs ${sqliteRuns.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s; ` +
      `until the background checkpoint has copied the log into the database file: median ${(checkpointedMs / 1000).toFixed(2)} s`,
  );
}
if (PHASES.has('postgres') && process.env.SCIMON_TEST_PG_URL) {
  const pgRuns = Array.from(
    { length: RUNS },
    () =>
      run(['postgres', String(VALUES)]) as {
        ms: number;
        copyMs: number;
        copyIndexedMs: number;
        copyTableMs: number;
      },
  );
  const ms = median(pgRuns.map((r) => r.ms));
  const copy = median(pgRuns.map((r) => r.copyMs));
  const copyIndexed = median(pgRuns.map((r) => r.copyIndexedMs));
  const copyTable = median(pgRuns.map((r) => r.copyTableMs));
  const ratio = (baseline: number) =>
    `${(baseline / 1000).toFixed(2)} s, ratio ${(baseline / ms).toFixed(2)}×`;
  console.log(
    `CSV ${VALUES} values, PostgreSQL: median ${(ms / 1000).toFixed(2)} s = ${Math.round(VALUES / (ms / 1000))} values/s. ` +
      `Plain COPY of the same rows (medians): into data_value as it stands (indexes and foreign keys) ${ratio(copyTable)} (goal ≥ 0.5×); ` +
      `without its foreign keys ${ratio(copyIndexed)}; into an unindexed table ${ratio(copy)}`,
  );
} else if (PHASES.has('postgres'))
  console.log('PostgreSQL not measured: run through scripts/with-pg.sh (SCIMON_TEST_PG_URL)');
if (PHASES.has('xlsx')) {
  const XROWS = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);
  const xRuns = Array.from(
    { length: RUNS },
    () => run(['xlsx', String(XROWS)]) as { ms: number; peakMb: number; bytes: number },
  );
  console.log(
    `XLSX ${XROWS} rows (${(xRuns[0]!.bytes / 2 ** 20).toFixed(1)} MB): median ${(median(xRuns.map((r) => r.ms)) / 1000).toFixed(2)} s, peak RSS median ${Math.round(median(xRuns.map((r) => r.peakMb)))} MB, max ${Math.round(Math.max(...xRuns.map((r) => r.peakMb)))} MB (goal < 500 MB)`,
  );
}
