// The foundation commands as processes: exit codes, outputs, and that validate never touches a database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { runScimon } from '../../../test-support/cli.ts';
import { repoRoot } from '../../../test-support/reference.ts';
import { createTestDb, testDialects, type TestDb } from '../../../test-support/databases.ts';

const dataDir = path.join(repoRoot, 'data');

describe('scimon catalog validate', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'scimon-cat-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const brokenCopy = (name: string, file: string, edit: (text: string) => string) => {
    const dir = path.join(tmp, name);
    cpSync(dataDir, dir, { recursive: true });
    const f = path.join(dir, file);
    const before = readFileSync(f, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(f, after);
    return dir;
  };

  it('accepts the real catalogue, exit 0, without creating a database', () => {
    const dbPath = path.join(tmp, 'never.db');
    const r = runScimon(['catalog', 'validate'], { SCIMON_DB_PATH: dbPath });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('names file, line and field of an unknown parent, exit 1', () => {
    const csv = readFileSync(path.join(dataDir, 'org-units', 'org-units.csv'), 'utf8').split('\n');
    const header = csv[0]!.split(',');
    const parentCol =
      header.indexOf('parentCode') >= 0 ? header.indexOf('parentCode') : header.indexOf('parent_code');
    expect(parentCol).toBeGreaterThanOrEqual(0);
    // The last park row: give it a parent that does not exist.
    const lineNo = csv.findLastIndex((l) => l.split(',')[parentCol]?.length);
    const dir = brokenCopy('parent', 'org-units/org-units.csv', (text) => {
      const lines = text.split('\n');
      const cells = lines[lineNo]!.split(',');
      cells[parentCol] = 'NO-SUCH-PARENT';
      lines[lineNo] = cells.join(',');
      return lines.join('\n');
    });
    const r = runScimon(['catalog', 'validate', dir, '--lang', 'en-US']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`org-units/org-units\\.csv:${lineNo + 1}: ${header[parentCol]}: .*NO-SUCH-PARENT`),
    );
  });

  it('refuses a duplicate code', () => {
    const dir = brokenCopy('dup', 'org-units/reference-regions.csv', (text) => {
      const lines = text.trimEnd().split('\n');
      return `${[...lines, lines[1]!].join('\n')}\n`;
    });
    const r = runScimon(['catalog', 'validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/org-units\/reference-regions\.csv:\d+: code: /);
  });

  it('refuses an unknown flag (2) and a missing folder (2)', () => {
    expect(runScimon(['catalog', 'validate', '--bogus']).code).toBe(2);
    const r = runScimon(['catalog', 'validate', path.join(tmp, 'nope'), '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('folder not found');
  });

  it('prints help in Chinese by default and English on request', () => {
    const zh = runScimon(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('西部科学城');
    const en = runScimon(['--help', '--lang', 'en-US']);
    expect(en.stdout).toContain('Science City Monitor');
  });
});

describe.each(testDialects())('scimon migrate, seed and serve on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
  });
  afterAll(async () => t.close());

  it('migrates, then has nothing to do', () => {
    const first = runScimon(['migrate', '--lang', 'en-US'], t.env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('applied');
    expect(runScimon(['migrate', '--lang', 'en-US'], t.env).stdout).toContain('up to date');
  });

  it('seeds, and seeding again changes nothing', () => {
    const first = runScimon(['seed', '--format', 'json'], t.env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      changed: true,
      framework: { code: 'wsc-2023', version: 1 },
    });
    const again = runScimon(['seed', '--format', 'json'], t.env);
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: false, inserted: {} });
  });

  it('serves /api/health and stops on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [path.join(repoRoot, 'packages/cli/bin/scimon.mjs'), 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, ...t.env, PORT: String(port), SCIMON_LOG: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const deadline = Date.now() + 60_000;
    while (!out.includes(`http://127.0.0.1:${port}`) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', db: dialect });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
