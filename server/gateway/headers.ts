// Header rules shared by the gateway and the dev server: the browser's credentials never travel upstream, the
// server's key is added here, and only headers the console needs flow either way. Of the scope headers only
// the one the route's API family acts on is forwarded (scope.ts), so the upstream never reads a scope header
// the gateway did not check.
import { scopeOf } from './scope.ts';

const REQUEST_HEADERS = ['content-type', 'accept', 'idempotency-key'];
// Whether the team's cache answered (x-cache) stays in the gateway's log and /metrics: told to a browser, a hit
// would say that someone else fetched that contact seconds ago.
const RESPONSE_HEADERS = ['content-type', 'x-request-id', 'retry-after'];

/** Headers to send upstream for `pathname`: allowlisted ones from the browser, its scope, the server-side key. */
export function upstreamRequestHeaders(incoming: Headers, pathname: string, apiKey: string): Headers {
  const out = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) out.set(name, value);
  }
  const { header } = scopeOf(pathname, incoming);
  if (header) out.set(header.name, header.value);
  out.set('x-api-key', apiKey);
  return out;
}

/** Headers to pass back to the browser: envelope type, request id, rate-limit information. */
export function downstreamResponseHeaders(upstream: Headers): Headers {
  // Contacts are personal data: keep them out of the browser's disk cache.
  const out = new Headers({ 'cache-control': 'no-store' });
  for (const [name, value] of upstream) {
    if (RESPONSE_HEADERS.includes(name) || name.startsWith('x-ratelimit-')) out.set(name, value);
  }
  return out;
}

/** Whether the team's cache answered (hit, miss, shared, bypass): for the request log only. */
export const cacheOutcomeOf = (upstream: Headers): string | undefined => upstream.get('x-cache') ?? undefined;
