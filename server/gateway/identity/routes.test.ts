// requirePerson and the sign-in routes over HTTP with an injected clock and a stand-in provider client (the
// real provider is in flow.test.ts and security/sessions-*.test.ts).

import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { identityTestApp, MINUTE, memorySessions, testSettings } from '../../testing/identity-app.ts';
import { answerOf } from '../../testing/test-browser.ts';
import type { Person } from './login.ts';
import type { OidcClient, ProviderAnswer } from './oidc.ts';
import { createIdentity, LOGIN_COOKIE, STAFF_SESSION_COOKIE } from './routes.ts';

const person: Person = {
  sub: 'ana',
  name: 'Ana',
  email: null,
  role: 'agent',
  profiles: [DEMO_IDS.clinicsUk],
};

/** What the stand-in provider says when asked again; `asked` counts the questions. */
interface Provider {
  groups: string[] | 'refuse';
  asked: number;
}

function fakeOidc(provider: Provider): OidcClient {
  const answer = (): ProviderAnswer => ({
    identity: { sub: 'ana', name: 'Ana', email: null, groups: provider.groups as string[] },
    tokens: { accessToken: `at-${provider.asked}`, refreshToken: 'rt' },
  });
  return {
    startSignIn: async (next) => ({
      url: new URL('https://idp.example/authorize?client_id=console'),
      transaction: { state: 's', nonce: 'n', codeVerifier: 'v', next },
    }),
    finishSignIn: async () => answer(),
    recheck: async () => {
      provider.asked++;
      if (provider.groups === 'refuse') throw new Error('invalid_grant');
      return answer();
    },
    endSessionUrl: () => null,
  };
}

function setUp(publicUrl = 'http://127.0.0.1:5173') {
  const clock = { t: Date.UTC(2026, 0, 5, 9) };
  const now = () => clock.t;
  const settings = testSettings(publicUrl);
  const provider: Provider = { groups: ['uk-support'], asked: 0 };
  const sessions = memorySessions(settings, now);
  const app = identityTestApp(createIdentity({ settings, oidc: fakeOidc(provider), sessions }));
  const open = async (who: Person = person) =>
    (
      await sessions.open({
        kind: 'oidc',
        person: who,
        tokens: { accessToken: 'at', refreshToken: 'rt' },
        address: '127.0.0.1',
        userAgent: null,
      })
    ).handle;
  const get = (path: string, handle?: string, headers: Record<string, string> = {}) =>
    app.request(`${publicUrl}${path}`, {
      headers: { ...headers, ...(handle ? { cookie: `${STAFF_SESSION_COOKIE}=${handle}` } : {}) },
    });
  return { app, clock, sessions, provider, open, get };
}

const setCookies = (res: Response) => res.headers.getSetCookie();
const UK = { 'x-profile-id': DEMO_IDS.clinicsUk };
const personOf = async (res: Response) => (await answerOf(res)).data.person as Person;

describe('requirePerson', () => {
  it('admits a live session and sets the person, without touching the cookie', async () => {
    const { open, get } = setUp();
    const res = await get('/v3/me', await open(), UK);
    expect(res.status).toBe(200);
    expect(await personOf(res)).toEqual(person);
    expect(setCookies(res)).toEqual([]);
  });

  it('stays alive with activity and ends idle, whatever the cookie says', async () => {
    const { clock, open, get } = setUp();
    const active = await open();
    const idle = await open();
    clock.t += 20 * MINUTE;
    expect((await get('/v3/me', active, UK)).status).toBe(200);
    clock.t += 14 * MINUTE; // 34 min after sign-in, 14 after the last request
    expect((await get('/v3/me', active, UK)).status).toBe(200);
    const ended = await get('/v3/me', idle);
    expect(ended.status).toBe(401);
    expect((await answerOf(ended)).error).toMatchObject({
      code: 'GATEWAY_005',
      message: expect.stringMatching(/inactivity/),
    });
    expect(setCookies(ended)[0]).toMatch(/^sent_console_session=; Max-Age=0/);
  });

  it('ends at the absolute limit however active', async () => {
    const { clock, open, get } = setUp();
    const handle = await open();
    for (let i = 0; i < 24; i++) {
      clock.t += 29 * MINUTE;
      expect((await get('/v3/me', handle, UK)).status).toBe(200);
    }
    clock.t += 24 * MINUTE; // 12 h after sign-in
    expect((await answerOf(await get('/v3/me', handle))).error.message).toMatch(/maximum length/);
  });

  it('refuses handles it never issued: unknown, malformed, or the old sealed tokens', async () => {
    const { open, get } = setUp();
    const handle = await open();
    const other = handle.slice(0, -4) + (handle.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const sealed = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaa.bbbb.cccc';
    for (const cookie of [other, `${handle}x`, 'garbage', sealed, '']) {
      expect((await get('/v3/me', cookie, UK)).status).toBe(401);
    }
  });

  it('sends a page navigation to sign-in, keeping where it was going', async () => {
    const { get } = setUp();
    const res = await get('/contacts/c_1?profile=x', undefined, { accept: 'text/html' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/auth/sign-in?next=%2Fcontacts%2Fc_1%3Fprofile%3Dx');
  });

  it('refuses a cross-site form post even with a valid session', async () => {
    const { app, open } = setUp();
    const res = await app.request('http://127.0.0.1:5173/v3/contacts/c_1', {
      method: 'PATCH',
      headers: {
        cookie: `${STAFF_SESSION_COOKIE}=${await open()}`,
        'content-type': 'text/plain',
        origin: 'https://evil.example',
        ...UK,
      },
      body: '{"opt_out":true}',
    });
    expect(res.status).toBe(403);
  });
});

describe('asking the provider again (SESSION_RECHECK_MINUTES, 15 here)', () => {
  it('not before the interval; then a new role applies to the next request', async () => {
    const { clock, provider, open, get } = setUp();
    const handle = await open();
    clock.t += 14 * MINUTE;
    expect((await get('/v3/me', handle, UK)).status).toBe(200);
    expect(provider.asked).toBe(0);
    provider.groups = ['viewers'];
    clock.t += MINUTE;
    const res = await get('/v3/me', handle, UK);
    expect(await personOf(res)).toMatchObject({ role: 'viewer', profiles: '*' });
    expect(provider.asked).toBe(1);
    // Confirmed: the next question is 15 minutes away.
    clock.t += 14 * MINUTE;
    await get('/v3/me', handle, UK);
    expect(provider.asked).toBe(1);
  });

  it('signs out a person whose groups no longer give access', async () => {
    const { clock, provider, open, get } = setUp();
    const handle = await open();
    provider.groups = ['staff'];
    clock.t += 15 * MINUTE;
    const res = await get('/v3/me', handle, UK);
    expect(res.status).toBe(401);
    expect((await answerOf(res)).error.message).toMatch(/no longer give access/);
    provider.groups = ['uk-support'];
    expect((await get('/v3/me', handle, UK)).status).toBe(401); // ended, not suspended
  });

  it('signs out when the provider does not confirm the session', async () => {
    const { clock, provider, open, get } = setUp();
    const handle = await open();
    provider.groups = 'refuse';
    clock.t += 15 * MINUTE;
    const res = await get('/v3/me', handle, UK);
    expect(res.status).toBe(401);
    expect((await answerOf(res)).error.message).toMatch(/no longer confirms/);
  });

  it('asks once for requests arriving together', async () => {
    const { clock, provider, open, get } = setUp();
    const handle = await open();
    clock.t += 15 * MINUTE;
    const answers = await Promise.all(Array.from({ length: 5 }, () => get('/v3/me', handle, UK)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(provider.asked).toBe(1);
  });
});

describe('sign-in routes', () => {
  it('starts at the provider with a short-lived login cookie, keeping only a same-site return path', async () => {
    const { get } = setUp();
    const res = await get('/auth/sign-in?next=//evil.example/x');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://idp.example/authorize?client_id=console');
    expect(setCookies(res)[0]).toMatch(
      /^sent_console_login=[^;]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/,
    );
  });

  it('behind https the cookies are Secure with the __Host- prefix', async () => {
    const { app, open } = setUp('https://console.example.com');
    const url = 'https://console.example.com';
    expect(setCookies(await app.request(`${url}/auth/sign-in`))[0]).toMatch(
      /^__Host-sent_console_login=.*; Secure; SameSite=Lax$/,
    );
    const handle = await open();
    const ok = await app.request(`${url}/v3/me`, {
      headers: { cookie: `__Host-${STAFF_SESSION_COOKIE}=${handle}`, ...UK },
    });
    expect(ok.status).toBe(200);
    // The unprefixed name could have been set by a sibling subdomain or plain http: not accepted.
    const unprefixed = await app.request(`${url}/v3/me`, {
      headers: { cookie: `${STAFF_SESSION_COOKIE}=${handle}`, ...UK },
    });
    expect(unprefixed.status).toBe(401);
  });

  it('says so when the callback comes without the sign-in that started it', async () => {
    const { get } = setUp();
    const res = await get('/auth/callback?code=c&state=s');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('started in another browser');
    expect(setCookies(res)[0]).toMatch(new RegExp(`^${LOGIN_COOKIE}=; Max-Age=0`));
  });

  it('signs out without a provider logout to the signed-out page, and the old cookie is dead', async () => {
    const { app, open, get } = setUp();
    const handle = await open();
    const res = await app.request('http://127.0.0.1:5173/auth/sign-out', {
      method: 'POST',
      headers: {
        cookie: `${STAFF_SESSION_COOKIE}=${handle}`,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/auth/signed-out');
    expect(setCookies(res)[0]).toMatch(/^sent_console_session=; Max-Age=0/);
    expect((await get('/v3/me', handle, UK)).status).toBe(401);
  });
});
