// Number lookups through the wired gateway (staff sign-in, team budget and cache, audit trail, the embedded
// API) over direct HTTP, as an attacker or a browser would send them: who may ask in which profile, masking
// for viewers, one upstream request per number (day-long cache), every answer recorded (cache hits too), and
// a contact's number looked up by the gateway for the Reachability card, also during server rendering.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '../../src/shared/mask.ts';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../api/server.ts';
import type { StoredEntry } from '../audit/entry.ts';
import { startTempAudit, type TempAudit } from '../tools/temp-audit.ts';
import { answerOf } from '../tools/test-browser.ts';
import type { Person } from './identity/person.ts';
import { SESSION_COOKIE } from './identity/routes.ts';
import { createStaffSignIn } from './identity/staff-sign-in.ts';
import { noProvider, signedIn, testSettings } from './identity/test-app.ts';
import type { RunningGateway } from './server.ts';
import { SSR_DIR, SSR_ENTRY } from './ssr.ts';
import { parseTeamConfig } from './team/config.ts';
import { createTeam, type Team } from './team/create.ts';
import { makeFixtureDist, startTestGateway } from './test-helpers.ts';
import { embeddedUpstream } from './upstream.ts';

// A contact page asks for its card the way the console's renderer does, and prints what it got.
const RENDERER = `
export async function renderPage({ url, api }) {
  const u = new URL(url, 'http://x');
  const id = u.pathname.split('/').pop();
  const res = await api('/__numbers/contact/' + id, {
    headers: { accept: 'application/json', 'x-profile-id': u.searchParams.get('profile') } });
  const body = await res.json();
  return { html: '<p>' + res.status + ' ' + (body.data ? body.data.phone_number + ' ' + body.data.line_type : body.error.code) + '</p>', state: '{}' };
}`;

const UK = DEMO_IDS.clinicsUk;
const DE = DEMO_IDS.labsDe;
const MOBILE = '+4915123456789';
const PEOPLE: Record<string, Person> = {
  viewer: { sub: 'vic', name: 'Vic', email: null, role: 'viewer', profiles: '*' },
  agent: { sub: 'ana', name: 'Ana', email: null, role: 'agent', profiles: [UK] },
  admin: { sub: 'ida', name: 'Ida', email: null, role: 'admin', profiles: '*' },
};

let api: EmbeddedApi;
let team: Team;
let trail: TempAudit;
let gw: RunningGateway;
let cookies: Record<string, string>;
let ukContact: { id: string; format_e164: string };
/** Paths of the number lookups that reached the API. */
const upstreamLookups: string[] = [];

async function send(who: string | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (who) headers.set('cookie', `${SESSION_COOKIE}=${cookies[who]}`);
  return fetch(gw.url + path, { ...init, headers, redirect: 'manual' });
}
const inProfile = (profile: string) => ({ headers: { 'x-profile-id': profile } });
/** The lookup an answer carries (Node's `Response.json()` is `unknown`). */
const factsOf = async (res: Response) => ((await res.json()) as { data: Record<string, unknown> }).data;
const lookupPath = (phone: string) => `/v3/numbers/lookup/${encodeURIComponent(phone)}`;

async function entries(action = 'number.lookup'): Promise<StoredEntry[]> {
  const res = await send('admin', `/__audit?page_size=500&action=${action}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: StoredEntry[] }).data;
}

/** Runs `act`; the number.lookup entries it added, oldest first. */
async function recorded(act: () => Promise<unknown>): Promise<StoredEntry[]> {
  const before = (await entries())[0]?.seq ?? 0;
  await act();
  return (await entries()).filter((e) => e.seq > before).reverse();
}

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 40 });
  await api.ready;
  const inner = embeddedUpstream(api);
  team = await createTeam(parseTeamConfig({}), {
    ...inner,
    fetch: (req, opts) => {
      const { pathname } = new URL(req.url);
      if (pathname.startsWith('/v3/numbers/')) upstreamLookups.push(pathname);
      return inner.fetch(req, opts);
    },
  });
  trail = await startTempAudit();
  const dist = makeFixtureDist();
  mkdirSync(join(dist, SSR_DIR));
  writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
  const settings = testSettings('http://127.0.0.1:5173');
  const staffSignIn = await createStaffSignIn({ settings, upstream: inner, oidc: noProvider });
  gw = await startTestGateway('http://unused', {
    upstream: team.upstream,
    team,
    audit: trail.audit,
    staffSignIn,
    distDir: dist,
    renderBudgetMs: 600_000,
  });
  cookies = await signedIn(staffSignIn.sessions, PEOPLE);
  const list = await send('admin', '/v3/contacts?page=1&page_size=1', inProfile(UK));
  [ukContact] = ((await list.json()) as { data: { contacts: [typeof ukContact] } }).data.contacts;
});

afterAll(async () => {
  await gw?.close();
  await team?.upstream.close();
  await trail?.close();
});

describe('GET /v3/numbers/lookup/{phone_number} through the gateway', () => {
  it('asks the API once a day per number; every answer, cached or not, is recorded masked and hashed', async () => {
    const before = upstreamLookups.length;
    const added = await recorded(async () => {
      for (const who of ['admin', 'agent', 'admin']) {
        const res = await send(who, lookupPath(MOBILE), inProfile(UK));
        expect(res.status).toBe(200);
        expect(await factsOf(res)).toMatchObject({ phone_number: MOBILE, line_type: 'mobile' });
      }
    });
    expect(upstreamLookups.length - before).toBe(1);
    expect(added.map((e) => [e.action, e.outcome, e.actor_id, e.details.cache])).toEqual([
      ['number.lookup', 'ok', 'ida', 'miss'],
      ['number.lookup', 'ok', 'ana', 'hit'],
      ['number.lookup', 'ok', 'ida', 'hit'],
    ]);
    for (const entry of added) {
      expect(entry).toMatchObject({ profile_id: UK, phone_masked: `+49${MASK.repeat(9)}89` });
      expect(entry.phone_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.details.line_type).toBe('mobile');
      expect(JSON.stringify(entry)).not.toContain('15123456789');
    }
  });

  it('masks the number for viewers, and answers in the API’s error envelope for a bad number', async () => {
    const viewer = await factsOf(await send('viewer', lookupPath('+442079460958'), inProfile(UK)));
    expect(viewer).toMatchObject({ line_type: 'fixed_line', phone_number: `+44${MASK.repeat(8)}58` });
    const bad = await send('admin', lookupPath('not a number'), inProfile(UK));
    expect(bad.status).toBe(400);
    expect((await answerOf(bad)).error.code).toBe('VALIDATION_002');
  });

  it('is refused, and recorded as denied, in a profile the person may not use', async () => {
    for (const headers of [{ 'x-profile-id': DE }, {}] as Record<string, string>[]) {
      const added = await recorded(async () => {
        const res = await send('agent', lookupPath(MOBILE), { headers });
        expect(res.status).toBe(403);
        expect((await answerOf(res)).error.code).toBe('GATEWAY_010');
      });
      expect(added.map((e) => [e.outcome, e.actor_id])).toEqual([['denied', 'ana']]);
    }
    expect((await send(null, lookupPath(MOBILE), inProfile(UK))).status).toBe(401);
  });

  it.each([
    '/v3/numbers/lookup/..%2F..%2Fcontacts',
    '/v3/numbers/lookup/a%2Fb1',
    '/v3/numbers/lookup/%2e%2e',
    '/v3/numbers/lookup/abc',
    '/v3/numbers/lookup/%2B44%2F1',
    '/v3/numbers/lookup',
  ])('answers GET %s itself (404), never upstream', async (path) => {
    const before = upstreamLookups.length;
    const res = await send('admin', path, inProfile(UK));
    expect(res.status).toBe(404);
    expect((await answerOf(res)).error.code).toBe('GATEWAY_003');
    expect(upstreamLookups.length).toBe(before);
  });

  it('allows only GET', async () => {
    const res = await send('admin', lookupPath(MOBILE), {
      method: 'POST',
      headers: { 'x-profile-id': UK, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('GET /__numbers/contact/{id}: a contact’s number, for its Reachability card', () => {
  it('looks the contact’s number up for every role, masked for viewers, recorded naming the contact', async () => {
    const admin = await factsOf(await send('admin', `/__numbers/contact/${ukContact.id}`, inProfile(UK)));
    expect(admin).toMatchObject({ phone_number: ukContact.format_e164 });
    const added = await recorded(async () => {
      const res = await send('viewer', `/__numbers/contact/${ukContact.id}`, inProfile(UK));
      expect(res.status).toBe(200);
      const data = await factsOf(res);
      expect(data.phone_number).toContain(MASK);
      expect(data.phone_number).not.toBe(ukContact.format_e164);
      expect(data.line_type).toBe(admin.line_type);
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor_id: 'vic',
      contact_id: ukContact.id,
      profile_id: UK,
      outcome: 'ok',
    });
    const adminEntry = (await entries()).find((e) => e.actor_id === 'ida' && e.contact_id === ukContact.id);
    expect(added[0]?.phone_hash).toBe(adminEntry?.phone_hash);
  });

  it('holds the person to the contact’s rules: another profile is refused and recorded, nothing looked up', async () => {
    const before = upstreamLookups.length;
    const added = await recorded(async () => {
      const res = await send('agent', `/__numbers/contact/${ukContact.id}`, inProfile(DE));
      expect(res.status).toBe(403);
      expect((await answerOf(res)).error.code).toBe('GATEWAY_010');
    });
    expect(added.map((e) => [e.outcome, e.contact_id])).toEqual([['denied', ukContact.id]]);
    // Where the contact is not, the API's 404 stands and nothing is looked up.
    const missing = await send('admin', `/__numbers/contact/${ukContact.id}`, inProfile(DE));
    expect(missing.status).toBe(404);
    expect((await send('admin', '/__numbers/contact/a%2Fb', inProfile(UK))).status).toBe(404);
    expect((await send(null, `/__numbers/contact/${ukContact.id}`, inProfile(UK))).status).toBe(401);
    expect(upstreamLookups.length).toBe(before);
  });

  it('is server-rendered for the page’s person: masked for a viewer, recorded in their name', async () => {
    const added = await recorded(async () => {
      const page = await send('viewer', `/contacts/${ukContact.id}?profile=${UK}`, {
        headers: { accept: 'text/html' },
      });
      const html = await page.text();
      expect(html).toMatch(/<p>200 \+\d+•+\d\d (mobile|fixed_line_or_mobile|\w+)<\/p>/);
      expect(html).not.toContain(ukContact.format_e164);
    });
    expect(added.map((e) => [e.actor_id, e.contact_id])).toEqual([['vic', ukContact.id]]);
  });
});
