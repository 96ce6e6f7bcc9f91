// Neutralisation of formula-like text, numbers as numbers, the BOM, and string cells in .xlsx.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv, toXlsx, type DownloadSheet } from './downloads.format.ts';

const sheet: DownloadSheet = {
  sheetName: 'rd_intensity',
  metadata: [
    ['标题', '研发经费投入强度'],
    ['来源', '=HYPERLINK("http://evil","x")'],
  ],
  header: ['代码', '名称', '年份', '数值'],
  rows: [
    ['=1+2', '+SUM(A1)', 2024, 4.5],
    ['-3', '@cmd', 2025, -3],
    ['CD-KXC', '成都,"科学城"', 2025, null],
  ],
};

describe('neutralise', () => {
  it('prefixes text starting with = + - @ tab or CR and leaves other text alone', () => {
    expect(neutralise('=1+2')).toBe("'=1+2");
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-1')).toBe("'-1");
    expect(neutralise('@a')).toBe("'@a");
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('CD-KXC')).toBe('CD-KXC');
    expect(neutralise('研发')).toBe('研发');
  });
});

describe('CSV', () => {
  const text = toCsv(sheet).toString('utf8');
  it('starts with a UTF-8 BOM', () => {
    expect(toCsv(sheet).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
  it('neutralises text cells, keeps numbers numeric and quotes per RFC 4180', () => {
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('标题,研发经费投入强度');
    expect(lines[1]).toBe(`来源,"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines).toContain("'=1+2,'+SUM(A1),2024,4.5");
    expect(lines).toContain("'-3,'@cmd,2025,-3");
    expect(lines).toContain('CD-KXC,"成都,""科学城""",2025,');
  });
});

describe('xlsx', () => {
  it('writes text as neutralised string cells and numbers as numeric cells, never formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(sheet)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('rd_intensity');
    const cells: { v: unknown; type: number }[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push({ v: c.value, type: c.type })));
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    const first = ws.getRow(5);
    expect(first.getCell(1).value).toBe("'=1+2");
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(3).value).toBe(2024);
    expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getRow(6).getCell(4).value).toBe(-3);
    expect(ws.getRow(6).getCell(2).value).toBe("'@cmd");
    expect(ws.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://evil","x")`);
  });
});
