import { parse } from 'csv-parse/sync';
import type { CatalogueProblem } from '@scimon/contracts/catalog/index';
import { problemAt, type SourceLocation } from './catalog.problem.ts';

/** How a CSV cell becomes a typed value before schema validation. Empty cells become null (or [] for lists). */
export type CellType = 'text' | 'number' | 'boolean' | 'list';

/** One CSV record: typed values by column, with the physical line where the record starts. */
export interface CsvRecord {
  readonly values: Record<string, unknown>;
  readonly at: SourceLocation;
}

/** Separator of list cells (e.g. `overlaps`: `MY-GXQ;MY-KCQ`). */
export const LIST_SEPARATOR = ';';

/**
 * Parses CSV text with a header row. Every expected column must be present and no other; each record gets the
 * physical line where it starts (1-based, header = line 1). Returns the records or the problems found.
 */
export function readCsv(
  text: string,
  file: string,
  columns: Readonly<Record<string, CellType>>,
): { records: CsvRecord[]; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const fileAt: SourceLocation = { file, line: 1, lineOf: () => 1 };
  let rows: { record: Record<string, string>; raw: string; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      columns: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    const at: SourceLocation = { file, line, lineOf: () => line };
    return {
      records: [],
      problems: [
        problemAt(
          at,
          '',
          'E_CATALOG_PARSE',
          `CSV syntax error: ${(e as Error).message}`,
          `CSV 语法错误: ${(e as Error).message}`,
        ),
      ],
    };
  }
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim());
  for (const name of Object.keys(columns)) {
    if (!header.includes(name))
      problems.push(
        problemAt(fileAt, name, 'E_CATALOG_INVALID_FIELD', `missing column ${name}`, `缺少列 ${name}`),
      );
  }
  for (const name of header) {
    if (!(name in columns))
      problems.push(
        problemAt(fileAt, name, 'E_CATALOG_INVALID_FIELD', `unknown column ${name}`, `未知列 ${name}`),
      );
  }
  if (problems.length > 0) return { records: [], problems };
  const records = rows.map(({ record, raw, info }) => {
    const line = info.lines - countInnerNewlines(raw);
    const values: Record<string, unknown> = {};
    for (const [name, type] of Object.entries(columns)) values[name] = convertCell(record[name] ?? '', type);
    return { values, at: { file, line, lineOf: () => line } };
  });
  return { records, problems };
}

function countInnerNewlines(raw: string): number {
  const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return (body.match(/\n/g) ?? []).length;
}

function convertCell(cell: string, type: CellType): unknown {
  const text = cell.trim();
  switch (type) {
    case 'text':
      return text === '' ? null : text;
    case 'number': {
      if (text === '') return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text === '' ? null : text;
    case 'list':
      return text === '' ? [] : text.split(LIST_SEPARATOR).map((s) => s.trim());
  }
}
