import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppServer } from './app-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'app-server-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seen: Request[] = [];
const api = {
  fetch: async (request: Request) => {
    seen.push(request);
    return Response.json({ ok: true });
  },
};

describe('app server', () => {
  const app = createAppServer({
    distDir: dir,
    api,
    apiKey: 'sk_test_server_side',
    pages: { '/__bare': '<p>bare</p>' },
  });

  it('forwards /v3 and /v1 with the server-side key, replacing any key the browser sent', async () => {
    const response = await app.request('/v3/contacts?page=2', {
      headers: { 'x-api-key': 'sk_from_browser', 'x-profile-id': 'p-1' },
    });
    expect(response.status).toBe(200);
    const forwarded = seen.at(-1);
    expect(new URL(forwarded?.url ?? '').pathname + new URL(forwarded?.url ?? '').search).toBe(
      '/v3/contacts?page=2',
    );
    expect(forwarded?.headers.get('x-api-key')).toBe('sk_test_server_side');
    expect(forwarded?.headers.get('x-profile-id')).toBe('p-1');

    await app.request('/v1/contacts?page=0');
    expect(new URL(seen.at(-1)?.url ?? '').pathname).toBe('/v1/contacts');
  });

  it('serves hashed assets as immutable and client routes as the app shell', async () => {
    const asset = await app.request('/assets/app-abc123.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const route = await app.request('/contacts/123');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toContain('<title>shell</title>');
    expect(await (await app.request('/__bare')).text()).toBe('<p>bare</p>');
  });

  it('answers 404 for missing files and never serves outside dist/', async () => {
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/..%2f..%2fetc%2fpasswd.txt')).status).toBe(404);
  });
});
