// `scimon tasks list|export|remind` as a process on both dialects: the JSON, table and CSV contracts of
// issue 8, filters, the workbook, and the outbox written once per day.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createTestDb, testDialects, type TestDb } from '../../../../test-support/databases.ts';
import { runScimon } from '../../../../test-support/cli.ts';

describe.each(testDialects())('scimon tasks on %s', (dialect) => {
  let t: TestDb;
  let env: Record<string, string>;
  const work = mkdtempSync(path.join(os.tmpdir(), 'scimon-tasks-cli-'));
  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = { ...t.env, SCIMON_NOW: '2026-11-28', SCIMON_ADMIN_PASSWORD: 'Initial-Pass-Tianfu-2026' };
    expect(runScimon(['seed'], env).code).toBe(0);
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('prints the JSON contract: tasks with sub-tasks nested under children', () => {
    const r = runScimon(['tasks', 'list', '--format', 'json'], env);
    expect(r.code).toBe(0);
    const tree = JSON.parse(r.stdout) as Record<string, unknown>[];
    // 54 tasks, of which T15-03…T15-06 are sub-tasks of T15-02.
    expect(tree).toHaveLength(50);
    const t1502 = tree.find((n) => n.code === 'T15-02')!;
    expect((t1502.children as { code: string }[]).map((c) => c.code)).toEqual([
      'T15-03',
      'T15-04',
      'T15-05',
      'T15-06',
    ]);
    const t0401 = tree.find((n) => n.code === 'T04-01')!;
    expect(Object.keys(t0401)).toEqual([
      'code',
      'article',
      'titleZh',
      'titleEn',
      'leadUnits',
      'coUnits',
      'stage',
      'start',
      'due',
      'percent',
      'colour',
      'children',
    ]);
    expect(t0401).toMatchObject({
      article: '(四)',
      titleZh: '成渝综合性科学中心',
      stage: 'building',
      start: '2023-03-31',
      due: null,
      percent: null,
      colour: 'green',
      coUnits: [],
    });
    expect((t0401.leadUnits as unknown[])[0]).toEqual({
      code: 'CQ',
      shortName: '重庆市',
      fullName: '重庆市人民政府',
    });
  }, 120_000);

  it('filters by lead unit and colour', () => {
    const gacc = JSON.parse(
      runScimon(['tasks', 'list', '--lead-unit', 'GACC', '--format', 'json'], env).stdout,
    ) as { code: string }[];
    expect(gacc.map((n) => n.code)).toEqual(['T12-01', 'T12-02', 'T12-03']);
    const red = JSON.parse(
      runScimon(['tasks', 'list', '--colour', 'red', '--format', 'json'], env).stdout,
    ) as { code: string; colour: string }[];
    expect(red.map((n) => [n.code, n.colour])).toEqual([
      ['T05-03', 'red'],
      ['T08-03', 'red'],
      ['T09-01', 'red'],
      ['T09-02', 'red'],
    ]);
    const bad = runScimon(['tasks', 'list', '--colour', 'purple'], env);
    expect(bad.code).toBe(2);
    const unknown = runScimon(['tasks', 'list', '--lead-unit', 'XX', '--lang', 'en-US'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('E_TASK_LEAD_UNIT_UNKNOWN: Unknown lead-unit code: XX');
  }, 120_000);

  it('prints CSV and table columns code, article, title, lead_units, due, percent, colour', () => {
    const csv = runScimon(['tasks', 'list', '--format', 'csv', '--lead-unit', 'PBC'], env);
    const rows = parse(csv.stdout) as string[][];
    expect(rows[0]).toEqual(['code', 'article', 'title', 'lead_units', 'due', 'percent', 'colour']);
    expect(rows[1]).toEqual([
      'T11-01',
      '(十一)',
      rows[1]![2],
      '重庆市、四川省、人民银行、科技部',
      '',
      '',
      'green',
    ]);
    expect(rows).toHaveLength(3);
    const table = runScimon(['tasks', 'list', '--lead-unit', 'CAE'], env).stdout.trimEnd().split('\n');
    expect(table[0]!.split(/\s+/)).toEqual([
      'code',
      'article',
      'title',
      'lead_units',
      'due',
      'percent',
      'colour',
    ]);
    expect(table).toHaveLength(1 + 4);
    expect(table.find((l) => l.startsWith('T08-03'))).toMatch(/2025-12-31\s+red$/);
  }, 120_000);

  it('exports the workbook and writes the digest once per day (dry run writes nothing)', async () => {
    const out = path.join(work, 'tasks.xlsx');
    expect(runScimon(['tasks', 'export', '--out', out], env).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('任务 Tasks')!.rowCount).toBe(55);
    expect(wb.getWorksheet('考核 Scoreboard')!.rowCount).toBe(15);
    const dry = runScimon(['tasks', 'remind', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('To: admin');
    expect(dry.stdout).toContain('任务 T05-03 已逾期（截止 2025-12-31）');
    expect(await t.db.selectFrom('task_reminder_outbox').selectAll().execute()).toEqual([]);
    expect(runScimon(['tasks', 'remind'], env).code).toBe(0);
    const again = runScimon(['tasks', 'remind', '--lang', 'en-US'], env);
    expect(again.stderr).toContain('written to the outbox: 0; already there today: 1');
    const rows = await t.db.selectFrom('task_reminder_outbox').selectAll().execute();
    expect(rows.map((r) => [r.username, r.digest_date, r.item_count])).toEqual([['admin', '2026-11-28', 4]]);
  }, 120_000);
});
