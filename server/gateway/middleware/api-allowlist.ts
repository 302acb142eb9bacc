import type { MiddlewareHandler } from 'hono';
import { checkRoute } from '../allowlist.ts';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';

/** API calls outside the allowlist are answered here (404/405) and never reach the upstream. */
export const apiAllowlist: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  // The raw, still percent-encoded path: an encoded '/' must not pass for a route separator.
  const route = checkRoute(c.req.method, new URL(c.req.url).pathname);
  if (route.ok) return next();
  if (route.reason === 'not_found') {
    return refuse(c, GatewayErrors.ROUTE_NOT_FOUND, 'This API route is not available through the console.');
  }
  return refuse(c, GatewayErrors.METHOD_NOT_ALLOWED, `Method ${c.req.method} is not allowed on this route.`, {
    allow: route.allow.join(', '),
  });
};
