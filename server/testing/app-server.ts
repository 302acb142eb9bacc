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
import { parseTeamConfig, type TeamConfig } from '../gateway/team/config.ts';
import { createTeam, type Team } from '../gateway/team/create.ts';
import { embeddedUpstream, type Upstream } from '../gateway/upstream.ts';
import { DEFAULT_LEASE_MS } from '../imports/config.ts';
import { type Imports, startImports } from '../imports/service.ts';

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
  /**
   * Put the team budget and cache in front of the API, as `npm start` does (settings over the defaults; a
   * `redisUrl` shares them with other app servers). Absent: calls go straight to the API.
   */
  team?: Partial<TeamConfig>;
  /** Contact imports' job store: a SQLite file (app servers given the same one share jobs); default in memory. */
  importsDb?: string;
  /** Import lease length (IMPORT_LEASE_MS). */
  importLeaseMs?: number;
}

export interface RunningAppServer {
  url: string;
  close(): Promise<void>;
}

/** What differs from `npm start`: a shorter deadline, test controls on. */
const APP_SERVER_SETTINGS = { timeoutMs: 10_000, testControls: true };

/** The embedded API as the gateway's upstream; its lifetime belongs to the caller, not to this server. */
function apiUpstream(options: AppServerOptions): Upstream {
  return embeddedUpstream({ fetch: (req) => options.api.fetch(req), close: () => {} }, options.apiKey);
}

export function createAppServer(
  options: AppServerOptions,
  extras: { staffSignIn?: StaffSignIn | null; team?: Team | null; imports?: Imports | null } = {},
): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  for (const [path, html] of Object.entries(options.pages ?? {})) {
    app.get(path, (c) => c.html(html));
  }
  const team = extras.team ?? null;
  const gateway = createGatewayApp({
    upstream: team?.upstream ?? apiUpstream(options),
    team,
    apiVersion: options.apiVersion ?? 'v3',
    accessSecret: null,
    ...APP_SERVER_SETTINGS,
    renderBudgetMs: DEFAULT_RENDER_BUDGET_MS,
    distDir: options.distDir,
    log: null,
    staffSignIn: extras.staffSignIn ?? null,
    audit: options.audit,
    testPerson: options.testPerson,
    imports: extras.imports,
  });
  // The socket goes along, so the gateway sees the caller's address (team queues, audit, operations endpoints).
  app.all('*', (c) => gateway.fetch(c.req.raw, c.env));
  return app;
}

/** Listens on 127.0.0.1 only, on the given port or a free one. */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  const teamConfig = { ...parseTeamConfig({}), ...options.team };
  const team = options.team ? await createTeam(teamConfig, apiUpstream(options), { log: () => {} }) : null;
  const upstream = team?.upstream ?? apiUpstream(options);
  const imports = await startImports({
    settings: {
      ...APP_SERVER_SETTINGS,
      imports: {
        store: { kind: 'sqlite', path: options.importsDb ?? ':memory:' },
        leaseMs: options.importLeaseMs ?? DEFAULT_LEASE_MS,
      },
      team: teamConfig,
    },
    upstream,
    audit: options.audit ?? null,
  });
  // OIDC: the app is made once the server's own address is known (the provider's redirect URI needs it).
  let app: Hono<GatewayEnv> | null = options.staffSignIn ? null : createAppServer(options, { team, imports });
  const server = serve({
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
  if (options.staffSignIn) {
    const staffSignIn = await options.staffSignIn(url, upstream);
    app = createAppServer(options, { staffSignIn, team, imports });
  }
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => done());
      })
        .then(() => imports.stop())
        .then(() => team?.upstream.close()),
  };
}
