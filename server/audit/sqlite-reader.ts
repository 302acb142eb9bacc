// Reads of a SQLite trail on a worker thread with its own connection. SQLite's calls are synchronous: a read
// whose pages are cold (an export of last month at 10,000,000 entries: ~30 ms a batch) waits for the disk on
// the thread that runs it, and on the gateway's thread every append and request would wait behind it.
import type { Sql } from './plan.ts';
import { startSqliteWorker } from './sqlite-worker.ts';

type Row = Record<string, unknown>;

// Statements are cached by text: the screens' filters make a bounded set of shapes.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('query_only = ON');
const statements = new Map();
parentPort.on('message', (message) => {
  if (message === 'stop') { db.close(); parentPort.close(); return; }
  const { id, sql, params } = message;
  try {
    let statement = statements.get(sql);
    if (!statement) { statement = db.prepare(sql); statements.set(sql, statement); }
    parentPort.postMessage({ id, rows: statement.all(params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

export interface SqliteReader {
  /** The statement's rows, read on the worker; rejects with the database's error. */
  all(sql: Sql): Promise<Row[]>;
  /** False once the worker has failed: the caller reads on its own connection instead. */
  readonly alive: boolean;
  stop(): Promise<void>;
}

type Reply = { id: number; rows?: Row[]; error?: { message: string; code?: string } };

export function startSqliteReader(path: string): SqliteReader {
  const reader = startSqliteWorker(WORKER, { path });
  const { worker } = reader;
  const pending = new Map<number, { resolve: (rows: Row[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let alive = true;
  const settle = (id: number) => {
    const waiting = pending.get(id);
    pending.delete(id);
    // Held only while a read is waiting: an idle store never closed must not keep the process alive.
    if (pending.size === 0) worker.unref();
    return waiting;
  };
  worker.on('message', ({ id, rows, error }: Reply) => {
    const waiting = settle(id);
    if (error) waiting?.reject(Object.assign(new Error(error.message), { code: error.code }));
    else waiting?.resolve(rows ?? []);
  });
  const fail = (error: Error) => {
    alive = false;
    for (const id of [...pending.keys()]) settle(id)?.reject(error);
  };
  worker.on('error', fail);
  void reader.exited.then(() => fail(new Error('the audit trail reader stopped')));
  return {
    get alive() {
      return alive && !reader.stopping;
    },
    all: ({ sql, params }) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, sql, params });
      }),
    stop: () => reader.stop(),
  };
}
