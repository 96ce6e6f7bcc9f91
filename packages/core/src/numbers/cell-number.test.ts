import { describe, expect, it } from 'vitest';
import { formatPlainDecimal, parseCellNumber } from './cell-number.ts';

describe('parseCellNumber', () => {
  it('reads numbers as typed in Chinese spreadsheets', () => {
    expect(parseCellNumber('1,234.5', false)).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseCellNumber('１２３４．５', false)).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseCellNumber(' 12,345,678 ', false)).toEqual({ kind: 'number', value: 12345678 });
    expect(parseCellNumber('-0', false)).toEqual({ kind: 'number', value: 0 });
  });
  it('reads 2.5%, ２．５％ and 2.5 alike for a percentage, and refuses % elsewhere', () => {
    for (const t of ['2.5%', '２．５％', '2.5', ' 2.5 % '])
      expect(parseCellNumber(t, true)).toEqual({ kind: 'number', value: 2.5 });
    expect(parseCellNumber('2.5%', false)).toEqual({ kind: 'invalid', reason: 'percent_sign' });
  });
  it('treats —, -, N/A, 无 and blank as not reported', () => {
    for (const t of ['—', '-', 'N/A', 'n/a', '无', '', '   ', '－'])
      expect(parseCellNumber(t, false)).toEqual({ kind: 'missing' });
  });
  it('refuses any other text, a decimal comma and bad grouping', () => {
    for (const t of ['abc', '1,23', '12a', '1.2.3', '约100', 'Infinity', '1e400'])
      expect(parseCellNumber(t, false)).toEqual({ kind: 'invalid', reason: 'not_a_number' });
  });
});

describe('formatPlainDecimal', () => {
  it('writes the shortest round-trip decimal without exponent', () => {
    expect(formatPlainDecimal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatPlainDecimal(492.25)).toBe('492.25');
    expect(formatPlainDecimal(1e21)).toBe('1000000000000000000000');
    expect(formatPlainDecimal(1.5e-7)).toBe('0.00000015');
    expect(formatPlainDecimal(-2.5e-7)).toBe('-0.00000025');
    expect(formatPlainDecimal(1.2345e22)).toBe('12345000000000000000000');
    for (const x of [1 / 3, 1e-7, 123456789.123, 5e-324]) expect(Number(formatPlainDecimal(x))).toBe(x);
  });
});
