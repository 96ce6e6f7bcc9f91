import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkValue, sanityRange } from './value-checks.ts';
import { historyWarnings } from './warnings.ts';
import { compileRules, failingRules } from './rules.ts';

describe('value checks', () => {
  it('needs integers for counts, non-negative amounts, and stays in the sanity range', () => {
    expect(checkValue(3.5, { valueType: 'integer', unitZh: '家' })).toEqual({ code: 'E_IMPORT_NOT_INTEGER' });
    expect(checkValue(-1, { valueType: 'number', unitZh: '亿元' })).toEqual({ code: 'E_IMPORT_NEGATIVE' });
    expect(checkValue(2e7, { valueType: 'number', unitZh: '亿元' })).toEqual({
      code: 'E_IMPORT_OUT_OF_RANGE',
      min: 0,
      max: 1e7,
    });
    expect(checkValue(-5, { valueType: 'percent', unitZh: '%' })).toBeNull();
    expect(sanityRange({ valueType: 'number', unitZh: '万人' })).toEqual({ min: 0, max: 2e5 });
  });
});

describe('history warnings', () => {
  // history 10, 11, 12, 13: mean 11.5, sd = sqrt(5/3) = 1.291; median 11.5, MAD 1.
  const history = [10, 11, 12, 13];
  it('flags an outlier by z-score and by MAD, and a jump on the previous period', () => {
    // 20: z = 8.5 / 1.291 = 6.58 > 3; 0.6745·8.5/1 = 5.73 > 3.5; 20/13 − 1 = 0.54 > 0.5
    expect(historyWarnings({ value: 20, history, previous: 13, percent: false })).toEqual([
      'outlier_z',
      'outlier_mad',
      'yoy_change',
    ]);
    // 14: z = 1.94, modified z = 1.69, change 7.7 %: quiet
    expect(historyWarnings({ value: 14, history, previous: 13, percent: false })).toEqual([]);
  });
  it('flags a fraction typed for a percentage and a 万元/亿元 mix-up', () => {
    expect(historyWarnings({ value: 0.025, history: [2.4, 2.5], previous: 2.5, percent: true })).toContain(
      'fraction_of_percent',
    );
    expect(
      historyWarnings({ value: 115000, history: [11.2, 11.8], previous: 11.8, percent: false }),
    ).toContain('magnitude_1e4');
  });
});

/** The warnings restated plainly (fresh sorted copies, `every`, `reduce`): the oracle for the fast version. */
function plainWarnings(value: number, history: number[], previous: number | null, percent: boolean) {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const out: string[] = [];
  if (history.length >= 3) {
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / (history.length - 1));
    if (sd > 0 && Math.abs(value - mean) / sd > 3) out.push('outlier_z');
    const med = median(history);
    const mad = median(history.map((h) => Math.abs(h - med)));
    if (mad > 0 && (0.6745 * Math.abs(value - med)) / mad > 3.5) out.push('outlier_mad');
  }
  if (previous !== null && previous !== 0 && Math.abs(value / previous - 1) > 0.5) out.push('yoy_change');
  if (percent && history.length > 0 && history.every((h) => h > 1) && value !== 0 && Math.abs(value) < 1)
    out.push('fraction_of_percent');
  if (history.length > 0 && value !== 0) {
    const ref = median(history);
    const ratio = ref === 0 ? 0 : Math.abs(value / ref);
    if (ratio > 0 && Math.abs(Math.abs(Math.log10(ratio)) - 4) <= 0.5) out.push('magnitude_1e4');
  }
  return out;
}

describe('history warnings, reused scratch space', () => {
  it('agrees with the plain statement on random histories (ties, zeros, negatives, short and long)', () => {
    const num = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constantFrom(0.5, 1, 2.4, 11.5, 1e4, 1.15e5),
    );
    fc.assert(
      fc.property(
        num,
        fc.array(num, { maxLength: 80 }),
        fc.option(num, { nil: null }),
        fc.boolean(),
        (value, history, previous, percent) => {
          const before = [...history];
          expect(historyWarnings({ value, history, previous, percent })).toEqual(
            plainWarnings(value, history, previous, percent),
          );
          expect(history).toEqual(before); // the caller's list is left as it was
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('validation rules', () => {
  it('evaluates rules column-wise, skipping or zero-filling missing operands', () => {
    const rules = compileRules(
      [
        { code: 'R1', expression: 'rd <= gdp', missing: 'skip', importance: 'error' },
        { code: 'R2', expression: 'part <= rd', missing: 'zero', importance: 'warning' },
      ],
      new Set(['rd', 'gdp', 'part']),
    );
    if (!rules.ok) throw new Error('compile');
    const groups = [
      new Map([
        ['rd', 5],
        ['gdp', 100],
        ['part', 3],
      ]),
      new Map([
        ['rd', 120],
        ['gdp', 100],
      ]),
      new Map([['part', 2]]),
    ];
    const f = failingRules(rules.value, groups);
    expect([...f.keys()].sort()).toEqual([1, 2]);
    expect(f.get(1)!.map((r) => r.code)).toEqual(['R1']);
    expect(f.get(2)!.map((r) => r.code)).toEqual(['R2']);
  });
  it('refuses a rule that is not boolean or names an unknown indicator', () => {
    expect(
      compileRules(
        [{ code: 'X', expression: 'rd + 1', missing: 'skip', importance: 'error' }],
        new Set(['rd']),
      ).ok,
    ).toBe(false);
    expect(
      compileRules(
        [{ code: 'X', expression: 'rd < nope', missing: 'skip', importance: 'error' }],
        new Set(['rd']),
      ).ok,
    ).toBe(false);
  });
});
