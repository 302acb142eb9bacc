// Test controls, for test runs only: a request may carry `x-test-latency-ms: N` or `x-test-fail: <status>` (the
// embedded API, started with testControls, obeys them) and a page navigation `x-test-ssr: off` (the plain shell,
// so a test sees the browser's own first requests). The gateway never forwards x-test-* headers; these wrappers
// carry them past it instead: `withTestControls` around the app (or around the gateway's own API calls),
// `testControlledUpstream` beneath it (compose.ts's `extend.upstream`).
import { AsyncLocalStorage } from 'node:async_hooks';
import { extname } from 'node:path';
import type { Upstream } from '../gateway/upstream.ts';

const FAULT_HEADERS = ['x-test-latency-ms', 'x-test-fail'];

/** The x-test-* headers of the request being handled, for the upstream beneath to add again. */
const carried = new AsyncLocalStorage<[string, string][]>();

function faultsOf(req: Request): [string, string][] {
  return FAULT_HEADERS.flatMap((name) => {
    const value = req.headers.get(name);
    return value === null ? [] : [[name, value] as [string, string]];
  });
}

/** A navigation asking for the plain shell: not a page request any more (no server rendering), same file. */
function withoutRendering(req: Request): Request {
  const { pathname } = new URL(req.url);
  const page =
    req.method === 'GET' && extname(pathname) === '' && /text\/html/.test(req.headers.get('accept') ?? '');
  if (!page || req.headers.get('x-test-ssr') !== 'off') return req;
  const headers = new Headers(req.headers);
  headers.set('accept', '*/*');
  return new Request(req, { headers });
}

/** Runs `handler` with the request's test controls in force. */
export function withTestControls<A extends unknown[]>(
  handler: (req: Request, ...rest: A) => Response | Promise<Response>,
): (req: Request, ...rest: A) => Promise<Response> {
  return async (req, ...rest) => {
    const faults = faultsOf(req);
    const run = () => handler(withoutRendering(req), ...rest);
    return faults.length > 0 ? carried.run(faults, run) : run();
  };
}

/**
 * The upstream for a test run: a call made for a request with fault headers goes straight to `api` with them,
 * past the team (`upstream`): never answered from the cache, and the budget learns nothing from a fault.
 */
export function testControlledUpstream(upstream: Upstream, api: Upstream): Upstream {
  return {
    ...upstream,
    fetch: (req, opts) => {
      const faults = carried.getStore();
      if (!faults) return upstream.fetch(req, opts);
      const headers = new Headers(req.headers);
      for (const [name, value] of faults) headers.set(name, value);
      return api.fetch(new Request(req, { headers }), opts);
    },
  };
}
