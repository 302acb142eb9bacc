// SQLite's WAL checkpoints, moved off the gateway's thread. By default the connection that commits past
// 1,000 WAL pages copies them into the database file and fsyncs it, inside that commit: after retention
// deleted a month, an append arriving then waited for it (0.5–2 s measured at 1,000,000 entries). Here the
// writer's automatic checkpoints are off and a worker thread with its own connection runs a PASSIVE
// checkpoint every `everyMs` (often, so each writes little at once): PASSIVE never waits for readers or writers, so appends go on meanwhile.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/** Starts checkpointing `path` in a worker; the writer connection `db` stops checkpointing itself. */
export function startWalCheckpointer(db: Database.Database, path: string, everyMs = 200): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, path, everyMs } });
  worker.unref(); // a store never closed must not keep the process alive
  worker.on('error', () => db.pragma('wal_autocheckpoint = 1000')); // no worker: back to SQLite's way
  db.pragma('wal_autocheckpoint = 0');
  // Settles once, however often stop() is called (a store's close may run twice on a failing shutdown).
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping = false;
  return {
    stop: () => {
      if (!stopping) {
        stopping = true;
        worker.ref(); // held until it has closed its connection
        worker.postMessage('stop');
      }
      return exited;
    },
  };
}
