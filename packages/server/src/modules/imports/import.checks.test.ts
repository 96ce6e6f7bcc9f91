import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileRules } from '@scimon/core';
import { computeVerdicts, historyOf, SeriesOrder, type CheckInput } from './import.checks.ts';
import { verdictsOnWorker } from './import.checks.thread.ts';
import { DEFAULT_RULES } from './import.rules.ts';

interface Slot {
  kind: number;
  ord: number;
  value: number | null;
}

/** One series packed as the planner packs it (only the fields the window reads). */
const pack = (slots: Slot[], historyWindow: number) =>
  ({
    historyWindow,
    seriesStart: Int32Array.from([0, slots.length]),
    slotKind: Uint8Array.from(slots.map((s) => s.kind)),
    slotOrd: Float64Array.from(slots.map((s) => s.ord)),
    slotValue: Float64Array.from(slots.map((s) => s.value ?? NaN)),
  }) as CheckInput;

/** The window as first written: every slot scanned, in slot order. */
function plainHistory(slots: Slot[], slot: number, window: number) {
  const { kind, ord } = slots[slot]!;
  const history: number[] = [];
  let prev: number | null = null;
  for (const s of slots) {
    if (s.value === null || s.kind !== kind) continue;
    if (s.ord < ord && s.ord >= ord - window) history.push(s.value);
    if (s.ord === ord - 1) prev = s.value;
  }
  return { history, prev };
}

const windowOf = (slots: Slot[], slot: number, window: number) => {
  const input = pack(slots, window);
  const out: number[] = [];
  const prev = historyOf(input, new SeriesOrder(input), 0, slot, out);
  return { history: out, prev };
};

describe('the history window of a value', () => {
  const YEAR = 3;
  const QUARTER = 2;
  it('finds the previous periods of the same kind, in slot order, with the preceding value', () => {
    // Years 2020, 2018, a quarter, 2019 (out of order), 2021 not reported, 2022.
    const slots: Slot[] = [
      { kind: YEAR, ord: 2020, value: 30 },
      { kind: YEAR, ord: 2018, value: 10 },
      { kind: QUARTER, ord: 8096, value: 99 },
      { kind: YEAR, ord: 2019, value: 20 },
      { kind: YEAR, ord: 2021, value: null },
      { kind: YEAR, ord: 2022, value: 50 },
    ];
    expect(windowOf(slots, 5, 10)).toEqual({ history: [30, 10, 20], prev: null }); // 2021 not reported
    expect(windowOf(slots, 4, 2)).toEqual({ history: [30, 20], prev: 30 }); // a window of two periods
  });

  it('agrees with a scan of every slot on random series (any order, repeats, missing values, kinds)', () => {
    const slotArb = fc.record({
      kind: fc.constantFrom(0, 2, 3),
      ord: fc.integer({ min: 0, max: 25 }),
      value: fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(slotArb, { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 0, max: 12 }),
        (slots, pick, window) => {
          const slot = pick % slots.length;
          expect(windowOf(slots, slot, window)).toEqual(plainHistory(slots, slot, window));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('verdicts on a worker thread', () => {
  it('are those computed inline: history warnings and broken rules', async () => {
    // One series of gdp (years 1–4: 10, 11, 12, then 200) and, in year 4's group, rd_expenditure 300 > 200.
    const input = (): CheckInput => ({
      historyWindow: 10,
      seriesStart: Int32Array.from([0, 4, 5]),
      slotKind: Uint8Array.from([3, 3, 3, 3, 3]),
      slotOrd: Float64Array.from([1, 2, 3, 4, 4]),
      slotValue: Float64Array.from([10, 11, 12, 200, 300]),
      changeSeries: Int32Array.from([0, 1]),
      changeSlot: Int32Array.from([3, 4]),
      changePercent: Uint8Array.from([0, 0]),
      changeGroupKey: Float64Array.from([7, 7]),
      rules: [...DEFAULT_RULES],
      indicatorCodes: [
        'gdp',
        'rd_expenditure',
        'enterprise_rd_expenditure',
        'basic_research_expenditure',
        'tech_contract_turnover',
        'cross_region_contract_turnover',
      ],
      ruleIndicators: ['gdp', 'rd_expenditure'],
      fillGroupKey: Float64Array.from([7, 7]),
      fillIndicator: Int32Array.from([0, 1]),
      fillValue: Float64Array.from([200, 300]),
    });
    const compiled = compileRules(DEFAULT_RULES, new Set(input().indicatorCodes));
    if (!compiled.ok) throw new Error('rules');
    const inline = computeVerdicts(input(), compiled.value);
    // 200 on 10, 11, 12 (mean 11, sd 1, MAD 1): z = 189, robust z = 127, a jump of 1,567 % on 12;
    // R01 (index 0) broken in group 0.
    expect(Array.from(inline.warnBits)).toEqual([0b111, 0]);
    expect(inline.failing).toEqual([[0, [0]]]);
    const onWorker = await verdictsOnWorker(input());
    expect({
      ...onWorker,
      warnBits: Array.from(onWorker.warnBits),
      changeGroup: Array.from(onWorker.changeGroup),
    }).toEqual({
      ...inline,
      warnBits: Array.from(inline.warnBits),
      changeGroup: Array.from(inline.changeGroup),
    });
  });
});
