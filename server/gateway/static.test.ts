import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deadUrl,
  makeFixtureDist,
  rawGet,
  startTestGateway,
  type TestGateway,
} from '../testing/gateway-harness.ts';

import { IMMUTABLE, isHashedAsset } from './static.ts';

// No 'unsafe-inline' or 'unsafe-eval' anywhere, no framing.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway(await deadUrl(), { distDir: makeFixtureDist() });
});
afterAll(() => gw.close());

describe('static serving', () => {
  it('serves index.html at / with no-cache', async () => {
    const res = await fetch(`${gw.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<div id="root">');
  });

  it.each(['/contacts', '/contacts/6ba7b810-9dad-11d1-80b4-00c04fd430c8', '/profiles/x/contacts?page=3'])(
    'falls back to index.html for the client route %s',
    async (path) => {
      const res = await fetch(gw.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    },
  );

  it('caches hashed assets for a year and compresses them', async () => {
    const res = await fetch(`${gw.url}/assets/index-AbC123xY.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('console.log');
  });

  it('revalidates unhashed files and answers 304 to a matching ETag', async () => {
    const first = await fetch(`${gw.url}/favicon.svg`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('content-type')).toBe('image/svg+xml');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${gw.url}/favicon.svg`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it.each(['/assets/index-missing1.js', '/nope.png', '/.env', '/assets/../.env'])(
    'answers 404 (neither a file outside dist nor the app) for %s',
    async (path) => {
      const res = await rawGet(gw.url, path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('<div id="root">');
      expect(res.body).not.toContain('SECRET');
      expect(res.body).not.toContain('root:');
    },
  );

  it.each(['/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5cpackage.json'])(
    'refuses the encoded separators of %s before anything reads the path (400)',
    async (path) => {
      const res = await rawGet(gw.url, path);
      expect(res.status).toBe(400);
      expect(res.body).not.toContain('<div id="root">');
      expect(res.body).not.toContain('SECRET');
    },
  );

  it('keeps URL-normalised traversal inside dist', async () => {
    // The URL parser turns /%2e%2e/%2e%2e/etc/passwd into /etc/passwd: a client route, so the app.
    const res = await rawGet(gw.url, '/%2e%2e/%2e%2e/etc/passwd');
    expect(res.body).not.toContain('root:');
  });

  it('recognises Vite hashed names only under assets/', () => {
    expect(isHashedAsset('assets/index-C1IhvVjn.js')).toBe(true);
    expect(isHashedAsset('assets/logo-Dq3_x-9a.svg')).toBe(true);
    expect(isHashedAsset('favicon.svg')).toBe(false);
    expect(isHashedAsset('assets/index.js')).toBe(false);
  });
});

describe('security headers', () => {
  it.each(['/', '/assets/index-AbC123xY.js', '/v3/me', '/nope.png'])(
    'are on every response (%s)',
    async (path) => {
      const res = await fetch(gw.url + path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-request-id')).toBeTruthy();
    },
  );

  it('refuses requests addressed to a non-loopback host name (DNS rebinding)', async () => {
    expect((await rawGet(gw.url, '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await rawGet(gw.url, '/v3/me', { host: '192.168.1.20:5173' })).status).toBe(403);
    expect((await rawGet(gw.url, '/', { host: 'localhost:5173' })).status).toBe(200);
  });

  it('refuses cross-site writes', async () => {
    const res = await fetch(`${gw.url}/v3/contacts/abc`, {
      method: 'PATCH',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_007');
  });
});

describe('/__config', () => {
  it('tells the console its API version and upstream kind, nothing secret', async () => {
    const res = await fetch(`${gw.url}/__config`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ apiVersion: 'v3', upstream: 'remote' });
  });
});
