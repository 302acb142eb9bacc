// Attack: an open redirect after sign-in. The "return to" value is chosen by whoever crafts the link; the
// gateway must send the browser back only to its own origin, however the value is dressed up: a tab or newline
// (browsers drop them: "/\t/evil" becomes "//evil"), backslashes (slashes to a browser), "//host", dot
// segments, other schemes. Each Location is resolved here exactly as a browser does (WHATWG URL). OIDC: the
// whole flow through the real provider; access secret: the sign-in form. (Chromium: e2e/security-sessions.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import {
  type GatewayUnderTest,
  providerSignIn,
  SECRET,
  startGatewayUnderTest,
} from '../../testing/security/session-gateways.ts';
import { createTestBrowser } from '../../testing/test-browser.ts';

const HOSTILE = [
  '//evil.example/',
  '/\t/evil.example/',
  '/\n/evil.example/',
  '/\r\n/evil.example/',
  '\t//evil.example/',
  '/\\evil.example/',
  '\\\\evil.example/',
  '/\\/evil.example/',
  '\\/evil.example/',
  '/.//evil.example/',
  '/..//evil.example/',
  '///evil.example/',
  'https://evil.example/',
  'HTTPS://evil.example/',
  ' https://evil.example/',
  'https://127.0.0.1:1/',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
];

let api: EmbeddedApi;
let oidc: GatewayUnderTest;
let secret: GatewayUnderTest;

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 5, rateLimit: false });
  await api.ready;
  [oidc, secret] = await Promise.all([
    startGatewayUnderTest('oidc', { api }),
    startGatewayUnderTest('secret', { api }),
  ]);
});
afterAll(async () => {
  await Promise.all([oidc?.close(), secret?.close()]);
  api?.close();
});

/** Where a browser goes from this answer: the Location resolved as browsers resolve it. */
function destination(res: Response, from: string): URL {
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location') ?? '', from);
}

/** The hostile values that led somewhere other than `own`, with where they led. */
async function escapes(check: (next: string) => Promise<URL>, own: string): Promise<string[]> {
  const off: string[] = [];
  for (const next of HOSTILE) {
    const to = await check(next);
    if (to.origin !== own) off.push(`${JSON.stringify(next)} → ${to.href}`);
  }
  return off;
}

describe('after OIDC sign-in through the provider', () => {
  const landing = async (next: string) => {
    const start = `${oidc.url}/auth/sign-in?next=${encodeURIComponent(next)}`;
    const callback = await providerSignIn(
      createTestBrowser(),
      start,
      'ida',
      (u) => u.pathname === '/auth/callback',
    );
    expect(new URL(callback.url).pathname).toBe('/auth/callback');
    return destination(callback.res, callback.url);
  };

  it('no "next", however dressed up, leads off the console; the page asked for still does', async () => {
    expect(await escapes(landing, oidc.url)).toEqual([]);
    expect((await landing('/contacts/c_1?profile=p#x')).href).toBe(`${oidc.url}/contacts/c_1?profile=p#x`);
  });
});

describe('after signing in with the access secret', () => {
  const signIn = (next: string, where: 'form' | 'query') =>
    fetch(`${secret.url}/__signin${where === 'query' ? `?next=${encodeURIComponent(next)}` : ''}`, {
      method: 'POST',
      headers: { origin: secret.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: SECRET, ...(where === 'form' ? { next } : {}) }),
      redirect: 'manual',
    });

  it('no "next" (form field or query), however dressed up, leads off the console', async () => {
    for (const where of ['form', 'query'] as const) {
      const landing = async (next: string) =>
        destination(await signIn(next, where), `${secret.url}/__signin`);
      expect(await escapes(landing, secret.url)).toEqual([]);
    }
    const kept = await signIn('/contacts?page=2&search=a%20b', 'form');
    expect(kept.headers.get('location')).toBe('/contacts?page=2&search=a%20b');
  });

  it('the sign-in form never carries a hostile "next" into its hidden field', async () => {
    const carried = async (next: string) => {
      const form = await (await fetch(`${secret.url}/__signin?next=${encodeURIComponent(next)}`)).text();
      const value = (/name="next" value="([^"]*)"/.exec(form)?.[1] ?? '').replace(/&#(\d+);/g, (_, n) =>
        String.fromCharCode(Number(n)),
      );
      return new URL(value, secret.url);
    };
    expect(await escapes(carried, secret.url)).toEqual([]);
  });
});
