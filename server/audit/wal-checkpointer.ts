// SQLite's WAL checkpoints, moved off the gateway's thread. By default the connection that commits past
// 1,000 WAL pages copies them into the database file and fsyncs it, inside that commit: after retention
// deleted a month, an append arriving then waited for it (0.5–2 s measured at 1,000,000 entries). Here the
// writer's automatic checkpoints are off and a worker thread with its own connection runs a PASSIVE
// checkpoint every `everyMs` (often, so each writes little at once): PASSIVE never waits for readers or writers, so appends go on meanwhile.
// A WAL starts over only when a write begins with every frame copied, which steady writes (retention's steps
// and appends) never allow: it grew to 2.8 GB for a month's retention at 1,000,000 entries, 40 GB at
// 10,000,000. Past 4 × keepBytes, right after a PASSIVE pass has left little behind, a RESTART checkpoint copies
// the rest holding writers back (they wait for it), so the next write starts the WAL over. Its connection never
// waits (timeout 0): a RESTART waiting for a reader would hold the writers back all that time.
import type Database from 'better-sqlite3';
import { startSqliteWorker } from './sqlite-worker.ts';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true, timeout: 0 });
const timer = setInterval(() => {
  try {
    const [done] = db.pragma('wal_checkpoint(PASSIVE)');
    if (done.log > workerData.restartFrames && done.log - done.checkpointed <= workerData.leftFrames) {
      db.pragma('wal_checkpoint(RESTART)');
    }
  } catch {}
}, workerData.everyMs);
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/** What the WAL file keeps of its size once copied: SQLite otherwise never shrinks it (5.6 GB was left after
 * retention dropped a month at 10,000,000 entries). */
export const WAL_KEEP_BYTES = 64 * 1024 * 1024;

/** What a PASSIVE pass may have left uncopied for a RESTART to follow it: the writers wait while it copies. */
const RESTART_LEFT_FRAMES = 256;

/** Starts checkpointing `path` in a worker; the writer connection `db` stops checkpointing itself. */
export function startWalCheckpointer(
  db: Database.Database,
  path: string,
  everyMs = 200,
  keepBytes = WAL_KEEP_BYTES,
): WalCheckpointer {
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const checkpointer = startSqliteWorker(WORKER, {
    path,
    everyMs,
    restartFrames: (4 * keepBytes) / pageSize,
    leftFrames: RESTART_LEFT_FRAMES,
  });
  checkpointer.worker.on('error', () => db.pragma('wal_autocheckpoint = 1000')); // no worker: back to SQLite's way
  db.pragma('wal_autocheckpoint = 0');
  // The writer cuts the file back on its first commit after the worker has copied every frame.
  db.pragma(`journal_size_limit = ${keepBytes}`);
  return { stop: () => checkpointer.stop() };
}
