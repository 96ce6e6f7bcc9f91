// Evaluation-engine benchmark: prints medians and the ratios to COINr's timings (PERF.md) on
// the perf dataset (2,000 units × 60 indicators → 10 → 5 → index), read in place.
// Run: node_modules/.bin/tsx bench/evaluation.bench.ts [--mc-runs N] [--reps R]
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { aggregateData } from '../packages/core/src/composite/aggregate.ts';
import { getColumn } from '../packages/core/src/composite/matrix.ts';
import { normaliseData } from '../packages/core/src/composite/normalise.ts';
import { rankDescendingMin } from '../packages/core/src/composite/stats.ts';
import {
  frameworkFromIMeta,
  matrixFromTable,
  parseCsv,
} from '../packages/core/src/composite/testing/coinr-csv.ts';
import { runMonteCarloPool } from '../packages/cli/src/coinr-io/monte-carlo-pool.ts';
import { referenceDir } from '../test-support/reference.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const dir = referenceDir('coinr');
if (!dir) process.exit(0);
const load = (f: string) => parseCsv(readFileSync(path.join(dir, f), 'utf8'));
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};

// COINr medians on this machine kind (PERF.md / perf_timings_summary.csv), seconds.
const coinr = {
  pipeline: 0.549,
  aggregate: 0.529,
  mc1000: 749.831,
  mcLoop1000: 643.727,
  mcVectorisedR1000: 3.091,
};

const fw = frameworkFromIMeta(load('perf_iMeta.csv'));
const data = matrixFromTable(
  load('perf_iData.csv'),
  fw.nodes.slice(0, fw.nIndicators).map((n) => n.code),
);

// 1. pipeline: normalise (min-max 0–100) + aggregate (amean, level by level) + rank.
const reps = arg('--reps', 31);
const times: number[] = [];
for (let r = 0; r < reps + 5; r++) {
  const t0 = performance.now();
  const n = normaliseData(data, fw, { method: 'minmax', lower: 0, upper: 100 });
  if (!n.ok) throw new Error('normalise');
  const a = aggregateData(n.value, fw, fw.weights, { method: 'amean' });
  if (!a.ok) throw new Error('aggregate');
  rankDescendingMin(getColumn(a.value, fw.nodes.length - 1));
  if (r >= 5) times.push(performance.now() - t0);
}
const pipeMs = median(times);
console.log(
  `pipeline (normalise + aggregate + rank), median of ${reps}: ${pipeMs.toFixed(2)} ms  (goal < 20 ms)`,
);
console.log(
  `  vs COINr whole pipeline ${coinr.pipeline} s: ${((coinr.pipeline * 1000) / pipeMs).toFixed(0)}× faster; vs COINr Aggregate alone ${coinr.aggregate} s: ${((coinr.aggregate * 1000) / pipeMs).toFixed(0)}×`,
);

// 2. Monte Carlo: N runs, each weight below the index × U(0.75, 1.25), ranks into histograms.
const runs = arg('--mc-runs', 10_000);
const mcReps = arg('--mc-reps', 3);
const input = { framework: fw, data };
const spec = { normalise: { method: 'minmax' as const, lower: 0, upper: 100 } };
type Timing = {
  prepared: number;
  source?: { kind: string; at: number };
  threads: { runs: number; ready?: number }[];
};
// Wall time, and the process's CPU time (all threads): on a shared machine the CPU time shows what
// the work costs when the wall time includes waiting for a core.
async function timeMc(
  workers: number,
  reps = mcReps,
): Promise<{ wall: number; cpu: number; timings: Timing[] }> {
  const ts: number[] = [];
  const cpus: number[] = [];
  const timings: Timing[] = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await runMonteCarloPool(input, spec, { weightNoise: 0.25 }, 20240601, runs, { workers });
    if (!res.ok) throw new Error(res.error.message);
    ts.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
    timings.push(res.value.timing);
  }
  return { wall: median(ts) / 1000, cpu: median(cpus) / 1000, timings };
}
const cores = availableParallelism();
// The first call builds the worker bundle (esbuild, once per process): timed on its own.
const first = await timeMc(2, 1);
const mc2 = await timeMc(2);
const wall2 = mc2.wall;
console.log(
  `Monte Carlo ${runs} runs, weight noise ±25 %, 2 threads (main + 1 worker; ${cores} cores here), median wall of ${mcReps}: ${wall2.toFixed(2)} s  (goal < 2 s; CPU ${mc2.cpu.toFixed(2)} s); first call of the process, which also bundles the worker: ${first.wall.toFixed(2)} s`,
);
const ms = (v: number[]) => `${median(v).toFixed(0)} ms`;
console.log(
  `  medians: preparation ${ms(mc2.timings.map((t) => t.prepared))}, worker source ${mc2.timings[0]?.source?.kind ?? '?'} ready at ${ms(mc2.timings.map((t) => t.source?.at ?? 0))}, worker thread started at ${ms(mc2.timings.map((t) => t.threads[1]?.ready ?? Number.NaN))}, runs on the main thread ${median(mc2.timings.map((t) => t.threads[0]?.runs ?? 0)).toFixed(0)} of ${runs}`,
);
const mc1 = await timeMc(1);
const wall1 = mc1.wall;
console.log(
  `Monte Carlo ${runs} runs, single core (in-process), median of ${mcReps}: ${wall1.toFixed(2)} s  (${((wall1 * 1000) / runs).toFixed(3)} ms/run; CPU ${mc1.cpu.toFixed(2)} s)`,
);
const perRun = (s: number) => s / runs;
console.log(
  `  vs COINr get_sensitivity (${coinr.mc1000} s per 1,000 runs): ${(coinr.mc1000 / 1000 / perRun(wall2)).toFixed(0)}× (2 threads), ${(coinr.mc1000 / 1000 / perRun(wall1)).toFixed(0)}× (1 core)`,
);
console.log(
  `  vs COINr loop over Aggregate (${coinr.mcLoop1000} s per 1,000): ${(coinr.mcLoop1000 / 1000 / perRun(wall2)).toFixed(0)}× (2 threads)`,
);
console.log(
  `  vs hand-vectorised base R (${coinr.mcVectorisedR1000} s per 1,000): ${(coinr.mcVectorisedR1000 / 1000 / perRun(wall2)).toFixed(1)}× (2 threads), ${(coinr.mcVectorisedR1000 / 1000 / perRun(wall1)).toFixed(1)}× (1 core)`,
);
