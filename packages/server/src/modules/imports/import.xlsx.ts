// Streams the rows of an .xlsx with ExcelJS's WorkbookReader (never the whole workbook in memory),
// reducing every cell to what the importer needs: text, a number (with its percent format), a date or
// a formula (both refused where values belong).
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportLimits } from './import.limits.ts';
import { FILE_LEVEL, ImportStop, problem } from './import.problems.ts';

export type RawCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'date'; text: string }
  | { kind: 'formula'; text: string };

export interface SheetRow {
  row: number;
  /** Index 0 = column A; undefined = empty cell. */
  cells: (RawCell | undefined)[];
}

export interface SheetStream {
  name: string;
  rows: AsyncGenerator<SheetRow>;
}

function toCell(cell: ExcelJS.Cell): RawCell | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return { kind: 'number', value: v, percentFormat: /%/.test(cell.numFmt ?? '') };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  if (v instanceof Date) return { kind: 'date', text: v.toISOString().slice(0, 10) };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o)
    return { kind: 'formula', text: `=${String(o.formula ?? o.sharedFormula)}` };
  if (Array.isArray(o.richText))
    return { kind: 'text', text: (o.richText as { text: string }[]).map((r) => r.text).join('') };
  if ('text' in o) return { kind: 'text', text: String(o.text) };
  if ('error' in o) return { kind: 'text', text: String(o.error) };
  return { kind: 'text', text: String(v) };
}

/** Yields each worksheet in workbook order; its rows must be read before the next sheet arrives. */
export async function* readXlsx(buf: Buffer, limits: ImportLimits): AsyncGenerator<SheetStream> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let cellsTotal = 0;
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const name = sheet.name;
    async function* rows(): AsyncGenerator<SheetRow> {
      for await (const r of sheet) {
        if (r.number > limits.maxRows)
          throw new ImportStop(
            problem(FILE_LEVEL, 'E_IMPORT_TOO_MANY_ROWS', null, { limit: limits.maxRows }),
          );
        const cells: (RawCell | undefined)[] = [];
        r.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > limits.maxColumns)
            throw new ImportStop(
              problem({ sheet: name, row: r.number, column: null }, 'E_IMPORT_TOO_MANY_COLUMNS', null, {
                actual: col,
                limit: limits.maxColumns,
              }),
            );
          cells[col - 1] = toCell(cell);
        });
        cellsTotal += cells.length;
        if (cellsTotal > limits.maxCells)
          throw new ImportStop(
            problem(FILE_LEVEL, 'E_IMPORT_TOO_MANY_CELLS', null, { limit: limits.maxCells }),
          );
        yield { row: r.number, cells };
      }
    }
    yield { name, rows: rows() };
  }
}
