// Runs an evaluation's Monte Carlo analysis (and optional sensitivity analysis) off the request thread.
// Runs are done chunk by chunk with core's runMonteCarloChunk (run k always uses the stream (seed, k),
// so results are reproducible from the seed); progress is posted and the cancel flag checked per chunk.
import { parentPort } from 'node:worker_threads';
import { createRankHistogram, mergeRankHistograms, runMonteCarloChunk, runSensitivity } from '@scimon/core';
import {
  jobTotal,
  type SensitivityMessage,
  type UncertaintyJob,
  type WorkerReply,
} from './evaluation.worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('evaluation.worker runs in a worker thread');
const post = (m: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

const arr = (a?: Float64Array) => (a ? Array.from(a) : []);

function sensitivity(job: UncertaintyJob): SensitivityMessage | null {
  const p = job.prepared;
  if (!job.sensitivity || p.factors.length < 2) return null;
  const r = runSensitivity(p, job.sensitivity.n, job.seed, { nBoot: job.sensitivity.bootstrap });
  if (!r.ok) return null;
  const i = r.value.indices;
  return {
    factors: [...r.value.factors],
    variance: i.variance,
    si: Array.from(i.si),
    sti: Array.from(i.sti),
    siQ5: arr(i.siQ5),
    siQ95: arr(i.siQ95),
    stiQ5: arr(i.stiQ5),
    stiQ95: arr(i.stiQ95),
  };
}

port.once('message', (job: UncertaintyJob) => {
  const p = job.prepared;
  const flag = new Int32Array(job.cancel);
  const shouldCancel = () => Atomics.load(flag, 0) === 1;
  const total = jobTotal(job);
  const h = createRankHistogram(p.nUnits);
  let runs = 0;
  let failed = 0;
  let cancelled = false;
  for (let start = 0; start < job.runs; start += job.chunk) {
    if (shouldCancel()) {
      cancelled = true;
      break;
    }
    const c = runMonteCarloChunk(p, job.seed, start, Math.min(job.chunk, job.runs - start), { shouldCancel });
    mergeRankHistograms(h, c.histogram);
    runs += c.runs;
    failed += c.failed;
    post({ type: 'progress', done: runs, total });
    if (c.cancelled) {
      cancelled = true;
      break;
    }
  }
  const sa = cancelled || shouldCancel() ? null : sensitivity(job);
  post(
    {
      type: 'done',
      counts: h.counts,
      valid: h.valid,
      runs,
      failed,
      cancelled: cancelled || shouldCancel(),
      sensitivity: sa,
    },
    [h.counts.buffer as ArrayBuffer, h.valid.buffer as ArrayBuffer],
  );
});
