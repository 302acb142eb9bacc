// `npm run dev`: Vite's dev server with the gateway's own API handling in front of it, so development gets the
// same allowlist, header rules (server-side key, browser x-api-key/cookies dropped, x-profile-id/x-sender-id
// forwarded) and 502/504 envelopes as production. Upstream: the embedded API on a free loopback port, unless
// SENT_API_URL / SENT_DM_API_KEY point elsewhere.
import { mkdirSync } from 'node:fs';
import { getRequestListener } from '@hono/node-server';
import { createServer, type Plugin } from 'vite';
import { IMPORTS_PATH } from '../../src/shared/imports.ts';
import { CONTACT_NUMBER_PREFIX } from '../../src/shared/numbers.ts';
import { startApiServer } from '../api/server.ts';
import { startImports } from '../imports/service.ts';
import { createGatewayApp } from './app.ts';
import { openGatewayAudit } from './audit/start.ts';
import { configOrExit, fail } from './cli.ts';
import { DEMO_ORG_KEY, isLoopbackHost } from './config.ts';
import { injectApiVersion } from './html.ts';
import { stdoutSink } from './log.ts';
import { isApiPath } from './proxy.ts';
import { createTeam } from './team/create.ts';
import { OPS_PATHS } from './team/health.ts';
import { remoteUpstream, type Upstream } from './upstream.ts';

const config = configOrExit();
if (!isLoopbackHost(config.host))
  fail('npm run dev only listens on 127.0.0.1; use npm start with DASHBOARD_TOKEN.');

let upstream: Upstream;
let stopApi = async () => {};
if (config.upstream.kind === 'remote') {
  upstream = remoteUpstream(config.upstream.url, config.upstream.apiKey);
  console.log(`API: ${config.upstream.url} (the API key stays in this process)`);
} else {
  mkdirSync('.data', { recursive: true });
  const api = await startApiServer({
    port: 0,
    dbPath: config.upstream.dbPath,
    testControls: config.testControls,
  });
  // Reached over loopback HTTP, but still the embedded demo API as far as /__config is concerned.
  upstream = { ...remoteUpstream(api.url, DEMO_ORG_KEY), kind: 'embedded' };
  stopApi = api.close;
  console.log(
    `API: embedded demo API on ${api.url} (data: ${config.upstream.dbPath}; demo organization key)`,
  );
}

const audit = await openGatewayAudit();
const team = await createTeam(config.team, upstream);
const imports = await startImports({ settings: config, upstream: team.upstream, audit });
const gatewayApp = createGatewayApp({
  ...config,
  audit,
  upstream: team.upstream,
  team,
  imports,
  accessSecret: null,
  distDir: null, // Vite serves the app itself
  log: config.log ? stdoutSink : null,
});
const handle = getRequestListener(gatewayApp.fetch);

// Registered before Vite's internal middlewares, so /v1, /v3 and /__config get exactly the production gateway's
// behaviour (vite.config.ts has no proxy of its own).
const gatewayPlugin: Plugin = {
  name: 'sent-gateway',
  transformIndexHtml: (html) => injectApiVersion(html, config.apiVersion),
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const gatewayPath =
        path === '/__config' ||
        path.startsWith('/__audit') ||
        path.startsWith(IMPORTS_PATH) ||
        path.startsWith(CONTACT_NUMBER_PREFIX) ||
        (OPS_PATHS as readonly string[]).includes(path);
      if (isApiPath(path) || gatewayPath) void handle(req, res);
      else next();
    });
  },
};

const vite = await createServer({
  plugins: [gatewayPlugin],
  // The extra plugin changes Vite's config hash; a cache dir of our own keeps a plain `vite` running alongside
  // (e.g. for e2e) from re-optimizing the shared node_modules/.vite deps back and forth.
  cacheDir: 'node_modules/.vite-gateway-dev',
  server: { host: '127.0.0.1', port: config.port },
});
await vite.listen();
vite.printUrls();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await imports.stop();
  await audit.stop();
  await team.upstream.close();
  await stopApi();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
