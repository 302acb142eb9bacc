// The gateway's one way upstream once the team shares the account's budget: cache (with single-flight) →
// fair priority scheduler → budget → the real upstream. Every answer carries the team's budget in the
// X-RateLimit-* headers (what the console's footer shows) and whether the cache answered (x-cache).

import type { Clock } from '../../clock.ts';
import { apiVersionOf, errorResponse, GatewayErrors } from '../errors.ts';
import { newGatewayRequestId as newRequestId } from '../middleware/request-id.ts';
import { scopeKey, scopeOf } from '../scope.ts';
import type { Upstream, UpstreamCallOptions } from '../upstream.ts';
import type { Budget, BudgetMode } from './budget.ts';
import type { ResponseCache } from './cache.ts';
import { cacheKeyOf, cachePolicyFor, invalidationsFor } from './cache-policy.ts';
import type { CachedResponse } from './cache-store.ts';
import { noopObserver, type TeamObserver } from './observer.ts';
import type { Admission, Priority, Scheduler } from './scheduler.ts';
import { adjustmentFrom } from './upstream-signal.ts';

/** Who is waiting, how urgently, and when they give up (see UpstreamCallOptions). */
export type TeamRequestOptions = UpstreamCallOptions & { priority: Priority };

export interface TeamSnapshot {
  mode: BudgetMode;
  /** Requests a minute the team may spend (its share, or the fallback's part of it). */
  limit: number;
  burst: number;
  remaining: number;
  /** Epoch seconds when the budget is full again. */
  resetAt: number;
  /** Epoch seconds until which an upstream Retry-After holds every request back, or 0. */
  blockedUntil: number;
  queued: Record<Priority, number>;
  replicas: number;
}

export interface TeamUpstream extends Upstream {
  fetch(req: Request, opts?: TeamRequestOptions): Promise<Response>;
  snapshot(): TeamSnapshot;
}

export interface TeamDeps {
  budget: Budget;
  scheduler: Scheduler;
  cache: ResponseCache;
  clock: Clock;
  observer?: TeamObserver;
  /** Releases what the team holds (Redis connections), after the inner upstream. */
  onClose?: () => Promise<void>;
}

/** Requests made without options (none of the gateway's own) queue together, as people. */
const DEFAULT_OPTIONS: TeamRequestOptions = { requester: 'anonymous', priority: 'interactive' };
/** An upstream 429 despite our budget (production traffic spent it) is retried within the wait bound. */
const MAX_ATTEMPTS = 3;

async function readResponse(res: Response): Promise<CachedResponse> {
  return { status: res.status, headers: [...res.headers], body: new Uint8Array(await res.arrayBuffer()) };
}

export function createTeamUpstream(inner: Upstream, deps: TeamDeps): TeamUpstream {
  const { budget, scheduler, cache, clock } = deps;
  const observer = deps.observer ?? noopObserver;

  function snapshot(): TeamSnapshot {
    const v = budget.view();
    return {
      mode: v.mode,
      limit: v.perMinute,
      burst: v.burst,
      remaining: v.remaining,
      resetAt: Math.ceil(v.resetAtMs / 1000),
      blockedUntil: v.blockedUntilMs ? Math.ceil(v.blockedUntilMs / 1000) : 0,
      queued: scheduler.queued(),
      replicas: v.replicas,
    };
  }

  /** Answers the gateway made itself: nothing reached the upstream. */
  const refusals = new WeakSet<CachedResponse>();

  async function refusal(req: Request, a: Admission & { retryAfterMs: number }, requestId?: string) {
    const seconds = Math.max(1, Math.ceil(a.retryAfterMs / 1000));
    const [err, message] =
      a.kind === 'shed'
        ? [
            GatewayErrors.BACKGROUND_SHED,
            `Background request set aside: the team's API budget is short. Retry after ${seconds} s.`,
          ]
        : [
            GatewayErrors.BUDGET_EXHAUSTED,
            `The team's API budget is used up for now. Retry after ${seconds} s.`,
          ];
    const version = apiVersionOf(new URL(req.url).pathname);
    const value = await readResponse(
      errorResponse(err, message, requestId ?? newRequestId(), version, { 'retry-after': String(seconds) }),
    );
    refusals.add(value);
    return value;
  }

  /** Waits for the budget, then sends; retries an upstream 429 while the wait bound allows. */
  async function send(
    req: Request,
    body: Uint8Array<ArrayBuffer> | null,
    opts: TeamRequestOptions,
    signal: AbortSignal,
  ) {
    for (let attempt = 1; ; attempt++) {
      const admission = await scheduler.admit({ requester: opts.requester, priority: opts.priority, signal });
      observer.admission(opts.priority, admission);
      if (admission.kind === 'aborted') throw signal.reason;
      if (admission.kind !== 'granted') return refusal(req, admission, opts.requestId);
      if (signal.aborted) {
        await budget.refund(); // granted, but the caller left before anything was sent
        throw signal.reason;
      }
      const started = clock.now();
      const res = await inner.fetch(
        new Request(req.url, { method: req.method, headers: req.headers, body, signal, redirect: 'manual' }),
      );
      const value = await readResponse(res);
      observer.upstream(res.status, clock.now() - started);
      await budget.adjust(adjustmentFrom(res.headers, res.status, clock.now()));
      if (res.status !== 429 || attempt === MAX_ATTEMPTS) return value;
    }
  }

  function toResponse(value: CachedResponse, cacheHeader: string | null): Response {
    const headers = new Headers(value.headers);
    const s = snapshot();
    headers.set('x-ratelimit-limit', String(s.limit));
    headers.set('x-ratelimit-remaining', String(s.remaining));
    headers.set('x-ratelimit-reset', String(s.resetAt));
    headers.set('x-ratelimit-mode', s.mode);
    if (cacheHeader) headers.set('x-cache', cacheHeader);
    const noBody = value.status === 204 || value.status === 304;
    return new Response(noBody ? null : value.body, { status: value.status, headers });
  }

  async function teamFetch(req: Request, opts: TeamRequestOptions = DEFAULT_OPTIONS): Promise<Response> {
    const url = new URL(req.url);
    // The scope the upstream will act on: the forwarded request carries only the scope header it checked.
    const scope = scopeOf(url.pathname, req.headers);
    const profile = scope.account ?? '';
    const signal = opts.signal ?? new AbortController().signal;
    const policy = req.method === 'GET' ? cachePolicyFor(url.pathname, profile) : null;
    if (policy) {
      const key = cacheKeyOf(inner.apiKey, scopeKey(scope), url);
      const { value, outcome } = await cache.through(key, policy, (s) => send(req, null, opts, s), signal);
      observer.cache(outcome);
      // A person who joined someone's background fetch (a prefetch) that the budget set aside asks as themself.
      if (outcome === 'shared' && refusals.has(value) && opts.priority === 'interactive') {
        return toResponse(await send(req, null, opts, signal), 'miss');
      }
      return toResponse(value, outcome);
    }
    const body =
      req.method === 'GET' || req.method === 'HEAD' ? null : new Uint8Array(await req.arrayBuffer());
    const value = await send(req, body, opts, signal);
    const stale = invalidationsFor(req.method, url.pathname, profile);
    // Only what reached the upstream can have changed anything.
    if (stale.length && !refusals.has(value)) {
      await cache.invalidate(stale);
    }
    if (req.method === 'GET') observer.cache('bypass');
    return toResponse(value, req.method === 'GET' ? 'bypass' : null);
  }

  return {
    kind: inner.kind,
    baseUrl: inner.baseUrl,
    apiKey: inner.apiKey,
    fetch: teamFetch,
    snapshot,
    async close() {
      await inner.close();
      await deps.onClose?.();
    },
  };
}
