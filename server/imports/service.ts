// Contact imports for one gateway process: the job store (beside the audit trail), this process's worker, and
// the /__imports routes. The gateway starts them with what they need of it (ImportsDeps) and stops them with
// itself (the worker releases its lease, so another process can go on at once).
import type { Hono } from 'hono';
import { type Clock, systemClock } from '../clock.ts';
import { type ImportsConfig, openImportStore } from './config.ts';
import type { ApiCall, ImportsHost } from './host.ts';
import type { Recorder } from './import-audit.ts';
import { type ImportsEnv, importRoutes } from './routes.ts';
import type { ImportStore } from './store.ts';
import { ImportWorker, type WorkerOptions } from './worker.ts';

/** What the gateway gives imports when it starts them. */
export interface ImportsDeps {
  /** The gateway's own API routes, for the worker's rows (team budget, background priority). */
  callApi: ApiCall;
  /** The trail's recorder for the worker's entries; null when the audit is off. */
  recorder: Recorder;
  /** The team's requests a minute (a job's ETA). */
  budgetPerMinute: number;
  /** Least time between two rows: what background work may ever take of the team's share, evenly. */
  gapMs: number;
}

/** The part the gateway mounts at IMPORTS_PATH (after its identity middlewares) and stops. */
export interface ImportsPart {
  routes(host: ImportsHost): Hono<ImportsEnv>;
  stop(): Promise<void>;
}

export interface Imports extends ImportsPart {
  store: ImportStore;
  worker: ImportWorker;
}

export interface ImportsOptions {
  config: ImportsConfig;
  clock?: Clock;
  worker?: Partial<Pick<WorkerOptions, 'concurrency' | 'pollMs' | 'instanceId'>>;
}

/** Opens the store and starts this process's worker. */
export async function startImports(o: ImportsOptions, deps: ImportsDeps): Promise<Imports> {
  const clock = o.clock ?? systemClock;
  const store = await openImportStore(o.config.store);
  const worker = new ImportWorker({
    store,
    api: deps.callApi,
    recorder: deps.recorder,
    leaseMs: o.config.leaseMs,
    clock,
    gapMs: deps.gapMs,
    log: (line) => console.error(line),
    ...o.worker,
  });
  worker.start();
  return {
    store,
    worker,
    routes: (host) =>
      importRoutes({
        store,
        clock,
        host,
        budgetPerMinute: deps.budgetPerMinute,
        nudge: () => worker.nudge(),
      }),
    async stop() {
      await worker.stop();
      await store.close();
    },
  };
}
