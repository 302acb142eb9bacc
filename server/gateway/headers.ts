// Header rules shared by the gateway and the dev server: the browser's credentials never travel upstream, the
// server's key is added here, and only headers the console needs flow either way.

const REQUEST_HEADERS = ['x-profile-id', 'x-sender-id', 'content-type', 'accept', 'idempotency-key'];
// x-cache: whether the team's shared cache answered (team/team-upstream.ts).
const RESPONSE_HEADERS = ['content-type', 'x-request-id', 'retry-after', 'x-cache'];

/** Headers to send upstream: allowlisted ones from the browser plus the server-side key. */
export function upstreamRequestHeaders(incoming: Headers, apiKey: string): Headers {
  const out = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) out.set(name, value);
  }
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
