// Normalise once: every later check (access, roles, the allowlist, the audit) reads the request's URL while Hono
// routes on its percent-decoded path. Here, before any of them, a path is accepted only in its one canonical
// spelling, so what is checked is what is routed: `/__audit/%65xports` is `/__audit/exports`, and a viewer can
// no longer slip past a check that compared the encoded spelling.
//   canonical already      → on
//   a decodable alias      → GET/HEAD: 308 to the canonical path (same query); other methods: 400 GATEWAY_014
//   ambiguous once decoded → 400 GATEWAY_014 (an encoded '/' or '\', a '%' left after one decoding, i.e. double
//                            encoding, dot segments, empty segments, control or non-ASCII characters)
import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';

/** RFC 3986 `pchar` without percent-encoding: what a canonical segment may hold (the console has no other). */
const SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=:@-]*$/;

export type PathVerdict = { ok: true; path: string } | { ok: false };

/**
 * The canonical form of a URL's pathname (as the URL parser gave it: dot segments already resolved), decoded
 * exactly once; `{ok: false}` when it cannot be spelt without ambiguity.
 */
export function canonicalPath(raw: string): PathVerdict {
  const segments = raw.split('/').slice(1);
  const decoded: string[] = [];
  for (const [i, segment] of segments.entries()) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return { ok: false }; // a '%' not followed by two hex digits
    }
    // Only the last segment may be empty (a trailing slash, or the root itself).
    const empty = value === '' && i < segments.length - 1;
    if (empty || value === '.' || value === '..' || !SEGMENT.test(value)) return { ok: false };
    decoded.push(value);
  }
  return { ok: true, path: `/${decoded.join('/')}` };
}

export const canonicalPathOnly: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  const verdict = canonicalPath(url.pathname);
  if (verdict.ok && verdict.path === url.pathname) return next();
  if (verdict.ok && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    c.set('error', 'path_alias');
    return c.redirect(verdict.path + url.search, 308);
  }
  return refuse(
    c,
    GatewayErrors.INVALID_REQUEST,
    verdict.ok
      ? `Send this request to its canonical path (${verdict.path}).`
      : 'The path is not valid: encoded separators, double encoding and control characters are refused.',
  );
};
