import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodContains,
  shiftPeriod,
  type Period,
} from './period.ts';
import { dayNumber, parseIsoDate, periodEndDate, shanghaiDate, yearFraction } from './date.ts';

const p = (s: string): Period => {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};

describe('periods', () => {
  it('parses and formats the three kinds, refusing anything else', () => {
    expect(p('2024')).toEqual({ kind: 'year', year: 2024, index: 1 });
    expect(p('2024Q3')).toEqual({ kind: 'quarter', year: 2024, index: 3 });
    expect(p('2024-03')).toEqual({ kind: 'month', year: 2024, index: 3 });
    for (const s of ['2024', '2024Q1', '2024-12']) expect(formatPeriod(p(s))).toBe(s);
    for (const s of ['2024Q5', '2024-13', '2024-3', '24', '2024q1', ' 2024'])
      expect(parsePeriod(s).ok).toBe(false);
  });
  it('orders, shifts and nests', () => {
    const sorted = ['2025-01', '2024', '2024Q1', '2024-04', '2024-03']
      .map(p)
      .sort(comparePeriods)
      .map(formatPeriod);
    expect(sorted).toEqual(['2024Q1', '2024-03', '2024-04', '2024', '2025-01']);
    expect(formatPeriod(shiftPeriod(p('2024Q1'), 1))).toBe('2023Q4');
    expect(formatPeriod(shiftPeriod(p('2024-01'), 13))).toBe('2022-12');
    expect(periodContains(p('2024'), p('2024-05'))).toBe(true);
    expect(periodContains(p('2024Q1'), p('2024-04'))).toBe(false);
  });
  it('ends, dates, Shanghai days and year fractions', () => {
    expect(periodEndDate(p('2024-02'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(periodEndDate(p('2023Q4'))).toEqual({ year: 2023, month: 12, day: 31 });
    expect(parseIsoDate('2026-02-30').ok).toBe(false);
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumber({ year: 2000, month: 3, day: 1 })).toBe(11017);
    // 2026-11-19T16:30:00Z is 2026-11-20 00:30 in Shanghai
    expect(shanghaiDate(Date.UTC(2026, 10, 19, 16, 30))).toBe('2026-11-20');
    expect(shanghaiDate(Date.UTC(2026, 10, 19, 15, 59))).toBe('2026-11-19');
    expect(yearFraction({ year: 2025, month: 12, day: 31 })).toBe(2026);
  });
});
