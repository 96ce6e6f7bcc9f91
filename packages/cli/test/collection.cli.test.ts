// `scimon template | import | export` as processes, on both dialects: exit codes, the exact JSON
// shape, --as scope, dry runs, and the byte-identical round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runScimon } from '../../../test-support/cli.ts';
import { createTestDb, testDialects, type TestDb } from '../../../test-support/databases.ts';

describe.each(testDialects())('scimon import/export/template on %s', (dialect) => {
  let t: TestDb;
  let dir: string;
  const f = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'scimon-collect-'));
    expect(runScimon(['seed'], { ...t.env, SCIMON_ADMIN_PASSWORD: 'Initial-Pass-Tianfu-2026' }).code).toBe(0);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 on usage errors', () => {
    expect(runScimon(['import', f('missing.csv')], t.env).code).toBe(2);
    writeFileSync(f('a.csv'), 'indicator,org_unit,period,value\ngdp,CD-XLH,2026,700\n');
    expect(runScimon(['import', f('a.csv'), '--source', 'rumour'], t.env).code).toBe(2);
    expect(runScimon(['import', f('a.csv'), '--as', 'nobody'], t.env).code).toBe(2);
    expect(runScimon(['import', f('a.csv'), '--bogus'], t.env).code).toBe(2);
  });

  it('prints exactly {ok, summary, problems} with --format json and exits 1 when refused', () => {
    writeFileSync(
      f('bad.csv'),
      'indicator,org_unit,period,value\ngdp,CD-XLH,2026,700\ngdp,CD-XLH,2027,abc\n',
    );
    const r = runScimon(['import', f('bad.csv'), '--format', 'json'], t.env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      summary: { created: 0, updated: 0, unchanged: 0, warned: 0 },
      problems: [
        {
          sheet: null,
          row: 3,
          column: 'value',
          code: 'E_IMPORT_NOT_A_NUMBER',
          value: 'abc',
          message: {
            'zh-CN': '第3行 value 列：“abc” 不是数字',
            'en-US': 'row 3, column value: "abc" is not a number',
          },
        },
      ],
    });
    const text = runScimon(['import', f('bad.csv'), '--lang', 'en-US'], t.env);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('row 3, column value: "abc" is not a number');
  });

  it('dry-runs with the real run’s counts and exit code, then imports', () => {
    const dry = runScimon(['import', f('a.csv'), '--dry-run', '--format', 'json'], t.env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      ok: true,
      summary: { created: 1, updated: 0, unchanged: 0, warned: 0 },
      problems: [],
    });
    const real = runScimon(['import', f('a.csv'), '--format', 'json'], t.env);
    expect(JSON.parse(real.stdout).summary).toEqual({ created: 1, updated: 0, unchanged: 0, warned: 0 });
  });

  it('keeps a reporter (--as) to its own parks', () => {
    expect(runScimon(['users', 'add', 'xlh', '--role', 'reporter', '--scope', 'CD-XLH'], t.env).code).toBe(0);
    writeFileSync(f('scope.csv'), 'indicator,org_unit,period,value\ngdp,CQ-GXQ,2026,900\n');
    const r = runScimon(['import', f('scope.csv'), '--as', 'xlh', '--format', 'json'], t.env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems[0].code).toBe('E_IMPORT_OUT_OF_SCOPE');
  });

  it('writes a template for a zone with one value column per park, and imports it filled in', async () => {
    expect(
      runScimon(['template', '--org-unit', 'MY-KJC', '--period', '2026', '--out', f('t.xlsx')], t.env).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f('t.xlsx'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['_meta', 'hidden'],
      ['数据', 'visible'],
    ]);
    const ws = wb.getWorksheet('数据')!;
    // Mianyang's area parks: 绵阳高新区, 绵阳科创区, 绵阳经开区, 科学城 (planning areas never report).
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '指标代码 Code',
      '名称 Name',
      '单位 Unit',
      'MY-GXQ 2025 上期值 previous',
      'MY-GXQ 2026 填报值 value',
      'MY-KCQ 2025 上期值 previous',
      'MY-KCQ 2026 填报值 value',
      'MY-JKQ 2025 上期值 previous',
      'MY-JKQ 2026 填报值 value',
      'MY-KXC 2025 上期值 previous',
      'MY-KXC 2026 填报值 value',
      '备注 Comment',
    ]);
    const gdpRow = ws.getColumn(1).values.indexOf('gdp');
    ws.getRow(gdpRow).getCell(5).value = '１，２３４．５';
    ws.getRow(gdpRow).getCell(7).value = 'abc';
    await wb.xlsx.writeFile(f('filled.xlsx'));
    const bad = runScimon(['import', f('filled.xlsx'), '--format', 'json'], t.env);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).problems).toEqual([
      {
        sheet: '数据',
        row: gdpRow,
        column: 'MY-KCQ 2026 填报值 value',
        code: 'E_IMPORT_NOT_A_NUMBER',
        value: 'abc',
        message: {
          'zh-CN': `工作表“数据” 第${gdpRow}行 MY-KCQ 2026 填报值 value 列（G）：“abc” 不是数字`,
          'en-US': `sheet "数据", row ${gdpRow}, column MY-KCQ 2026 填报值 value (G): "abc" is not a number`,
        },
      },
    ]);
  });

  it('exports byte-identically and imports the export back unchanged', () => {
    expect(runScimon(['export', '--out', f('e1.csv')], t.env).code).toBe(0);
    expect(runScimon(['export', '--out', f('e2.csv')], t.env).code).toBe(0);
    const a = readFileSync(f('e1.csv'));
    expect(a.equals(readFileSync(f('e2.csv')))).toBe(true);
    const lines = a.toString('utf8').split('\n');
    expect(lines[0]).toBe('\uFEFFindicator,org_unit,period,value,source,comment');
    expect(lines).toContain('gdp,CD-XLH,2026,700,report,');
    const back = runScimon(['import', f('e1.csv'), '--format', 'json'], t.env);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: lines.length - 2,
      warned: 0,
    });
    expect(runScimon(['export', '--out', f('e3.csv')], t.env).code).toBe(0);
    expect(readFileSync(f('e3.csv')).equals(a)).toBe(true);
  });
});
