// Stops other sites from using the gateway through the user's browser: DNS rebinding (a foreign Host name) and
// cross-site writes. Not hono/csrf: it only inspects form-like content types and refuses requests without
// Origin, while the console must refuse a cross-site JSON PATCH too and let scripts (no Origin) through.
import type { MiddlewareHandler } from 'hono';
import { isLoopbackHost } from '../config.ts';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';

function hostnameOf(hostHeader: string): string {
  // "127.0.0.1:5173", "[::1]:5173", "localhost"
  const m = /^(\[[^\]]+\]|[^:]+)(:\d+)?$/.exec(hostHeader);
  return m?.[1] ?? '';
}

/**
 * Without an access secret the gateway trusts whoever can reach the loopback port, so it must also refuse
 * requests addressed to another name: a rebinding attack points evil.example at 127.0.0.1.
 */
export const loopbackHostOnly: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  const host = c.req.header('host');
  if (host !== undefined && isLoopbackHost(hostnameOf(host))) return next();
  return refuse(
    c,
    GatewayErrors.FORBIDDEN,
    'This console only answers on a loopback address (set DASHBOARD_TOKEN to expose it).',
  );
};

/** Unsafe methods must come from the console's own origin (defence in depth next to SameSite=Strict). */
export function isCrossSiteWrite(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  // Browsers send Sec-Fetch-Site on every request; trust it first. (Origin alone is not enough: with
  // Referrer-Policy no-referrer a same-origin form POST carries `Origin: null`.)
  const site = req.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.get('origin');
  if (!origin) return false; // not a browser: scripts are covered by the access secret
  try {
    return new URL(origin).host !== req.headers.get('host');
  } catch {
    return true; // `null` or garbage from a browser that does not say where it came from
  }
}

export const refuseCrossSiteWrites: MiddlewareHandler<GatewayEnv> = async (c, next) =>
  isCrossSiteWrite(c.req.raw)
    ? refuse(c, GatewayErrors.FORBIDDEN, 'Cross-site requests are not allowed.')
    : next();
