// The gateway as `npm start` and `npm run dev` build it from the environment: each part opened as its settings
// say (the embedded demo API or a remote one, the audit trail, staff sign-in, contact imports), with the start-up
// lines that say what was chosen. Both commands come through here and differ only in who serves the console:
// the built files, or Vite (a test compares the two route tables). A bad setting is a ConfigError naming it.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createEmbeddedApi } from '../api/server.ts';
import { startImports } from '../imports/service.ts';
import { startGatewayAudit } from './audit/start.ts';
import type { EnvConfig } from './cli.ts';
import { composeGateway, type Gateway } from './compose.ts';
import { ConfigError } from './config.ts';
import { describeIdentity } from './identity/config.ts';
import { createStaffSignIn } from './identity/staff-sign-in.ts';
import { stdoutSink } from './log.ts';
import { openSessionStore, sessionScope } from './sessions/open.ts';
import { embeddedUpstream, remoteUpstream, type Upstream } from './upstream.ts';

/** `start`: the built console in dist/ (server-rendered); `dev`: Vite serves it (dev.ts hands requests over). */
export type ConsoleMode = 'start' | 'dev';

/** The upstream, and a promise that settles when it can answer (the embedded API seeds on first start). */
function openApi(config: EnvConfig, say: (line: string) => void): { api: Upstream; ready: Promise<void> } {
  const up = config.upstream;
  if (up.kind === 'remote') {
    say(`API: ${up.url} (the API key stays on this server)`);
    return { api: remoteUpstream(up.url, up.apiKey), ready: Promise.resolve() };
  }
  if (up.dbPath !== ':memory:') mkdirSync(dirname(up.dbPath), { recursive: true });
  const api = createEmbeddedApi({ dbPath: up.dbPath });
  say(`API: embedded demo API in-process (data: ${up.dbPath}; demo organization "Northwind Health").`);
  say('     Set SENT_API_URL and SENT_DM_API_KEY to use the real Sent API instead.');
  return { api: embeddedUpstream(api), ready: api.ready };
}

async function openAudit(config: EnvConfig, say: (line: string) => void) {
  const audit = await startGatewayAudit(config.audit).catch((error: unknown) => {
    if (error instanceof ConfigError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`The audit trail could not start: ${why}`);
  });
  const where =
    config.audit.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.audit.store.path;
  say(`Audit trail: ${where}; check it with npm run audit:verify.`);
  return audit;
}

/** Sessions (both sign-in methods) where every replica sees them: Redis with REDIS_URL, else this process. */
async function openSessions(config: EnvConfig, say: (line: string) => void) {
  const { identity, team, trustProxy } = config;
  const store = await openSessionStore({
    redisUrl: team.redisUrl,
    scope: sessionScope(
      identity.mode === 'oidc'
        ? ['oidc', identity.oidc.issuer.href, identity.oidc.clientId, identity.oidc.publicUrl]
        : [identity.mode, config.accessSecret ?? ''],
    ),
  });
  if (identity.mode !== 'open') {
    const where = team.redisUrl
      ? 'in Redis, shared by every replica'
      : 'in this process (a restart signs everyone out; REDIS_URL shares them)';
    const proxies = trustProxy
      ? `; client addresses from X-Forwarded-For of ${trustProxy.list.join(', ')}`
      : '';
    say(`Sessions: ${where}${proxies}`);
  }
  return store;
}

/** The gateway for `mode`, and a promise that settles once the API can answer. */
export async function gatewayFromEnv(
  config: EnvConfig,
  mode: ConsoleMode,
  say: (line: string) => void = console.log,
): Promise<{ gateway: Gateway; ready: Promise<void> }> {
  const audit = await openAudit(config, say);
  const { api, ready } = openApi(config, say);
  const { team, identity } = config;
  say(
    `Team budget: ${team.perMinute} requests/min, burst ${team.burst}` +
      (team.redisUrl ? ', shared through Redis' : ' (this process only; REDIS_URL shares it)'),
  );
  say(describeIdentity(identity));
  const gateway = await composeGateway({
    settings: {
      apiVersion: config.apiVersion,
      timeoutMs: config.timeoutMs,
      renderBudgetMs: config.renderBudgetMs,
      log: config.log ? stdoutSink : null,
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
    },
    reads: { config: config.reads },
    api,
    team: { config: team },
    identity: {
      accessSecret: config.accessSecret,
      staffSignIn:
        identity.mode === 'oidc'
          ? (upstream, store) => createStaffSignIn({ settings: identity.oidc, upstream, store })
          : null,
      sessions: { store: await openSessions(config, say), settings: config.sessions },
    },
    audit,
    // Jobs beside the audit trail; this process's worker sends rows as background work of the team budget.
    imports: (deps) =>
      startImports({ config: config.imports }, deps).catch((error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        throw new ConfigError(`Contact imports could not start: ${why}`);
      }),
    console: mode === 'start' ? { distDir: config.distDir } : 'hand-off',
  });
  return { gateway, ready };
}
