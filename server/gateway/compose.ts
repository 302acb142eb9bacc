// The one place the gateway is put together: `npm start` (main.ts), `npm run dev` (dev.ts), the e2e/bench app
// server and the test harnesses all come through here. From its parts (settings, the API, the team budget,
// identity, the audit trail, contact imports, the console) to the Hono app, with one shutdown order. What a
// part does is its own module's business; in which order requests meet the parts is app.ts's.
import type { Hono, MiddlewareHandler } from 'hono';
import type { ImportsDeps, ImportsPart } from '../imports/service.ts';
import { createGatewayApp } from './app.ts';
import type { GatewayAudit } from './audit/trail.ts';
import type { ApiVersion } from './config.ts';
import type { GatewayEnv } from './env.ts';
import type { StaffSignIn } from './identity/staff-sign-in.ts';
import type { LogSink } from './log.ts';
import type { ReadsConfig } from './reads/config.ts';
import type { ReadCounter } from './reads/counter.ts';
import { apiRoutes, gatewayCalls } from './routes/api.ts';
import type { SessionSettings } from './sessions/config.ts';
import { createSessions } from './sessions/sessions.ts';
import type { SessionStore } from './sessions/store.ts';
import { DEFAULT_BUDGET_PER_MIN, type TeamConfig } from './team/config.ts';
import { BACKGROUND_RESERVE_SHARE, createTeam, type Team, type TeamOptions } from './team/create.ts';
import type { TrustedProxies } from './trust-proxy.ts';
import type { Upstream } from './upstream.ts';

export interface GatewayParts {
  /**
   * The API version the console speaks, the API deadline, server rendering's wait (0: off), the request log,
   * the proxies trusted to name the client (TRUST_PROXY) and the bearer for the operations endpoints.
   */
  settings: {
    apiVersion: ApiVersion;
    timeoutMs: number;
    renderBudgetMs: number;
    log: LogSink | null;
    trustProxy?: TrustedProxies | null;
    metricsToken?: string | null;
  };
  /** The bulk-reading limit (default: READ_LIMIT_PER_HOUR's) and where reads are counted (default: the team's engine). */
  reads?: { config?: ReadsConfig; counter?: ReadCounter };
  /** The API: embedded in-process or a remote Sent server. stop() closes it last. */
  api: Upstream;
  /** The team's budget, queues and cache in front of the API; null: calls go straight to it. */
  team: { config: TeamConfig; options?: TeamOptions } | null;
  /**
   * How people get in: the shared access secret, or staff sign-in (OIDC), made for the upstream the gateway
   * calls; neither: nobody signs in, and only loopback may listen (server.ts).
   */
  identity: {
    accessSecret: string | null;
    staffSignIn: ((upstream: Upstream, store?: SessionStore) => Promise<StaffSignIn>) | null;
    /** Where sessions live and how long they last (sessions/open.ts); absent: this process, default lengths. */
    sessions?: { store: SessionStore; settings: SessionSettings };
  };
  /** The audit trail; null: nothing is recorded and /__audit does not exist. */
  audit: GatewayAudit | null;
  /** The trail is shared with other gateways (the e2e run's one trail): its owner stops it, not stop(). */
  sharedAudit?: boolean;
  /** Contact imports, started with what they need of the gateway; null: /__imports does not exist. */
  imports: ((deps: ImportsDeps) => Promise<ImportsPart>) | null;
  /** The built console (served, and server-rendered from), Vite's (`npm run dev`: handed over), or none. */
  console: { distDir: string } | 'hand-off' | 'none';
  /** Extensions the test tree supplies (server/testing): a stand-in person, fault injection. */
  extend?: {
    /** Run once sign-in has passed, before the team context. */
    afterSignIn?: readonly MiddlewareHandler<GatewayEnv>[];
    /** Wraps the upstream every API call takes (`api`: the API beneath the team). */
    upstream?: (upstream: Upstream, api: Upstream) => Upstream;
  };
}

export interface Gateway {
  app: Hono<GatewayEnv>;
  team: Team | null;
  imports: ImportsPart | null;
  /** Nobody signs in (neither the access secret nor staff sign-in). */
  open: boolean;
  /** Imports first (their worker's last entries go in the trail), the trail, the team and the API, sessions. */
  stop(): Promise<void>;
}

export async function composeGateway(parts: GatewayParts): Promise<Gateway> {
  const { settings, identity } = parts;
  const team = parts.team ? await createTeam(parts.team.config, parts.api, parts.team.options) : null;
  // The team's upstream closes the API beneath it.
  const teamed = team?.upstream ?? parts.api;
  const upstream = parts.extend?.upstream?.(teamed, parts.api) ?? teamed;
  let imports: ImportsPart | null = null;
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      await imports?.stop();
      if (!parts.sharedAudit) await parts.audit?.stop();
      await teamed.close();
      await identity.sessions?.store.close();
    })();
    return stopped;
  };
  try {
    // OIDC: the provider's discovery first; an unreachable or wrong issuer stops start-up naming it.
    const sessions = identity.sessions;
    const staffSignIn = identity.staffSignIn ? await identity.staffSignIn(upstream, sessions?.store) : null;
    const accessSessions =
      identity.accessSecret && sessions
        ? createSessions({ store: sessions.store, ...sessions.settings })
        : null;
    const perMinute = parts.team?.config.perMinute ?? DEFAULT_BUDGET_PER_MIN;
    imports = parts.imports
      ? await parts.imports({
          callApi: gatewayCalls(apiRoutes({ upstream, timeoutMs: settings.timeoutMs })),
          recorder: parts.audit?.service.recorder ?? null,
          budgetPerMinute: perMinute,
          // Rows evenly, at most what background work may ever take of the team's share.
          gapMs: 60_000 / (perMinute * (1 - BACKGROUND_RESERVE_SHARE)),
        })
      : null;
    const app = createGatewayApp({
      ...settings,
      upstream,
      team,
      accessSecret: identity.accessSecret,
      accessSessions,
      staffSignIn,
      audit: parts.audit,
      reads: parts.reads?.config,
      readCounter: parts.reads?.counter,
      imports,
      distDir: typeof parts.console === 'object' ? parts.console.distDir : null,
      handOff: parts.console === 'hand-off',
      afterSignIn: parts.extend?.afterSignIn,
    });
    return { app, team, imports, open: !identity.accessSecret && !staffSignIn, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
