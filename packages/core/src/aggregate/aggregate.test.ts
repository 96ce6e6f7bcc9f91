import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRollupPlan, type OrgUnitNode } from './tree.ts';
import { computeMonitoring, prepareMonitoringModel, type IndicatorSpec } from './monitor.ts';
import { isLowCompleteness, isPartial, rollUpColumn } from './rollup.ts';
import { rollUpOverTime } from './time.ts';

const yearEnd = (y: number) => ({ year: y, month: 12, day: 31 });

// city → part (Sichuan) → zone → parks A, B; a site under the zone (never rolls up); park C joins in 2024.
const units: OrgUnitNode[] = [
  { id: 'city', parentId: null, kind: 'city' },
  { id: 'part', parentId: 'city', kind: 'part' },
  { id: 'zone', parentId: 'part', kind: 'zone' },
  { id: 'A', parentId: 'zone', kind: 'park' },
  { id: 'B', parentId: 'zone', kind: 'park' },
  { id: 'site', parentId: 'zone', kind: 'site' },
  { id: 'C', parentId: 'zone', kind: 'park', validFrom: '2024-01-01' },
];
const years = [2022, 2025];
const P = years.length;
const specs: IndicatorSpec[] = [
  { code: 'rd', aggregation: 'flow' },
  { code: 'gdp', aggregation: 'flow' },
  { code: 'rd_intensity', aggregation: 'ratio', formula: 'rd / gdp * 100' },
  { code: 'patents', aggregation: 'stock' },
  { code: 'pop', aggregation: 'stock' },
  { code: 'patents_per_10k', aggregation: 'ratio', formula: 'patents / pop * 10000' },
  { code: 'hte', aggregation: 'stock' },
  { code: 'hitech_rev', aggregation: 'flow' },
  { code: 'contract', aggregation: 'flow' },
  { code: 'score', aggregation: 'weighted_mean', weight: 'pop' },
  { code: 'best', aggregation: 'max' },
  { code: 'n', aggregation: 'count' },
];
// rows: city part zone A B site C; columns 2022, 2025
const col = (byRow: Record<string, [number, number]>) => {
  const a = new Float64Array(units.length * P).fill(NaN);
  units.forEach((u, r) => {
    const v = byRow[u.id];
    if (v) {
      a[r * P] = v[0];
      a[r * P + 1] = v[1];
    }
  });
  return a;
};
const inputs = new Map([
  ['rd', col({ A: [4, 9], B: [2, 6], C: [NaN, 5], site: [100, 100], zone: [999, 999] })],
  ['gdp', col({ A: [100, 150], B: [300, 250], C: [NaN, 100], site: [1, 1] })],
  ['patents', col({ A: [90, 150], B: [30, 60], C: [NaN, NaN] })],
  ['pop', col({ A: [10000, 12000], B: [20000, 24000], C: [NaN, 4000] })],
  ['hte', col({ A: [1500, 2600], B: [2500, 4000], C: [NaN, 500] })],
  ['hitech_rev', col({ A: [1000, 1300], B: [2000, 2480], C: [NaN, 0] })],
  ['contract', col({ A: [50, 60], B: [30, 33], C: [NaN, 7] })],
  ['score', col({ A: [1, 2], B: [4, 5], C: [NaN, 8] })],
  ['best', col({ A: [1, 9], B: [4, 5], C: [NaN, 8] })],
  ['n', col({ A: [1, 1], B: [1, NaN], C: [NaN, 1] })],
]);

function run() {
  const plan = buildRollupPlan(units, years.map(yearEnd));
  const model = prepareMonitoringModel(specs);
  if (!plan.ok || !model.ok) throw new Error('setup');
  const out = computeMonitoring(model.value, plan.value, inputs);
  const at = (code: string, id: string, year: number) => {
    const r = plan.value.rowOf.get(id)!;
    const p = years.indexOf(year);
    const c = out.get(code)!;
    return { v: c.values[r * P + p]!, c: c.completeness[r * P + p]! };
  };
  return at;
}

describe('roll-up on a small tree (two parks → zone → part → city)', () => {
  const at = run();
  it('R&D intensity (> 5 % target) is Σ R&D ÷ Σ GDP, never a mean of parks', () => {
    // 2022: A 4/100 = 4 %, B 2/300 = 0.667 %; zone (4 + 2)/(100 + 300) = 1.5 % (mean of parks would be 2.33 %)
    expect(at('rd_intensity', 'A', 2022).v).toBeCloseTo(4, 12);
    expect(at('rd_intensity', 'zone', 2022).v).toBeCloseTo(1.5, 12);
    expect(at('rd_intensity', 'city', 2022).v).toBeCloseTo(1.5, 12);
    // 2025 with park C: (9 + 6 + 5)/(150 + 250 + 100) = 4 %; the site's R&D and the zone's stored 999 are ignored
    expect(at('rd', 'zone', 2025).v).toBe(20);
    expect(at('rd_intensity', 'city', 2025).v).toBeCloseTo(4, 12);
    expect(at('rd', 'site', 2025).v).toBe(100);
  });
  it('patents per 10,000 people (≥ 80) recomputes from summed patents and population', () => {
    // 2022: (90 + 30)/(10000 + 20000)·10^4 = 40
    expect(at('patents_per_10k', 'city', 2022).v).toBeCloseTo(40, 12);
    // 2025: park C has no patents: (150 + 60)/(12000 + 24000 + 4000)·10^4 = 52.5, partial (2 of 3 parks)
    const c25 = at('patents_per_10k', 'city', 2025);
    expect(c25.v).toBeCloseTo(52.5, 12);
    expect(c25.c).toBeCloseTo(2 / 3, 12);
    expect(isPartial(c25.c)).toBe(true);
    expect(isLowCompleteness(c25.c)).toBe(false);
  });
  it('high-tech enterprises (≥ 7,000) are summed', () => {
    expect(at('hte', 'city', 2022).v).toBe(4000);
    expect(at('hte', 'city', 2025).v).toBe(7100);
    expect(at('hte', 'city', 2025).c).toBe(1);
  });
  it('high-tech revenue and contract turnover (growth targets) are summed flows', () => {
    expect(at('hitech_rev', 'zone', 2022).v).toBe(3000);
    expect(at('hitech_rev', 'zone', 2025).v).toBe(3780); // 1300 + 2480 + 0 (a reported zero counts)
    expect(at('contract', 'part', 2025).v).toBe(100);
  });
  it('a missing park makes a partial, low-completeness aggregate and not a whole', () => {
    // 2022: park C not yet valid → 2 reporting units; n: A and B report → complete
    expect(at('n', 'zone', 2022)).toEqual({ v: 2, c: 1 });
    // 2025: B missing n → count 2 of 3
    expect(at('n', 'zone', 2025).v).toBe(2);
    const only = at('patents', 'zone', 2025);
    expect(only.c).toBeCloseTo(2 / 3, 12);
    expect(at('rd', 'C', 2022).v).toBeNaN(); // not valid yet
  });
  it('weighted mean and max', () => {
    // 2025: (2·12000 + 5·24000 + 8·4000)/(40000) = 4.4
    expect(at('score', 'city', 2025).v).toBeCloseTo(4.4, 12);
    expect(at('best', 'city', 2025).v).toBe(9);
  });
  it('one missing park in two: completeness 50 % is low', () => {
    const plan = buildRollupPlan(units.slice(0, 5), [yearEnd(2022)]);
    if (!plan.ok) throw new Error();
    const r = rollUpColumn(plan.value, 'flow', Float64Array.of(NaN, NaN, NaN, 7, NaN));
    expect(r.values[2]).toBe(7);
    expect(r.completeness[2]).toBe(0.5);
    expect(isLowCompleteness(r.completeness[0]!)).toBe(true);
    const none = rollUpColumn(plan.value, 'flow', Float64Array.of(NaN, NaN, NaN, NaN, NaN));
    expect(none.values[0]).toBeNaN(); // no data is missing, never 0
  });
});

describe('tree validation', () => {
  it('refuses cycles, unknown and inactive parents', () => {
    const cyc = buildRollupPlan(
      [
        { id: 'x', parentId: 'y', kind: 'zone' },
        { id: 'y', parentId: 'x', kind: 'zone' },
      ],
      [yearEnd(2024)],
    );
    expect(!cyc.ok && cyc.error.code).toBe('E_AGGREGATE_CYCLE');
    const unk = buildRollupPlan([{ id: 'x', parentId: 'nope', kind: 'park' }], [yearEnd(2024)]);
    expect(!unk.ok && unk.error.code).toBe('E_AGGREGATE_UNKNOWN_PARENT');
    const ina = buildRollupPlan(
      [
        { id: 'z', parentId: null, kind: 'zone', validTo: '2023-12-31' },
        { id: 'p', parentId: 'z', kind: 'park' },
      ],
      [yearEnd(2024)],
    );
    expect(!ina.ok && ina.error.code).toBe('E_AGGREGATE_INACTIVE_PARENT');
  });
  it('refuses a ratio without formula and a weighted mean without weight', () => {
    const m = prepareMonitoringModel([
      { code: 'r', aggregation: 'ratio' },
      { code: 'w', aggregation: 'weighted_mean' },
    ]);
    expect(!m.ok && m.error.map((p) => p.code)).toEqual(['E_AGGREGATE_RATIO_FORMULA', 'E_AGGREGATE_WEIGHT']);
  });
});

describe('over time', () => {
  it('flows are summed, stocks take the last period, ratios recompute', () => {
    // one row, four quarters → one year
    const q = Int32Array.of(0, 0, 0, 0);
    const flow = rollUpOverTime('flow', Float64Array.of(1, 2, NaN, 4), 1, 4, q, [4]);
    expect(flow.values[0]).toBe(7);
    expect(flow.completeness[0]).toBe(0.75);
    expect(rollUpOverTime('stock', Float64Array.of(10, 20, 30, 40), 1, 4, q, [4]).values[0]).toBe(40);
    expect(rollUpOverTime('stock', Float64Array.of(10, 20, 30, NaN), 1, 4, q, [4]).values[0]).toBeNaN();
    expect(rollUpOverTime('mean', Float64Array.of(1, 2, 3, NaN), 1, 4, q, [4]).values[0]).toBe(2);
    expect(rollUpOverTime('min', Float64Array.of(5, 2, 3, NaN), 1, 4, q, [4]).values[0]).toBe(2);
  });
});

describe('properties', () => {
  // Leaves with integer values (exact sums) or missing; random grouping of leaves into zones and zones into parts.
  const leafArb = fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }), {
    minLength: 1,
    maxLength: 30,
  });
  function tree(values: (number | null)[], zoneOf: number[], partOf: number[]) {
    const us: OrgUnitNode[] = [{ id: 'root', parentId: null, kind: 'city' }];
    const zones = new Set(zoneOf.slice(0, values.length));
    const parts = new Set([...zones].map((z) => partOf[z % partOf.length]));
    for (const p of parts) us.push({ id: `p${p}`, parentId: 'root', kind: 'part' });
    for (const z of zones) us.push({ id: `z${z}`, parentId: `p${partOf[z % partOf.length]}`, kind: 'zone' });
    values.forEach((_, i) => us.push({ id: `l${i}`, parentId: `z${zoneOf[i]}`, kind: 'park' }));
    return us;
  }
  it('a sum rolls up to the same total over any split of the tree', () => {
    fc.assert(
      fc.property(
        leafArb,
        fc.array(fc.nat(5), { minLength: 30, maxLength: 30 }),
        fc.array(fc.nat(2), { minLength: 6, maxLength: 6 }),
        (vals, zoneOf, partOf) => {
          const us = tree(vals, zoneOf, partOf);
          const plan = buildRollupPlan(us, [yearEnd(2025)]);
          if (!plan.ok) return false;
          const x = new Float64Array(us.length).fill(NaN);
          vals.forEach((v, i) => (x[plan.value.rowOf.get(`l${i}`)!] = v ?? NaN));
          const r = rollUpColumn(plan.value, 'flow', x);
          const present = vals.filter((v): v is number => v !== null);
          const want = present.length === 0 ? NaN : present.reduce((a, b) => a + b, 0);
          expect(r.values[0]).toEqual(want);
          expect(r.completeness[0]).toBeCloseTo(present.length / vals.length, 12);
          return true;
        },
      ),
    );
  });
  it("a ratio's roll-up equals the ratio of the rolled-up parts", () => {
    const pos = fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        pos,
        fc.array(fc.nat(5), { minLength: 30, maxLength: 30 }),
        fc.array(fc.nat(2), { minLength: 6, maxLength: 6 }),
        (pairs, zoneOf, partOf) => {
          const us = tree(
            pairs.map(() => 0),
            zoneOf,
            partOf,
          );
          const plan = buildRollupPlan(us, [yearEnd(2025)]);
          const model = prepareMonitoringModel([
            { code: 'num', aggregation: 'flow' },
            { code: 'den', aggregation: 'flow' },
            { code: 'q', aggregation: 'ratio', formula: 'num / den' },
          ]);
          if (!plan.ok || !model.ok) return false;
          const num = new Float64Array(us.length).fill(NaN);
          const den = new Float64Array(us.length).fill(NaN);
          pairs.forEach(([a, b], i) => {
            const r = plan.value.rowOf.get(`l${i}`)!;
            num[r] = a;
            den[r] = b;
          });
          const out = computeMonitoring(
            model.value,
            plan.value,
            new Map([
              ['num', num],
              ['den', den],
            ]),
          );
          const sn = pairs.reduce((s, [a]) => s + a, 0);
          const sd = pairs.reduce((s, [, b]) => s + b, 0);
          expect(out.get('q')!.values[0]).toBeCloseTo(sn / sd, 12);
          for (let r = 0; r < us.length; r++) {
            expect(out.get('q')!.values[r]).toBe(out.get('num')!.values[r]! / out.get('den')!.values[r]!);
          }
          return true;
        },
      ),
    );
  });
});
