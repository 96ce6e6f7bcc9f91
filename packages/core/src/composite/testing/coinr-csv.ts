/**
 * Test support (not exported by the package): parses the reference CSVs written by R's `write.csv`
 * (quoted strings, `NA` = missing) from text, and builds a framework and data matrix from COINr's
 * iMeta/iData tables. Pure: the tests read the files themselves.
 */
import { buildFramework, type Framework, type FrameworkNodeInput } from '../framework.ts';
import { createMatrix, type DataMatrix } from '../matrix.ts';

/** A parsed table: header and rows of raw strings (quotes removed). */
export interface Table {
  readonly header: string[];
  readonly rows: string[][];
}

/** Parses simple RFC-4180 CSV text. */
export function parseCsv(text: string): Table {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') out.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  const [header = [], ...rows] = out;
  return { header, rows };
}

/** Number or NaN for `NA`/empty. */
export const num = (s: string | undefined): number =>
  s === undefined || s === '' || s === 'NA'
    ? Number.NaN
    : s === 'Inf'
      ? Number.POSITIVE_INFINITY
      : s === '-Inf'
        ? Number.NEGATIVE_INFINITY
        : Number(s);

/** A column of a table by name. */
export function col(t: Table, name: string): string[] {
  const j = t.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return t.rows.map((r) => r[j] as string);
}

/** Framework from an iMeta table (Indicator and Aggregate rows). */
export function frameworkFromIMeta(t: Table): Framework {
  const h = (n: string) => t.header.indexOf(n);
  const nodes: FrameworkNodeInput[] = [];
  for (const r of t.rows) {
    const type = r[h('Type')];
    if (type !== 'Indicator' && type !== 'Aggregate') continue;
    const parent = r[h('Parent')];
    nodes.push({
      code: r[h('iCode')] as string,
      level: num(r[h('Level')]),
      parent: parent === 'NA' || parent === undefined ? null : parent,
      weight: num(r[h('Weight')]),
      direction: num(r[h('Direction')]),
      target: h('Target') >= 0 ? num(r[h('Target')]) : null,
      denominator:
        h('Denominator') >= 0 && r[h('Denominator')] !== 'NA' ? (r[h('Denominator')] ?? null) : null,
    });
  }
  const fw = buildFramework(nodes);
  if (!fw.ok) throw new Error(fw.error.message);
  return fw.value;
}

/** The given columns of a table as a units × columns matrix (row order kept). */
export function matrixFromTable(t: Table, codes: readonly string[]): DataMatrix {
  const m = createMatrix(t.rows.length, codes.length);
  codes.forEach((c, j) => {
    col(t, c).forEach((s, i) => (m.values[j * t.rows.length + i] = num(s)));
  });
  return m;
}

/**
 * Compares two numbers to `rel` relative tolerance (absolute floor `abs` for values near 0);
 * both missing counts as equal.
 */
export function close(a: number, b: number, rel = 1e-9, abs = 1e-12): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= Math.max(rel * Math.abs(b), abs);
}
