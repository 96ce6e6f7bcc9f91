// CSV reading and writing in COINr's `write.csv` conventions: `NA` = missing, strings quoted,
// numbers in their shortest round-trip form (which always has ≥ 15 significant digits of accuracy).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliExit, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';
import { readXlsx } from './xlsx.ts';

export interface CsvTable {
  readonly file: string;
  readonly header: string[];
  /** Data rows (without the header), as strings. */
  readonly rows: string[][];
  /** Each data row's line (sheet row) number, when it is not its index + 2 (.xlsx: empty rows skipped). */
  readonly lines?: readonly number[];
}

/** The line number of data row `k` (0-based) for messages. */
export const lineOf = (t: CsvTable, k: number): number => t.lines?.[k] ?? k + 2;

/**
 * Reads a CSV file with a header row, or the first worksheet of an .xlsx file (by extension) into the
 * same table. Missing file → exit 2; unparsable → exit 1.
 */
export function readCsv(file: string, lang: Lang): CsvTable {
  if (!existsSync(file))
    throw new CliExit(EXIT_USAGE, msg(lang, `文件不存在：${file}`, `file not found: ${file}`));
  if (/\.xlsx$/i.test(file)) return readXlsx(file, lang);
  if (/\.xls$/i.test(file)) {
    throw new CliExit(
      EXIT_INVALID,
      msg(
        lang,
        `${file}：不支持旧的 .xls 格式，请另存为 .xlsx 或 CSV`,
        `${file}: the old .xls format is not supported; save it as .xlsx or CSV`,
      ),
    );
  }
  let records: string[][];
  try {
    records = parse(readFileSync(file, 'utf8'), {
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as string[][];
  } catch (e) {
    throw new CliExit(EXIT_INVALID, `${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new CliExit(EXIT_INVALID, msg(lang, `${file}：文件为空`, `${file}: the file is empty`));
  return { file, header: header.map((h) => h.trim()), rows };
}

/** True for COINr's missing markers. */
export const isMissing = (s: string | undefined): boolean => s === undefined || s === '' || s === 'NA';

/** Formats a number as the reference CSVs expect: `NA` for missing, else the shortest round-trip form. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NA';
  if (v === Number.POSITIVE_INFINITY) return 'Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Writes a table: header and string columns quoted (as R's write.csv), numbers bare. */
export function writeTable(
  file: string | undefined,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void {
  const lines = [header.map(quote).join(',')];
  for (const r of rows)
    lines.push(r.map((c) => (typeof c === 'number' ? formatNumber(c) : quote(c))).join(','));
  const text = `${lines.join('\n')}\n`;
  if (file === undefined || file === '-') process.stdout.write(text);
  else writeFileSync(file, text);
}
