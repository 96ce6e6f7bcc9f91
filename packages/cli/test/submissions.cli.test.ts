// `scimon submissions list` as a process, on both dialects: a submission is created (draft) when report
// values are first imported for a park and period; filters by period and status; table and JSON output;
// exit codes (0 ok, 2 usage).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScimon } from '../../../test-support/cli.ts';
import { createTestDb, testDialects, type TestDb } from '../../../test-support/databases.ts';

describe.each(testDialects())('scimon submissions list on %s', (dialect) => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-submissions-'));
    expect(runScimon(['seed'], { ...t.env, SCIMON_ADMIN_PASSWORD: 'Initial-Pass-Tianfu-2026' }).code).toBe(0);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const list = (...args: string[]) => runScimon(['submissions', 'list', ...args], t.env);

  it('lists nothing before any report is imported', () => {
    const r = list('--period', '2026', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('lists the draft submission created by importing report values', { timeout: 120_000 }, () => {
    const file = path.join(dir, 'report.csv');
    writeFileSync(
      file,
      'indicator,org_unit,period,value,source\ngdp,CD-XLH,2026,700,report\nrd_expenditure,CD-XLH,2026,30,report\n',
    );
    const imp = runScimon(['import', file, '--format', 'json'], t.env);
    expect(imp.code, imp.stdout + imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout).summary).toMatchObject({ created: 2 });

    const r = list('--period', '2026', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      orgUnit: { code: 'CD-XLH' },
      period: '2026',
      status: 'draft',
      valueCount: 2,
      submittedAt: null,
      onTime: null,
      reason: null,
    });
    expect(items[0]).not.toHaveProperty('allowedActions');
    expect(typeof items[0]!.id).toBe('number');

    // Filters: the status matches, another status or period lists nothing.
    expect(JSON.parse(list('--period', '2026', '--status', 'draft', '--format', 'json').stdout)).toHaveLength(
      1,
    );
    expect(JSON.parse(list('--status', 'submitted', '--format', 'json').stdout)).toEqual([]);
    expect(JSON.parse(list('--period', '2025', '--format', 'json').stdout)).toEqual([]);
  });

  it('prints a table by default, in English with --lang en-US', { timeout: 60_000 }, () => {
    const zh = list('--period', '2026');
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout.split('\n')[0]).toMatch(/^ID\s+体系\s+组织单元\s+期间\s+状态/);
    expect(zh.stdout).toMatch(/CD-XLH\s+2026\s+draft\s+2\b/);
    const en = list('--period', '2026', '--lang', 'en-US');
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout.split('\n')[0]).toMatch(/^id\s+framework\s+org unit\s+period\s+status/);
  });

  it('exits 2 on usage errors', { timeout: 60_000 }, () => {
    const status = list('--status', 'finished');
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status');
    expect(list('--format', 'xml').code).toBe(2);
    expect(list('--bogus').code).toBe(2);
  });
});
