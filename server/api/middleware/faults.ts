import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiFailure, type ErrorCode } from '../errors.ts';

export interface FaultOptions {
  /** Added to every request: a fixed delay, or a random one in [min, max]. */
  latencyMs?: number | readonly [number, number];
  /** Share of requests (0..1) that fail with INTERNAL_001. */
  errorRate?: number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pickLatency(latency: FaultOptions['latencyMs']): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  const [min, max] = latency;
  return min + Math.random() * (max - min);
}

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  401: 'AUTH_002',
  403: 'AUTH_004',
  404: 'NOT_FOUND',
  429: 'BUSINESS_002',
};

/** A demo API that is slow or fails now and then (`--latency`, `--error-rate`), to try the console against. */
export function faults(options: FaultOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const delay = pickLatency(options.latencyMs);
    if (delay > 0) await sleep(Math.min(delay, 60_000));
    if (options.errorRate && Math.random() < options.errorRate) throw injected(500, c.get('requestId'));
    await next();
  };
}

/** The catalogued error Sent answers with for this status (429 with Retry-After). */
export function injected(status: number, requestId: string): ApiFailure {
  const code = CODE_FOR_STATUS[status] ?? 'INTERNAL_001';
  if (code === 'BUSINESS_002') {
    return new ApiFailure(code, 'Rate limit exceeded. Retry after 1 seconds.').withHeaders({
      'Retry-After': '1',
    });
  }
  const message =
    code === 'INTERNAL_001'
      ? `An unexpected error occurred. Please contact support with request ID: ${requestId}`
      : `Injected failure (${status})`;
  return new ApiFailure(code, message, null, status);
}
