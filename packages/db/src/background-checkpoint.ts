// Large writes on SQLite without the checkpoint on the writer's clock. In WAL mode a commit appends pages to
// the log; the automatic checkpoint then copies them into the database file on the committing connection
// before the commit returns (about 1 s of a 1,000,000-value import). Here the automatic checkpoint is off
// while the work runs, and the copy runs right after on a worker thread with its own connection. Nothing
// changes for readers or for crash safety: a committed transaction is in the log, and the log is the
// database until it is copied (every write here commits with synchronous=NORMAL, as all writes do).
import { Worker } from 'node:worker_threads';
import type { DbHandle } from './dialect.ts';
import { sqliteHandle } from './sqlite-handle.ts';

export type CheckpointResult =
  { ok: true; busy: number; log: number; checkpointed: number } | { ok: false; message: string };

/** The latest background checkpoint per database file (one at a time per file). */
const running = new Map<string, Promise<CheckpointResult>>();

function startCheckpoint(file: string): Promise<CheckpointResult> {
  const before = running.get(file) ?? Promise.resolve(null);
  const next = before.then(
    () =>
      new Promise<CheckpointResult>((resolve) => {
        const worker = new Worker(new URL('./background-checkpoint.worker.mjs', import.meta.url), {
          workerData: { file },
        });
        let result: CheckpointResult = { ok: false, message: 'worker exited without a result' };
        worker.once('message', (m: CheckpointResult) => (result = m));
        worker.once('error', (e) => (result = { ok: false, message: String(e) }));
        worker.once('exit', () => resolve(result));
      }),
  );
  running.set(file, next);
  void next.then(() => {
    if (running.get(file) === next) running.delete(file);
  });
  return next;
}

/**
 * Runs `work` with SQLite's automatic checkpoint off on this connection, then starts a checkpoint on a
 * worker thread and returns `work`'s result without waiting for it. PostgreSQL, and SQLite in memory:
 * just `work`.
 */
export async function withBackgroundCheckpoint<T>(handle: DbHandle, work: () => Promise<T>): Promise<T> {
  const raw = handle.dialect === 'sqlite' && handle.location !== ':memory:' ? sqliteHandle(handle.db) : null;
  if (!raw) return work();
  const previous = Number(raw.pragma('wal_autocheckpoint', { simple: true }));
  raw.pragma('wal_autocheckpoint = 0');
  try {
    return await work();
  } finally {
    raw.pragma(`wal_autocheckpoint = ${previous}`);
    void startCheckpoint(handle.location);
  }
}

/** Resolves when the background checkpoint of this database file (if any) has finished: for tests and benches. */
export function backgroundCheckpoint(file: string): Promise<CheckpointResult | null> {
  return running.get(file) ?? Promise.resolve(null);
}
