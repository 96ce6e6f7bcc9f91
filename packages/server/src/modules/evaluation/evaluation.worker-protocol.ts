// What the server posts to an evaluation worker thread and what the worker posts back.
import type { PreparedUncertainty } from '@scimon/core';

export interface UncertaintyJob {
  prepared: PreparedUncertainty;
  seed: number;
  runs: number;
  /** Runs per chunk: progress is reported and the cancel flag checked between chunks. */
  chunk: number;
  /** Int32 flag, 1 = cancel. */
  cancel: SharedArrayBuffer;
  sensitivity?: { n: number; bootstrap: number };
}

export interface SensitivityMessage {
  factors: string[];
  variance: number;
  si: number[];
  sti: number[];
  siQ5: number[];
  siQ95: number[];
  stiQ5: number[];
  stiQ95: number[];
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | {
      type: 'done';
      counts: Uint32Array;
      valid: Uint32Array;
      runs: number;
      failed: number;
      cancelled: boolean;
      sensitivity: SensitivityMessage | null;
    };

/** Work units of a job: the Monte Carlo runs plus the Saltelli design's N(d + 2) runs. */
export const jobTotal = (job: Pick<UncertaintyJob, 'runs' | 'sensitivity' | 'prepared'>) =>
  job.runs + (job.sensitivity ? job.sensitivity.n * (job.prepared.factors.length + 2) : 0);
