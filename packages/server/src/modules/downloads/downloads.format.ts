// Human-facing downloads (CSV with a UTF-8 BOM and .xlsx): a metadata block, a licence/citation line, then
// the table. Text cells that start with = + - @ (or a tab / carriage return) are neutralised with a leading
// apostrophe so spreadsheet programs never read them as formulas; numbers stay numbers; .xlsx text is
// always written as string cells, never formulas. Machine formats (the data API, `scimon export`) are
// written verbatim elsewhere.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

export interface DownloadSheet {
  /** Sheet name of the .xlsx (≤ 31 characters, no []:*?/\). */
  sheetName: string;
  /** Label → value lines printed above the table (title, unit, definition, licence, …). */
  metadata: readonly (readonly [string, string])[];
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const DANGEROUS = /^[=+\-@\t\r]/;

/** A text cell as it may be shown to a spreadsheet: a leading = + - @ tab or CR gets an apostrophe. */
export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralise(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180 quoting, CRLF) with a UTF-8 BOM so Excel opens Chinese text correctly. */
export function toCsv(sheet: DownloadSheet): Buffer {
  const lines: string[] = [];
  for (const [label, value] of sheet.metadata) lines.push([label, value].map(csvField).join(','));
  lines.push('');
  lines.push(sheet.header.map(csvField).join(','));
  for (const row of sheet.rows) lines.push(row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

/** Sets a cell so that text is a string cell (neutralised) and a number a numeric cell. */
function setCell(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) cell.value = value;
    return;
  }
  // A plain string value is always written as a string cell by exceljs (formulas need { formula }).
  cell.value = neutralise(value);
}

export async function toXlsx(sheet: DownloadSheet): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(sheet.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'data');
  ws.columns = sheet.header.map((_, i) => ({ width: i === 0 ? 22 : 16 }));
  const add = (cells: readonly Cell[], bold = false) => {
    const row = ws.addRow([]);
    cells.forEach((v, i) => setCell(row.getCell(i + 1), v));
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const [label, value] of sheet.metadata) add([label, value]);
  add([]);
  add(sheet.header, true);
  for (const row of sheet.rows) add(row);
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
