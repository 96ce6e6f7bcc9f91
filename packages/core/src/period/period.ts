import { err, ok, type Result } from '../shared/result.ts';

/** A period code as stored and exchanged: `2024` (year), `2024Q1` (quarter), `2024-03` (month). */
export type PeriodKey = string & { readonly __brand: 'PeriodKey' };

/** The granularity of a period. */
export type PeriodKind = 'year' | 'quarter' | 'month';

/**
 * A parsed period. `index` is 1 for a year, 1–4 for a quarter, 1–12 for a month.
 * Months and quarters are calendar months and quarters (Q1 = January–March).
 */
export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
}

const YEAR_RE = /^(\d{4})$/;
const QUARTER_RE = /^(\d{4})Q([1-4])$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Parses a period code. Accepted, exactly: `YYYY`, `YYYYQn` (n = 1…4, capital Q), `YYYY-MM` (MM = 01…12).
 * Years 1000–9999. Anything else fails with `E_PERIOD_INVALID` (params: `code`).
 */
export function parsePeriod(code: string): Result<Period> {
  let m = YEAR_RE.exec(code);
  if (m) return checkYear(code, { kind: 'year', year: Number(m[1]), index: 1 });
  m = QUARTER_RE.exec(code);
  if (m) return checkYear(code, { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) });
  m = MONTH_RE.exec(code);
  if (m) return checkYear(code, { kind: 'month', year: Number(m[1]), index: Number(m[2]) });
  return err({ code: 'E_PERIOD_INVALID', params: { code }, message: `invalid period code "${code}"` });
}

function checkYear(code: string, p: Period): Result<Period> {
  if (p.year < 1000)
    return err({ code: 'E_PERIOD_INVALID', params: { code }, message: `year out of range in "${code}"` });
  return ok(p);
}

/** Formats a period as its canonical code (inverse of {@link parsePeriod}). */
export function formatPeriod(p: Period): PeriodKey {
  const y = String(p.year).padStart(4, '0');
  if (p.kind === 'year') return y as PeriodKey;
  if (p.kind === 'quarter') return `${y}Q${p.index}` as PeriodKey;
  return `${y}-${String(p.index).padStart(2, '0')}` as PeriodKey;
}

/** First calendar month (1–12) covered by a period. */
export function periodFirstMonth(p: Period): number {
  return p.kind === 'year' ? 1 : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : p.index;
}

/** Last calendar month (1–12) covered by a period. */
export function periodLastMonth(p: Period): number {
  return p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.index * 3 : p.index;
}

/**
 * Orders periods by their end date, then (same end) longer periods first: 2024Q1 < 2024-04 < 2024Q2…;
 * 2024 sorts after 2024-11 and before 2025-01 (a year ends with its December). Returns <0, 0, >0.
 */
export function comparePeriods(a: Period, b: Period): number {
  const ea = a.year * 12 + periodLastMonth(a);
  const eb = b.year * 12 + periodLastMonth(b);
  if (ea !== eb) return ea - eb;
  return periodFirstMonth(a) - periodFirstMonth(b);
}

/** The period `k` steps earlier of the same kind (k may be negative for later). Used by `lag(x, k)`. */
export function shiftPeriod(p: Period, k: number): Period {
  if (p.kind === 'year') return { kind: 'year', year: p.year - k, index: 1 };
  const per = p.kind === 'quarter' ? 4 : 12;
  const n = p.year * per + (p.index - 1) - k;
  return { kind: p.kind, year: Math.floor(n / per), index: n - Math.floor(n / per) * per + 1 };
}

/** True when `inner` lies inside `outer` (a month in its quarter or year, a quarter in its year, or equal). */
export function periodContains(outer: Period, inner: Period): boolean {
  return (
    outer.year === inner.year &&
    periodFirstMonth(outer) <= periodFirstMonth(inner) &&
    periodLastMonth(inner) <= periodLastMonth(outer)
  );
}
