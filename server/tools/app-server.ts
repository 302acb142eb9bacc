// The built console behind the real gateway (server rendering, key handling, CSP and all), on the
// embedded API in-process, for the e2e run, `npm run bench:ui` and the screenshot tools. Only additions:
// test controls are on, and extra pages (the benchmark's bare baseline) can be mounted next to it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createGatewayApp } from '../gateway/app.ts';
import type { GatewayAudit } from '../gateway/audit/trail.ts';
import type { AuditPerson } from '../gateway/audit/types.ts';
import { type ApiVersion, DEFAULT_RENDER_BUDGET_MS } from '../gateway/config.ts';
import type { GatewayEnv } from '../gateway/env.ts';
import type { StaffSignIn } from '../gateway/identity/staff-sign-in.ts';
import { embeddedUpstream, type Upstream } from '../gateway/upstream.ts';

export interface AppServerOptions {
  distDir: string;
  /** The embedded API in-process (or anything with a WHATWG fetch). */
  api: { fetch(request: Request): Promise<Response> };
  /** The server-side key the gateway adds to every API request. */
  apiKey: string;
  port?: number;
  /** Which API the console should speak (v1 marks index.html, like SENT_API_VERSION=v1). */
  apiVersion?: ApiVersion;
  /** Extra HTML pages by path (the benchmark's bare baseline page). */
  pages?: Record<string, string>;
  /** OIDC mode: given this server's own URL (the provider needs it first), the staff sign-in to use. */
  staffSignIn?: (publicUrl: string, upstream: Upstream) => Promise<StaffSignIn>;
  /** The audit trail to record into (its lifetime is the caller's; ./temp-audit.ts makes one). */
  audit?: GatewayAudit | null;
  /** Every request is this person's (see GatewayAppOptions.testPerson). */
  testPerson?: AuditPerson;
}

export interface RunningAppServer {
  url: string;
  close(): Promise<void>;
}

export function createAppServer(
  options: AppServerOptions,
  staffSignIn: StaffSignIn | null = null,
): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  for (const [path, html] of Object.entries(options.pages ?? {})) {
    app.get(path, (c) => c.html(html));
  }
  const gateway = createGatewayApp({
    upstream: upstreamOf(options),
    apiVersion: options.apiVersion ?? 'v3',
    accessSecret: null,
    timeoutMs: 10_000,
    renderBudgetMs: DEFAULT_RENDER_BUDGET_MS,
    testControls: true,
    distDir: options.distDir,
    log: null,
    staffSignIn,
    audit: options.audit,
    testPerson: options.testPerson,
  });
  // The Node bindings go along: the gateway reads the client address from them.
  app.all('*', (c) => gateway.fetch(c.req.raw, c.env));
  return app;
}

// The API's lifetime belongs to the caller, not to this server.
const upstreamOf = (options: AppServerOptions) =>
  embeddedUpstream({ fetch: (req) => options.api.fetch(req), close: () => {} }, options.apiKey);

/** Listens on 127.0.0.1 only, on the given port or a free one. */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  let app: Hono<GatewayEnv> | null = options.staffSignIn ? null : createAppServer(options);
  const server = serve({
    // The Node bindings go along (the client address).
    fetch: (req, env) => app?.fetch(req, env) ?? new Response('starting', { status: 503 }),
    hostname: '127.0.0.1',
    port: options.port ?? 0,
  });
  await new Promise<void>((done, fail) => {
    server.once('listening', done);
    server.once('error', fail);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (options.staffSignIn)
    app = createAppServer(options, await options.staffSignIn(url, upstreamOf(options)));
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
