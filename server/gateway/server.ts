// Runs the gateway app on a Node HTTP server and hands back its URL and a close() that really stops it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createGatewayApp, type GatewayAppOptions } from './app.ts';
import { ConfigError, isLoopbackHost } from './config.ts';

export interface StartGatewayOptions extends GatewayAppOptions {
  host: string;
  port: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startGateway(opts: StartGatewayOptions): Promise<RunningGateway> {
  // Checked here too, not only in parseConfig, so no caller can skip the rule.
  if (!isLoopbackHost(opts.host) && !opts.accessSecret && !opts.staffSignIn) {
    throw new ConfigError(`Refusing to listen on ${opts.host} without sign-in (OIDC or DASHBOARD_TOKEN).`);
  }
  const app = createGatewayApp(opts);
  const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
