// Splits Monte Carlo runs over worker threads (node:worker_threads) and merges their rank
// histograms. Core stays single-threaded and pure; this is the CLI's (Node-only) parallel driver.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PipelineInput, PipelineSpec } from '@scimon/core/composite/pipeline';
import {
  prepareUncertainty,
  runMonteCarloChunk,
  type PreparedUncertainty,
  type UncertaintySpec,
} from '@scimon/core/uncertainty/monte-carlo';
import {
  createRankHistogram,
  mergeRankHistograms,
  type RankHistogram,
} from '@scimon/core/uncertainty/rank-histogram';
import type { Problem } from '@scimon/core';

export interface MonteCarloJob {
  input: PipelineInput;
  spec: PipelineSpec;
  uspec: UncertaintySpec;
  seed: number;
  start: number;
  count: number;
  /** SharedArrayBuffer holding one Int32 cancel flag. */
  cancel: SharedArrayBuffer;
}

export interface PoolResult {
  prepared: PreparedUncertainty;
  histogram: RankHistogram;
  failed: number;
  cancelled: boolean;
}

export interface PoolOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Set to 1 (Atomics.store) to cancel. */
  cancel?: SharedArrayBuffer;
}

/** Default worker count: every core, at most 8; 1 (in-process) for small jobs. */
export function defaultWorkers(runs: number): number {
  return runs < 1000 ? 1 : Math.min(8, availableParallelism());
}

/** Runs `runs` Monte Carlo runs, in-process (workers ≤ 1) or over worker threads. */
export async function runMonteCarloPool(
  input: PipelineInput,
  spec: PipelineSpec,
  uspec: UncertaintySpec,
  seed: number,
  runs: number,
  opts: PoolOptions = {},
): Promise<{ ok: true; value: PoolResult } | { ok: false; error: Problem }> {
  const prepared = prepareUncertainty(input, spec, uspec);
  if (!prepared.ok) return prepared;
  const cancel = opts.cancel ?? new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const nWorkers = Math.max(1, Math.min(opts.workers ?? defaultWorkers(runs), runs));
  if (nWorkers === 1) {
    const r = runMonteCarloChunk(prepared.value, seed, 0, runs, {
      onProgress: (d) => opts.onProgress?.(d, runs),
      shouldCancel: () => Atomics.load(flag, 0) === 1,
    });
    return {
      ok: true,
      value: { prepared: prepared.value, histogram: r.histogram, failed: r.failed, cancelled: r.cancelled },
    };
  }
  const histogram = createRankHistogram(prepared.value.nUnits);
  const done = new Array<number>(nWorkers).fill(0);
  let failed = 0;
  let cancelled = false;
  const per = Math.ceil(runs / nWorkers);
  const jobs: Promise<void>[] = [];
  let problem: Problem | undefined;
  for (let w = 0; w < nWorkers; w++) {
    const start = w * per;
    const count = Math.min(per, runs - start);
    if (count <= 0) continue;
    const job: MonteCarloJob = { input, spec, uspec, seed, start, count, cancel };
    jobs.push(
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./monte-carlo-worker.mjs', import.meta.url), { workerData: job });
        worker.on(
          'message',
          (m: {
            type: string;
            done?: number;
            counts?: Uint32Array;
            valid?: Uint32Array;
            failed?: number;
            cancelled?: boolean;
            problem?: Problem;
          }) => {
            if (m.type === 'progress') {
              done[w] = m.done ?? 0;
              opts.onProgress?.(
                done.reduce((a, b) => a + b, 0),
                runs,
              );
            } else if (m.type === 'done') {
              mergeRankHistograms(histogram, {
                nUnits: histogram.nUnits,
                counts: m.counts as Uint32Array,
                valid: m.valid as Uint32Array,
              });
              failed += m.failed ?? 0;
              cancelled ||= m.cancelled ?? false;
              void worker.terminate();
              resolve();
            } else if (m.type === 'error') {
              problem = m.problem;
              void worker.terminate();
              resolve();
            }
          },
        );
        worker.on('error', reject);
      }),
    );
  }
  await Promise.all(jobs);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: { prepared: prepared.value, histogram, failed, cancelled } };
}
