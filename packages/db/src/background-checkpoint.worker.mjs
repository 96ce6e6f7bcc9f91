// Worker-thread body of a background checkpoint: copies the SQLite write-ahead log into the database file
// on its own connection (plain JavaScript: it needs only better-sqlite3). PASSIVE never waits for readers
// or writers; whatever it cannot copy now, the next checkpoint copies.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e) });
} finally {
  db?.close();
}
