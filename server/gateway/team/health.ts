// Operations endpoints as plain Request → Response handlers: /healthz (the process answers), /readyz (the
// upstream and, when configured, Redis are reachable) and /metrics (Prometheus text format).
import type { Registry } from 'prom-client';
import type { Clock } from '../../clock.ts';

export type ReadinessCheck = () => Promise<boolean>;

export interface OpsOptions {
  registry: Registry;
  checks: Record<string, ReadinessCheck>;
  /** A check that has not answered by then counts as failed. */
  checkTimeoutMs?: number;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

async function passes(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

/** Answers the operations paths; null for any other path (the caller handles it). */
export function createOpsHandler(opts: OpsOptions): (req: Request) => Promise<Response | null> {
  return async (req) => {
    const { pathname } = new URL(req.url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    if (pathname === '/healthz') return json(200, { status: 'ok' });
    if (pathname === '/readyz') {
      const names = Object.keys(opts.checks);
      const results = await Promise.all(
        names.map((n) => passes(opts.checks[n] as ReadinessCheck, opts.checkTimeoutMs ?? 2_000)),
      );
      const checks = Object.fromEntries(names.map((n, i) => [n, results[i] ? 'ok' : 'unreachable']));
      const ready = results.every(Boolean);
      return json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
    }
    if (pathname === '/metrics') {
      return new Response(await opts.registry.metrics(), {
        headers: { 'content-type': opts.registry.contentType, 'cache-control': 'no-store' },
      });
    }
    return null;
  };
}

/**
 * Whether the upstream answers at all, without spending the account's budget: a keyless HEAD of its root
 * (any HTTP status counts), remembered for `ttlMs`. The in-process API is always there.
 */
export function upstreamProbe(
  upstream: { kind: string; baseUrl: string },
  clock: Clock,
  ttlMs = 10_000,
): ReadinessCheck {
  if (upstream.kind === 'embedded') return async () => true;
  let last: { at: number; ok: boolean } | null = null;
  return async () => {
    if (last && clock.now() - last.at < ttlMs) return last.ok;
    const ok = await fetch(`${upstream.baseUrl}/`, { method: 'HEAD', redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    last = { at: clock.now(), ok };
    return ok;
  };
}
