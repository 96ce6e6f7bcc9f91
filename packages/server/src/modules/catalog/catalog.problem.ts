import type { CatalogueProblem, CatalogueProblemCode } from '@scimon/contracts/catalog/index';

/** Where an item of the catalogue came from: its file (relative to the data dir), its line, and the line of each field. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  /** Line of a field of the item (falls back to the item's line). */
  lineOf(field: string): number;
}

/** A parsed catalogue item together with its location. */
export interface Located<T> {
  readonly value: T;
  readonly at: SourceLocation;
}

/** Builds a problem at a field of a located item. */
export function problemAt(
  at: SourceLocation,
  field: string,
  code: CatalogueProblemCode,
  message: string,
  messageZh: string,
): CatalogueProblem {
  return { file: at.file, line: at.lineOf(field), field, code, message, messageZh };
}

/** Formats a problem as one line: `file:line: field: message`, in the requested language. */
export function formatProblem(p: CatalogueProblem, lang: 'zh-CN' | 'en-US'): string {
  const message = lang === 'zh-CN' ? p.messageZh : p.message;
  return `${p.file}:${p.line}: ${p.field || '-'}: ${message}`;
}

/** Orders problems by file, then line, then field, so output is stable. */
export function sortProblems(problems: CatalogueProblem[]): CatalogueProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.field.localeCompare(b.field) ||
      a.code.localeCompare(b.code),
  );
}
