// Calendar arithmetic on ISO dates (YYYY-MM-DD, Asia/Shanghai calendar days) and reporting periods
// (`2026Q3`, `2026-09`, `2026`). Pure: "today" always arrives as a parameter.

const DAY_MS = 86_400_000;
const toMs = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days from a to b (negative when b is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((toMs(b) - toMs(a)) / DAY_MS);
export const addDays = (d: string, n: number): string => fromMs(toMs(d) + n * DAY_MS);

/** True for a real calendar date (rejects 2026-02-30). */
export const isCalendarDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && fromMs(toMs(d)) === d;

export type Frequency = 'month' | 'quarter' | 'year';

export interface PeriodSpan {
  code: string;
  frequency: Frequency;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function span(frequency: Frequency, y: number, n: number): PeriodSpan {
  if (frequency === 'year') return { code: String(y), frequency, start: `${y}-01-01`, end: `${y}-12-31` };
  if (frequency === 'quarter') {
    const m0 = (n - 1) * 3 + 1;
    return {
      code: `${y}Q${n}`,
      frequency,
      start: `${y}-${pad(m0)}-01`,
      end: `${y}-${pad(m0 + 2)}-${pad(lastDay(y, m0 + 2))}`,
    };
  }
  return {
    code: `${y}-${pad(n)}`,
    frequency,
    start: `${y}-${pad(n)}-01`,
    end: `${y}-${pad(n)}-${pad(lastDay(y, n))}`,
  };
}

/** Parses a period code of any frequency; null when it is not one. */
export function parsePeriod(code: string): PeriodSpan | null {
  let m = /^(\d{4})Q([1-4])$/.exec(code);
  if (m) return span('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code);
  if (m) return span('month', Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(code);
  if (m) return span('year', Number(m[1]), 1);
  return null;
}

/** The period of the given frequency that contains the date. */
export function periodContaining(date: string, frequency: Frequency): PeriodSpan {
  const y = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (frequency === 'year') return span('year', y, 1);
  if (frequency === 'quarter') return span('quarter', y, Math.ceil(month / 3));
  return span('month', y, month);
}

export const nextPeriod = (p: PeriodSpan): PeriodSpan => periodContaining(addDays(p.end, 1), p.frequency);

export const EXAMPLE_PERIOD: Record<Frequency, string> = {
  quarter: '2026Q3',
  month: '2026-09',
  year: '2026',
};

/**
 * The periods whose reports are due: ending after `after` (the task's start or the reporting start) and
 * on or before `until` (the closure date, when closed), whose deadline (end + grace days) is before today.
 */
export function duePeriods(
  after: string,
  today: string,
  graceDays: number,
  frequency: Frequency,
  until: string | null = null,
): (PeriodSpan & { deadline: string })[] {
  const out: (PeriodSpan & { deadline: string })[] = [];
  let p = periodContaining(after, frequency);
  if (p.end <= after) p = nextPeriod(p);
  for (let guard = 0; guard < 2000; guard++, p = nextPeriod(p)) {
    const deadline = addDays(p.end, graceDays);
    if (deadline >= today) break;
    if (until !== null && p.end > until) break;
    out.push({ ...p, deadline });
  }
  return out;
}
