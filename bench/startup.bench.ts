// Time from `npm start` (dependencies installed) to a healthy /api/health, on a fresh SQLite database
// (first start: migrate + seed), on the same database again (warm), and on PostgreSQL when
// SCIMON_TEST_PG_URL points at a server (run through scripts/with-pg.sh). Prints medians.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from '../test-support/reference.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function timeStart(env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('node', ['scripts/start.mjs'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      SCIMON_LOG: 'silent',
      SCIMON_ADMIN_PASSWORD: 'Bench-Pass-Tianfu-2026',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error('server did not start within 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const port = 28000 + Math.floor(Math.random() * 1000);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-bench-'));
    const env = { SCIMON_DB_PATH: path.join(dir, 'b.db'), DATABASE_URL: '' };
    cold.push(await timeStart(env, port));
    warm.push(await timeStart(env, port));
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `sqlite first start (migrate + seed): median ${fmt(median(cold))} [${cold.map(fmt).join(', ')}]`,
  );
  console.log(`sqlite warm start: median ${fmt(median(warm))} [${warm.map(fmt).join(', ')}]`);

  const admin = process.env.SCIMON_TEST_PG_URL;
  if (!admin) {
    console.log('postgres: skipped (run through scripts/with-pg.sh to measure it)');
    return;
  }
  const pgCold: number[] = [];
  const pgWarm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const name = `scimon_bench_${i}_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    pgCold.push(await timeStart({ DATABASE_URL: url.toString() }, port));
    pgWarm.push(await timeStart({ DATABASE_URL: url.toString() }, port));
    await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await c.end();
  }
  console.log(
    `postgres first start (migrate + seed): median ${fmt(median(pgCold))} [${pgCold.map(fmt).join(', ')}]`,
  );
  console.log(`postgres warm start: median ${fmt(median(pgWarm))} [${pgWarm.map(fmt).join(', ')}]`);
}

await main();
