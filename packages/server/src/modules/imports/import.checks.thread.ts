// A large import's warnings and rules on a worker thread, while the importing thread writes (SQLite's
// writes hold the importing thread: measured ~1 s of 1,000,000 values moved off it). The verdicts are the
// same as computed inline (one implementation, import.checks.ts); should the worker fail, they are
// computed inline after all.
import { Worker } from 'node:worker_threads';
import type { CompiledRule } from '@scimon/core';
import { buffersOf, computeVerdicts, type CheckInput, type Verdicts } from './import.checks.ts';

type Reply = { ok: true; verdicts: Verdicts } | { ok: false; message: string };

/** The verdicts from a worker thread (rejects if it fails). */
export function verdictsOnWorker(input: CheckInput): Promise<Verdicts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.checks.worker.mjs', import.meta.url));
    worker.once('message', (m: Reply) => {
      if (m.ok) resolve(m.verdicts);
      else reject(new Error(m.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`checks worker exited (${code})`)));
    worker.postMessage(input, buffersOf(input)); // the buffers move to the worker
  });
}

/**
 * Starts computing the verdicts on a worker thread; `input` is built by `pack` (called again, inline,
 * if the worker fails: its buffers went to the worker).
 */
export function verdictsOffThread(pack: () => CheckInput, rules: readonly CompiledRule[]): Promise<Verdicts> {
  return verdictsOnWorker(pack()).catch(() => computeVerdicts(pack(), rules));
}
