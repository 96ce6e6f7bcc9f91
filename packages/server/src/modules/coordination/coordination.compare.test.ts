// The coordination's pure rules against hand-computed numbers.
import { describe, expect, it } from 'vitest';
import {
  assessCell,
  DEFAULT_COORDINATION_RULES,
  largestDifference,
  precedenceSource,
  relativeDifference,
  valuesFingerprint,
} from './coordination.compare.ts';

describe('relative difference', () => {
  it('is |a − b| ÷ max(|a|, |b|)', () => {
    // provincial 120 vs report 100: 20 ÷ 120 = 0.1666…
    expect(relativeDifference(120, 100)).toBeCloseTo(1 / 6, 15);
    expect(relativeDifference(100, 120)).toBeCloseTo(1 / 6, 15);
    expect(relativeDifference(100, 95)).toBe(0.05); // 5 ÷ 100: at the default tolerance, not above it
    expect(relativeDifference(0, 0)).toBe(0);
    expect(relativeDifference(0, 3)).toBe(1);
    expect(relativeDifference(-5, 10)).toBe(1.5); // 15 ÷ 10
  });

  it('takes the largest pair', () => {
    // 100, 104, 120: pairs 4/104, 20/120, 16/120 → 1/6
    expect(largestDifference([100, 104, 120])).toBeCloseTo(1 / 6, 15);
    // −5, 3, 10: 8/5 = 1.6 beats 15/10 = 1.5 and 7/10
    expect(largestDifference([-5, 3, 10])).toBe(1.6);
    expect(largestDifference([7])).toBe(0);
    expect(largestDifference([])).toBe(0);
  });
});

describe('fingerprint and precedence', () => {
  it('orders by source code, leaves out missing values, ignores input order', () => {
    const a = valuesFingerprint([
      { source: 'report', value: 100 },
      { source: 'provincial', value: 120 },
      { source: 'sample', value: null },
    ]);
    expect(a).toBe('provincial=120;report=100');
    expect(
      valuesFingerprint([
        { source: 'provincial', value: 120 },
        { source: 'report', value: 100 },
      ]),
    ).toBe(a);
    expect(valuesFingerprint([{ source: 'report', value: 2.255 }])).toBe('report=2.255');
  });

  it('picks the first source with a value in the configured order', () => {
    const values = [
      { source: 'report', value: 100 },
      { source: 'provincial', value: 120 },
      { source: 'national', value: null },
    ];
    expect(precedenceSource(values, DEFAULT_COORDINATION_RULES.precedence)).toBe('provincial');
    expect(precedenceSource(values, ['report', 'national', 'provincial', 'published', 'sample'])).toBe(
      'report',
    );
    expect(precedenceSource([{ source: 'x', value: null }], ['report'])).toBeNull();
  });
});

describe('assessCell', () => {
  const values = [
    { source: 'provincial', value: 120 },
    { source: 'report', value: 100 },
  ];
  it('opens a difference above the tolerance and not one within it', () => {
    const a = assessCell(values, DEFAULT_COORDINATION_RULES, null);
    expect(a).toMatchObject({ present: 2, differs: true, status: 'open', precedenceSource: 'provincial' });
    expect(a.relativeDifference).toBeCloseTo(0.1667, 4);
    const loose = assessCell(values, { ...DEFAULT_COORDINATION_RULES, relativeTolerance: 0.2 }, null);
    expect(loose).toMatchObject({ differs: false, status: null });
    const single = assessCell([values[0]!], DEFAULT_COORDINATION_RULES, null);
    expect(single).toMatchObject({ present: 1, differs: false, status: null });
  });

  it('is resolved only while the values are those the resolution was made on', () => {
    const resolution = {
      acceptedValue: 100,
      source: 'report',
      fingerprint: 'provincial=120;report=100',
      resolvedAt: '2026-11-28T10:00:00+08:00',
    };
    expect(assessCell(values, DEFAULT_COORDINATION_RULES, resolution)).toMatchObject({
      status: 'resolved',
      current: resolution,
    });
    const changed = [{ source: 'provincial', value: 125 }, values[1]!];
    expect(assessCell(changed, DEFAULT_COORDINATION_RULES, resolution)).toMatchObject({
      status: 'open',
      current: null,
    });
  });
});

describe('sample values', () => {
  it('take no part in the comparison but still rank last', () => {
    const a = assessCell(
      [
        { source: 'report', value: 100 },
        { source: 'sample', value: 140 },
      ],
      DEFAULT_COORDINATION_RULES,
      null,
    );
    expect(a).toMatchObject({ present: 1, differs: false, status: null, precedenceSource: 'report' });
    expect(a.fingerprint).toBe('report=100');
  });
});
