import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createOpsHandler } from './health.ts';

const get = (path: string, method = 'GET') => new Request(`http://gw.invalid${path}`, { method });

describe('operations endpoints', () => {
  const handler = (checks: Record<string, () => Promise<boolean>>) =>
    createOpsHandler({ registry: new Registry(), checks });

  it('is ready only when every check passes, and names the one that fails', async () => {
    const ok = await handler({ upstream: async () => true, redis: async () => true })(get('/readyz'));
    expect(ok?.status).toBe(200);
    expect(await ok?.json()).toEqual({ status: 'ready', checks: { upstream: 'ok', redis: 'ok' } });
    const failing = handler({
      upstream: async () => true,
      redis: async () => {
        throw new Error('ECONNREFUSED');
      },
    });
    const res = await failing(get('/readyz'));
    expect(res?.status).toBe(503);
    expect(await res?.json()).toEqual({
      status: 'not ready',
      checks: { upstream: 'ok', redis: 'unreachable' },
    });
  });

  it('is alive regardless of its checks', async () => {
    expect((await handler({ upstream: async () => false })(get('/healthz')))?.status).toBe(200);
  });

  it('leaves other paths and methods to the caller', async () => {
    expect(await handler({})(get('/v3/me'))).toBeNull();
    expect(await handler({})(get('/healthz', 'POST'))).toBeNull();
  });
});
