// Runs the gateway on a Node HTTP server and hands back its URL and a close() that really stops it: listening
// first, then the gateway's parts (compose.ts's order).
import type { AddressInfo } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';
import type { Gateway } from './compose.ts';
import { ConfigError, isLoopbackHost } from './config.ts';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What answers requests: the gateway app's fetch, or a wrapper of it; `env` carries the socket. */
export type Fetch = (request: Request, env: HttpBindings) => Response | Promise<Response>;

/** A Node HTTP server for `fetch` on host:port (0: a free one), once it listens. */
export async function listen(fetch: Fetch, host: string, port: number): Promise<Listening> {
  const server = serve({ fetch: (req, env) => fetch(req, env as HttpBindings), hostname: host, port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const name = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${name}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The composed gateway on host:port; `fetch` wraps its app (the test tree's test controls). */
export async function serveGateway(
  gateway: Pick<Gateway, 'app' | 'open' | 'stop'>,
  host: string,
  port: number,
  fetch: Fetch = (req, env) => gateway.app.fetch(req, env),
): Promise<Listening> {
  try {
    // Checked here too, not only in parseConfig, so no caller can skip the rule.
    if (!isLoopbackHost(host) && gateway.open) {
      throw new ConfigError(`Refusing to listen on ${host} without sign-in (OIDC or DASHBOARD_TOKEN).`);
    }
    const server = await listen(fetch, host, port);
    return { ...server, close: () => server.close().then(() => gateway.stop()) };
  } catch (error) {
    await gateway.stop();
    throw error;
  }
}
