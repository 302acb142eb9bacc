import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpBindings } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { composeAppServer } from './app-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'app-server-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title><div id="root"></div>');
writeFileSync(join(dir, 'assets', 'app-abc12345.js'), 'console.log(1)');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seen: Request[] = [];
const api = {
  fetch: async (request: Request) => {
    seen.push(request);
    return Response.json({ success: true, data: {}, error: null, meta: {} });
  },
};
// What a browser on the loopback address sends; the gateway refuses other hosts.
const get = (path: string, headers: Record<string, string> = {}) =>
  app.fetch(
    new Request(`http://127.0.0.1:5173${path}`, { headers: { host: '127.0.0.1:5173', ...headers } }),
    {} as HttpBindings, // no socket: called directly
  );

const app = await composeAppServer({
  distDir: dir,
  api,
  apiKey: 'sk_test_server_side',
  pages: { '/__bare': '<p>bare</p>' },
});
afterAll(() => app.gateway.stop());

describe('app server (the gateway for tests and benchmarks)', () => {
  it('forwards API calls through the gateway: server-side key, browser key dropped, test controls on', async () => {
    const response = await get('/v3/contacts?page=2&page_size=20', {
      'x-api-key': 'sk_from_browser',
      'x-profile-id': '7a3d2c10-0000-4000-8000-000000000011',
      'x-test-latency-ms': '1',
    });
    expect(response.status).toBe(200);
    const forwarded = seen.at(-1);
    expect(new URL(forwarded?.url ?? '').search).toBe('?page=2&page_size=20');
    expect(forwarded?.headers.get('x-api-key')).toBe('sk_test_server_side');
    expect(forwarded?.headers.get('x-profile-id')).toBe('7a3d2c10-0000-4000-8000-000000000011');
    expect(forwarded?.headers.get('x-test-latency-ms')).toBe('1');
  });

  it('serves the build like the gateway (CSP, immutable assets, shell for client routes) plus extra pages', async () => {
    const asset = await get('/assets/app-abc12345.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await get('/contacts/123');
    expect(route.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await route.text()).toContain('<title>shell</title>');
    expect(await (await get('/__bare')).text()).toBe('<p>bare</p>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });
});
