// Forwards one allowlisted API call upstream with the server-side key, within a deadline, and maps
// transport failures to the gateway's own 502/504 envelope errors. The deadline is our own, not hono/timeout:
// it must also abort the upstream call, and tell a deadline from the browser going away.
import { errorResponse, GatewayErrors } from './errors.ts';
import { cacheOutcomeOf, downstreamResponseHeaders, upstreamRequestHeaders } from './headers.ts';
import type { Requester, Upstream } from './upstream.ts';

export interface ProxyOptions {
  upstream: Upstream;
  timeoutMs: number;
}

export interface ProxyResult {
  response: Response;
  /** Gateway error code when the gateway answered itself, for the request log. */
  error?: string;
  /** Transport failure cause (e.g. ECONNREFUSED), for the request log only. */
  cause?: string;
  /** Whether the team's cache answered, for the request log only (never sent to the browser). */
  cache?: string;
  /** The body sent on, for middlewares that read it (the read limit) without cloning the response. */
  body?: Uint8Array;
}

export function isApiPath(pathname: string): boolean {
  return /^\/v[13](\/|$)/.test(pathname);
}

class DeadlineExceeded extends Error {}

/** Rejects when `signal` aborts even if `work` ignores the signal (the in-process API does not take one). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function causeOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.name : 'unknown';
}

/** `req` has passed the allowlist and the body limit (routes/api.ts). */
export async function forwardApiRequest(
  req: Request,
  requestId: string,
  opts: ProxyOptions,
  requester: Requester = { requester: 'anonymous', priority: 'interactive' },
): Promise<ProxyResult> {
  const url = new URL(req.url);
  const fail = (err: (typeof GatewayErrors)[keyof typeof GatewayErrors], message: string) => ({
    response: errorResponse(err, message, requestId, url.pathname),
    error: err.code,
  });
  // Already size-checked (middleware/body-limit.ts).
  const body =
    req.method === 'GET' || req.method === 'HEAD' || !req.body
      ? null
      : new Uint8Array(await req.arrayBuffer());

  const { upstream } = opts;
  // One controller for both ends: the deadline, and the browser giving up (e.g. a superseded search).
  // (Cheaper per request than AbortSignal.any.)
  const controller = new AbortController();
  const { signal } = controller;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DeadlineExceeded());
  }, opts.timeoutMs);
  const clientGone = () => controller.abort(req.signal.reason);
  req.signal.addEventListener('abort', clientGone, { once: true });
  try {
    const upstreamReq = new Request(upstream.baseUrl + url.pathname + url.search, {
      method: req.method,
      headers: upstreamRequestHeaders(req.headers, url.pathname, upstream.apiKey),
      body,
      // The in-process API cannot be interrupted (untilAborted stops waiting for it instead).
      signal: upstream.kind === 'remote' ? signal : undefined,
      redirect: 'manual',
    });
    const res = await untilAborted(upstream.fetch(upstreamReq, { ...requester, signal, requestId }), signal);
    // Buffer the body inside the deadline: a stalled body is a timeout too, not a truncated 200.
    const buf = await untilAborted(res.arrayBuffer(), signal);
    const noBody = res.status === 204 || res.status === 304;
    const answer = new Uint8Array(buf);
    return {
      // A Uint8Array body lets @hono/node-server write it in one go (an ArrayBuffer takes its slow path).
      response: new Response(noBody ? null : answer, {
        status: res.status,
        headers: downstreamResponseHeaders(res.headers),
      }),
      cache: cacheOutcomeOf(res.headers),
      body: answer,
    };
  } catch (err) {
    if (timedOut) {
      return fail(
        GatewayErrors.UPSTREAM_TIMEOUT,
        `The Sent API did not answer within ${Math.round(opts.timeoutMs / 100) / 10} s.`,
      );
    }
    if (req.signal.aborted) return { response: new Response(null, { status: 499 }), error: 'client_closed' };
    // The cause (ECONNREFUSED, DNS…) goes to the log, not to the browser.
    return {
      ...fail(GatewayErrors.UPSTREAM_UNREACHABLE, 'The Sent API could not be reached.'),
      cause: causeOf(err),
    };
  } finally {
    clearTimeout(timer);
    req.signal.removeEventListener('abort', clientGone);
  }
}
