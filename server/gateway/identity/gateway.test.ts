// The wired gateway in OIDC mode (app.ts order, the embedded API, a stand-in renderer) over direct HTTP: every
// route and the server-rendered pages, for each role and profile grant, whatever the browser would have shown.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '../../../src/shared/mask.ts';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import { makeFixtureDist, startTestGateway, type TestGateway } from '../../testing/gateway-harness.ts';
import { noProvider, signedIn, testSettings } from '../../testing/identity-app.ts';
import { answerOf } from '../../testing/test-browser.ts';
import { SSR_DIR, SSR_ENTRY } from '../ssr.ts';
import { embeddedUpstream } from '../upstream.ts';
import type { Person } from './person.ts';
import { STAFF_SESSION_COOKIE } from './routes.ts';
import { createStaffSignIn } from './staff-sign-in.ts';

// Fetches what the real renderer would for the page's profile, then prints the first number and who it is for.
const RENDERER = `
export async function renderPage({ url, api }) {
  const profile = new URL(url, 'http://x').searchParams.get('profile');
  const headers = { accept: 'application/json', ...(profile ? { 'x-profile-id': profile } : {}) };
  const list = await (await api('/v3/contacts?page=1&page_size=5', { headers })).json();
  const me = await (await api('/__me', { headers: { accept: 'application/json' } })).json();
  if (!list.success) return { html: '<p>refused ' + list.error.code + '</p>', state: '{}' };
  return { html: '<p>first ' + list.data.contacts[0].format_e164 + ' for ' + me.data.person.role + '</p>', state: '{}' };
}`;

const PEOPLE: Record<string, Person> = {
  viewer: { sub: 'vic', name: 'Vic', email: null, role: 'viewer', profiles: '*' },
  agent: { sub: 'ana', name: 'Ana', email: null, role: 'agent', profiles: [DEMO_IDS.clinicsUk] },
  admin: { sub: 'ida', name: 'Ida', email: null, role: 'admin', profiles: '*' },
};

const LIST = '/v3/contacts?page=1&page_size=5';
let api: EmbeddedApi;
let gw: TestGateway;
let cookies: Record<string, string>;
let ukContact: string;
let usContact: string;

async function send(who: string | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (who) headers.set('cookie', `${STAFF_SESSION_COOKIE}=${cookies[who]}`);
  return fetch(gw.url + path, { ...init, headers, redirect: 'manual' });
}
const inProfile = (profile: string) => ({ headers: { 'x-profile-id': profile } });
/** A reveal as the console's fetch sends it (browsers say where a request comes from). */
const reveal = (profile: string, site = 'same-origin') => ({
  method: 'POST',
  headers: { 'x-profile-id': profile, 'sec-fetch-site': site },
});
const codeOf = async (res: Response) => (await answerOf(res)).error.code;
const firstNumber = async (res: Response) =>
  ((await res.json()) as { data: { contacts: { format_e164: string }[] } }).data.contacts[0]?.format_e164 ??
  '';
const patch = (profile: string) => ({
  method: 'PATCH',
  headers: { 'x-profile-id': profile, 'content-type': 'application/json' },
  body: JSON.stringify({ opt_out: false }),
});

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 40, rateLimit: false });
  await api.ready;
  const dist = makeFixtureDist();
  mkdirSync(join(dist, SSR_DIR));
  writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
  const upstream = embeddedUpstream(api);
  const settings = testSettings('http://127.0.0.1:5173');
  const staffSignIn = await createStaffSignIn({ settings, upstream, oidc: noProvider });
  gw = await startTestGateway('http://unused', {
    upstream,
    staffSignIn,
    distDir: dist,
    renderBudgetMs: 5_000,
  });
  cookies = await signedIn(staffSignIn.sessions, PEOPLE);
  const idOf = async (profile: string) =>
    (
      (await (await send('admin', '/v3/contacts?page=1&page_size=1', inProfile(profile))).json()) as {
        data: { contacts: { id: string }[] };
      }
    ).data.contacts[0]?.id ?? '';
  ukContact = await idOf(DEMO_IDS.clinicsUk);
  usContact = await idOf(DEMO_IDS.pharmacyUs);
});

afterAll(async () => {
  await gw?.close();
  api?.close();
});

describe('no session', () => {
  it.each([
    ['GET', '/v3/contacts'],
    ['GET', '/v3/me'],
    ['GET', '/v3/profiles'],
    ['GET', '/v1/contacts'],
    ['GET', '/__me'],
    ['POST', '/__reveal/abc'],
  ])('%s %s is 401 GATEWAY_005', async (method, path) => {
    const res = await send(null, path, { method });
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe('GATEWAY_005');
  });

  it('a page goes to sign-in, keeping the page', async () => {
    const res = await send(null, '/contacts/x?profile=y', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/auth/sign-in?next=%2Fcontacts%2Fx%3Fprofile%3Dy');
  });

  it('built assets need no session (an ended session can still load the screen that says so)', async () => {
    expect((await send(null, '/assets/index-AbC123xY.js')).status).toBe(200);
    expect((await send(null, '/assets/index-AbC123xY.js', { method: 'POST' })).status).toBe(401);
  });

  it('a forged session cookie is refused', async () => {
    const forged = `${cookies.admin?.slice(0, -4)}AAAA`;
    const res = await fetch(`${gw.url}/v3/me`, { headers: { cookie: `${STAFF_SESSION_COOKIE}=${forged}` } });
    expect(res.status).toBe(401);
  });
});

describe('viewer: browses every profile, numbers masked by the gateway, no edits', () => {
  it('lists, details, v1 and server-rendered pages carry masked numbers only', async () => {
    expect(await firstNumber(await send('viewer', LIST))).toContain(MASK);
    const detail = await send('viewer', `/v3/contacts/${ukContact}`, inProfile(DEMO_IDS.clinicsUk));
    const contact = ((await detail.json()) as { data: Record<string, string> }).data;
    for (const field of [
      'format_e164',
      'format_international',
      'format_national',
      'format_rfc',
      'phone_number',
    ])
      expect(contact[field]).toContain(MASK);
    const v1 = await (await send('viewer', '/v1/contacts?page=1&pageSize=2')).text();
    expect(v1).toContain(MASK);
    expect(v1).not.toMatch(/"formatE164":"\+\d+"/);
    const page = await (await send('viewer', '/', { headers: { accept: 'text/html' } })).text();
    expect(page).toMatch(new RegExp(`first \\+\\d*${MASK}+\\d{2} for viewer`));
  });

  it('PATCH is refused with GATEWAY_009 and never reaches the API', async () => {
    const res = await send('viewer', `/v3/contacts/${ukContact}`, patch(DEMO_IDS.clinicsUk));
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe('GATEWAY_009');
  });

  it('an export is refused whether announced or paged with its mark (GATEWAY_009)', async () => {
    const announce = await send('viewer', '/__audit/exports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ filters: {}, profile_id: DEMO_IDS.clinicsUk }),
    });
    expect(announce.status).toBe(403);
    expect(await codeOf(announce)).toBe('GATEWAY_009');
    const page = await send('viewer', LIST, {
      headers: { 'x-profile-id': DEMO_IDS.clinicsUk, 'x-sent-export': 'e1' },
    });
    expect(page.status).toBe(403);
    expect(await codeOf(page)).toBe('GATEWAY_009');
    // The same page without the mark is browsing, which a viewer may do.
    expect((await send('viewer', LIST, inProfile(DEMO_IDS.clinicsUk))).status).toBe(200);
  });

  it('a reveal answers the full number of that contact only', async () => {
    const res = await send('viewer', `/__reveal/${ukContact}`, reveal(DEMO_IDS.clinicsUk));
    expect(res.status).toBe(200);
    const data = ((await res.json()) as { data: Record<string, string> }).data;
    expect(data.id).toBe(ukContact);
    expect(data.format_e164).toMatch(/^\+\d{8,15}$/);
    expect(Object.keys(data)).not.toContain('opt_out');
  });

  it('a reveal from another site is refused (CSRF)', async () => {
    const res = await send('viewer', `/__reveal/${ukContact}`, reveal(DEMO_IDS.clinicsUk, 'cross-site'));
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe('GATEWAY_007');
  });

  it('/__me says who and what the role may do', async () => {
    const me = (await (await send('viewer', '/__me')).json()) as { data: { person: unknown } };
    expect(me.data.person).toEqual({
      name: 'Vic',
      email: null,
      role: 'viewer',
      profiles: '*',
      can: { seeNumbers: false, edit: false, export: false, readAudit: false, manageContacts: false },
    });
  });
});

describe('agent of Clinics UK: that profile only', () => {
  it('its own profile: full numbers, edits allowed', async () => {
    const list = await send('agent', LIST, inProfile(DEMO_IDS.clinicsUk));
    expect(await firstNumber(list)).toMatch(/^\+\d+$/);
    expect((await send('agent', `/v3/contacts/${ukContact}`, patch(DEMO_IDS.clinicsUk))).status).toBe(200);
  });

  it.each([
    ['another profile', LIST, { ...inProfile(DEMO_IDS.pharmacyUs) }],
    ["the organization's own scope", LIST, {}],
    ['a contact of another profile', `/v3/contacts/PLACEHOLDER_US`, { ...inProfile(DEMO_IDS.pharmacyUs) }],
    ['an edit in another profile', `/v3/contacts/PLACEHOLDER_US`, patch(DEMO_IDS.pharmacyUs)],
    ['another profile by id', `/v3/profiles/${DEMO_IDS.pharmacyUs}`, {}],
    ['v1 (the key own account)', '/v1/contacts', {}],
    ['a reveal in another profile', '/__reveal/PLACEHOLDER_US', reveal(DEMO_IDS.pharmacyUs)],
  ])('%s is refused with GATEWAY_010', async (_what, path, init) => {
    const res = await send('agent', path.replace('PLACEHOLDER_US', usContact), init as RequestInit);
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe('GATEWAY_010');
  });

  it('profiles and /v3/me list only Clinics UK', async () => {
    for (const path of ['/v3/profiles', '/v3/me']) {
      const body = await answerOf(await send('agent', path));
      expect((body.data.profiles as { id: string }[]).map((p) => p.id)).toEqual([DEMO_IDS.clinicsUk]);
    }
  });

  it('pages outside the profile are redirected into it; its own page renders its data', async () => {
    const html = { headers: { accept: 'text/html' } };
    for (const path of ['/', `/?profile=${DEMO_IDS.pharmacyUs}&page=3`, `/contacts/${usContact}`]) {
      const res = await send('agent', path, html);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain(`profile=${DEMO_IDS.clinicsUk}`);
    }
    const page = await (await send('agent', `/?profile=${DEMO_IDS.clinicsUk}`, html)).text();
    expect(page).toMatch(/first \+\d+ for agent/);
  });
});

describe('admin: everything', () => {
  it('the account scope, every profile, full numbers, edits', async () => {
    expect(await firstNumber(await send('admin', LIST))).toMatch(/^\+\d+$/);
    expect((await send('admin', LIST, inProfile(DEMO_IDS.labsDe))).status).toBe(200);
    expect((await send('admin', `/v3/contacts/${usContact}`, patch(DEMO_IDS.pharmacyUs))).status).toBe(200);
    const page = await (await send('admin', '/', { headers: { accept: 'text/html' } })).text();
    expect(page).toMatch(/first \+\d+ for admin/);
  });
});
