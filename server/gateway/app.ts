// The gateway as a Hono app: logging → security headers → host/origin checks → access secret → routes
// (/__config, sign-in, allowlisted API forwarding, the built console).
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { createAccessControl, SIGN_IN_PATH, SIGN_OUT_PATH, safeNext, signInPage } from './auth.ts';
import type { ApiVersion } from './config.ts';
import { apiVersionOf, errorResponse, GatewayErrors, newRequestId } from './envelope.ts';
import { injectApiVersion } from './html.ts';
import { formatLogLine, type LogSink } from './log.ts';
import { forwardApiRequest, isApiPath } from './proxy.ts';
import { applySecurityHeaders, isAllowedHost, isCrossSiteWrite } from './security.ts';
import { createPageRenderer, isPageRequest, type RenderOutcome, streamedPageResponse } from './ssr.ts';
import { createStaticHandler } from './static.ts';
import { createFailureThrottle } from './throttle.ts';
import type { Upstream } from './upstream.ts';

export interface GatewayAppOptions {
  upstream: Upstream;
  apiVersion: ApiVersion;
  dashboardToken: string | null;
  timeoutMs: number;
  /** Server rendering's wait for data (ms); 0 or absent serves the plain shell to every navigation. */
  renderBudgetMs?: number;
  testControls: boolean;
  /** Built console to serve; null when only the API part is wanted (the Vite dev server). */
  distDir: string | null;
  /** Request log sink; null disables logging. */
  log: LogSink | null;
}

// `incoming` is there under @hono/node-server (gateway and dev server); absent when app.fetch is called directly.
type Env = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    requestId: string;
    error?: string;
    cause?: string;
    /** Page navigations: known once the streamed page is complete. */
    render?: RenderOutcome | Promise<RenderOutcome>;
  };
};

export function createGatewayApp(opts: GatewayAppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const access = opts.dashboardToken ? createAccessControl(opts.dashboardToken) : null;
  const throttle = createFailureThrottle();
  const serveStatic = opts.distDir
    ? createStaticHandler(opts.distDir, (html) => injectApiVersion(html, opts.apiVersion))
    : null;
  const secrets = [opts.upstream.apiKey, opts.dashboardToken ?? ''];
  const proxyOptions = {
    upstream: opts.upstream,
    timeoutMs: opts.timeoutMs,
    testControls: opts.testControls,
  };
  // First screens are server-rendered for v3 accounts (the legacy v1 adapter stays in the browser).
  const renderPage =
    opts.distDir && opts.apiVersion === 'v3' && opts.renderBudgetMs
      ? createPageRenderer({
          distDir: opts.distDir,
          api: async (req) => (await forwardApiRequest(req, newRequestId(), proxyOptions)).response,
          budgetMs: opts.renderBudgetMs,
        })
      : null;
  /** Test runs can ask for the plain shell, to watch the browser's own first requests. */
  const wantsRendering = (req: Request) =>
    !(opts.testControls && req.headers.get('x-test-ssr') === 'off') && isPageRequest(req);

  app.use(async (c, next) => {
    const started = performance.now();
    c.set('requestId', newRequestId());
    await next();
    // The upstream's id (when there is one) is what support can look up; otherwise the gateway's own.
    const requestId = c.res.headers.get('x-request-id') ?? c.get('requestId');
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', requestId);
    applySecurityHeaders(c.res.headers);
    const log = opts.log;
    if (log) {
      const url = new URL(c.req.url);
      const entry = {
        requestId,
        method: c.req.method,
        pathAndQuery: url.pathname + url.search,
        status: c.res.status,
        error: c.get('error'),
        cause: c.get('cause'),
      };
      // A streamed page is logged when its last byte is ready, with the whole duration and how it went.
      const write = (render?: RenderOutcome) =>
        log(formatLogLine({ ...entry, durationMs: performance.now() - started, render }, secrets));
      const render = c.get('render');
      if (render instanceof Promise) void render.then(write);
      else write(render);
    }
  });

  app.use(async (c, next) => {
    const path = c.req.path;
    const refuse = (message: string) => {
      c.set('error', GatewayErrors.FORBIDDEN.code);
      return errorResponse(GatewayErrors.FORBIDDEN, message, c.get('requestId'), apiVersionOf(path));
    };
    if (!access && !isAllowedHost(c.req.header('host') ?? null)) {
      return refuse('This console only answers on a loopback address (set DASHBOARD_TOKEN to expose it).');
    }
    if (isCrossSiteWrite(c.req.raw)) return refuse('Cross-site requests are not allowed.');
    if (!access) return next();
    const client = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
    const wait = throttle.retryAfterS(client);
    if (path === SIGN_IN_PATH) {
      if (c.req.method !== 'POST') return signInPage(safeNext(c.req.query('next')));
      if (wait > 0) return signInPage(safeNext(c.req.query('next')), 'throttled', wait);
      const res = await access.handleSignIn(c.req.raw);
      if (res.status === 401) throttle.fail(client);
      return res;
    }
    if (path === SIGN_OUT_PATH && c.req.method === 'POST') return access.handleSignOut(c.req.raw);
    const verdict = access.check(c.req.raw);
    if (verdict === 'ok') return next();
    if (verdict === 'guess') {
      if (wait > 0) {
        c.set('error', GatewayErrors.TOO_MANY_ATTEMPTS.code);
        return errorResponse(
          GatewayErrors.TOO_MANY_ATTEMPTS,
          'Too many wrong access secrets from this address; try again later.',
          c.get('requestId'),
          apiVersionOf(path),
          { 'retry-after': String(wait) },
        );
      }
      throttle.fail(client);
    }
    c.set('error', GatewayErrors.ACCESS_REQUIRED.code);
    const wantsPage = c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html');
    if (wantsPage && !isApiPath(path) && !path.startsWith('/__')) {
      const next = new URL(c.req.url);
      return c.redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(next.pathname + next.search)}`, 303);
    }
    return errorResponse(
      GatewayErrors.ACCESS_REQUIRED,
      'Sign in with the access secret.',
      c.get('requestId'),
      apiVersionOf(path),
      {
        'www-authenticate': 'Bearer realm="sent-console"',
      },
    );
  });

  // What the console needs to know about its backend; never secrets.
  app.get('/__config', (c) =>
    c.json({ apiVersion: opts.apiVersion, upstream: opts.upstream.kind }, 200, {
      'cache-control': 'no-store',
    }),
  );

  app.all('*', async (c) => {
    if (isApiPath(c.req.path)) {
      const result = await forwardApiRequest(c.req.raw, c.get('requestId'), proxyOptions);
      if (result.error) c.set('error', result.error);
      if (result.cause) c.set('cause', result.cause);
      return result.response;
    }
    if (renderPage && wantsRendering(c.req.raw)) {
      const page = await renderPage(c.req.raw);
      if (page) {
        c.set(
          'render',
          page.rest.then((rest) => rest.outcome),
        );
        return streamedPageResponse(c.req.raw, page);
      }
      c.set('render', 'shell:not-built');
    }
    if (serveStatic) return serveStatic(c.req.raw);
    return c.text('Not found', 404);
  });

  return app;
}
