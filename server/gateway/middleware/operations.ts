// The operations endpoints (/healthz, /readyz, /metrics: team/health.ts) answer only callers on this machine
// that reach the gateway directly (the socket peer is loopback and no proxy forwarded the request), or a
// bearer of METRICS_TOKEN. Never a signed-in role: a viewer has no business with the process's figures, and
// behind a proxy on the same machine every request would otherwise come from 127.0.0.1.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { isLoopbackHost } from '../config.ts';
import { type GatewayEnv, socketAddress } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { OPS_PATHS } from '../team/health.ts';

/** Forwarded by a proxy in front: the socket's loopback address says nothing about the real caller. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** A caller on this machine talking to us directly (a local probe or Prometheus), not through a proxy. */
export function isDirectLoopback(c: Context<GatewayEnv>): boolean {
  const address = socketAddress(c).replace(/^::ffff:/, '');
  return isLoopbackHost(address) && !PROXY_HEADERS.some((h) => c.req.header(h) !== undefined);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function bearerIs(c: Context<GatewayEnv>, token: string | null): boolean {
  const auth = c.req.header('authorization');
  if (!token || !auth?.toLowerCase().startsWith('bearer ')) return false;
  return timingSafeEqual(digest(auth.slice(7).trim()), digest(token));
}

const isOpsPath = (path: string) => (OPS_PATHS as readonly string[]).includes(path);

export function operations(
  handle: (req: Request) => Promise<Response | null>,
  metricsToken: string | null,
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    if (!isOpsPath(c.req.path)) return next();
    if (!isDirectLoopback(c) && !bearerIs(c, metricsToken)) {
      return refuse(
        c,
        GatewayErrors.FORBIDDEN,
        `${c.req.path} answers only callers on this machine or a bearer of METRICS_TOKEN.`,
      );
    }
    return (await handle(c.req.raw)) ?? next();
  };
}
