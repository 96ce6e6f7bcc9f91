// Runs Monte Carlo runs in a worker thread. The parent prepares the analysis once and posts it
// (structured clone); the worker then claims chunks of runs from a shared counter until none are
// left and posts back its rank histogram. Run k always uses the stream (seed, k), so the merged
// histogram does not depend on which thread ran which chunk. Loaded as a plain-JS bundle built at
// first use (monte-carlo-pool.ts), or through tsx (monte-carlo-worker.mjs) when that fails.
import { parentPort } from 'node:worker_threads';
import { createMonteCarloRunner } from '@scimon/core/uncertainty/monte-carlo';
import { runClaimedChunks, type MonteCarloJob, type WorkerMessage } from './monte-carlo-job.ts';

const port = parentPort;
if (!port) throw new Error('monte-carlo-worker runs in a worker thread');
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.once('message', (job: MonteCarloJob) => {
  const runner = createMonteCarloRunner(job.prepared, job.seed);
  const cancelled = runClaimedChunks(runner, job, (done) => post({ type: 'progress', done }));
  const h = runner.finish();
  post(
    { type: 'done', counts: h.counts, valid: h.valid, runs: runner.runs, failed: runner.failed, cancelled },
    [h.counts.buffer as ArrayBuffer, h.valid.buffer as ArrayBuffer],
  );
});
// Tells the parent that the worker is listening (its start-up cost is measured from there).
post({ type: 'ready' });
