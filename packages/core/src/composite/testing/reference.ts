/**
 * Test support (not exported): compares an engine table with a COINr reference table cell by cell,
 * matching rows by uCode and columns by name.
 */
import { close, col, num, type Table } from './coinr-csv.ts';
import { getColumn, type DataMatrix } from '../matrix.ts';

/** Returns a list of mismatches (empty when every reference cell is reproduced). */
export function compareTable(
  m: DataMatrix,
  codes: readonly string[],
  units: readonly string[],
  ref: Table,
  rel = 1e-9,
  accept: ReadonlySet<string> = new Set(),
): string[] {
  const bad: string[] = [];
  const refUnits = col(ref, 'uCode');
  const rowOf = new Map(units.map((u, i) => [u, i]));
  if (refUnits.length !== units.length) bad.push(`row count ${units.length} vs reference ${refUnits.length}`);
  for (const name of ref.header) {
    if (name === 'uCode' || name === 'uName') continue;
    const j = codes.indexOf(name);
    if (j < 0) {
      bad.push(`missing column ${name}`);
      continue;
    }
    const c = getColumn(m, j);
    col(ref, name).forEach((s, r) => {
      const i = rowOf.get(refUnits[r] as string);
      if (i === undefined) {
        bad.push(`missing unit ${refUnits[r]}`);
        return;
      }
      const want = num(s);
      const got = c[i] as number;
      if (!close(got, want, rel) && !accept.has(`${refUnits[r]}/${name}`))
        bad.push(`${refUnits[r]}/${name}: got ${got}, want ${want}`);
    });
  }
  return bad;
}
