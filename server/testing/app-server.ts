// The built console behind the real gateway (compose.ts: server rendering, key handling, CSP and all), on the
// embedded API in-process, for the e2e run, `npm run bench:ui` and the screenshot tools. Only additions, from
// this test tree: test controls (test-controls.ts), a stand-in person (act-as.ts), and extra pages (the
// benchmark's bare baseline) next to it.
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import type { GatewayAudit } from '../gateway/audit/trail.ts';
import type { AuditPerson } from '../gateway/audit/types.ts';
import { composeGateway, type Gateway } from '../gateway/compose.ts';
import { type ApiVersion, DEFAULT_RENDER_BUDGET_MS } from '../gateway/config.ts';
import type { GatewayEnv } from '../gateway/env.ts';
import type { StaffSignIn } from '../gateway/identity/staff-sign-in.ts';
import { type Fetch, listen } from '../gateway/server.ts';
import { parseTeamConfig, type TeamConfig } from '../gateway/team/config.ts';
import { embeddedUpstream, type Upstream } from '../gateway/upstream.ts';
import { DEFAULT_LEASE_MS } from '../imports/config.ts';
import { startImports } from '../imports/service.ts';
import { actAs } from './act-as.ts';
import { testControlledUpstream, withTestControls } from './test-controls.ts';

export interface AppServerOptions {
  distDir: string;
  /** The embedded API in-process (or anything with a WHATWG fetch); its lifetime is the caller's. */
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
  /** Every request is this person's (act-as.ts). */
  actingAs?: AuditPerson;
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

/** The gateway as the app server runs it, for `publicUrl` (staff sign-in's redirects), with its extra pages. */
export async function composeAppServer(
  options: AppServerOptions,
  publicUrl = 'http://127.0.0.1',
): Promise<{ fetch: Fetch; gateway: Gateway }> {
  const api = embeddedUpstream({ fetch: (req) => options.api.fetch(req), close: () => {} }, options.apiKey);
  const staffSignIn = options.staffSignIn;
  const gateway = await composeGateway({
    // What differs from `npm start`: a shorter deadline.
    settings: {
      apiVersion: options.apiVersion ?? 'v3',
      timeoutMs: 10_000,
      renderBudgetMs: DEFAULT_RENDER_BUDGET_MS,
      log: null,
    },
    api,
    team: options.team
      ? { config: { ...parseTeamConfig({}), ...options.team }, options: { log: () => {} } }
      : null,
    identity: {
      accessSecret: null,
      staffSignIn: staffSignIn ? (upstream) => staffSignIn(publicUrl, upstream) : null,
    },
    audit: options.audit ?? null,
    sharedAudit: true,
    imports: (deps) =>
      startImports(
        {
          config: {
            store: { kind: 'sqlite', path: options.importsDb ?? ':memory:' },
            leaseMs: options.importLeaseMs ?? DEFAULT_LEASE_MS,
          },
        },
        deps,
      ),
    console: { distDir: options.distDir },
    extend: {
      afterSignIn: options.actingAs ? [actAs(options.actingAs)] : [],
      upstream: testControlledUpstream,
    },
  });
  const app = new Hono<GatewayEnv>();
  for (const [path, html] of Object.entries(options.pages ?? {})) app.get(path, (c) => c.html(html));
  // The socket goes along, so the gateway sees the caller's address (team queues, audit, operations endpoints).
  app.all('*', (c) => gateway.app.fetch(c.req.raw, c.env));
  return { fetch: withTestControls<[HttpBindings]>((req, env) => app.fetch(req, env)), gateway };
}

/** Listens on 127.0.0.1 only, on the given port or a free one. */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  // OIDC: the gateway is made once the server's own address is known (the provider's redirect URI needs it).
  let handler: Fetch | null = null;
  const server = await listen(
    (req, env) => handler?.(req, env) ?? new Response('starting', { status: 503 }),
    '127.0.0.1',
    options.port ?? 0,
  );
  const { fetch, gateway } = await composeAppServer(options, server.url).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  handler = fetch;
  return { url: server.url, close: () => server.close().then(() => gateway.stop()) };
}
