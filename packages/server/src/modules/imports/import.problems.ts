// Located problems: where (sheet, row as Excel shows it, column header and letter), what (a code from
// the error catalogue) and the offending value, with the message in both languages.
import { errorMessage, type ErrorCode, type ImportProblem } from '@scimon/contracts';

export interface Location {
  sheet: string | null;
  row: number | null;
  /** The column's header as written in the file. */
  column: string | null;
  /** The column letter, shown for spreadsheets only. */
  letter?: string | null;
}

export const FILE_LEVEL: Location = { sheet: null, row: null, column: null };

function prefix(loc: Location, zh: boolean): string {
  const parts: string[] = [];
  if (zh) {
    if (loc.sheet !== null) parts.push(`工作表“${loc.sheet}”`);
    if (loc.row !== null) parts.push(`第${loc.row}行`);
    if (loc.column !== null) parts.push(`${loc.column} 列${loc.letter ? `（${loc.letter}）` : ''}`);
    return parts.length ? `${parts.join(' ')}：` : '';
  }
  if (loc.sheet !== null) parts.push(`sheet "${loc.sheet}"`);
  if (loc.row !== null) parts.push(`row ${loc.row}`);
  if (loc.column !== null) parts.push(`column ${loc.column}${loc.letter ? ` (${loc.letter})` : ''}`);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

/** Builds a located problem; `value` is quoted in the message through the `{value}` parameter. */
export function problem(
  loc: Location,
  code: ErrorCode,
  value: string | null = null,
  params: Record<string, string | number> = {},
  perLocale?: { zh: Record<string, string>; en: Record<string, string> },
): ImportProblem {
  const p = { value: value ?? '', ...params };
  return {
    sheet: loc.sheet,
    row: loc.row,
    column: loc.column,
    code,
    value,
    message: {
      'zh-CN': prefix(loc, true) + errorMessage(code, 'zh-CN', { ...p, ...perLocale?.zh }),
      'en-US': prefix(loc, false) + errorMessage(code, 'en-US', { ...p, ...perLocale?.en }),
    },
  };
}

/** A notice (not an error): same shape, own wording. */
export function notice(
  loc: Location,
  code: string,
  value: string | null,
  zh: string,
  en: string,
): ImportProblem {
  return {
    sheet: loc.sheet,
    row: loc.row,
    column: loc.column,
    code,
    value,
    message: { 'zh-CN': prefix(loc, true) + zh, 'en-US': prefix(loc, false) + en },
  };
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Thrown inside readers to stop at the first file-level problem (caught by the service). */
export class ImportStop extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.code);
  }
}
