// From uploaded bytes to long-layout entries: checks the file type and limits, decodes text, pre-scans
// zips, then streams rows through the layout readers. File-level problems stop the read (ImportStop).
import path from 'node:path';
import type { ImportProblem } from '@scimon/contracts';
import type { ImportLimits } from './import.limits.ts';
import { FILE_LEVEL, ImportStop, problem } from './import.problems.ts';
import { decodeText, type TextEncodingName } from './import.encoding.ts';
import { CSV_BATCH, splitCsv, type CsvRecord, type CsvRows } from './import.csv.ts';
import { scanXlsxZip } from './import.zip-scan.ts';
import { readXlsx, type RawCell } from './import.xlsx.ts';
import {
  csvLongHeader,
  longEntry,
  type CsvLongHeader,
  looksLikeLongHeader,
  parseTemplateMeta,
  readLongHeader,
  templateEntries,
  type LayoutOut,
  type TemplateMeta,
} from './import.layout.ts';

export interface ReadState {
  encoding: TextEncodingName | null;
  /** Data rows seen (for the header-only check). */
  dataRows: number;
}

export type FileFormat = 'csv' | 'xlsx';

/** The format by extension; anything else is refused before a byte is parsed. */
export function formatOf(filename: string): FileFormat {
  const ext = path.extname(filename).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_FORMAT', ext || filename));
}

function checkSize(buf: Buffer, limits: ImportLimits) {
  if (buf.length > limits.maxFileBytes)
    throw new ImportStop(
      problem(FILE_LEVEL, 'E_IMPORT_TOO_LARGE', null, {
        what: 'bytes',
        actual: buf.length,
        limit: limits.maxFileBytes,
      }),
    );
  if (buf.length === 0) throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_EMPTY'));
}

/** What the reader yields: entries or problems one by one, or a CSV's data rows in batches. */
export type ReadOut = LayoutOut | CsvRows;

async function* readCsv(buf: Buffer, limits: ImportLimits, state: ReadState): AsyncGenerator<ReadOut> {
  const decoded = decodeText(buf);
  if (!decoded.ok) throw new ImportStop(problem(FILE_LEVEL, decoded.code));
  state.encoding = decoded.encoding;
  if (decoded.text.trim() === '') throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_EMPTY'));
  let header: CsvLongHeader | null = null;
  let batch: CsvRecord[] = [];
  try {
    for (const rec of splitCsv(decoded.text, limits)) {
      if (!header) {
        const cells: RawCell[] = rec.cells.map((text) => ({ kind: 'text', text }));
        const h = readLongHeader(cells, null);
        if ('problem' in h) throw new ImportStop(h.problem);
        header = csvLongHeader(h);
        continue;
      }
      state.dataRows++;
      batch.push(rec);
      if (batch.length === CSV_BATCH) {
        yield { csvRows: { header, records: batch } };
        batch = [];
      }
    }
  } catch (e) {
    // A file-level stop (a quote left open, a limit) comes after the rows read so far: they are checked
    // first, exactly as when rows went one by one.
    if (header && batch.length) yield { csvRows: { header, records: batch } };
    throw e;
  }
  if (!header) throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_EMPTY'));
  if (batch.length) yield { csvRows: { header, records: batch } };
}

async function* readWorkbook(buf: Buffer, limits: ImportLimits, state: ReadState): AsyncGenerator<ReadOut> {
  const scan = await scanXlsxZip(buf, limits);
  for (const m of scan.merged)
    yield { problem: problem({ sheet: m.sheet, row: null, column: null }, 'E_IMPORT_MERGED_CELLS', m.range) };
  let meta: TemplateMeta | null = null;
  let recognised = false;
  try {
    for await (const sheet of readXlsx(buf, limits)) {
      if (sheet.name === '_meta') {
        const pairs = new Map<string, string>();
        for await (const r of sheet.rows) {
          const k = r.cells[0];
          const v = r.cells[1];
          if (k?.kind === 'text')
            pairs.set(k.text, v === undefined ? '' : v.kind === 'number' ? String(v.value) : v.text);
        }
        const parsed = parseTemplateMeta(pairs);
        if (typeof parsed === 'string')
          throw new ImportStop(
            problem({ sheet: '_meta', row: null, column: null }, 'E_IMPORT_TEMPLATE_META', null, {
              detail: parsed,
            }),
          );
        meta = parsed;
        continue;
      }
      let mode: 'long' | 'template' | 'skip' | null = null;
      let longHeader: Exclude<ReturnType<typeof readLongHeader>, { problem: ImportProblem }> | null = null;
      let templateHeaders: string[] = [];
      for await (const r of sheet.rows) {
        if (mode === 'skip') continue;
        if (mode === null) {
          if (r.row !== 1) {
            mode = 'skip';
            continue;
          }
          if (meta && sheet.name === '数据') {
            mode = 'template';
            templateHeaders = Array.from(r.cells, (c) =>
              c === undefined ? '' : c.kind === 'number' ? String(c.value) : c.text,
            );
          } else if (looksLikeLongHeader(r.cells)) {
            const h = readLongHeader(r.cells, sheet.name);
            if ('problem' in h) throw new ImportStop(h.problem);
            longHeader = h;
            mode = 'long';
          } else mode = 'skip';
          if (mode !== 'skip') recognised = true;
          continue;
        }
        state.dataRows++;
        if (mode === 'template') yield* templateEntries(r.cells, r.row, sheet.name, meta!, templateHeaders);
        else yield longEntry(r.cells, r.row, sheet.name, longHeader!);
      }
    }
  } catch (e) {
    if (e instanceof ImportStop) throw e;
    throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_CORRUPT', null, { detail: (e as Error).message }));
  }
  if (!recognised) throw new ImportStop(problem(FILE_LEVEL, 'E_IMPORT_NO_SHEET'));
}

/** Streams the entries of a file; throws ImportStop on a file-level problem. */
export function readImportFile(
  buf: Buffer,
  filename: string,
  limits: ImportLimits,
  state: ReadState,
): AsyncGenerator<ReadOut> {
  const format = formatOf(filename);
  checkSize(buf, limits);
  return format === 'csv' ? readCsv(buf, limits, state) : readWorkbook(buf, limits, state);
}
