// What the Monte Carlo pool and its worker threads exchange, and the claim loop they share:
// threads take chunks of runs from one shared counter until the runs are used up, so a thread
// that starts late (worker start-up) or runs slowly (a busy machine) simply takes fewer chunks.
import type { MonteCarloRunner, PreparedUncertainty } from '@scimon/core/uncertainty/monte-carlo';

/** Posted to a worker once the analysis is prepared. */
export interface MonteCarloJob {
  prepared: PreparedUncertainty;
  seed: number;
  runs: number;
  /** Runs claimed at a time. */
  chunk: number;
  /** SharedArrayBuffer holding the Int32 index of the next unclaimed run. */
  next: SharedArrayBuffer;
  /** SharedArrayBuffer holding one Int32 cancel flag (1 = cancel). */
  cancel: SharedArrayBuffer;
}

/** Messages from a worker. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; done: number }
  | {
      type: 'done';
      counts: Uint32Array;
      valid: Uint32Array;
      runs: number;
      failed: number;
      cancelled: boolean;
    };

/** Claims the next chunk: [start, start + count), or null when no run is left. */
export function claimChunk(job: Pick<MonteCarloJob, 'runs' | 'chunk' | 'next'>): [number, number] | null {
  const start = Atomics.add(new Int32Array(job.next), 0, job.chunk);
  return start >= job.runs ? null : [start, Math.min(job.chunk, job.runs - start)];
}

/** True once the cancel flag is set. */
export const isCancelled = (cancel: SharedArrayBuffer): boolean =>
  Atomics.load(new Int32Array(cancel), 0) === 1;

/**
 * Runs claimed chunks to the end (a worker thread's loop); `onProgress` receives this thread's
 * total of runs done. Returns true when cancelled.
 */
export function runClaimedChunks(
  runner: MonteCarloRunner,
  job: MonteCarloJob,
  onProgress: (done: number) => void,
): boolean {
  const shouldCancel = () => isCancelled(job.cancel);
  for (;;) {
    if (shouldCancel()) return true;
    const c = claimChunk(job);
    if (!c) return false;
    const before = runner.runs;
    if (!runner.run(c[0], c[1], { shouldCancel, onProgress: (d) => onProgress(before + d) })) return true;
  }
}
