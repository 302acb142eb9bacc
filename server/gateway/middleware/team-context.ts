// Who each request's API calls are for, so the team budget (team/) queues people fairly and background work
// last: the signed-in person (`user:<sub>`) once staff sign in, else the browser's session cookie, set here
// on first sight. Also the operations endpoints (/healthz, /readyz, /metrics), which are not public.
import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { isLoopbackHost } from '../config.ts';
import { clientAddress, type GatewayEnv } from '../env.ts';
import { isApiPath } from '../proxy.ts';
import { isPageRequest } from '../ssr.ts';
import { SESSION_COOKIE, teamContextOf } from '../team/requester.ts';

export function teamContext(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const person = c.get('person');
    const ctx = teamContextOf(c.req.raw, clientAddress(c), person?.sub);
    c.set('requester', { requester: ctx.requester, priority: ctx.priority });
    await next();
    // Only on answers a browser keeps the cookie from (not on static files, which may be cached).
    if (ctx.newSession && (isApiPath(c.req.path) || isPageRequest(c.req.raw))) {
      setCookie(c, SESSION_COOKIE, ctx.newSession, { httpOnly: true, sameSite: 'Strict', path: '/' });
    }
  };
}

/** Forwarded by a proxy in front: the socket's loopback address says nothing about the real caller. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** A caller on this machine talking to us directly (a local probe or Prometheus), not through a proxy. */
export function isDirectLoopback(c: Context<GatewayEnv>): boolean {
  const address = clientAddress(c).replace(/^::ffff:/, '');
  return isLoopbackHost(address) && !PROXY_HEADERS.some((h) => c.req.header(h) !== undefined);
}

/**
 * Answers /healthz, /readyz and /metrics. `who` decides who may: mounted once before the access check for
 * direct loopback callers, and once after it for anyone who passed it (the access secret).
 */
export function operations(
  handle: (req: Request) => Promise<Response | null>,
  who: (c: Context<GatewayEnv>) => boolean = () => true,
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    if (!who(c)) return next();
    return (await handle(c.req.raw)) ?? next();
  };
}
