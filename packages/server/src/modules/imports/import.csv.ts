// A hand-written RFC 4180 splitter for the long layout: fast on millions of rows, exact about quotes,
// and numbering records as a spreadsheet shows them (the header is row 1).
import type { CsvLongHeader } from './import.layout.ts';
import type { ImportLimits } from './import.limits.ts';
import { FILE_LEVEL, ImportStop, problem } from './import.problems.ts';

export interface CsvRecord {
  /** The row number as Excel shows it (header = 1). */
  row: number;
  cells: string[];
}

/**
 * Data rows of a long-layout CSV handed to the checker as plain strings, many at a time: one async step
 * per batch rather than per row, and no entry objects for the rows that pass every check.
 */
export interface CsvRows {
  csvRows: { header: CsvLongHeader; records: CsvRecord[] };
}

/** Rows per CsvRows batch. */
export const CSV_BATCH = 4096;

/** Yields every record of the text; a blank line is skipped (it is no row of data). */
export function* splitCsv(text: string, limits: ImportLimits): Generator<CsvRecord> {
  const n = text.length;
  let i = 0;
  let row = 0;
  let cellsTotal = 0;
  while (i < n) {
    row++;
    if (row > limits.maxRows)
      throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_TOO_MANY_ROWS', null, { limit: limits.maxRows }));
    const cells: string[] = [];
    const startRow = row;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        let out = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0)
            throw new ImportStop(problem({ sheet: null, row: startRow, column: null }, 'E_IMPORT_QUOTE'));
          out += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        cell = out;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      break;
    }
    if (cells.length > limits.maxColumns)
      throw new ImportStop(
        problem({ sheet: null, row, column: null }, 'E_IMPORT_TOO_MANY_COLUMNS', null, {
          actual: cells.length,
          limit: limits.maxColumns,
        }),
      );
    cellsTotal += cells.length;
    if (cellsTotal > limits.maxCells)
      throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_TOO_MANY_CELLS', null, { limit: limits.maxCells }));
    if (cells.length === 1 && cells[0] === '') continue;
    yield { row, cells };
  }
}
