import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeApi,
  makeFixtureDist,
  startFakeApi,
  startTestGateway,
  type TestGateway,
} from '../testing/gateway-harness.ts';
import { ACCESS_COOKIE } from './access-secret.ts';

const TOKEN = 'correct-horse-battery-staple';

let api: FakeApi;
let gw: TestGateway;

beforeAll(async () => {
  api = await startFakeApi();
  gw = await startTestGateway(api.url, { accessSecret: TOKEN, distDir: makeFixtureDist() });
});
afterAll(async () => {
  await gw.close();
  await api.close();
});
beforeEach(() => {
  api.seen.length = 0;
});

async function signIn(token: string, next = '/contacts?page=2'): Promise<Response> {
  return fetch(`${gw.url}/__signin`, {
    method: 'POST',
    body: new URLSearchParams({ token, next }),
    redirect: 'manual',
  });
}

function cookieFrom(res: Response): string {
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}

describe('access secret', () => {
  it('without it: API calls get 401 in the envelope and never reach upstream', async () => {
    const res = await fetch(`${gw.url}/v3/me`);
    expect(res.status).toBe(401);
    const env = (await res.json()) as { error: { code: string } };
    expect(env.error.code).toBe('GATEWAY_005');
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(api.seen).toHaveLength(0);
  });

  it('without it: page navigations go to the sign-in page, assets and /__config are refused', async () => {
    const nav = await fetch(`${gw.url}/contacts?page=2`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(nav.status).toBe(303);
    expect(nav.headers.get('location')).toBe('/__signin?next=%2Fcontacts%3Fpage%3D2');
    expect((await fetch(`${gw.url}/assets/index-AbC123xY.js`)).status).toBe(401);
    expect((await fetch(`${gw.url}/__config`)).status).toBe(401);
  });

  it('the sign-in page is a form with no inline script, its style allowed by hash', async () => {
    const res = await fetch(`${gw.url}/__signin?next=/contacts`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/__signin">');
    expect(html).toContain('value="/contacts"');
    expect(html).not.toContain('<script');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('the page to go back to goes into the form escaped (hono/html), never as markup', async () => {
    const next = encodeURIComponent('/contacts?a=1&b="><script>alert(1)</script>');
    const html = await (await fetch(`${gw.url}/__signin?next=${next}`)).text();
    expect(html).not.toContain('<script');
    // The address as the URL parser spells it; its `&` escaped for the attribute.
    expect(html).toContain('value="/contacts?a=1&amp;b=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"');
  });

  it('a wrong secret is refused (form and bearer)', async () => {
    const res = await signIn('wrong-secret-wrong-secret');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('not correct');
    const bearer = await fetch(`${gw.url}/v3/me`, { headers: { authorization: 'Bearer nope' } });
    expect(bearer.status).toBe(401);
    const forged = await fetch(`${gw.url}/v3/me`, { headers: { cookie: `${ACCESS_COOKIE}=${TOKEN}` } });
    expect(forged.status).toBe(401);
    expect(api.seen).toHaveLength(0);
  });

  it('the right secret sets an HttpOnly SameSite=Strict cookie that is not the secret, and it works', async () => {
    const res = await signIn(TOKEN);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/contacts?page=2');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain(TOKEN);
    const cookie = cookieFrom(res);
    const me = await fetch(`${gw.url}/v3/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    // The session cookie is for the gateway only; upstream never sees it.
    expect(api.seen[0]?.headers.cookie).toBeUndefined();
    const page = await fetch(`${gw.url}/contacts`, { headers: { cookie, accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('the right bearer secret works for scripts, and is not forwarded', async () => {
    const res = await fetch(`${gw.url}/v3/me`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(api.seen[0]?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(api.seen[0]?.headers)).not.toContain(TOKEN);
  });

  it('accepts the browser form post (Origin: null under no-referrer) but not a cross-site one', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${gw.url}/__signin`, {
        method: 'POST',
        body: new URLSearchParams({ token: TOKEN, next: '/' }),
        headers,
        redirect: 'manual',
      });
    expect((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    expect((await post({ origin: new URL(gw.url).origin })).status).toBe(303);
    expect((await post({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
  });

  it('sign-out clears the cookie', async () => {
    const res = await fetch(`${gw.url}/__signout`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('throttles guessing: after 10 wrong secrets even the right one is refused for a while', async () => {
    const guarded = await startTestGateway(api.url, { accessSecret: TOKEN });
    try {
      const post = (token: string) =>
        fetch(`${guarded.url}/__signin`, {
          method: 'POST',
          body: new URLSearchParams({ token }),
          redirect: 'manual',
        });
      for (let i = 0; i < 10; i++) expect((await post(`wrong-guess-number-${i}`)).status).toBe(401);
      const blocked = await post(TOKEN);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await blocked.text()).toContain('Too many attempts');
      const bearer = await fetch(`${guarded.url}/v3/me`, {
        headers: { authorization: 'Bearer another-guess' },
      });
      expect(bearer.status).toBe(429);
      expect(((await bearer.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_008');
      // A valid session is not locked out by someone else's guessing from the same address.
      expect(
        (await fetch(`${guarded.url}/v3/me`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
