// Attack: sessions that cannot be revoked. A cookie captured before sign-out (a shared computer, a proxy log,
// malware) used to keep working: the session was a sealed token, valid until it expired, and the access
// secret's cookie was one value for everyone that never expired on the server. Now the cookie is a random
// handle of a server-side session: signing out, or an admin signing the person out, ends it for good. Each
// mode, each way a replayed cookie could be used (API, page, the person's own routes, a write).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import {
  ACCOUNT_MARKERS,
  type GatewayUnderTest,
  startGatewayUnderTest,
} from '../../testing/security/session-gateways.ts';
import type { TestBrowser } from '../../testing/test-browser.ts';

const HOST = '127.0.0.1';
const COOKIE = { oidc: 'sent_console_session', secret: 'sent_console_access' } as const;
const SIGN_OUT = { oidc: '/auth/sign-out', secret: '/__signout' } as const;
type SignedInMode = keyof typeof COOKIE;

let api: EmbeddedApi;
const gw = {} as Record<SignedInMode, GatewayUnderTest>;

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 5, rateLimit: false });
  await api.ready;
  [gw.oidc, gw.secret] = await Promise.all([
    startGatewayUnderTest('oidc', { api }),
    startGatewayUnderTest('secret', { api }),
  ]);
});
afterAll(async () => {
  await Promise.all([gw.oidc?.close(), gw.secret?.close()]);
  api?.close();
});

const cookieOf = (mode: SignedInMode, browser: TestBrowser) => {
  const value = browser.cookie(HOST, COOKIE[mode]);
  if (!value) throw new Error(`no ${COOKIE[mode]} cookie after sign-in`);
  return `${COOKIE[mode]}=${value}`;
};

/** Every way a captured cookie could be used; what each answered. */
async function replay(mode: SignedInMode, cookie: string) {
  const url = gw[mode].url;
  const send = (path: string, init: RequestInit = {}) =>
    fetch(url + path, { ...init, headers: { cookie, ...init.headers }, redirect: 'manual' });
  const page = await send(`/?profile=${DEMO_IDS.clinicsUk}`, { headers: { accept: 'text/html' } });
  const pageBody = await page.text();
  return {
    api: (await send('/v3/me')).status,
    profiles: (await send('/v3/profiles')).status,
    me: (await send('/__me')).status,
    write: (
      await send('/v3/contacts/c_x', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: '{"opt_out":true}',
      })
    ).status,
    page: page.status,
    pageLeaks: ACCOUNT_MARKERS.filter((m) => pageBody.includes(m)),
  };
}

const REFUSED = { api: 401, profiles: 401, me: 401, write: 401, page: 303, pageLeaks: [] };

async function signOut(mode: SignedInMode, browser: TestBrowser) {
  const res = await browser.request(gw[mode].url + SIGN_OUT[mode], {
    method: 'POST',
    headers: { origin: gw[mode].url, 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status).toBe(303);
}

describe.each(['oidc', 'secret'] as const)('%s: a cookie replayed after sign-out', (mode) => {
  it('works before, and is refused everywhere after', async () => {
    const browser = await gw[mode].signedIn('ida');
    const cookie = cookieOf(mode, browser);
    expect((await replay(mode, cookie)).api).toBe(200);
    await signOut(mode, browser);
    expect(await replay(mode, cookie)).toEqual(REFUSED);
  });
});

describe('access secret: each sign-in is its own session', () => {
  it('two browsers get different random cookies; signing one out leaves the other', async () => {
    const [a, b] = [await gw.secret.signedIn(), await gw.secret.signedIn()];
    const [ca, cb] = [cookieOf('secret', a), cookieOf('secret', b)];
    expect(ca).not.toBe(cb);
    expect(ca.split('=')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await signOut('secret', a);
    expect((await replay('secret', ca)).api).toBe(401);
    expect((await replay('secret', cb)).api).toBe(200);
  });
});

describe('admins see who is signed in and sign a person out', () => {
  type Listed = { id: string; name: string; current: boolean };
  const list = async (mode: SignedInMode, cookie: string) => {
    const res = await fetch(`${gw[mode].url}/__sessions`, { headers: { cookie } });
    return {
      status: res.status,
      sessions: res.ok ? ((await res.json()) as { data: { sessions: Listed[] } }).data.sessions : [],
    };
  };
  const endSession = (mode: SignedInMode, cookie: string, id: string, as: 'form' | 'json' = 'json') =>
    fetch(`${gw[mode].url}/__sessions/sign-out`, {
      method: 'POST',
      headers: {
        cookie,
        origin: gw[mode].url,
        'content-type': as === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
      },
      body: as === 'form' ? new URLSearchParams({ id }) : JSON.stringify({ id }),
      redirect: 'manual',
    });

  it('OIDC: every session of the person ends at once, and the trail says who did it', async () => {
    const admin = cookieOf('oidc', await gw.oidc.signedIn('ida'));
    const ana = [await gw.oidc.signedIn('ana'), await gw.oidc.signedIn('ana')].map((b) =>
      cookieOf('oidc', b),
    );
    const vic = cookieOf('oidc', await gw.oidc.signedIn('vic'));
    const { status, sessions } = await list('oidc', admin);
    expect(status).toBe(200);
    expect(sessions.filter((s) => s.name === 'Ana Agent')).toHaveLength(2);
    expect(sessions.find((s) => s.current)?.name).toBe('Ida Admin');
    const target = sessions.find((s) => s.name === 'Ana Agent') as Listed;
    const before = (await gw.oidc.entries('session.revoke')).length;
    const res = await endSession('oidc', admin, target.id, 'form');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/activity/signed-in?signed_out=Ana+Agent');
    for (const cookie of ana) expect(await replay('oidc', cookie)).toEqual(REFUSED);
    expect((await replay('oidc', vic)).api).toBe(200);
    const [entry] = (await gw.oidc.entries('session.revoke')).slice(before);
    expect(entry).toMatchObject({
      actor_id: 'ida',
      actor_role: 'admin',
      details: { name: 'Ana Agent', ended: 2, sub: 'ana' },
    });
    // Already ended: nothing to end twice.
    expect((await endSession('oidc', admin, target.id)).status).toBe(404);
  });

  it('OIDC: viewers, agents and admins of some profiles only may neither list nor sign out', async () => {
    const victim = cookieOf('oidc', await gw.oidc.signedIn('vic'));
    const victimId = (await list('oidc', cookieOf('oidc', await gw.oidc.signedIn('ida')))).sessions.find(
      (s) => s.name === 'Vic Viewer',
    )?.id as string;
    for (const login of ['vic', 'ana', 'uma']) {
      const cookie = cookieOf('oidc', await gw.oidc.signedIn(login));
      expect((await list('oidc', cookie)).status).toBe(403);
      for (const as of ['json', 'form'] as const) {
        expect((await endSession('oidc', cookie, victimId, as)).status).toBe(403);
      }
    }
    expect((await replay('oidc', victim)).api).toBe(200);
  });

  it("a cross-site sign-out form from an admin's browser is refused", async () => {
    const admin = cookieOf('oidc', await gw.oidc.signedIn('ida'));
    const victim = cookieOf('oidc', await gw.oidc.signedIn('ana'));
    const id = (await list('oidc', admin)).sessions.find((s) => s.name === 'Ana Agent')?.id as string;
    const res = await fetch(`${gw.oidc.url}/__sessions/sign-out`, {
      method: 'POST',
      headers: {
        cookie: admin,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ id }),
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect((await replay('oidc', victim)).api).toBe(200);
  });

  it('access secret: the holder signs another browser out; that cookie is dead', async () => {
    const admin = cookieOf('secret', await gw.secret.signedIn());
    const other = cookieOf('secret', await gw.secret.signedIn());
    const listed = (await list('secret', other)).sessions.find((s) => s.current) as Listed;
    expect(listed.name).toBe('Access-secret holder');
    expect((await endSession('secret', admin, listed.id)).status).toBe(200);
    expect(await replay('secret', other)).toEqual(REFUSED);
    expect((await replay('secret', admin)).api).toBe(200);
    expect((await list('secret', admin)).sessions.map((s) => s.id)).not.toContain(listed.id);
  });
});
