import { describe, expect, it } from 'vitest';
import type { Change } from './import.plan.ts';
import { keyOrder } from './import.key-order.ts';

const change = (indicator: string, orgUnit: number, period: string, source: string) =>
  ({
    kind: 'insert',
    expectedVersion: 0,
    c: { indicator: { code: indicator }, orgUnit: { id: orgUnit }, periodCode: period, source },
  }) as unknown as Change;

const keyOf = (ch: Change) => [ch.c.orgUnit.id, ch.c.periodCode, ch.c.indicator.code, ch.c.source];

describe('keyOrder', () => {
  // File order (year, unit, indicator), as a long-layout export is often written.
  const changes = [
    change('rd_expenditure', 12, '2024', 'report'),
    change('gdp', 12, '2024', 'report'),
    change('gdp', 3, '2024', 'report'),
    change('gdp', 12, '2023', 'report'),
    change('gdp', 12, '2024', 'provincial'),
    change('rd_expenditure', 3, '2023Q4', 'report'),
    change('rd_expenditure', 3, '2023', 'report'),
  ];

  it('orders by org unit id (numerically), period, indicator and source', () => {
    const order = [...keyOrder(changes)];
    expect(order.map((i) => keyOf(changes[i]!))).toEqual([
      [3, '2023', 'rd_expenditure', 'report'],
      [3, '2023Q4', 'rd_expenditure', 'report'],
      [3, '2024', 'gdp', 'report'],
      [12, '2023', 'gdp', 'report'],
      [12, '2024', 'gdp', 'provincial'],
      [12, '2024', 'gdp', 'report'],
      [12, '2024', 'rd_expenditure', 'report'],
    ]);
  });

  it('is a permutation for many rows (the packed numeric sort)', () => {
    const many: Change[] = [];
    for (let y = 2030; y >= 2000; y--)
      for (let u = 500; u >= 1; u -= 7)
        for (const ind of ['b', 'a', 'c']) many.push(change(ind, u, String(y), 'report'));
    const order = [...keyOrder(many)];
    expect(new Set(order).size).toBe(many.length);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [keyOf(many[order[i - 1]!]!), keyOf(many[order[i]!]!)];
      const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
      const cmp =
        (a[0] as number) - (b[0] as number) ||
        text(a[1] as string, b[1] as string) ||
        text(a[2] as string, b[2] as string);
      expect(cmp).toBeLessThan(0);
    }
  });

  it('handles an empty plan', () => {
    expect(keyOrder([])).toHaveLength(0);
  });
});
