// `scimon monitor` as a process on both dialects: the CSV contract, formats and exit codes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runScimon } from '../../../../test-support/cli.ts';
import { createTestDb, testDialects, type TestDb } from '../../../../test-support/databases.ts';
import { repoRoot } from '../../../../test-support/reference.ts';

const HEADER =
  'indicator,name_zh,unit,value,target,base_year,base_value,progress_value,score,status,band,colour,completeness';

// Hand sums over the parks from the sample file.
const rows = readFileSync(path.join(repoRoot, 'data/sample/sample-values.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1);
const sum = (ind: string, year: string) =>
  rows
    .map((l) => l.split(','))
    .filter((c) => c[0] === ind && c[2] === year)
    .reduce((a, c) => a + Number(c[3]), 0);

describe.each(testDialects())('scimon monitor on %s', (dialect) => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = { ...t.env, SCIMON_NOW: '2026-11-28', SCIMON_ADMIN_PASSWORD: 'Tianfu-Lake-Seed-2026' };
    expect(runScimon(['seed'], env).code).toBe(0);
  }, 120_000);
  afterAll(async () => t.close());

  it('writes the CSV contract: header, one row per target then the other indicators', () => {
    const r = runScimon(['monitor', '--org-unit', 'WSC', '--year', '2024', '--format', 'csv'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEADER);
    const records = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(records.slice(0, 5).map((x) => x.indicator)).toEqual([
      'rd_intensity',
      'hv_patents_per_10k',
      'hitech_enterprises',
      'hitech_revenue',
      'tech_contract_turnover',
    ]);
    const rd = records[0]!;
    expect(Number(rd.value)).toBeCloseTo((sum('rd_expenditure', '2024') / sum('gdp', '2024')) * 100, 10);
    expect(rd).toMatchObject({
      name_zh: '研发经费投入强度',
      unit: '%',
      target: '5',
      base_year: '2023',
      band: 'lagging',
      colour: 'red',
      completeness: '1',
    });
    expect(records[2]).toMatchObject({
      indicator: 'hitech_enterprises',
      value: String(sum('hitech_enterprises', '2024')),
      status: 'target_achieved',
      score: '5',
      band: 'achieved_early',
    });
    expect(records.find((x) => x.indicator === 'tech_smes')).toMatchObject({ target: '', band: '' });
  }, 60_000);

  it('prints JSON (the API overview) and a table', () => {
    const json = runScimon(
      ['monitor', '--org-unit', 'CD-KXC', '--year', '2024', '--as-of', '2024-06-30', '--format', 'json'],
      env,
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      orgUnit: { code: 'CD-KXC' },
      year: 2024,
      asOf: '2024-06-30',
      sample: true,
    });
    const table = runScimon(['monitor', '--org-unit', 'WSC', '--year', '2024'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('西部科学城 (WSC) 2024');
    expect(table.stdout).toContain('滞后');
  }, 60_000);

  it('exits 1 for an unknown org unit or a year without data (zh-CN, en-US), 2 for usage', () => {
    const unknown = runScimon(['monitor', '--org-unit', 'NOPE', '--year', '2024'], env);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('组织单元不存在：NOPE');
    const empty = runScimon(['monitor', '--org-unit', 'WSC', '--year', '2010', '--lang', 'en-US'], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('No data for WSC in 2010');
    expect(runScimon(['monitor', '--org-unit', 'WSC', '--year', '20x4'], env).code).toBe(1);
    expect(runScimon(['monitor', '--org-unit', 'WSC'], env).code).toBe(2);
    expect(runScimon(['monitor', '--org-unit', 'WSC', '--year', '2024', '--format', 'xml'], env).code).toBe(
      2,
    );
  }, 60_000);
});
