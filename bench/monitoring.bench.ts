// Monitoring engine benchmark: every derived and rolled-up value for 2,000 org units × 200 indicators ×
// 10 periods (4 M values), and the Open SDG progress measure over many series. Prints medians.
// Run: node_modules/.bin/tsx bench/monitoring.bench.ts
import {
  buildRollupPlan,
  computeMonitoring,
  prepareMonitoringModel,
  type IndicatorSpec,
  type OrgUnitNode,
} from '../packages/core/src/aggregate/index.ts';
import { openSdgProgress, type OpenSdgInput } from '../packages/core/src/progress/index.ts';
import { createRng } from '../packages/core/src/shared/rng.ts';

const REPS = 7;
const UNITS = 2000;
const PERIODS = 10;
const rng = createRng(20261120, 0);

// Tree: city → 2 parts → 20 zones → 1,977 parks.
const units: OrgUnitNode[] = [{ id: 'city', parentId: null, kind: 'city' }];
for (let p = 0; p < 2; p++) units.push({ id: `part${p}`, parentId: 'city', kind: 'part' });
for (let z = 0; z < 20; z++) units.push({ id: `zone${z}`, parentId: `part${z % 2}`, kind: 'zone' });
while (units.length < UNITS)
  units.push({ id: `park${units.length}`, parentId: `zone${units.length % 20}`, kind: 'park' });

// 200 indicators: 120 stored (flow, stock, mean, weighted_mean, min, max, count), 40 ratios, 40 other derived.
const specs: IndicatorSpec[] = [];
const storedTypes = [
  'flow',
  'flow',
  'stock',
  'stock',
  'mean',
  'weighted_mean',
  'min',
  'max',
  'count',
  'flow',
] as const;
for (let i = 0; i < 120; i++) {
  const t = storedTypes[i % storedTypes.length]!;
  specs.push({ code: `x${i}`, aggregation: t, weight: t === 'weighted_mean' ? 'x0' : null });
}
for (let i = 0; i < 40; i++)
  specs.push({ code: `r${i}`, aggregation: 'ratio', formula: `x${i} / x${(i + 1) % 120} * 100` });
for (let i = 0; i < 40; i++)
  specs.push({
    code: `d${i}`,
    aggregation: 'flow',
    formula: `max(x${i} - lag(x${i}, 1), 0) + if(x${i + 40} > 50, x${i + 40}, 0)`,
  });

const years = Array.from({ length: PERIODS }, (_, k) => ({ year: 2016 + k, month: 12, day: 31 }));
const plan = buildRollupPlan(units, years);
const model = prepareMonitoringModel(specs);
if (!plan.ok || !model.ok) throw new Error('benchmark setup failed');
const inputs = new Map<string, Float64Array>();
for (let i = 0; i < 120; i++) {
  const a = new Float64Array(UNITS * PERIODS);
  for (let j = 0; j < a.length; j++) a[j] = rng.next() < 0.05 ? NaN : rng.next() * 100;
  inputs.set(`x${i}`, a);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function time(label: string, f: () => number): void {
  f(); // warm-up
  const ms: number[] = [];
  let n = 0;
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    n = f();
    ms.push(performance.now() - t0);
  }
  console.log(
    `${label}: median ${median(ms).toFixed(1)} ms over ${REPS} runs (min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)}); ${n.toLocaleString('en')} values`,
  );
}

time(`roll-up + derived, ${UNITS} units × ${specs.length} indicators × ${PERIODS} periods`, () => {
  const out = computeMonitoring(model.value, plan.value, inputs);
  let n = 0;
  for (const c of out.values()) n += c.values.length;
  return n;
});

const series: OpenSdgInput[] = [];
for (let i = 0; i < 400_000; i++) {
  const hasTarget = i % 2 === 0;
  series.push({
    baseYear: 2022,
    baseValue: 1 + rng.next() * 100,
    currentYear: 2025,
    currentValue: 1 + rng.next() * 100,
    target: hasTarget ? 50 + rng.next() * 100 : null,
    targetYear: 2025,
    direction: rng.next() < 0.5 ? 1 : -1,
    limit: !hasTarget && i % 3 === 0 ? 120 : null,
  });
}
time('Open SDG progress measure, 400,000 series', () => {
  for (const s of series) openSdgProgress(s);
  return series.length;
});
