import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in a worker thread with its own connection: a PASSIVE checkpoint never waits for readers or
// writers, so copying the WAL back into the database happens beside the requests, not inside one.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); try { db.close(); } catch {} parentPort.close(); });
`;

/**
 * Moves SQLite's WAL checkpoints off the request path. better-sqlite3 is synchronous, so an
 * automatic checkpoint inside a COMMIT stalls every request in flight (the p99 of order entry).
 * This worker checkpoints every `everyMs`; the caller raises the connection's `wal_autocheckpoint`,
 * so the checkpoint left inside a COMMIT only finishes what the worker has not copied yet (and
 * lets the WAL file start over). Returns a function that stops it.
 */
export function startCheckpointer(file: string, everyMs = 250): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { file, driver, everyMs } });
  worker.unref();
  worker.on('error', () => undefined);
  return async () => {
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
    await worker.terminate();
  };
}
