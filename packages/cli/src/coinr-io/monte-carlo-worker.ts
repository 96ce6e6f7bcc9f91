// Runs one chunk of Monte Carlo runs in a worker thread. The parent sends the pipeline input and
// specs; every worker prepares identically and runs runs [start, start + count) with the same seed,
// so the merged histogram does not depend on how the runs were split.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareUncertainty, runMonteCarloChunk } from '@scimon/core/uncertainty/monte-carlo';
import type { MonteCarloJob } from './monte-carlo-pool.ts';

const job = workerData as MonteCarloJob;
const cancel = new Int32Array(job.cancel);
const p = prepareUncertainty(job.input, job.spec, job.uspec);
if (!p.ok) {
  parentPort?.postMessage({ type: 'error', problem: p.error });
} else {
  const r = runMonteCarloChunk(p.value, job.seed, job.start, job.count, {
    onProgress: (done) => parentPort?.postMessage({ type: 'progress', done }),
    shouldCancel: () => Atomics.load(cancel, 0) === 1,
  });
  parentPort?.postMessage(
    {
      type: 'done',
      counts: r.histogram.counts,
      valid: r.histogram.valid,
      failed: r.failed,
      cancelled: r.cancelled,
    },
    [r.histogram.counts.buffer as ArrayBuffer, r.histogram.valid.buffer as ArrayBuffer],
  );
}
