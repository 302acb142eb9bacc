// The bench:gateway servers: each target runs in a child process of its own (so the load generator does not
// share their event loop), started by forking this file with `--serve <role>`; it reports its URL and, on
// request, the CPU time it has used.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import { createEmbeddedApi, startApiServer } from '../api/server.ts';
import { composeGateway, type GatewayParts } from '../gateway/compose.ts';
import { createRedisReadCounter } from '../gateway/reads/redis-counter.ts';
import { serveGateway } from '../gateway/server.ts';
import { embeddedUpstream, remoteUpstream, type Upstream } from '../gateway/upstream.ts';
import { actAs } from '../testing/act-as.ts';
import { testParts } from '../testing/parts.ts';
import { startTempAudit } from '../testing/temp-audit.ts';

export const KEY = 'sk_test_org_demo';

/** The gateway's settings as `npm start` has them, minus the console and the request log (each bench sets its own). */
export const BENCH_SETTINGS: GatewayParts['settings'] = {
  apiVersion: 'v3',
  timeoutMs: 15_000,
  renderBudgetMs: 0,
  log: null,
};

/** gateway-team: gateway-remote with the team budget and cache in front (a budget nothing reaches). */
/** audit-*: the in-process gateway without a trail, with one in SQLite (fsync per entry), in PostgreSQL. */
/**
 * reads-*: the in-process gateway for a signed-in person: an admin (the export right, so no read limit), an agent
 * counted in this process, an agent counted in Redis (`upstreamUrl` is REDIS_URL). The limit is never reached.
 */
export type Role =
  | 'reads-off'
  | 'reads-memory'
  | 'reads-redis'
  | 'api'
  | 'gateway-remote'
  | 'gateway-embedded'
  | 'gateway-team'
  | 'audit-off'
  | 'audit-sqlite'
  | 'audit-postgres';

/** The person and read counter of a reads-* role (nothing for the others). */
function readers(role: Role, redisUrl: string | undefined): Partial<GatewayParts> {
  if (!role.startsWith('reads-')) return {};
  const person = { sub: 'bench', name: 'Bench', role: role === 'reads-off' ? 'admin' : 'agent' };
  const extend = { afterSignIn: [actAs(person)] };
  const config = { perHour: 1e9 };
  if (role !== 'reads-redis' || !redisUrl) return { extend, reads: { config } };
  const redis = new Redis(redisUrl);
  const counter = createRedisReadCounter({
    redis,
    prefix: 'bench:',
    clock: { now: Date.now },
    log: console.error,
  });
  return { extend, reads: { config, counter } };
}

/** For audit-postgres, `upstreamUrl` is the DATABASE_URL; for reads-redis, the REDIS_URL. */
async function serve(role: Role, upstreamUrl: string | undefined): Promise<void> {
  let url: string;
  if (role === 'api') {
    url = (await startApiServer({ port: 0, rateLimit: false })).url;
  } else {
    let upstream: Upstream;
    const audit =
      role === 'audit-sqlite' || role === 'audit-postgres'
        ? (
            await startTempAudit({
              sync: 'full',
              databaseUrl: role === 'audit-postgres' ? upstreamUrl : undefined,
            })
          ).audit
        : null;
    let team: GatewayParts['team'] = null;
    if ((role === 'gateway-remote' || role === 'gateway-team') && upstreamUrl) {
      upstream = remoteUpstream(upstreamUrl, KEY);
      if (role === 'gateway-team') {
        team = { config: { perMinute: 1e9, burst: 1e6, maxWaitMs: 10_000, redisUrl: null } };
      }
    } else {
      const api = createEmbeddedApi({ rateLimit: false });
      await api.ready;
      upstream = embeddedUpstream(api, KEY);
    }
    // Real log lines are formatted and written (stdout goes to /dev/null): logging is part of the cost.
    const log = (line: string) => process.stdout.write(`${line}\n`);
    const settings = { ...BENCH_SETTINGS, log };
    const parts = testParts(upstream, { settings, team, audit, ...readers(role, upstreamUrl) });
    url = (await serveGateway(await composeGateway(parts), '127.0.0.1', 0)).url;
  }
  process.send?.({ url });
  // CPU time spent so far, on request: a contention-proof measure of the work per request.
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  });
  process.on('disconnect', () => process.exit(0));
}

export interface Server {
  child: ChildProcess;
  url: string;
  /** CPU microseconds the server process has used so far. */
  cpu(): Promise<number>;
}

export function spawnServer(role: Role, upstreamUrl?: string): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', role, upstreamUrl ?? ''], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once('message', (msg) => resolve((msg as { cpuMicros: number }).cpuMicros));
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (msg) => resolve({ child, url: (msg as { url: string }).url, cpu }));
    child.once('exit', (code) => reject(new Error(`${role} server exited early (${code})`)));
  });
}

if (process.argv[2] === '--serve') await serve(process.argv[3] as Role, process.argv[4] || undefined);
