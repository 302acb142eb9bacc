// Attack: behind a reverse proxy everyone was 127.0.0.1: audit entries named the proxy, one person's wrong
// guesses locked everyone out of the sign-in, and /metrics and /readyz (loopback only) were public; any
// signed-in person, a viewer too, read /metrics. Now TRUST_PROXY names the proxies whose X-Forwarded-For counts
// (rightmost hop that is not a trusted proxy), and the operations endpoints answer only callers whose socket is
// loopback and not forwarded, or a bearer of METRICS_TOKEN. Every mode; every role; each proxy header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import {
  type GatewayUnderTest,
  MODES,
  type Mode,
  SECRET,
  startGatewayUnderTest,
} from '../../testing/security/session-gateways.ts';
import { parseTrustProxy } from '../trust-proxy.ts';

const METRICS_TOKEN = 'scraper-token-for-the-suite-0123';
const NUMBER = '+447700900123';

let api: EmbeddedApi;
const started: GatewayUnderTest[] = [];
const start = async (mode: Mode, trustProxy: string | undefined, extra: { team?: boolean } = {}) => {
  const gw = await startGatewayUnderTest(mode, {
    api,
    trustProxy: parseTrustProxy(trustProxy),
    metricsToken: METRICS_TOKEN,
    ...extra,
  });
  started.push(gw);
  return gw;
};

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 5, rateLimit: false });
  await api.ready;
});
afterAll(async () => {
  await Promise.all(started.map((g) => g.close()));
  api?.close();
});

/** A lookup (recorded) sent with these forwarding headers; the address its audit entry names. */
async function recordedAddress(gw: GatewayUnderTest, cookie: string, headers: Record<string, string>) {
  const res = await fetch(`${gw.url}/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(NUMBER)}`, {
    headers: { cookie, 'x-profile-id': DEMO_IDS.clinicsUk, ...headers },
  });
  expect([200, 404]).toContain(res.status); // a hit or a miss: both are recorded
  return (await gw.entries('lookup')).at(-1)?.client_address;
}

async function cookieFor(gw: GatewayUnderTest, login = 'ida'): Promise<string> {
  const browser = await gw.signedIn(login);
  if (gw.mode === 'oidc')
    return `sent_console_session=${browser.cookie('127.0.0.1', 'sent_console_session')}`;
  if (gw.mode === 'secret')
    return `sent_console_access=${browser.cookie('127.0.0.1', 'sent_console_access')}`;
  return '';
}

describe.each(MODES)('%s: who the client is', (mode) => {
  it('a trusted proxy names the client (rightmost untrusted hop); an untrusted peer names nobody', async () => {
    const trusted = await start(mode, '127.0.0.1,::1,10.0.0.0/8');
    const cookie = await cookieFor(trusted);
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'x-forwarded-for': '203.0.113.7' }, '203.0.113.7'],
      // The client wrote the first hop itself; the proxy appended what it saw.
      [{ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }, '203.0.113.7'],
      // Two proxies: the inner one (10.0.0.5) is trusted too.
      [{ 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.5' }, '203.0.113.7'],
      [{ 'x-forwarded-for': '2001:db8::7' }, '2001:db8::7'],
      [{ 'x-forwarded-for': '[2001:db8::7]:443' }, '2001:db8::7'],
      [{ 'x-forwarded-for': '203.0.113.7:51234' }, '203.0.113.7'],
      // Garbage is nobody: the last address a trusted proxy vouched for stands.
      [{ 'x-forwarded-for': 'evil, 10.0.0.5' }, '10.0.0.5'],
      [{}, '127.0.0.1'],
    ];
    for (const [headers, want] of cases) {
      expect({ headers, address: await recordedAddress(trusted, cookie, headers) }).toEqual({
        headers,
        address: want,
      });
    }
    const untrusted = await start(mode, '10.0.0.0/8');
    const forged = await recordedAddress(untrusted, await cookieFor(untrusted), {
      'x-forwarded-for': '203.0.113.7',
    });
    expect(forged).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});

describe('the sign-in throttle behind a proxy (access secret)', () => {
  const guess = (gw: GatewayUnderTest, token: string, client: string) =>
    fetch(`${gw.url}/__signin`, {
      method: 'POST',
      headers: { 'x-forwarded-for': client, origin: gw.url },
      body: new URLSearchParams({ token, next: '/' }),
      redirect: 'manual',
    });

  it("counts each client's guesses, not the proxy's; an untrusted peer cannot dodge it by forging hops", async () => {
    const gw = await start('secret', '127.0.0.1');
    for (let i = 0; i < 10; i++) expect((await guess(gw, `wrong-${i}`, '203.0.113.7')).status).toBe(401);
    expect((await guess(gw, SECRET, '203.0.113.7')).status).toBe(429);
    expect((await guess(gw, SECRET, '203.0.113.8')).status).toBe(303);
    const direct = await start('secret', undefined);
    for (let i = 0; i < 10; i++) await guess(direct, `wrong-${i}`, `198.51.100.${i}`);
    expect((await guess(direct, SECRET, '198.51.100.99')).status).toBe(429);
  });
});

describe.each(MODES)('%s: /metrics and /readyz', (mode) => {
  it('answer a direct loopback caller or METRICS_TOKEN only, never a signed-in role or a forwarded request', async () => {
    const gw = await start(mode, '127.0.0.1', { team: true });
    const sessions: Record<string, string> =
      mode === 'oidc'
        ? {
            viewer: await cookieFor(gw, 'vic'),
            agent: await cookieFor(gw, 'ana'),
            admin: await cookieFor(gw, 'ida'),
          }
        : mode === 'secret'
          ? { holder: await cookieFor(gw) }
          : { nobody: '' };
    const as: Record<string, Record<string, string>> = {
      ...Object.fromEntries(Object.entries(sessions).map(([who, cookie]) => [who, { cookie }])),
      ...(mode === 'secret' ? { bearerOfTheSecret: { authorization: `Bearer ${SECRET}` } } : {}),
      wrongToken: { authorization: 'Bearer not-the-metrics-token-0123' },
    };
    const proxied: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.7' },
      { 'x-forwarded-for': '127.0.0.1' },
      { forwarded: 'for=203.0.113.7' },
      { 'x-real-ip': '203.0.113.7' },
    ];
    const answered: string[] = [];
    for (const path of ['/metrics', '/readyz', '/healthz']) {
      for (const [who, auth] of Object.entries(as)) {
        for (const headers of proxied) {
          const res = await fetch(gw.url + path, { headers: { ...auth, ...headers }, redirect: 'manual' });
          const body = await res.text();
          if (res.status < 300 || body.includes('sent_budget'))
            answered.push(`${path} ${who} ${JSON.stringify(headers)}: ${res.status}`);
        }
      }
      // Allowed: a direct loopback probe, and the scraper's token through the proxy.
      expect((await fetch(gw.url + path)).status).toBe(200);
      const scraper = await fetch(gw.url + path, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.7' },
      });
      expect(scraper.status).toBe(200);
    }
    expect(answered).toEqual([]);
  });
});
