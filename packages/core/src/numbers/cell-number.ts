// Numbers as people type them in Chinese spreadsheets: full-width digits and punctuation, thousands
// separators, a trailing percent sign, and the usual marks for "not reported". Pure; no locale lookups.

/** What a numeric cell says: a number, an explicit "not reported", or text that is not a number. */
export type CellNumber =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly reason: 'not_a_number' | 'percent_sign' };

/** Marks that mean "not reported" (compared after full-width folding, trimming and lower-casing). */
export const NOT_REPORTED_MARKS: readonly string[] = ['', '—', '——', '-', '--', '–', 'n/a', '无'];

/** Folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms. */
export function foldFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// Thousands separators only in valid groups of three: "1,234.5" yes, "1,23" no (that is a decimal comma).
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Reads a numeric cell. `percent` says whether the indicator is a percentage: then `2.5%`, `２．５％` and
 * `2.5` are all 2.5 (percentage points); for other indicators a `%` sign is refused rather than guessed.
 */
export function parseCellNumber(text: string, percent: boolean): CellNumber {
  let s = foldFullWidth(text).trim();
  if (NOT_REPORTED_MARKS.includes(s.toLowerCase())) return { kind: 'missing' };
  if (s.endsWith('%')) {
    if (!percent) return { kind: 'invalid', reason: 'percent_sign' };
    s = s.slice(0, -1).trim();
  }
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN.test(s)) return { kind: 'invalid', reason: 'not_a_number' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'not_a_number' };
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value };
}

/**
 * The shortest decimal that reads back as the same double, written plainly: `.` as decimal point, no
 * exponent, no grouping (`1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`).
 */
export function formatPlainDecimal(n: number): string {
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  let mant = s.slice(0, e);
  const neg = mant.startsWith('-');
  if (neg) mant = mant.slice(1);
  const dot = mant.indexOf('.');
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const point = (dot < 0 ? mant.length : dot) + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + out;
}
