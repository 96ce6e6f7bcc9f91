import { err, ok, type Result } from '../shared/result.ts';
import { periodLastMonth, type Period } from './period.ts';

/** A calendar date `YYYY-MM-DD` (proleptic Gregorian, no time zone: a day in Asia/Shanghai). */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Calendar date parts. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Parses an ISO calendar date `YYYY-MM-DD` (the `asOf` parameter everywhere). A real date is required
 * (2026-02-30 fails). Error `E_PERIOD_DATE_INVALID` (params: `date`).
 */
export function parseIsoDate(s: string): Result<DateParts> {
  const m = DATE_RE.exec(s);
  const bad = err({
    code: 'E_PERIOD_DATE_INVALID',
    params: { date: s },
    message: `invalid date "${s}" (expected YYYY-MM-DD)`,
  });
  if (!m) return bad;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return bad;
  return ok({ year, month, day });
}

/** Formats date parts as `YYYY-MM-DD`. */
export function formatIsoDate(d: DateParts): IsoDate {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` as IsoDate;
}

/**
 * Day number of a date: days since 1970-01-01 (negative before). Pure arithmetic (Howard Hinnant's
 * `days_from_civil`), no `Date` object, so it is identical in every time zone.
 */
export function dayNumber(d: DateParts): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The last day of a period (2024Q1 → 2024-03-31; 2024 → 2024-12-31; 2024-02 → 2024-02-29). */
export function periodEndDate(p: Period): DateParts {
  const month = periodLastMonth(p);
  return { year: p.year, month, day: daysInMonth(p.year, month) };
}

/**
 * The calendar date in Asia/Shanghai (UTC+8 all year, no daylight saving since 1991) of an instant
 * given in milliseconds since the Unix epoch. The caller passes the clock (`Date.now()` at the edge);
 * core never reads it. Use it to default `asOf` to "today in Asia/Shanghai".
 */
export function shanghaiDate(epochMs: number): IsoDate {
  const days = Math.floor((epochMs + 8 * 3_600_000) / 86_400_000);
  return formatIsoDate(civilFromDays(days));
}

/** Inverse of {@link dayNumber}. */
export function civilFromDays(z0: number): DateParts {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Year fraction of a date: year + (day of year − 1 + 1) ÷ days in year, i.e. the share of the year
 * elapsed at the END of that day (Dec 31 → year + 1). Unit: years. Used to express `asOf` on a year axis.
 */
export function yearFraction(d: DateParts): number {
  const start = dayNumber({ year: d.year, month: 1, day: 1 });
  const len = isLeapYear(d.year) ? 366 : 365;
  return d.year + (dayNumber(d) - start + 1) / len;
}
