// Who each request's API calls are for, so the team budget (team/) queues people fairly and background work
// last: the signed-in person (`user:<sub>`) once staff sign in, else the browser's session cookie, set here
// on first sight.
import type { MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { clientAddress, type GatewayEnv } from '../env.ts';
import { isApiPath } from '../proxy.ts';
import { isPageRequest } from '../ssr.ts';
import { BROWSER_SESSION_COOKIE, teamContextOf } from '../team/requester.ts';

export function teamContext(): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const person = c.get('person');
    const ctx = teamContextOf(c.req.raw, clientAddress(c), person?.sub);
    c.set('requester', { requester: ctx.requester, priority: ctx.priority });
    await next();
    // Only on answers a browser keeps the cookie from (not on static files, which may be cached).
    if (ctx.newSession && (isApiPath(c.req.path) || isPageRequest(c.req.raw))) {
      setCookie(c, BROWSER_SESSION_COOKIE, ctx.newSession, { httpOnly: true, sameSite: 'Strict', path: '/' });
    }
  };
}
