// Turns rows of a CSV or a sheet into entries of the long layout (indicator, org unit, period, value,
// source, comment), each field with its location. Two layouts: the long one (CSV or a sheet, English or
// Chinese headers) and the template (sheet 数据 described by the hidden _meta sheet).
import { LONG_COLUMNS, LONG_COLUMNS_ZH, type ImportProblem, type LongColumn } from '@scimon/contracts';
import { columnLetter, problem, type Location } from './import.problems.ts';
import type { RawCell } from './import.xlsx.ts';

export interface Field {
  text: string;
  loc: Location;
}

export interface Entry {
  row: number;
  indicator: Field;
  orgUnit: Field;
  period: Field;
  /** The value cell: text as typed, or a number from a spreadsheet. */
  value: { loc: Location; cell: RawCell | undefined };
  source: Field | null;
  comment: string | null;
  /** 口径 from the optional basis column; undefined (column absent or blank): a stored basis is kept. */
  basis?: string;
}

export type LayoutOut = { entry: Entry } | { problem: ImportProblem };

const HEADER_ALIASES = new Map<string, LongColumn>();
for (const c of LONG_COLUMNS) {
  HEADER_ALIASES.set(c, c);
  HEADER_ALIASES.set(LONG_COLUMNS_ZH[c], c);
}
HEADER_ALIASES.set('orgunit', 'org_unit');
HEADER_ALIASES.set('org unit', 'org_unit');
/** The optional basis (口径) column: accepted on import, never exported (the export header is fixed). */
const BASIS_HEADERS = new Set(['basis', '口径']);

const cellText = (c: RawCell | undefined): string =>
  c === undefined ? '' : c.kind === 'number' ? String(c.value) : c.text;

/** The long layout's header: column index of each known column, or the problem with it. */
export function readLongHeader(
  cells: readonly (RawCell | undefined)[],
  sheet: string | null,
): { columns: Map<LongColumn, number>; headers: string[]; basis?: number } | { problem: ImportProblem } {
  const headers = cells.map((c) =>
    cellText(c)
      .replace(/^\uFEFF/, '')
      .trim(),
  );
  const at: Location = { sheet, row: 1, column: null };
  if (headers.length === 1) {
    const h = headers[0] ?? '';
    const delimiter = [';', '\t', '|'].find((d) => h.includes(d));
    if (delimiter)
      return {
        problem: problem(at, 'E_IMPORT_DELIMITER', h, { delimiter: delimiter === '\t' ? 'Tab' : delimiter }),
      };
  }
  const columns = new Map<LongColumn, number>();
  let basis: number | undefined;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (h === '') continue;
    if (BASIS_HEADERS.has(h.toLowerCase())) {
      basis = i;
      continue;
    }
    const col = HEADER_ALIASES.get(h.toLowerCase()) ?? HEADER_ALIASES.get(h);
    if (!col)
      return {
        problem: problem(
          { ...at, column: h, letter: sheet !== null ? columnLetter(i + 1) : null },
          'E_IMPORT_HEADER_UNKNOWN',
          h,
        ),
      };
    columns.set(col, i);
  }
  const missing = (['indicator', 'org_unit', 'period', 'value'] as const).filter((c) => !columns.has(c));
  if (missing.length)
    return { problem: problem(at, 'E_IMPORT_HEADER', null, { missing: missing.join(', ') }) };
  return basis === undefined ? { columns, headers } : { columns, headers, basis };
}

/** True when a header row looks like the long layout (so a sheet can be recognised). */
export function looksLikeLongHeader(cells: readonly (RawCell | undefined)[]): boolean {
  const hs = cells.map((c) => cellText(c).trim().toLowerCase());
  return hs.some((h) => HEADER_ALIASES.get(h) === 'indicator' || h === '指标');
}

function textField(
  cells: readonly (RawCell | undefined)[],
  index: number | undefined,
  loc: Location,
  isPeriod: boolean,
): Field | ImportProblem {
  const c = index === undefined ? undefined : cells[index];
  if (c?.kind === 'formula') return problem(loc, 'E_IMPORT_FORMULA_CELL', c.text);
  if (c?.kind === 'date') return problem(loc, isPeriod ? 'E_IMPORT_DATE_CELL' : 'E_IMPORT_DATE_CELL', c.text);
  return { text: cellText(c).trim(), loc };
}

/** Reads one data row of the long layout. */
export function longEntry(
  cells: readonly (RawCell | undefined)[],
  row: number,
  sheet: string | null,
  header: { columns: Map<LongColumn, number>; headers: string[]; basis?: number },
): LayoutOut {
  const loc = (c: LongColumn): Location => {
    const i = header.columns.get(c);
    return {
      sheet,
      row,
      column: i === undefined ? c : header.headers[i]!,
      letter: sheet !== null && i !== undefined ? columnLetter(i + 1) : null,
    };
  };
  if (sheet === null && cells.length > header.headers.length)
    return {
      problem: problem({ sheet, row, column: null }, 'E_IMPORT_ROW_SHAPE', null, {
        actual: cells.length,
        expected: header.headers.length,
      }),
    };
  const fields: Partial<Record<LongColumn, Field>> = {};
  for (const c of ['indicator', 'org_unit', 'period', 'source', 'comment'] as const) {
    if (!header.columns.has(c)) continue;
    const f = textField(cells, header.columns.get(c), loc(c), c === 'period');
    if ('code' in f) return { problem: f };
    fields[c] = f;
  }
  const comment = fields.comment?.text ?? '';
  const basisCell = header.basis === undefined ? undefined : cells[header.basis];
  const basis = cellText(basisCell).trim();
  return {
    entry: {
      ...(basis === '' ? {} : { basis }),
      row,
      indicator: fields.indicator!,
      orgUnit: fields.org_unit!,
      period: fields.period!,
      value: { loc: loc('value'), cell: cells[header.columns.get('value')!] },
      source: fields.source && fields.source.text !== '' ? fields.source : null,
      comment: comment === '' ? null : comment,
    },
  };
}

/**
 * A CSV field whose location is built only when asked for (a problem or notice needs it): the common
 * case, a clean row, allocates no location objects.
 */
class CsvField implements Field {
  constructor(
    readonly text: string,
    private readonly row: number,
    private readonly column: string,
  ) {}
  get loc(): Location {
    return { sheet: null, row: this.row, column: this.column, letter: null };
  }
}

/** The value cell of a CSV row, its location likewise lazy. */
class CsvValue {
  constructor(
    readonly cell: RawCell | undefined,
    private readonly row: number,
    private readonly column: string,
  ) {}
  get loc(): Location {
    return { sheet: null, row: this.row, column: this.column, letter: null };
  }
}

/** Column indices and header names of a long-layout CSV header, resolved once per file. */
export interface CsvLongHeader {
  width: number;
  ind: number;
  ou: number;
  period: number;
  value: number;
  source: number;
  comment: number;
  /** The optional basis column (−1 when absent). */
  basis: number;
  names: { ind: string; ou: string; period: string; value: string; source: string; comment: string };
}

export function csvLongHeader(header: {
  columns: Map<LongColumn, number>;
  headers: string[];
  basis?: number;
}): CsvLongHeader {
  const at = (c: LongColumn) => header.columns.get(c) ?? -1;
  const name = (c: LongColumn) => {
    const i = header.columns.get(c);
    return i === undefined ? c : header.headers[i]!;
  };
  return {
    width: header.headers.length,
    ind: at('indicator'),
    ou: at('org_unit'),
    period: at('period'),
    value: at('value'),
    source: at('source'),
    comment: at('comment'),
    basis: header.basis ?? -1,
    names: {
      ind: name('indicator'),
      ou: name('org_unit'),
      period: name('period'),
      value: name('value'),
      source: name('source'),
      comment: name('comment'),
    },
  };
}

/**
 * `longEntry` for a CSV row of plain strings (every cell is text): the same entry, without building a
 * cell object per cell or a location per field.
 */
export function longEntryCsv(cells: readonly string[], row: number, h: CsvLongHeader): LayoutOut {
  if (cells.length > h.width)
    return {
      problem: problem({ sheet: null, row, column: null }, 'E_IMPORT_ROW_SHAPE', null, {
        actual: cells.length,
        expected: h.width,
      }),
    };
  const text = (i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
  const source = h.source < 0 ? '' : text(h.source);
  const comment = h.comment < 0 ? '' : text(h.comment);
  const basis = h.basis < 0 ? '' : text(h.basis);
  const v = cells[h.value];
  return {
    entry: {
      ...(basis === '' ? {} : { basis }),
      row,
      indicator: new CsvField(text(h.ind), row, h.names.ind),
      orgUnit: new CsvField(text(h.ou), row, h.names.ou),
      period: new CsvField(text(h.period), row, h.names.period),
      value: new CsvValue(v === undefined ? undefined : { kind: 'text', text: v }, row, h.names.value),
      source: source === '' ? null : new CsvField(source, row, h.names.source),
      comment: comment === '' ? null : comment,
    },
  };
}

/** What the template's hidden _meta sheet says. */
export interface TemplateMeta {
  templateId: string;
  version: string;
  framework: string;
  period: string;
  scope: string;
  orgUnits: string[];
}

export function parseTemplateMeta(pairs: Map<string, string>): TemplateMeta | string {
  const get = (k: string) => pairs.get(k)?.trim() ?? '';
  const meta = {
    templateId: get('template_id'),
    version: get('version'),
    framework: get('framework'),
    period: get('period'),
    scope: get('scope'),
    orgUnits: get('org_units')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  if (meta.templateId !== 'scimon-template') return 'template_id';
  if (!meta.period) return 'period';
  if (meta.orgUnits.length === 0) return 'org_units';
  return meta;
}

/** Columns of the template's 数据 sheet (1-based): A code, B name, C unit, then per unit (previous, value), then comment. */
export const templateColumns = (units: number) => ({
  code: 1,
  previous: (k: number) => 4 + 2 * k,
  value: (k: number) => 5 + 2 * k,
  comment: 4 + 2 * units,
});

/** Reads one data row of the template: one entry per org unit column. */
export function templateEntries(
  cells: readonly (RawCell | undefined)[],
  row: number,
  sheet: string,
  meta: TemplateMeta,
  headers: readonly string[],
): LayoutOut[] {
  const cols = templateColumns(meta.orgUnits.length);
  const loc = (col: number): Location => ({
    sheet,
    row,
    column: headers[col - 1] ?? columnLetter(col),
    letter: columnLetter(col),
  });
  const code = textField(cells, cols.code - 1, loc(cols.code), false);
  if ('code' in code) return [{ problem: code }];
  if (code.text === '') return [];
  const commentCell = textField(cells, cols.comment - 1, loc(cols.comment), false);
  if ('code' in commentCell) return [{ problem: commentCell }];
  return meta.orgUnits.map((ou, k) => {
    const col = cols.value(k);
    return {
      entry: {
        row,
        indicator: code,
        orgUnit: { text: ou, loc: loc(col) },
        period: { text: meta.period, loc: loc(col) },
        value: { loc: loc(col), cell: cells[col - 1] },
        source: null,
        comment: commentCell.text === '' ? null : commentCell.text,
      },
    };
  });
}
