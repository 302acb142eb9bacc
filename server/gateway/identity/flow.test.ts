// The whole sign-in against a real OpenID provider over HTTP: console → provider login form → consent →
// callback → session cookie → API requests decided by role and profile → sign-out (also at the provider).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import {
  identityTestApp,
  memorySessions,
  type Served,
  serveOnLoopback,
  testSettings,
} from '../../testing/identity-app.ts';
import { startTestProvider, type TestProvider } from '../../testing/oidc-provider.ts';
import { answerOf, createTestBrowser, type TestBrowser } from '../../testing/test-browser.ts';
import { createOidcClient } from './oidc.ts';
import { createIdentity, LOGIN_COOKIE, STAFF_SESSION_COOKIE } from './routes.ts';

const HOST = '127.0.0.1';
const html = { accept: 'text/html' };

async function setUp(groupsInIdToken: boolean) {
  const gateway = await serveOnLoopback();
  const provider = await startTestProvider({ publicUrl: gateway.url, groupsInIdToken });
  const settings = testSettings(gateway.url, provider.issuer);
  const identity = createIdentity({
    settings,
    oidc: await createOidcClient(settings),
    sessions: memorySessions(settings),
  });
  gateway.handler = identityTestApp(identity).fetch;
  return { gateway, provider };
}

/** Opens `path` signed out, signs in as `login` on the provider's forms, and returns where it lands. */
async function signIn(browser: TestBrowser, gateway: Served, login: string, path = '/') {
  const start = await browser.navigate(gateway.url + path, { headers: html });
  const loginPage = await start.res.text();
  expect(loginPage).toContain('name="login"');
  const afterLogin = await browser.submitForm(start.url, loginPage, { login, password: 'any' });
  const consent = await afterLogin.res.text();
  expect(consent).toContain('name="prompt" value="consent"');
  return browser.submitForm(afterLogin.url, consent);
}

const api = (browser: TestBrowser, gateway: Served, path: string, init: RequestInit = {}) =>
  browser.request(gateway.url + path, init);

describe('OpenID Connect sign-in through a real provider', () => {
  let gateway: Served;
  let provider: TestProvider;
  beforeAll(async () => ({ gateway, provider } = await setUp(true)));
  afterAll(async () => {
    await gateway?.close();
    await provider?.stop();
  });

  it('an API request without a session gets a 401 envelope, a page goes to sign-in keeping the page', async () => {
    const browser = createTestBrowser();
    const res = await api(browser, gateway, '/v3/me');
    expect(res.status).toBe(401);
    expect((await answerOf(res)).error.code).toBe('GATEWAY_005');
    const page = await api(browser, gateway, '/contacts/abc?profile=x', { headers: html });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/auth/sign-in?next=%2Fcontacts%2Fabc%3Fprofile%3Dx');
  });

  it('signs an agent in, back on the page asked for, limited to Clinics UK', async () => {
    const browser = createTestBrowser();
    const wanted = `/?profile=${DEMO_IDS.clinicsUk}&page=2`;
    const landed = await signIn(browser, gateway, 'ana', wanted);
    expect(landed.url).toBe(gateway.url + wanted);
    expect(landed.res.status).toBe(200);
    expect(browser.cookie(HOST, STAFF_SESSION_COOKIE)).toBeTruthy();
    expect(browser.cookie(HOST, LOGIN_COOKIE)).toBeUndefined();
    // The provider's own session cookie lives on the same host, under its own name.
    expect(browser.cookie(HOST, '_session')).toBeTruthy();

    const me = await answerOf(
      await api(browser, gateway, '/v3/me', { headers: { 'x-profile-id': DEMO_IDS.clinicsUk } }),
    );
    expect(me.data.person).toMatchObject({
      sub: 'ana',
      email: 'ana@northwind.example',
      role: 'agent',
      profiles: [DEMO_IDS.clinicsUk],
    });

    const edit = await api(browser, gateway, '/v3/contacts/c1', {
      method: 'PATCH',
      headers: { 'x-profile-id': DEMO_IDS.clinicsUk, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(edit.status).toBe(200);
    const foreign = await api(browser, gateway, '/v3/contacts', {
      headers: { 'x-profile-id': DEMO_IDS.labsDe },
    });
    expect(foreign.status).toBe(403);
    expect((await answerOf(foreign)).error.code).toBe('GATEWAY_010');
    const profiles = await answerOf(await api(browser, gateway, '/v3/profiles'));
    expect(profiles.data.profiles).toEqual([{ id: DEMO_IDS.clinicsUk }]);
    // The organization's own scope is not theirs: the page is moved into their profile.
    const orgPage = await api(browser, gateway, '/', { headers: html });
    expect(orgPage.headers.get('location')).toBe(`/?profile=${DEMO_IDS.clinicsUk}`);
  });

  it("refuses a viewer's edit with a 403 envelope and a clear code", async () => {
    const browser = createTestBrowser();
    await signIn(browser, gateway, 'vic');
    const read = await api(browser, gateway, `/v3/contacts?page=1`, {
      headers: { 'x-profile-id': DEMO_IDS.labsDe },
    });
    expect(read.status).toBe(200);
    const edit = await api(browser, gateway, '/v3/contacts/c1', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"opt_out":true}',
    });
    expect(edit.status).toBe(403);
    expect((await answerOf(edit)).error).toMatchObject({
      code: 'GATEWAY_009',
      message: 'Your role (viewer) may not edit contacts.',
    });
  });

  it('someone in no mapped group gets the no-access page and no session', async () => {
    const browser = createTestBrowser();
    const landed = await signIn(browser, gateway, 'nob');
    expect(landed.res.status).toBe(403);
    const page = await landed.res.text();
    expect(page).toContain('No access to this console');
    expect(page).toContain('nob@northwind.example');
    expect(browser.cookie(HOST, STAFF_SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses a callback whose state does not match the sign-in it started', async () => {
    const browser = createTestBrowser();
    await api(browser, gateway, '/auth/sign-in?next=/'); // sets the login cookie
    const res = await api(browser, gateway, '/auth/callback?code=stolen&state=someone-elses', {
      headers: html,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('not accepted');
    expect(browser.cookie(HOST, STAFF_SESSION_COOKIE)).toBeUndefined();
  });

  it('signs out of the console and of the provider', async () => {
    const browser = createTestBrowser();
    await signIn(browser, gateway, 'ida');
    expect((await api(browser, gateway, '/v3/me')).status).toBe(200);

    const out = await browser.navigate(`${gateway.url}/auth/sign-out`, {
      method: 'POST',
      headers: { origin: gateway.url, ...html },
    });
    expect(out.url.startsWith(`${provider.issuer}/session/end`)).toBe(true);
    const confirmed = await browser.submitForm(out.url, await out.res.text(), { logout: 'yes' });
    expect(confirmed.url).toBe(`${gateway.url}/auth/signed-out`);
    expect(await confirmed.res.text()).toContain('You are signed out');

    expect(browser.cookie(HOST, STAFF_SESSION_COOKIE)).toBeUndefined();
    expect((await api(browser, gateway, '/v3/me')).status).toBe(401);
    // The provider asks for the login again instead of signing straight back in.
    const again = await browser.navigate(`${gateway.url}/auth/sign-in`, { headers: html });
    expect(await again.res.text()).toContain('name="login"');
  });

  it('refuses a cross-site sign-out form', async () => {
    const browser = createTestBrowser();
    await signIn(browser, gateway, 'ida');
    const res = await api(browser, gateway, '/auth/sign-out', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
    expect((await api(browser, gateway, '/v3/me')).status).toBe(200);
  });
});

describe('a provider that sends groups only from userinfo', () => {
  let gateway: Served;
  let provider: TestProvider;
  beforeAll(async () => ({ gateway, provider } = await setUp(false)));
  afterAll(async () => {
    await gateway?.close();
    await provider?.stop();
  });

  it('still maps the groups to a role', async () => {
    const browser = createTestBrowser();
    await signIn(browser, gateway, 'ida');
    const me = await answerOf(await api(browser, gateway, '/v3/me'));
    expect(me.data.person).toMatchObject({ role: 'admin', profiles: '*' });
  });
});
