// Contact imports for one gateway process: the job store (beside the audit trail), this process's worker, and
// the /__imports routes. Started by `npm start`, `npm run dev` and the e2e/bench app server; stopped with them
// (the worker releases its lease, so another process can go on at once).
import type { Hono } from 'hono';
import { type Clock, systemClock } from '../clock.ts';
import type { GatewayAudit } from '../gateway/audit/trail.ts';
import type { GatewayConfig } from '../gateway/config.ts';
import type { GatewayEnv } from '../gateway/env.ts';
import type { OwnAccount } from '../gateway/identity/enforce.ts';
import { apiRoutes, gatewayCalls } from '../gateway/routes/api.ts';
import type { TeamConfig } from '../gateway/team/config.ts';
import { BACKGROUND_RESERVE_SHARE } from '../gateway/team/create.ts';
import type { Upstream } from '../gateway/upstream.ts';
import { type ImportsConfig, openImportStore } from './config.ts';
import { importRoutes } from './routes.ts';
import type { ImportStore } from './store.ts';
import { ImportWorker, type WorkerOptions } from './worker.ts';

export interface ImportsOptions {
  /** The gateway's settings (configOrExit's): imports, the API routes' deadline and test controls, the team share. */
  settings: Pick<GatewayConfig, 'timeoutMs' | 'testControls'> & {
    imports: ImportsConfig;
    team: Pick<TeamConfig, 'perMinute'>;
  };
  /** The upstream the gateway's API routes forward to (the team's, so rows spend the team budget). */
  upstream: Upstream;
  audit: GatewayAudit | null;
  clock?: Clock;
  worker?: Partial<Pick<WorkerOptions, 'concurrency' | 'pollMs' | 'instanceId'>>;
}

export interface Imports {
  store: ImportStore;
  worker: ImportWorker;
  /** What app.ts mounts at IMPORTS_PATH, after the identity middlewares. */
  routes(deps: { ownAccount: OwnAccount }): Hono<GatewayEnv>;
  stop(): Promise<void>;
}

export async function startImports(o: ImportsOptions): Promise<Imports> {
  const clock = o.clock ?? systemClock;
  const { imports: config, timeoutMs, testControls, team } = o.settings;
  const store = await openImportStore(config.store);
  const api = gatewayCalls(apiRoutes({ upstream: o.upstream, timeoutMs, testControls }));
  const worker = new ImportWorker({
    store,
    api,
    recorder: o.audit?.service.recorder ?? null,
    leaseMs: config.leaseMs,
    clock,
    // Evenly, at most what background work may ever take of the team's share.
    gapMs: 60_000 / (team.perMinute * (1 - BACKGROUND_RESERVE_SHARE)),
    log: (line) => console.error(line),
    ...o.worker,
  });
  worker.start();
  return {
    store,
    worker,
    routes: ({ ownAccount }) =>
      importRoutes({
        store,
        clock,
        ownAccount,
        budgetPerMinute: team.perMinute,
        nudge: () => worker.nudge(),
      }),
    async stop() {
      await worker.stop();
      await store.close();
    },
  };
}
