import { describe, expect, it } from 'vitest';
import {
  BROWSER_KEY,
  deadUrl,
  type Envelope,
  fakeApiAndGateway,
  SERVER_KEY,
  startTestGateway,
} from '../testing/gateway-harness.ts';
import { embeddedUpstream } from './upstream.ts';

const fixture = fakeApiAndGateway();

describe('header rules', () => {
  const browserHeaders = {
    'x-api-key': BROWSER_KEY,
    cookie: `sent_console_access=abc; api_key=${BROWSER_KEY}`,
    authorization: `Bearer ${BROWSER_KEY}`,
    'x-profile-id': '7a3d2c10-0000-4000-8000-000000000012',
    'x-sender-id': '7a3d2c10-0000-4000-8000-000000000013',
    'idempotency-key': 'idem-1',
    accept: 'application/json',
    'x-forwarded-for': '10.0.0.1',
    'x-test-fail': '500',
    'x-test-latency-ms': '10',
  };

  it('replaces the browser credentials with the server key and forwards only the allowlisted headers', async () => {
    const res = await fetch(`${fixture.gw.url}/v3/contacts?page=1&page_size=5`, { headers: browserHeaders });
    expect(res.status).toBe(200);
    const seen = fixture.api.seen[0]?.headers ?? {};
    expect(seen['x-api-key']).toBe(SERVER_KEY);
    expect(JSON.stringify(seen)).not.toContain(BROWSER_KEY);
    expect(seen.cookie).toBeUndefined();
    expect(seen.authorization).toBeUndefined();
    expect(seen['x-forwarded-for']).toBeUndefined();
    expect(seen['x-test-fail']).toBeUndefined();
    expect(seen['x-test-latency-ms']).toBeUndefined();
    expect(seen['x-profile-id']).toBe(browserHeaders['x-profile-id']);
    // v3 acts on x-profile-id only: the unchecked v1 scope header stays behind (scope.ts).
    expect(seen['x-sender-id']).toBeUndefined();
    expect(seen['idempotency-key']).toBe('idem-1');
    expect(seen.accept).toBe('application/json');
  });

  it('forwards v1 its own scope header, x-sender-id, and not x-profile-id', async () => {
    await fetch(`${fixture.gw.url}/v1/contacts?page=0&pageSize=5`, { headers: browserHeaders });
    const seen = fixture.api.seen[0]?.headers ?? {};
    expect(seen['x-sender-id']).toBe(browserHeaders['x-sender-id']);
    expect(seen['x-profile-id']).toBeUndefined();
  });

  it('forwards test-control headers only in test mode', async () => {
    const testGw = await startTestGateway(fixture.api.url, { testControls: true });
    try {
      await fetch(`${testGw.url}/v3/me`, { headers: browserHeaders });
      expect(fixture.api.seen[0]?.headers['x-test-fail']).toBe('500');
      expect(fixture.api.seen[0]?.headers['x-test-latency-ms']).toBe('10');
      expect(fixture.api.seen[0]?.headers['x-api-key']).toBe(SERVER_KEY);
    } finally {
      await testGw.close();
    }
  });

  it('passes status, body, request id, retry-after and rate-limit headers through, nothing else', async () => {
    const res = await fetch(`${fixture.gw.url}/v3/contacts?page=0&page_size=5`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      success: false,
      data: { path: '/v3/contacts?page=0&page_size=5' },
      error: null,
      meta: {},
    });
    expect(res.headers.get('x-request-id')).toBe('req_fake123');
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-ratelimit-limit')).toBe('200');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('199');
    expect(res.headers.get('x-ratelimit-reset')).toBe('60');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('server')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a chunked body over 64 KB (no content-length) without calling upstream', async () => {
    const big = new Uint8Array(70_000).fill(120);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 10_000) controller.enqueue(big.slice(i, i + 10_000));
        controller.close();
      },
    });
    const res = await fetch(`${fixture.gw.url}/v3/contacts/abc`, {
      method: 'PATCH',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(fixture.api.seen).toHaveLength(0);
  });

  it('refuses bodies over 64 KB without calling upstream', async () => {
    const res = await fetch(`${fixture.gw.url}/v3/contacts/abc`, {
      method: 'PATCH',
      body: 'x'.repeat(70_000),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Envelope).error?.code).toBe('GATEWAY_006');
    expect(fixture.api.seen).toHaveLength(0);
  });
});

describe('upstream failures', () => {
  it('turns an unreachable upstream into 502 GATEWAY_001', async () => {
    const down = await startTestGateway(await deadUrl());
    try {
      const res = await fetch(`${down.url}/v3/me`);
      expect(res.status).toBe(502);
      const env = (await res.json()) as Envelope;
      expect(env).toMatchObject({
        success: false,
        data: null,
        error: { code: 'GATEWAY_001', details: null },
      });
      expect(env.meta.request_id).toMatch(/^req_gw_/);
      expect(res.headers.get('x-request-id')).toBe(env.meta.request_id);
    } finally {
      await down.close();
    }
  });

  it('turns a slow upstream into 504 GATEWAY_002 after the configured timeout', async () => {
    const slow = await startTestGateway(fixture.api.url, { timeoutMs: 150 });
    fixture.api.delayMs = 2_000;
    try {
      const res = await fetch(`${slow.url}/v1/contacts?page=0&pageSize=1`);
      expect(res.status).toBe(504);
      const env = (await res.json()) as Envelope;
      expect(env.error?.code).toBe('GATEWAY_002');
      expect(env.error?.message).toContain('0.2 s');
      expect(env.meta.version).toBe('v1');
    } finally {
      await slow.close();
    }
  });

  it('gives up on the upstream call when the browser goes away', async () => {
    const lines: string[] = [];
    const gw2 = await startTestGateway(fixture.api.url, { timeoutMs: 5_000 }, (l) => lines.push(l));
    fixture.api.delayMs = 1_000;
    try {
      await expect(fetch(`${gw2.url}/v3/me`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
      await expect
        .poll(() => lines.at(-1) ?? '', { timeout: 2_000 })
        .toMatch(/status=499 .*error=client_closed/);
    } finally {
      await gw2.close();
    }
  });

  it('times out an in-process API that never answers', async () => {
    const stuck = embeddedUpstream({ fetch: () => new Promise<Response>(() => {}), close: () => {} });
    const gw2 = await startTestGateway(fixture.api.url, { upstream: stuck, timeoutMs: 100 });
    try {
      const res = await fetch(`${gw2.url}/v3/me`);
      expect(res.status).toBe(504);
    } finally {
      await gw2.close();
    }
  });

  it('reports a throwing in-process API as 502', async () => {
    const broken = embeddedUpstream({ fetch: () => Promise.reject(new Error('db closed')), close: () => {} });
    const gw2 = await startTestGateway(fixture.api.url, { upstream: broken });
    try {
      const res = await fetch(`${gw2.url}/v3/me`);
      expect(res.status).toBe(502);
      expect(((await res.json()) as Envelope).error?.code).toBe('GATEWAY_001');
    } finally {
      await gw2.close();
    }
  });
});
