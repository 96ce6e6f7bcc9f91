// The same export as one sheet (数据) of an .xlsx, streamed to disk or memory; values are numeric cells.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { LONG_COLUMNS } from '@scimon/contracts';
import type { ExportRow } from './export.repository.ts';

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

export async function toXlsx(rows: readonly ExportRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  // Fixed document dates: the workbook's content depends on the data only.
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('数据');
  ws.addRow([...LONG_COLUMNS]).commit();
  for (const r of rows)
    ws.addRow([r.indicator, r.orgUnit, r.period, r.value, r.source, r.comment ?? null]).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
