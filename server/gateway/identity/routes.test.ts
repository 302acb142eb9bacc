// requirePerson and the sign-in routes over HTTP with an injected clock and a stand-in provider client (the
// real provider is in flow.test.ts).

import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { identityTestApp, MINUTE, SECRET_A, SECRET_B, testSettings } from '../../testing/identity-app.ts';
import { answerOf } from '../../testing/test-browser.ts';
import type { OidcClient } from './oidc.ts';
import { createIdentity, LOGIN_COOKIE, SESSION_COOKIE } from './routes.ts';
import { createSessions, type Person } from './session.ts';

const person: Person = {
  sub: 'ana',
  name: 'Ana',
  email: null,
  role: 'agent',
  profiles: [DEMO_IDS.clinicsUk],
};

const fakeOidc: OidcClient = {
  startSignIn: async (next) => ({
    url: new URL('https://idp.example/authorize?client_id=console'),
    transaction: { state: 's', nonce: 'n', codeVerifier: 'v', next },
  }),
  finishSignIn: async () => ({ sub: 'ana', name: 'Ana', email: null, groups: ['uk-support'] }),
  endSessionUrl: () => null,
};

function setUp(publicUrl = 'http://127.0.0.1:5173', secrets = [SECRET_A]) {
  const clock = { t: Date.UTC(2026, 0, 5, 9) };
  const now = () => clock.t;
  const settings = testSettings(publicUrl, undefined, secrets);
  const app = identityTestApp(createIdentity({ settings, oidc: fakeOidc, now }));
  const sessions = createSessions({ ...settings, secrets, now });
  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    app.request(`${publicUrl}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  return { app, clock, sessions, get };
}

const setCookies = (res: Response) => res.headers.getSetCookie();
const UK = { 'x-profile-id': DEMO_IDS.clinicsUk };

describe('requirePerson', () => {
  it('admits a valid session and sets the person', async () => {
    const { sessions, get } = setUp();
    const res = await get('/v3/me', `${SESSION_COOKIE}=${await sessions.issue(person)}`, UK);
    expect(res.status).toBe(200);
    expect((await answerOf(res)).data.person).toEqual(person);
    expect(setCookies(res)).toEqual([]); // nothing to refresh yet
  });

  it('re-issues the cookie once a minute of activity has passed, keeping the start time', async () => {
    const { sessions, clock, get } = setUp();
    const token = await sessions.issue(person);
    clock.t += MINUTE;
    const res = await get('/v3/me', `${SESSION_COOKIE}=${token}`, UK);
    const [cookie = ''] = setCookies(res);
    expect(cookie).toMatch(/^sent_console_session=[^;]+; Max-Age=1800; Path=\/; HttpOnly; SameSite=Lax$/);
    const fresh = cookie.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? '';
    clock.t += 29 * MINUTE; // 30 min after sign-in, 29 after the refresh
    expect((await get('/v3/me', `${SESSION_COOKIE}=${fresh}`, UK)).status).toBe(200);
    expect((await get('/v3/me', `${SESSION_COOKIE}=${token}`, UK)).status).toBe(401);
  });

  it('answers an idle or over-long session with a 401 saying why, and clears the cookie', async () => {
    const { sessions, clock, get } = setUp();
    const token = await sessions.issue(person);
    clock.t += 30 * MINUTE;
    const idle = await get('/v3/me', `${SESSION_COOKIE}=${token}`);
    expect(idle.status).toBe(401);
    expect((await answerOf(idle)).error).toMatchObject({
      code: 'GATEWAY_005',
      message: expect.stringMatching(/inactivity/),
    });
    expect(setCookies(idle)[0]).toMatch(/^sent_console_session=; Max-Age=0/);

    const started = clock.t;
    clock.t += 12 * 60 * MINUTE - 1;
    const old = await sessions.issue(person, started);
    clock.t += 1;
    expect((await answerOf(await get('/v3/me', `${SESSION_COOKIE}=${old}`))).error.message).toMatch(
      /maximum length/,
    );
  });

  it('refuses a tampered or forged cookie', async () => {
    const { sessions, get } = setUp();
    const token = await sessions.issue(person);
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const forged = await createSessions({ secrets: [SECRET_B], idleMs: MINUTE, absoluteMs: MINUTE }).issue(
      person,
    );
    for (const cookie of [tampered, forged, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.']) {
      expect((await get('/v3/me', `${SESSION_COOKIE}=${cookie}`, UK)).status).toBe(401);
    }
  });

  it('sends a page navigation to sign-in, keeping where it was going', async () => {
    const { get } = setUp();
    const res = await get('/contacts/c_1?profile=x', undefined, { accept: 'text/html' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/auth/sign-in?next=%2Fcontacts%2Fc_1%3Fprofile%3Dx');
  });

  it('keeps sessions across a secret rotation and re-issues them with the new secret', async () => {
    const before = setUp('http://127.0.0.1:5173', [SECRET_A]);
    const token = await before.sessions.issue(person);
    const after = setUp('http://127.0.0.1:5173', [SECRET_B, SECRET_A]);
    const res = await after.get('/v3/me', `${SESSION_COOKIE}=${token}`, UK);
    expect(res.status).toBe(200);
    const reissued =
      setCookies(res)[0]
        ?.split(';')[0]
        ?.slice(SESSION_COOKIE.length + 1) ?? '';
    const onlyNew = setUp('http://127.0.0.1:5173', [SECRET_B]);
    expect((await onlyNew.get('/v3/me', `${SESSION_COOKIE}=${reissued}`, UK)).status).toBe(200);
    expect((await onlyNew.get('/v3/me', `${SESSION_COOKIE}=${token}`, UK)).status).toBe(401);
  });

  it('refuses a cross-site form post even with a valid session', async () => {
    const { app, sessions } = setUp();
    const res = await app.request('http://127.0.0.1:5173/v3/contacts/c_1', {
      method: 'PATCH',
      headers: {
        cookie: `${SESSION_COOKIE}=${await sessions.issue(person)}`,
        'content-type': 'text/plain',
        origin: 'https://evil.example',
        ...UK,
      },
      body: '{"opt_out":true}',
    });
    expect(res.status).toBe(403);
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
    const { get, sessions } = setUp('https://console.example.com');
    expect(setCookies(await get('/auth/sign-in'))[0]).toMatch(
      /^__Host-sent_console_login=.*; Secure; SameSite=Lax$/,
    );
    const ok = await get('/v3/me', `__Host-${SESSION_COOKIE}=${await sessions.issue(person)}`, UK);
    expect(ok.status).toBe(200);
    // The unprefixed name could have been set by a sibling subdomain or plain http: not accepted.
    const unprefixed = await get('/v3/me', `${SESSION_COOKIE}=${await sessions.issue(person)}`, UK);
    expect(unprefixed.status).toBe(401);
  });

  it('says so when the callback comes without the sign-in that started it', async () => {
    const { get } = setUp();
    const res = await get('/auth/callback?code=c&state=s');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('started in another browser');
    expect(setCookies(res)[0]).toMatch(new RegExp(`^${LOGIN_COOKIE}=; Max-Age=0`));
  });

  it('signs out without a provider logout to the signed-out page', async () => {
    const { app, sessions } = setUp();
    const res = await app.request('http://127.0.0.1:5173/auth/sign-out', {
      method: 'POST',
      headers: {
        cookie: `${SESSION_COOKIE}=${await sessions.issue(person)}`,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/auth/signed-out');
    expect(setCookies(res)[0]).toMatch(/^sent_console_session=; Max-Age=0/);
  });
});
