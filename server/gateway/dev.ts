// `npm run dev`: the same gateway as `npm start` (from-env.ts: every middleware, route and part) in front of
// Vite's dev server. Each request goes to the gateway first; what it does not answer itself (the app's modules,
// its HTML, HMR's client) it hands over (hand-off.ts), and Vite serves that with hot reloading as usual.
import type { IncomingMessage } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createServer, type Plugin } from 'vite';
import { configOrExit, fail } from './cli.ts';
import { ConfigError, isLoopbackHost } from './config.ts';
import { gatewayFromEnv } from './from-env.ts';
import { isHandedOff } from './hand-off.ts';
import { injectApiVersion } from './html.ts';

const config = configOrExit();
if (!isLoopbackHost(config.host))
  fail('npm run dev only listens on 127.0.0.1; use npm start with DASHBOARD_TOKEN.');

const { gateway, ready } = await gatewayFromEnv(config, 'dev').catch((err: unknown) => {
  if (err instanceof ConfigError) fail(err.message);
  throw err;
});

/** Vite's next middleware for each request in the gateway's hands. */
const toVite = new WeakMap<IncomingMessage, () => void>();
const handle = getRequestListener(async (request, env) => {
  const res = await gateway.app.fetch(request, env);
  if (!isHandedOff(res)) return res;
  toVite.get(env.incoming as IncomingMessage)?.();
  return RESPONSE_ALREADY_SENT;
});

// Registered before Vite's internal middlewares, so every request meets the gateway first (vite.config.ts has
// no proxy of its own).
const gatewayPlugin: Plugin = {
  name: 'sent-gateway',
  transformIndexHtml: (html) => injectApiVersion(html, config.apiVersion),
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      toVite.set(req, next);
      void handle(req, res);
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
await ready;
vite.printUrls();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await gateway.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
