// The gateway as a Hono app: a list of named middlewares, then the routes. Seams for what comes next (other
// sign-in methods, roles, a request scheduler, a cache) are middlewares in ./middleware and routes in ./routes.
import { Hono } from 'hono';
import { createAccessSecret } from './access-secret.ts';
import type { ApiVersion } from './config.ts';
import type { GatewayEnv } from './env.ts';
import type { LogSink } from './log.ts';
import { requireAccess } from './middleware/access.ts';
import { assignRequestId, requestIdHeader } from './middleware/request-id.ts';
import { requestLog } from './middleware/request-log.ts';
import { loopbackHostOnly, refuseCrossSiteWrites } from './middleware/request-origin.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { isDirectLoopback, operations, teamContext } from './middleware/team-context.ts';
import { apiRoutes } from './routes/api.ts';
import { type ConsoleRouteOptions, consoleRoutes } from './routes/console.ts';
import { signInRoutes } from './routes/sign-in.ts';
import type { Team } from './team/create.ts';
import { createFailureThrottle } from './throttle.ts';
import type { Upstream } from './upstream.ts';

export interface GatewayAppOptions {
  /** Where API calls go: the team's upstream (team.upstream) when there is a team. */
  upstream: Upstream;
  /** The team budget, cache and operations endpoints (team/create.ts); absent in tests of other parts. */
  team?: Pick<Team, 'handleOps'> | null;
  apiVersion: ApiVersion;
  /** The access secret (env DASHBOARD_TOKEN); null leaves the console open to loopback callers only. */
  accessSecret: string | null;
  timeoutMs: number;
  /** Server rendering's wait for data (ms); 0 or absent serves the plain shell to every navigation. */
  renderBudgetMs?: number;
  testControls: boolean;
  /** Built console to serve; null when only the API part is wanted (the Vite dev server). */
  distDir: string | null;
  /** Request log sink; null disables logging. */
  log: LogSink | null;
}

export function createGatewayApp(opts: GatewayAppOptions): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  const api = apiRoutes({
    upstream: opts.upstream,
    timeoutMs: opts.timeoutMs,
    testControls: opts.testControls,
  });

  app.use(assignRequestId);
  if (opts.log) app.use(requestLog(opts.log, [opts.upstream.apiKey, opts.accessSecret ?? '']));
  app.use(requestIdHeader);
  app.use(securityHeaders());
  if (!opts.accessSecret) app.use(loopbackHostOnly);
  app.use(refuseCrossSiteWrites);
  // Team: /healthz, /readyz, /metrics for direct loopback callers here, for holders of the access secret below.
  if (opts.team) app.use(operations(opts.team.handleOps, isDirectLoopback));
  if (opts.accessSecret) {
    const access = createAccessSecret(opts.accessSecret);
    const throttle = createFailureThrottle();
    app.route('/', signInRoutes(access, throttle));
    app.use(requireAccess(access, throttle));
  }
  // Team: operations for callers past the access check; who each request's API calls are for.
  if (opts.team) app.use(operations(opts.team.handleOps), teamContext());

  // What the console needs to know about its backend; never secrets.
  app.get('/__config', (c) =>
    c.json({ apiVersion: opts.apiVersion, upstream: opts.upstream.kind }, 200, {
      'cache-control': 'no-store',
    }),
  );
  app.route('/', api);
  // Server rendering fetches through the same API routes, each call with its own request id, for the page's
  // requester (the same team queue and cache as the browser's own calls).
  const renderApi = new Hono<GatewayEnv>().use(assignRequestId).route('/', api);
  const renderFor: ConsoleRouteOptions['api'] = async (req, page) =>
    renderApi.fetch(req, { ...page.env, requester: page.get('requester') });
  app.route('/', consoleRoutes({ ...opts, api: renderFor }));
  return app;
}
