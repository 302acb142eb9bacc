// Attack: a cookie signed out on one replica replayed on another. Two gateways share one real redis-server (as
// with REDIS_URL): a session opened on either is known to both, and ended on either (sign-out, an admin) it is
// refused by both on the very next request. Without Redis no session can be checked: 503, never access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import { type RedisServer, startRedisServer } from '../../testing/redis-server.ts';
import { type GatewayUnderTest, startGatewayUnderTest } from '../../testing/security/session-gateways.ts';
import type { TestBrowser } from '../../testing/test-browser.ts';
import { createRedisSessionStore } from '../sessions/redis-store.ts';

const HOST = '127.0.0.1';
const COOKIE = { oidc: 'sent_console_session', secret: 'sent_console_access' } as const;
type SignedInMode = keyof typeof COOKIE;

let api: EmbeddedApi;
let redis: RedisServer;
const replicas = {} as Record<SignedInMode, [GatewayUnderTest, GatewayUnderTest]>;
const closers: Array<() => Promise<void>> = [];

async function sharedStore(mode: SignedInMode) {
  const store = await createRedisSessionStore({ url: redis.url, prefix: `test:${mode}:` });
  closers.push(() => store.close());
  return store;
}

beforeAll(async () => {
  redis = await startRedisServer();
  api = createEmbeddedApi({ contactsPerProfile: 5, rateLimit: false });
  await api.ready;
  const a = await startGatewayUnderTest('oidc', { api, store: await sharedStore('oidc') });
  const b = await startGatewayUnderTest('oidc', {
    api,
    store: await sharedStore('oidc'),
    provider: a.provider ?? undefined,
    publicUrl: a.url, // replicas behind one address share PUBLIC_URL
    trail: a.trail,
  });
  replicas.oidc = [a, b];
  replicas.secret = [
    await startGatewayUnderTest('secret', { api, store: await sharedStore('secret') }),
    await startGatewayUnderTest('secret', { api, store: await sharedStore('secret') }),
  ];
});
afterAll(async () => {
  for (const [a, b] of Object.values(replicas)) {
    await b?.close();
    await a?.close();
  }
  for (const close of closers) await close();
  await redis?.stop();
  api?.close();
});

const cookieOf = (mode: SignedInMode, browser: TestBrowser) =>
  `${COOKIE[mode]}=${browser.cookie(HOST, COOKIE[mode])}`;
const meOn = async (gw: GatewayUnderTest, cookie: string) =>
  (await fetch(`${gw.url}/v3/me`, { headers: { cookie } })).status;

describe.each(['oidc', 'secret'] as const)('%s: two replicas over one Redis', (mode) => {
  it('a session opened on A works on B; signed out on A, B refuses it on the next request', async () => {
    const [a, b] = replicas[mode];
    const browser = await a.signedIn('ida');
    const cookie = cookieOf(mode, browser);
    expect([await meOn(a, cookie), await meOn(b, cookie)]).toEqual([200, 200]);
    const out = await browser.request(`${a.url}${mode === 'oidc' ? '/auth/sign-out' : '/__signout'}`, {
      method: 'POST',
      headers: { origin: a.url, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(out.status).toBe(303);
    expect([await meOn(b, cookie), await meOn(a, cookie)]).toEqual([401, 401]);
  });

  it('an admin on B signs out a session opened on A; A refuses it at once', async () => {
    const [a, b] = replicas[mode];
    const admin = cookieOf(mode, await b.signedIn('ida'));
    const victim = cookieOf(mode, await a.signedIn('ana'));
    const listed = await fetch(`${a.url}/__sessions`, { headers: { cookie: victim } });
    expect(listed.status).toBe(mode === 'secret' ? 200 : 403); // an agent may not list
    const all = await fetch(`${b.url}/__sessions`, { headers: { cookie: admin } });
    const sessions = (
      (await all.json()) as { data: { sessions: { id: string; name: string; current: boolean }[] } }
    ).data.sessions;
    const target = sessions.find((s) => (mode === 'oidc' ? s.name === 'Ana Agent' : !s.current));
    const res = await fetch(`${b.url}/__sessions/sign-out`, {
      method: 'POST',
      headers: { cookie: admin, origin: b.url, 'content-type': 'application/json' },
      body: JSON.stringify({ id: target?.id }),
    });
    expect(res.status).toBe(200);
    expect(await meOn(a, victim)).toBe(401);
    expect(await meOn(a, admin)).toBe(200);
  });
});

describe('without Redis', () => {
  it('no session can be checked: 503 GATEWAY_018 naming the store, never access and never a 500', async () => {
    const [a] = replicas.oidc;
    const cookie = cookieOf('oidc', await a.signedIn('ida'));
    expect(await meOn(a, cookie)).toBe(200);
    await redis.kill();
    for (const path of ['/v3/me', '/__me', '/__sessions']) {
      const res = await fetch(`${a.url}${path}`, { headers: { cookie } });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'GATEWAY_018',
        message: expect.stringMatching(/session store is unreachable/),
      });
    }
    const page = await fetch(a.url, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(503);
  });
});
