// iData/iMeta as .xlsx: workbooks written at test time from the COINr reference CSVs (read in place,
// never copied into the repository) give byte-for-byte the CSV output; bad workbooks exit 1 with a
// message naming the file, sheet, row and column.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir, repoRoot } from '../../../../test-support/reference.ts';
import { columnLetters } from './xlsx.ts';

const bin = path.join(repoRoot, 'packages/cli/bin/scimon.mjs');
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, '--lang', 'en-US', ...args], { encoding: 'utf8', timeout: 60_000 });
const dir = referenceDir('coinr');
const ref = (f: string) => path.join(dir as string, f);
const tmp = mkdtempSync(path.join(tmpdir(), 'scimon-xlsx-'));
const at = (f: string) => path.join(tmp, f);

type Cell = ExcelJS.CellValue;

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** A CSV field as a spreadsheet user would type it: numbers as numbers, empty as no cell. */
const typed = (s: string): Cell => (s === '' ? null : NUMBER.test(s) ? Number(s) : s);

function csvRows(file: string): string[][] {
  return parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
}

/** Writes rows (row 1 = header) to the first sheet of a new workbook; `extra` adds a second sheet. */
async function writeXlsx(file: string, sheet: string, rows: Cell[][], extra = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(i + 1, j + 1).value = v;
    });
  });
  if (extra) wb.addWorksheet('notes').getCell('A1').value = 'not read: only the first sheet is';
  await wb.xlsx.writeFile(file);
}

describe('columnLetters', () => {
  it('numbers columns as a spreadsheet does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe.skipIf(!dir)('scimon index with .xlsx iData/iMeta (process)', () => {
  let idata: string[][];
  let imeta: string[][];
  let csvOut: string;
  /** Column number (1-based) and header of the first indicator column of iData. */
  let lpi: number;

  beforeAll(async () => {
    idata = csvRows(ref('iData.csv'));
    imeta = csvRows(ref('iMeta.csv'));
    lpi = (idata[0] as string[]).indexOf('LPI') + 1;
    expect(lpi).toBeGreaterThan(0);
    const out = at('csv-a.csv');
    const r = run(['index', '--idata', ref('iData.csv'), '--imeta', ref('iMeta.csv'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    csvOut = readFileSync(out, 'utf8');
    // iData: `NA` as the text NA on odd rows and as an empty cell on even rows; one value as a
    // formula with its cached result; a blank row in between (skipped, as an empty CSV line).
    const data: Cell[][] = idata.map((r, i) =>
      r.map((s) => (s === 'NA' ? (i % 2 === 1 ? 'NA' : null) : typed(s))),
    );
    const v = data[1]?.[lpi - 1] as number;
    (data[1] as Cell[])[lpi - 1] = { formula: `${v}*1`, result: v };
    data.splice(3, 0, []);
    await writeXlsx(at('iData.xlsx'), 'iData', data, true);
    await writeXlsx(
      at('iMeta.xlsx'),
      'iMeta',
      imeta.map((r) => r.map(typed)),
    );
  }, 60_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('pipeline (a) minmax + amean: the same output, byte for byte, as from the CSV files', () => {
    expect(csvOut).toContain(',NA,');
    const out = at('xlsx-a.csv');
    const r = run(['index', '--idata', at('iData.xlsx'), '--imeta', at('iMeta.xlsx'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(csvOut);
  });

  it('mixes formats: .xlsx iData with CSV iMeta', () => {
    const out = at('mixed-a.csv');
    const r = run(['index', '--idata', at('iData.xlsx'), '--imeta', ref('iMeta.csv'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(csvOut);
  });

  /** Runs `index` on iData rows changed by `edit`; returns status and stderr. */
  async function withIData(name: string, edit: (rows: Cell[][]) => void) {
    const rows: Cell[][] = idata.map((r) => r.map(typed));
    edit(rows);
    await writeXlsx(at(name), 'iData', rows);
    return run(['index', '--idata', at(name), '--imeta', ref('iMeta.csv'), '--out', at(`${name}.csv`)]);
  }

  it('refuses a file that is not a zip (exit 1)', () => {
    writeFileSync(at('notzip.xlsx'), 'uCode,LPI\nAUT,1\n');
    const r = run(['index', '--idata', at('notzip.xlsx'), '--imeta', ref('iMeta.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${at('notzip.xlsx')}: not a valid .xlsx workbook`);
  });

  it('refuses a text cell in a numeric column, naming file, sheet, row and column (exit 1)', async () => {
    const r = await withIData('text.xlsx', (rows) => {
      (rows[4] as Cell[])[lpi - 1] = 'high';
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${at('text.xlsx')} [iData]:5 column LPI: not a number (high)`);
  });

  it('refuses a date in a numeric column as not a number (exit 1)', async () => {
    const r = await withIData('date.xlsx', (rows) => {
      (rows[2] as Cell[])[lpi - 1] = new Date(Date.UTC(2024, 0, 31));
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${at('date.xlsx')} [iData]:3 column LPI: not a number (2024-01-31)`);
  });

  it('refuses a formula without a cached result, naming sheet, row and column (exit 1)', async () => {
    const r = await withIData('formula.xlsx', (rows) => {
      (rows[6] as Cell[])[lpi - 1] = { formula: 'B2*2' } as Cell;
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${at('formula.xlsx')} sheet iData row 7 column ${columnLetters(lpi)} (LPI): formula without a cached result`,
    );
  });

  it('keeps sheet row numbers in messages when blank rows are skipped', async () => {
    const r = await withIData('blank.xlsx', (rows) => {
      (rows[4] as Cell[])[lpi - 1] = 'high';
      rows.splice(2, 0, []);
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${at('blank.xlsx')} [iData]:6 column LPI: not a number (high)`);
  });
});
