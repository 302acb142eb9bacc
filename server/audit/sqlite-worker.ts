// A worker thread with a better-sqlite3 connection of its own (the WAL checkpointer, the reader). Its code is
// plain JavaScript, evaluated (a worker does not inherit tsx's loader), given the driver's path as
// `workerData.driver`; on the message 'stop' it closes its connection and its port.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface SqliteWorker {
  readonly worker: Worker;
  /** Settles once the thread has exited, however it ended. */
  readonly exited: Promise<void>;
  readonly stopping: boolean;
  /** Asks it to close its connection; settles once, however often it is called (a close may run twice). */
  stop(): Promise<void>;
}

export function startSqliteWorker(code: string, data: Record<string, unknown>): SqliteWorker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(code, { eval: true, workerData: { ...data, driver } });
  worker.unref(); // a store never closed must not keep the process alive
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping = false;
  return {
    worker,
    exited,
    get stopping() {
      return stopping;
    },
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
