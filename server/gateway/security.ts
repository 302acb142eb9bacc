// Browser hardening applied to every gateway response, plus request checks that stop other sites from using
// the gateway through the user's browser (DNS rebinding, cross-site writes).
import { isLoopbackHost } from './config.ts';

// No 'unsafe-inline' anywhere: the built app loads only same-origin module scripts and stylesheets.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Adds the security headers; a handler may set its own CSP first (the sign-in page hashes its style). */
export function applySecurityHeaders(headers: Headers): void {
  if (!headers.has('content-security-policy'))
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
  for (const [name, value] of Object.entries(HEADERS)) headers.set(name, value);
}

function hostnameOf(hostHeader: string): string {
  // "127.0.0.1:5173", "[::1]:5173", "localhost"
  const m = /^(\[[^\]]+\]|[^:]+)(:\d+)?$/.exec(hostHeader);
  return m?.[1] ?? '';
}

/**
 * Without an access secret the gateway trusts whoever can reach the loopback port, so it must also refuse
 * requests addressed to another name: a rebinding attack points evil.example at 127.0.0.1.
 */
export function isAllowedHost(hostHeader: string | null): boolean {
  return hostHeader !== null && isLoopbackHost(hostnameOf(hostHeader));
}

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
