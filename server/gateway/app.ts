// The gateway as a Hono app: a list of named middlewares, then the routes, in the order requests meet them. Built
// only by compose.ts, from parts it has made; seams for what comes next are middlewares in ./middleware and
// routes in ./routes.
import { Hono, type MiddlewareHandler } from 'hono';
import { except } from 'hono/combine';
import { contextStorage } from 'hono/context-storage';
import { IMPORTS_PATH } from '../../src/shared/imports.ts';
import { SESSIONS_PATH } from '../../src/shared/sessions.ts';
import { systemClock } from '../clock.ts';
import type { ImportsPart } from '../imports/service.ts';
import { createAccessSecret } from './access-secret.ts';
import { signInModeOf } from './audit/actor.ts';
import { gatewayAuditRoutes } from './audit/routes.ts';
import type { GatewayAudit } from './audit/trail.ts';
import type { ApiVersion } from './config.ts';
import type { GatewayEnv } from './env.ts';
import { injectApiVersion } from './html.ts';
import { type OwnAccount, renderApiFor } from './identity/enforce.ts';
import type { StaffSignIn } from './identity/staff-sign-in.ts';
import { importsHost } from './imports-host.ts';
import type { LogSink } from './log.ts';
import { requireAccess } from './middleware/access.ts';
import { auditTrail, recordApiViews, recordRefusals } from './middleware/audit.ts';
import { limitBody } from './middleware/body-limit.ts';
import { canonicalPathOnly } from './middleware/canonical-path.ts';
import { clientAddressFrom } from './middleware/client-address.ts';
import { holdCrossSiteReads } from './middleware/cross-site-reads.ts';
import { operations } from './middleware/operations.ts';
import { assignRequestId, requestIdHeader } from './middleware/request-id.ts';
import { requestLog } from './middleware/request-log.ts';
import { loopbackHostOnly, refuseCrossSiteWrites } from './middleware/request-origin.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { teamContext } from './middleware/team-context.ts';
import { DEFAULT_READ_LIMIT_PER_HOUR, type ReadsConfig } from './reads/config.ts';
import { createMemoryReadCounter, type ReadCounter } from './reads/counter.ts';
import { limitReads } from './reads/limit-reads.ts';
import { apiRoutes, gatewayCalls } from './routes/api.ts';
import { type ConsoleRouteOptions, consoleRoutes } from './routes/console.ts';
import { personRoutes } from './routes/person.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { parseSessionSettings } from './sessions/config.ts';
import { sessionStoreErrors } from './sessions/open.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { createSessions, type Sessions } from './sessions/sessions.ts';
import { createMemorySessionStore } from './sessions/store.ts';
import { createStaticHandler } from './static.ts';
import type { Team } from './team/create.ts';
import { createFailureThrottle } from './throttle.ts';
import type { TrustedProxies } from './trust-proxy.ts';
import type { Upstream } from './upstream.ts';

export interface GatewayAppOptions {
  /** Where API calls go: the team's upstream (team.upstream) when there is a team. */
  upstream: Upstream;
  /** The team budget, cache, read counter and operations endpoints (team/create.ts); absent in tests of other parts. */
  team?: (Pick<Team, 'handleOps'> & Partial<Pick<Team, 'reads'>>) | null;
  /** The limit on reading in bulk (reads/config.ts); absent: the default. */
  reads?: ReadsConfig;
  /** Where reads are counted; absent: the team's engine, else this process. */
  readCounter?: ReadCounter;
  apiVersion: ApiVersion;
  /** The access secret (env DASHBOARD_TOKEN); null leaves the console open to loopback callers only. */
  accessSecret: string | null;
  /** The access secret's sessions (sessions/open.ts); absent: this process's memory, default lengths. */
  accessSessions?: Sessions | null;
  /** TRUST_PROXY: proxies whose X-Forwarded-For names the client; absent or null: the socket peer is. */
  trustProxy?: TrustedProxies | null;
  /** METRICS_TOKEN: a bearer that may read the operations endpoints from anywhere. */
  metricsToken?: string | null;
  timeoutMs: number;
  /** Server rendering's wait for data (ms); 0 or absent serves the plain shell to every navigation. */
  renderBudgetMs?: number;
  /** Built console to serve; null when there is none (tests of the API part, or Vite's in `npm run dev`). */
  distDir: string | null;
  /** `npm run dev`: what the gateway does not answer itself is handed over to Vite (hand-off.ts). */
  handOff?: boolean;
  /** Request log sink; null disables logging. */
  log: LogSink | null;
  /** OpenID Connect sign-in (identity/staff-sign-in.ts); absent: no sign-in or the access secret. */
  staffSignIn?: StaffSignIn | null;
  /** The audit trail (audit/start.ts); absent or null: nothing is recorded and /__audit does not exist. */
  audit?: GatewayAudit | null;
  /** Middleware run once sign-in has passed, before the team context (the test tree's stand-in person). */
  afterSignIn?: readonly MiddlewareHandler<GatewayEnv>[];
  /** Contact imports (server/imports/service.ts): their routes; absent, /__imports does not exist. */
  imports?: Pick<ImportsPart, 'routes'> | null;
}

const isImportUpload = (c: { req: { method: string; path: string } }) =>
  c.req.method === 'POST' && c.req.path === IMPORTS_PATH;

export function createGatewayApp(opts: GatewayAppOptions): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  const api = apiRoutes({ upstream: opts.upstream, timeoutMs: opts.timeoutMs });
  const audit = opts.audit?.forApp(signInModeOf(opts.accessSecret));

  // Server rendering's API calls are recorded in the page request's name (middleware/audit.ts).
  app.use(contextStorage());
  app.onError(sessionStoreErrors);
  app.use(assignRequestId);
  app.use(clientAddressFrom(opts.trustProxy ?? null));
  if (opts.log) app.use(requestLog(opts.log, [opts.upstream.apiKey, opts.accessSecret ?? '']));
  app.use(requestIdHeader);
  const signIn = opts.staffSignIn ?? null;
  app.use(securityHeaders(signIn ? { formAction: ["'self'", ...signIn.formTargets] } : {}));
  if (!opts.accessSecret && !signIn) app.use(loopbackHostOnly);
  // Before any check of the path: one spelling of it, the one Hono routes on.
  app.use(canonicalPathOnly);
  app.use(refuseCrossSiteWrites, holdCrossSiteReads);
  // Every body is read within the limit, whichever route reads it; an import's file has its own, larger one.
  app.use(except(isImportUpload, limitBody));
  // Team: /healthz, /readyz, /metrics for direct loopback callers or METRICS_TOKEN only, never a signed-in role.
  if (opts.team) app.use(operations(opts.team.handleOps, opts.metricsToken ?? null));
  if (audit) app.use(auditTrail(audit));
  const files = opts.distDir
    ? createStaticHandler(opts.distDir, (html) => injectApiVersion(html, opts.apiVersion))
    : null;
  const access = opts.accessSecret
    ? createAccessSecret(
        opts.accessSecret,
        opts.accessSessions ??
          createSessions({ store: createMemorySessionStore(), ...parseSessionSettings({}) }),
      )
    : null;
  if (access) {
    const throttle = createFailureThrottle();
    app.route('/', signInRoutes(access, throttle));
    app.use(requireAccess(access, throttle));
  }
  // Staff sign-in (OIDC): its routes, the built files (only real files: anything that renders needs a person),
  // then only signed-in people, each request held to their role and profiles (refused API calls recorded).
  if (signIn) {
    app.route('/', signIn.routes);
    if (files) app.use('/assets/*', async (c, next) => (await files.builtAsset(c.req.raw)) ?? next());
    app.use(signIn.requirePerson);
    if (audit) app.use(recordRefusals(audit));
    app.use(signIn.enforceAccess);
  }
  for (const middleware of opts.afterSignIn ?? []) app.use(middleware);
  // Who is signed in, for admins; who each request's API calls are for (team).
  const signedIn = sessionRoutes({
    method: signIn ? 'oidc' : access ? 'access-secret' : 'none',
    sessions: signIn?.sessions ?? access?.sessions ?? null,
  });
  app.route('/', signedIn.routes);
  if (opts.team) app.use(teamContext());

  // Audit: the trail's routes (exports announce themselves; reading is for admins) and API calls recorded.
  const unrecorded = gatewayCalls(api);
  const recordViews = audit ? recordApiViews(audit, (req) => unrecorded(req)) : null;
  const ownAccount = signIn?.ownAccount ?? null;
  const accountOf: OwnAccount = ownAccount ?? (() => null);
  if (audit) app.route('/__audit', gatewayAuditRoutes(audit, accountOf));
  if (recordViews) app.use(recordViews);
  // Inside the views' recording: a read refused for being past the limit is recorded as refused.
  const readLimit = limitReads(
    opts.readCounter ?? opts.team?.reads ?? createMemoryReadCounter(systemClock),
    opts.reads?.perHour ?? DEFAULT_READ_LIMIT_PER_HOUR,
  );
  app.use(readLimit);

  // What the console needs to know about its backend; never secrets.
  app.get('/__config', (c) =>
    c.json({ apiVersion: opts.apiVersion, upstream: opts.upstream.kind }, 200, {
      'cache-control': 'no-store',
    }),
  );
  app.route('/', api);
  // Server rendering fetches through the same API routes (views recorded in the page's name), each call with its
  // own request id, for the page's requester (the same team queue and cache as the browser's own calls) and
  // under the signed-in person's rules; a reveal fetches unrecorded, as it records itself.
  const renderApi = new Hono<GatewayEnv>().use(assignRequestId);
  if (recordViews) renderApi.use(recordViews);
  renderApi.use(readLimit);
  renderApi.route('/', api);
  const renderFor: ConsoleRouteOptions['api'] = (req, page) =>
    new URL(req.url).pathname === SESSIONS_PATH
      ? signedIn.list(page)
      : renderApiFor(
          async (r) => renderApi.fetch(r, { ...page.env, requester: page.get('requester') }),
          ownAccount,
        )(req, page.get('person'));
  app.route('/', personRoutes({ api: (req) => unrecorded(req), ownAccount: accountOf }));
  // Contact imports: admins' jobs, whose rows this process's worker sends through the API routes above.
  if (opts.imports) app.route(IMPORTS_PATH, opts.imports.routes(importsHost(accountOf)));
  app.route('/', consoleRoutes({ ...opts, api: renderFor, files }));
  return app;
}
