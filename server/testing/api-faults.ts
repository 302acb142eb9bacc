// Per-request faults for tests, added to the embedded API as extra middleware (never part of its own options):
// `x-test-latency-ms: 250` delays the answer, `x-test-fail: 429` answers with the catalogued error for that
// status. The gateway carries these headers past itself only in the test tree (test-controls.ts).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../api/app-env.ts';
import { injected, sleep } from '../api/middleware/faults.ts';
import type { ApiOptions } from '../api/server.ts';

export function testFaultHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const latency = Number(c.req.header('x-test-latency-ms') ?? 0);
    if (Number.isFinite(latency) && latency > 0) await sleep(Math.min(latency, 60_000));
    const forced = Number(c.req.header('x-test-fail') ?? 0);
    if (forced >= 400 && forced <= 599) throw injected(forced, c.get('requestId'));
    await next();
  };
}

/** The embedded API's options with the fault headers on. */
export const withFaultHeaders = (options: ApiOptions): ApiOptions => ({
  ...options,
  middleware: [...(options.middleware ?? []), testFaultHeaders()],
});
