// Attack: a person removed from a group keeps their access until their session ends (up to 12 hours). Now the
// gateway asks the provider again once a session's check is SESSION_RECHECK_MINUTES old (15): with the refresh
// token, or userinfo when the provider gives none. A changed role applies to the next request; a person whose
// groups no longer give access, or whom the provider no longer knows, is signed out (recorded). The gateway's
// clock is the test's; the provider's changes are an administrator's at the provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import {
  type GatewayUnderTest,
  MINUTE,
  startGatewayUnderTest,
} from '../../testing/security/session-gateways.ts';
import type { TestBrowser } from '../../testing/test-browser.ts';

let api: EmbeddedApi;
const gateways: GatewayUnderTest[] = [];

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 5, rateLimit: false });
  await api.ready;
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  api?.close();
});

const UK = { 'x-profile-id': DEMO_IDS.clinicsUk };
const US = { 'x-profile-id': DEMO_IDS.pharmacyUs };

interface Answers {
  me: number;
  role: string | null;
  readUs: number;
  edit: number;
}

/** What the person may do now: who the gateway says they are, another profile, an agent's edit. */
async function answers(gw: GatewayUnderTest, browser: TestBrowser): Promise<Answers> {
  const me = await browser.request(`${gw.url}/__me`);
  const person = me.ok ? ((await me.json()) as { data: { person: { role: string } } }).data.person : null;
  const readUs = (await browser.request(`${gw.url}/v3/contacts?page=1&page_size=1`, { headers: US })).status;
  const edit = await browser.request(`${gw.url}/v3/contacts/c_unknown`, {
    method: 'PATCH',
    headers: { ...UK, 'content-type': 'application/json', origin: gw.url },
    body: '{"opt_out":true}',
  });
  return { me: me.status, role: person?.role ?? null, readUs, edit: edit.status };
}

describe.each([
  ['refresh token', true],
  ['userinfo (no refresh token)', false],
])('asking the provider again by %s', (_how, refreshTokens) => {
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    gw = await startGatewayUnderTest('oidc', { api, refreshTokens });
    gateways.push(gw);
  });

  it('a role taken away at the provider applies within SESSION_RECHECK_MINUTES', async () => {
    const browser = await gw.signedIn('ana');
    expect(await answers(gw, browser)).toMatchObject({ role: 'agent', readUs: 403 });
    // The way asked: a refresh token kept server-side, or only the access token for userinfo.
    const live = (await gw.staffSignIn?.sessions.list()) ?? [];
    const kept = live.find((s) => s.record.person?.sub === 'ana')?.record.tokens;
    expect(Boolean(kept?.accessToken)).toBe(true);
    expect(Boolean(kept?.refreshToken)).toBe(refreshTokens);
    (gw.provider?.users.ana as { groups: string[] }).groups = ['viewers'];
    gw.clock.t += 15 * MINUTE;
    const now = await answers(gw, browser);
    // A viewer of every profile: reads the US profile, may not edit (403 GATEWAY_009).
    expect(now).toEqual({ me: 200, role: 'viewer', readUs: 200, edit: 403 });
  });

  it('a person whose groups no longer give access is signed out, and the trail says why', async () => {
    const browser = await gw.signedIn('vic');
    expect((await answers(gw, browser)).role).toBe('viewer');
    (gw.provider?.users.vic as { groups: string[] }).groups = ['staff'];
    gw.clock.t += 15 * MINUTE;
    const res = await browser.request(`${gw.url}/v3/me`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /no longer give access/,
    );
    // Put back at the provider, the old cookie still does not come back to life.
    (gw.provider?.users.vic as { groups: string[] }).groups = ['viewers'];
    expect((await answers(gw, browser)).me).toBe(401);
    const [entry] = (await gw.entries('session.sign_out')).filter((e) => e.actor_id === 'vic').slice(-1);
    expect(entry).toMatchObject({ actor_groups: ['staff'], details: { reason: 'access_removed' } });
  });

  it('a person removed at the provider is signed out', async () => {
    const users = gw.provider?.users as Record<string, unknown>;
    users.tom = { name: 'Tom Temp', email: 'tom@northwind.example', groups: ['it-admins'] };
    const browser = await gw.signedIn('tom');
    expect((await answers(gw, browser)).role).toBe('admin');
    delete users.tom;
    gw.clock.t += 15 * MINUTE;
    expect(await answers(gw, browser)).toEqual({ me: 401, role: null, readUs: 401, edit: 401 });
    const [entry] = (await gw.entries('session.sign_out')).filter((e) => e.actor_id === 'tom').slice(-1);
    expect(entry?.details).toEqual({ reason: 'not_confirmed' });
  });
});
