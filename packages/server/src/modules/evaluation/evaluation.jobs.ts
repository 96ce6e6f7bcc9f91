// The Monte Carlo jobs of this server instance: one worker thread per running job (node:worker_threads),
// a queue beyond `maxRunning`, progress written to the run (throttled), cancellation by terminating the
// worker. The run's status in the database is the truth: every write is conditional on the expected
// status, so a run cancelled through another instance stops here at its next progress write.
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Database } from '@scimon/db';
import { summariseRanks, type RankHistogram } from '@scimon/core';
import type { EvaluationUncertaintyResult } from '@scimon/contracts';
import type { Clock } from '../../clock.ts';
import { num } from './evaluation.compute.ts';
import { updateRunIf } from './evaluation.repository.ts';
import {
  type SensitivityMessage,
  type UncertaintyJob,
  type WorkerReply,
} from './evaluation.worker-protocol.ts';

export interface UncertaintyTask {
  runId: number;
  year: number;
  /** Org-unit code of each row of the prepared input. */
  unitCodes: string[];
  job: Omit<UncertaintyJob, 'cancel' | 'chunk'>;
}

const PROGRESS_EVERY_MS = 200;
const CHUNK = 250;

interface Running {
  worker: Worker;
  cancel: SharedArrayBuffer;
  stopped: boolean;
}

function uncertaintyResult(
  task: UncertaintyTask,
  m: Extract<WorkerReply, { type: 'done' }>,
): EvaluationUncertaintyResult {
  const p = task.job.prepared;
  const h: RankHistogram = { nUnits: p.nUnits, counts: m.counts, valid: m.valid };
  const sa: SensitivityMessage | null = m.sensitivity;
  return {
    year: task.year,
    runs: task.job.runs,
    done: m.runs,
    failed: m.failed,
    factors: p.factors.map((f) => f.name),
    ranks: summariseRanks(p, h).map((s) => ({
      orgUnit: task.unitCodes[s.row] ?? String(s.row),
      nominal: num(s.nominal),
      mean: num(s.mean),
      median: num(s.median),
      q5: num(s.q5),
      q95: num(s.q95),
    })),
    sensitivity: sa && {
      variance: num(sa.variance),
      factors: sa.factors.map((name, i) => ({
        name,
        si: num(sa.si[i]),
        sti: num(sa.sti[i]),
        siQ5: num(sa.siQ5[i]),
        siQ95: num(sa.siQ95[i]),
        stiQ5: num(sa.stiQ5[i]),
        stiQ95: num(sa.stiQ95[i]),
      })),
    },
  };
}

export class EvaluationJobs {
  private readonly queue: UncertaintyTask[] = [];
  private readonly running = new Map<number, Running>();
  private closed = false;
  /** Database writes in flight (awaited on close, so none outlives the connection). */
  private readonly writes = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly maxRunning = 1,
  ) {}

  enqueue(task: UncertaintyTask): void {
    this.queue.push(task);
    this.pump();
  }

  /** Stops a queued or running job of this instance (the caller sets the run's status). */
  stop(runId: number): void {
    const q = this.queue.findIndex((t) => t.runId === runId);
    if (q >= 0) this.queue.splice(q, 1);
    const r = this.running.get(runId);
    if (r) this.halt(runId, r);
  }

  /** Jobs queued or running here (for tests and diagnostics). */
  get active(): number {
    return this.queue.length + this.running.size;
  }

  /** Stops everything (server shutdown); the runs are marked cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    const ids = [...this.queue.map((t) => t.runId), ...this.running.keys()];
    this.queue.length = 0;
    for (const [id, r] of this.running) this.halt(id, r);
    await Promise.all(this.writes);
    for (const id of ids)
      await updateRunIf(this.db, id, ['queued', 'running'], {
        status: 'cancelled',
        error_json: JSON.stringify({ code: 'W_EVAL_SERVER_STOPPED', params: {} }),
        finished_at: this.clock.now(),
      }).catch(() => false);
  }

  /** Runs database writes of one job in order, never rejecting (a failed progress write is not fatal). */
  private track(chain: Promise<unknown>, next: () => Promise<unknown>): Promise<unknown> {
    const p = chain.then(next).catch(() => undefined);
    this.writes.add(p);
    void p.finally(() => this.writes.delete(p));
    return p;
  }

  private halt(runId: number, r: Running): void {
    r.stopped = true;
    Atomics.store(new Int32Array(r.cancel), 0, 1);
    void r.worker.terminate();
    this.running.delete(runId);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.maxRunning && this.queue.length > 0) {
      void this.start(this.queue.shift() as UncertaintyTask);
    }
  }

  private async start(task: UncertaintyTask): Promise<void> {
    const cancel = new SharedArrayBuffer(4);
    const worker = new Worker(new URL('./evaluation.worker.mjs', import.meta.url));
    const r: Running = { worker, cancel, stopped: false };
    this.running.set(task.runId, r);
    const id = task.runId;
    const started = await updateRunIf(this.db, id, ['queued'], { status: 'running' }).catch(() => false);
    if (!started) {
      // Cancelled while queued (possibly through another instance).
      this.halt(id, r);
      this.pump();
      return;
    }
    let lastWrite = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const finish = (set: Parameters<typeof updateRunIf>[3]) => {
      this.running.delete(id);
      void worker.terminate();
      writing = this.track(writing, () =>
        updateRunIf(this.db, id, ['running'], { ...set, finished_at: this.clock.now() }),
      );
      this.pump();
    };
    worker.on('message', (m: WorkerReply) => {
      if (r.stopped) return;
      if (m.type === 'progress') {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = now;
        const progress = Math.min(0.99, m.done / m.total);
        writing = this.track(writing, async () => {
          const still = await updateRunIf(this.db, id, ['running'], { progress });
          if (!still && !r.stopped) this.halt(id, r); // cancelled elsewhere
        });
        return;
      }
      r.stopped = true;
      if (m.cancelled) return finish({ status: 'cancelled' });
      finish({ status: 'done', progress: 1, uncertainty_json: JSON.stringify(uncertaintyResult(task, m)) });
    });
    worker.on('error', (e: Error) => {
      if (r.stopped) return;
      r.stopped = true;
      finish({
        status: 'failed',
        error_json: JSON.stringify({ code: 'E_INTERNAL', params: { detail: e.message } }),
      });
    });
    worker.postMessage({ ...task.job, chunk: CHUNK, cancel } satisfies UncertaintyJob);
  }
}
