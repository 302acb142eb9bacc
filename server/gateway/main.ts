// `npm start`: build the console if needed, then serve it and forward the API, on the embedded demo API unless
// SENT_API_URL / SENT_DM_API_KEY point at a real one.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createEmbeddedApi } from '../api/server.ts';
import { startImports } from '../imports/service.ts';
import { openGatewayAudit } from './audit/start.ts';
import { buildIsStale, runBuild } from './build.ts';
import { configOrExit, fail } from './cli.ts';
import { ConfigError, type GatewayConfig } from './config.ts';
import { describeIdentity } from './identity/config.ts';
import { createStaffSignIn } from './identity/staff-sign-in.ts';
import { stdoutSink } from './log.ts';
import { startGateway } from './server.ts';
import { openSessionStore, sessionScope } from './sessions/open.ts';
import { createSessions } from './sessions/sessions.ts';
import { createTeam } from './team/create.ts';
import { embeddedUpstream, remoteUpstream, type Upstream } from './upstream.ts';

/** The upstream, and a promise that settles when it can answer (the embedded API seeds on first start). */
function openUpstream(config: GatewayConfig): { upstream: Upstream; ready: Promise<void> } {
  const up = config.upstream;
  if (up.kind === 'remote') {
    console.log(`API: ${up.url} (the API key stays on this server)`);
    return { upstream: remoteUpstream(up.url, up.apiKey), ready: Promise.resolve() };
  }
  if (up.dbPath !== ':memory:') mkdirSync(dirname(up.dbPath), { recursive: true });
  const api = createEmbeddedApi({ dbPath: up.dbPath, testControls: config.testControls });
  console.log(
    `API: embedded demo API in-process (data: ${up.dbPath}; demo organization "Northwind Health").`,
  );
  console.log('     Set SENT_API_URL and SENT_DM_API_KEY to use the real Sent API instead.');
  return { upstream: embeddedUpstream(api), ready: api.ready };
}

const config = configOrExit();

// `npm run build` writes dist/; a custom DIST_DIR is someone else's build to manage.
if (!process.env.DIST_DIR && buildIsStale(config.distDir)) {
  console.log('Building the console (dist/ is missing or older than src/)…');
  if (!runBuild()) fail('The build failed; see above.');
}

const audit = await openGatewayAudit();
const { upstream: api, ready } = openUpstream(config);
// The team's budget, queues and cache in front of the API (shared through Redis when REDIS_URL is set).
const team = await createTeam(config.team, api);
const upstream = team.upstream;
console.log(
  `Team budget: ${config.team.perMinute} requests/min, burst ${config.team.burst}` +
    (config.team.redisUrl ? ', shared through Redis' : ' (this process only; REDIS_URL shares it)'),
);
// Contact imports: jobs beside the audit trail, this process's worker sending rows as background work.
const imports = await startImports({ settings: config, upstream, audit }).catch((err: unknown) =>
  fail(`Contact imports could not start: ${err instanceof Error ? err.message : String(err)}`),
);
console.log(describeIdentity(config.identity));
// Sessions (both sign-in methods) where every replica sees them: Redis with REDIS_URL, else this process.
const identity = config.identity;
const sessionStore = await openSessionStore({
  redisUrl: config.team.redisUrl,
  scope: sessionScope(
    identity.mode === 'oidc'
      ? ['oidc', identity.oidc.issuer.href, identity.oidc.clientId, identity.oidc.publicUrl]
      : [identity.mode, config.accessSecret ?? ''],
  ),
});
if (identity.mode !== 'open') {
  console.log(
    `Sessions: ${config.team.redisUrl ? 'in Redis, shared by every replica' : 'in this process (a restart signs everyone out; REDIS_URL shares them)'}` +
      (config.trustProxy
        ? `; client addresses from X-Forwarded-For of ${config.trustProxy.list.join(', ')}`
        : ''),
  );
}
// OIDC: the provider's discovery document first; an unreachable or wrong issuer stops start-up naming it.
const staffSignIn =
  identity.mode === 'oidc'
    ? await createStaffSignIn({ settings: identity.oidc, upstream, store: sessionStore }).catch(
        (err: unknown) => fail(err instanceof ConfigError ? err.message : String(err)),
      )
    : null;
const accessSessions =
  identity.mode === 'secret' ? createSessions({ store: sessionStore, ...config.sessions }) : null;
const gateway = await startGateway({
  ...config,
  audit,
  upstream,
  staffSignIn,
  accessSessions,
  team,
  imports,
  log: config.log ? stdoutSink : null,
}).catch((err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') fail(`Port ${config.port} is already in use: set PORT to another one.`);
  if (err instanceof ConfigError) fail(err.message);
  throw err;
});

// Listen first so a busy port fails fast; print the URL once the data is there.
await ready;
// A wildcard bind is not a browsable address; localhost reaches it from this machine.
const wildcard = config.host === '0.0.0.0' || config.host === '::';
console.log(`Sent console on ${wildcard ? `http://localhost:${gateway.port}` : gateway.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await gateway.close();
  await imports.stop(); // before the trail: the worker's last entries go in it
  await audit.stop();
  await upstream.close();
  await sessionStore.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
