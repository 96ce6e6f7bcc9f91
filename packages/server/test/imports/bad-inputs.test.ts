// Every file of fixtures/bad-inputs/ is refused with a located, readable problem in both languages,
// and every table but the audit log is unchanged (a dump before and after), on SQLite and PostgreSQL.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialects } from '../../../../test-support/databases.ts';
import { createSeededApp, fixedClock, type SeededApp } from '../../../../test-support/app.ts';
import { repoRoot } from '../../../../test-support/reference.ts';
import { importFile, importBatch, type ImportOptions } from '../../src/modules/imports/import.service.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../src/modules/imports/import.limits.ts';
import { dumpTables } from './dump.ts';

const dir = path.join(repoRoot, 'fixtures', 'bad-inputs');
const admin = { username: 'admin', roles: [{ role: 'admin' as const, scope: 'WSC' }] };
const reporter = { username: 'xlh-reporter', roles: [{ role: 'reporter' as const, scope: 'CD-XLH' }] };

interface Expected {
  sheet: string | null;
  row: number | null;
  column: string | null;
  code: string;
  value: string | null;
  zh: string;
  en: string;
}

const E = (
  sheet: string | null,
  row: number | null,
  column: string | null,
  code: string,
  value: string | null,
  zh: string,
  en: string,
): Expected => ({
  sheet,
  row,
  column,
  code,
  value,
  zh,
  en,
});

/** The expected problems of each file, written out by hand. */
const CORPUS: Record<string, { as?: typeof reporter; problems: Expected[] }> = {
  'wrong-extension.xls': {
    problems: [
      E(
        null,
        null,
        null,
        'E_IMPORT_FORMAT',
        '.xls',
        '不支持的文件类型“.xls”（应为 .csv 或 .xlsx）',
        'Unsupported file type ".xls" (expected .csv or .xlsx)',
      ),
    ],
  },
  'not-a-zip.xlsx': {
    problems: [
      E(
        null,
        null,
        null,
        'E_IMPORT_NOT_ZIP',
        null,
        '文件不是有效的 .xlsx（不是 zip 压缩包）',
        'The file is not a valid .xlsx (not a zip archive)',
      ),
    ],
  },
  'truncated.xlsx': {
    problems: [
      E(
        null,
        null,
        null,
        'E_IMPORT_TRUNCATED',
        null,
        '.xlsx 文件不完整（缺少 zip 目录），可能上传或复制时被截断',
        'The .xlsx file is incomplete (no zip directory): it was probably cut off while uploading or copying',
      ),
    ],
  },
  'million-columns.xlsx': {
    problems: [
      E(
        '数据',
        null,
        null,
        'E_IMPORT_TOO_MANY_COLUMNS',
        'A1:BDWGN1',
        '工作表“数据”：工作表声明了 1000000 列，超过上限 16384',
        'sheet "数据": The sheet declares 1000000 columns, over the limit of 16384',
      ),
    ],
  },
  'zip-bomb.xlsx': {
    problems: [
      E(
        null,
        null,
        null,
        'E_IMPORT_ZIP_BOMB',
        'xl/media/padding.bin',
        '压缩包条目“xl/media/padding.bin”的压缩比 1029:1 超过上限 100:1',
        'Zip entry "xl/media/padding.bin" has a compression ratio of 1029:1, over the limit of 100:1',
      ),
    ],
  },
  'formula-cells.xlsx': {
    problems: [
      E(
        '数据',
        2,
        'value',
        'E_IMPORT_FORMULA_CELL',
        '=SUM(1,2)',
        '工作表“数据” 第2行 value 列（D）：“=SUM(1,2)” 是公式，请粘贴为数值',
        'sheet "数据", row 2, column value (D): "=SUM(1,2)" is a formula: paste it as a value',
      ),
    ],
  },
  'merged-cells.xlsx': {
    problems: [
      E(
        '数据',
        null,
        null,
        'E_IMPORT_MERGED_CELLS',
        'A2:A3',
        '工作表“数据”：合并单元格 A2:A3 无法导入，请取消合并',
        'sheet "数据": Merged cells A2:A3 cannot be imported: unmerge them',
      ),
      E(
        '数据',
        3,
        'indicator',
        'E_IMPORT_REQUIRED',
        null,
        '工作表“数据” 第3行 indicator 列（A）：缺少必填值',
        'sheet "数据", row 3, column indicator (A): A value is required',
      ),
    ],
  },
  'date-period.xlsx': {
    problems: [
      E(
        '数据',
        2,
        'period',
        'E_IMPORT_DATE_CELL',
        '2024-03-01',
        '工作表“数据” 第2行 period 列（C）：“2024-03-01” 是日期，期间应写作 2024、2024Q1 或 2024-03',
        'sheet "数据", row 2, column period (C): "2024-03-01" is a date: write periods as 2024, 2024Q1 or 2024-03',
      ),
    ],
  },
  'text-in-numeric.csv': {
    problems: [
      E(
        null,
        3,
        'value',
        'E_IMPORT_NOT_A_NUMBER',
        'abc',
        '第3行 value 列：“abc” 不是数字',
        'row 3, column value: "abc" is not a number',
      ),
    ],
  },
  'semicolon.csv': {
    problems: [
      E(
        null,
        1,
        null,
        'E_IMPORT_DELIMITER',
        'indicator;org_unit;period;value',
        '第1行：文件似乎用“;”分隔，请用逗号分隔（CSV）',
        'row 1: The file seems to be separated by ";": use commas (CSV)',
      ),
    ],
  },
  'empty.csv': { problems: [E(null, null, null, 'E_IMPORT_EMPTY', null, '文件是空的', 'The file is empty')] },
  'header-only.csv': {
    problems: [
      E(
        null,
        null,
        null,
        'E_IMPORT_HEADER_ONLY',
        null,
        '文件只有表头，没有数据行',
        'The file has a header but no data rows',
      ),
    ],
  },
  'duplicate-rows.csv': {
    problems: [
      E(
        null,
        4,
        null,
        'E_IMPORT_DUPLICATE',
        null,
        '第4行：与第 2 行重复（同一指标、组织单元、期间和来源）',
        'row 4: Duplicates row 2 (same indicator, org unit, period and source)',
      ),
    ],
  },
  'unknown-codes.csv': {
    problems: [
      E(
        null,
        2,
        'indicator',
        'E_IMPORT_UNKNOWN_INDICATOR',
        'gdpp',
        '第2行 indicator 列：未知指标“gdpp”',
        'row 2, column indicator: Unknown indicator "gdpp"',
      ),
      E(
        null,
        3,
        'org_unit',
        'E_IMPORT_UNKNOWN_ORG_UNIT',
        'CD-NOPE',
        '第3行 org_unit 列：未知组织单元“CD-NOPE”',
        'row 3, column org_unit: Unknown org unit "CD-NOPE"',
      ),
      E(
        null,
        4,
        'period',
        'E_IMPORT_UNKNOWN_PERIOD',
        '2026年',
        '第4行 period 列：“2026年” 不是期间代码（应为 2024、2024Q1 或 2024-03）',
        'row 4, column period: "2026年" is not a period code (expected 2024, 2024Q1 or 2024-03)',
      ),
    ],
  },
  'out-of-scope.csv': {
    as: reporter,
    problems: [
      E(
        null,
        3,
        'org_unit',
        'E_IMPORT_OUT_OF_SCOPE',
        'CQ-GXQ',
        '第3行 org_unit 列：无权为组织单元“CQ-GXQ”填报数据',
        'row 3, column org_unit: You may not report data for org unit "CQ-GXQ"',
      ),
    ],
  },
  'locked-period.csv': {
    problems: [
      E(
        null,
        2,
        'value',
        'E_IMPORT_LOCKED',
        'CD-XLH 2024',
        '第2行 value 列：CD-XLH 2024 的数据已报送或审核通过（锁定），请先退回或撤销审核',
        'row 2, column value: The data of CD-XLH 2024 are submitted or approved (locked): have them returned or unapproved first',
      ),
    ],
  },
  // R01 rd_expenditure <= gdp: 30 > 25, so both of its values are located. No warning: CD-XLH's report
  // series of gdp holds only 2024 (640), no 2025 for a year-on-year change, too short for outliers.
  'rule-broken.csv': {
    problems: [
      E(
        null,
        2,
        'value',
        'E_IMPORT_RULE_FAILED',
        '30',
        '第2行 value 列：违反校验规则 R01：rd_expenditure <= gdp',
        'row 2, column value: Breaks validation rule R01: rd_expenditure <= gdp',
      ),
      E(
        null,
        3,
        'value',
        'E_IMPORT_RULE_FAILED',
        '25',
        '第3行 value 列：违反校验规则 R01：rd_expenditure <= gdp',
        'row 3, column value: Breaks validation rule R01: rd_expenditure <= gdp',
      ),
    ],
  },
  // 7,000,000 / 640 ≈ 10⁴·⁰⁴, within 10⁴ ± 0.5 decades of the series' median: 万元/亿元 mix-up, no comment.
  'warning-without-comment.csv': {
    problems: [
      E(
        null,
        2,
        'value',
        'E_IMPORT_COMMENT_REQUIRED',
        '7000000',
        '第2行 value 列：“7000000” 触发预警（约为历史值的 1 万倍或万分之一，可能混淆了万元与亿元），请填写备注说明，或确认接受预警',
        'row 2, column value: "7000000" raises warnings (about 10⁴ times (or 1/10⁴ of) its history: 万元 and 亿元 mixed up?): add a comment, or accept the warnings',
      ),
    ],
  },
  'not-utf8-or-gbk.csv': {
    problems: [
      E(
        null,
        null,
        null,
        'E_IMPORT_ENCODING',
        null,
        '文件不是 UTF-8 或 GBK 文本，无法读取',
        'The file is not UTF-8 or GBK text and cannot be read',
      ),
    ],
  },
  'gbk.csv': {
    problems: [
      E(
        null,
        2,
        '组织单元',
        'E_IMPORT_UNKNOWN_ORG_UNIT',
        '成都',
        '第2行 组织单元 列：未知组织单元“成都”',
        'row 2, column 组织单元: Unknown org unit "成都"',
      ),
    ],
  },
};

describe('the corpus lists every file', () => {
  it('has an expectation for each fixture and a fixture for each expectation', () => {
    const files = readdirSync(dir)
      .filter((f) => f !== 'generate.ts' && f !== 'README.md')
      .sort();
    expect(files).toEqual(Object.keys(CORPUS).sort());
  });
});

describe.each(testDialects())('bad inputs on %s', (dialect) => {
  let s: SeededApp;
  const clock = fixedClock();
  const opts = (principal: ImportOptions['principal'] = admin): ImportOptions => ({
    principal,
    channel: 'cli',
    audit: { actor: principal.username, at: clock.now() },
    limits: DEFAULT_IMPORT_LIMITS,
  });
  beforeAll(async () => {
    s = await createSeededApp(dialect, clock);
    // An approved report for CD-XLH 2024 locks that unit's period (the workflow's approval, set directly).
    const r = await importBatch(
      s.t,
      { items: [{ indicator: 'gdp', orgUnit: 'CD-XLH', period: '2024', value: 640, source: 'report' }] },
      opts(),
    );
    expect(r.ok).toBe(true);
    await sql`UPDATE data_value SET status = 'approved' WHERE source = 'report'`.execute(s.t.db);
  });
  afterAll(async () => s.close());

  it.each(Object.keys(CORPUS))(
    'refuses %s with located problems and changes nothing but the audit log',
    async (name) => {
      const spec = CORPUS[name]!;
      const before = await dumpTables(s.t.db, dialect, ['audit_event']);
      const auditBefore = Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM audit_event`.execute(s.t.db)).rows[0]!.n,
      );
      const buffer = readFileSync(path.join(dir, name));
      const r = await importFile(
        s.t,
        { buffer, filename: name, mediaType: 'application/octet-stream' },
        opts(spec.as),
      );
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual(
        spec.problems.map((p) => ({
          sheet: p.sheet,
          row: p.row,
          column: p.column,
          code: p.code,
          value: p.value,
          message: { 'zh-CN': p.zh, 'en-US': p.en },
        })),
      );
      expect(await dumpTables(s.t.db, dialect, ['audit_event'])).toEqual(before);
      const events = (
        await sql<{
          action: string;
          after_json: string;
        }>`SELECT action, after_json FROM audit_event ORDER BY id`.execute(s.t.db)
      ).rows;
      expect(events.length).toBe(auditBefore + 1);
      expect(events.at(-1)!.action).toBe('import.refused');
      expect(JSON.parse(events.at(-1)!.after_json)).toMatchObject({
        problems: spec.problems.length,
        filename: name,
      });
    },
  );

  it('reads the GBK file as GB18030 and says so', async () => {
    const r = await importFile(
      s.t,
      { buffer: readFileSync(path.join(dir, 'gbk.csv')), filename: 'gbk.csv', mediaType: 'text/csv' },
      { ...opts(), dryRun: true },
    );
    expect(r.encoding).toBe('gb18030');
    expect(r.notices[0]!.message['en-US']).toBe('The file was read as GB18030 (GBK) text');
  });
});
