// Adding and removing contacts through the wired gateway in staff sign-in mode, by direct HTTP against the
// embedded API: a viewer's and an agent's POST and DELETE are refused (403 GATEWAY_009) before the API and
// the refusal is recorded; an admin's add and removal are recorded once each, with the number masked and
// hashed (the same hash for the same number), the contact id, the outcome, status and code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import type { StoredEntry } from '../../audit/entry.ts';
import { startTestGateway, type TestGateway } from '../../testing/gateway-harness.ts';
import { noProvider, signedIn, testSettings } from '../../testing/identity-app.ts';
import { startTempAudit, type TempAudit } from '../../testing/temp-audit.ts';
import type { Person } from '../identity/person.ts';
import { STAFF_SESSION_COOKIE } from '../identity/routes.ts';
import { createStaffSignIn } from '../identity/staff-sign-in.ts';
import { embeddedUpstream } from '../upstream.ts';

const PROFILE = DEMO_IDS.clinicsUk;
const PEOPLE: Record<string, Person> = {
  viewer: { sub: 'vic', name: 'Vic', email: null, role: 'viewer', profiles: '*' },
  agent: { sub: 'ana', name: 'Ana', email: null, role: 'agent', profiles: [PROFILE] },
  admin: { sub: 'ida', name: 'Ida', email: null, role: 'admin', profiles: '*' },
};

let api: EmbeddedApi;
let trail: TempAudit;
let gw: TestGateway;
let cookies: Record<string, string>;

function send(who: string, path: string, init: RequestInit = {}, profile: string = PROFILE) {
  const headers = new Headers(init.headers);
  headers.set('cookie', `${STAFF_SESSION_COOKIE}=${cookies[who]}`);
  headers.set('x-profile-id', profile);
  headers.set('sec-fetch-site', 'same-origin');
  return fetch(gw.url + path, { ...init, headers });
}
const create = (who: string, phone: string) =>
  send(who, '/v3/contacts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ phone_number: phone }),
  });
const remove = (who: string, id: string) => send(who, `/v3/contacts/${id}`, { method: 'DELETE' });

async function newestSeq(): Promise<number> {
  return (await entries())[0]?.seq ?? 0;
}
async function entries(): Promise<StoredEntry[]> {
  const res = await send('admin', '/__audit?page_size=500');
  return ((await res.json()) as { data: StoredEntry[] }).data;
}
/** Runs `act`, checks it added exactly one entry, and returns it with what `act` returned. */
async function one<T>(act: () => Promise<T>): Promise<[StoredEntry, T]> {
  const since = await newestSeq();
  const result = await act();
  const added = (await entries()).filter((e) => e.seq > since);
  expect(added.map((e) => e.action)).toHaveLength(1);
  return [added[0] as StoredEntry, result];
}

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 30, rateLimit: false });
  await api.ready;
  trail = await startTempAudit();
  const upstream = embeddedUpstream(api);
  const settings = testSettings('http://127.0.0.1:5173');
  const staffSignIn = await createStaffSignIn({ settings, upstream, oidc: noProvider });
  gw = await startTestGateway('http://unused', { upstream, staffSignIn, audit: trail.audit });
  cookies = await signedIn(staffSignIn.sessions, PEOPLE);
});
afterAll(async () => {
  await gw?.close();
  await trail?.close();
  api?.close();
});

describe.each(['viewer', 'agent'])('a signed-in %s', (who) => {
  it('is refused POST (403 GATEWAY_009), nothing is created, and the refusal is recorded', async () => {
    const phone = who === 'viewer' ? '+44 7400 900101' : '+44 7400 900102';
    const [entry, res] = await one(() => create(who, phone));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_009');
    const lookup = await send('admin', `/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(phone)}`);
    expect(lookup.status).toBe(404);
    expect(entry).toMatchObject({
      action: 'contact.create',
      outcome: 'denied',
      actor_id: PEOPLE[who]?.sub,
      actor_role: who,
      profile_id: PROFILE,
      contact_id: null,
      details: { status: 403, code: 'GATEWAY_009' },
    });
    expect(entry.phone_masked).toMatch(/^\+44•+\d\d$/);
  });

  it('is refused DELETE (403 GATEWAY_009), the contact stays, and the refusal is recorded', async () => {
    const list = await send('admin', '/v3/contacts?page=1&page_size=1');
    const [target] = ((await list.json()) as { data: { contacts: [{ id: string }] } }).data.contacts;
    const [entry, res] = await one(() => remove(who, target.id));
    expect(res.status).toBe(403);
    expect((await send('admin', `/v3/contacts/${target.id}`)).status).toBe(200);
    expect(entry).toMatchObject({
      action: 'contact.remove',
      outcome: 'denied',
      actor_role: who,
      contact_id: target.id,
      details: { status: 403, code: 'GATEWAY_009' },
    });
  });
});

describe('a signed-in admin', () => {
  it('adds and removes: one entry each, the same number hash, then a repeat is recorded as an error', async () => {
    const [added, res] = await one(() => create('admin', '+44 7400 900200'));
    expect(res.status).toBe(201);
    const { id } = ((await res.json()) as { data: { id: string } }).data;
    expect(added).toMatchObject({
      action: 'contact.create',
      outcome: 'ok',
      actor_role: 'admin',
      profile_id: PROFILE,
      contact_id: id,
      phone_masked: '+44••••••••00',
      details: { status: 201 },
    });
    expect(added.phone_hash).toMatch(/^[0-9a-f]{64}$/);

    const [duplicate] = await one(() => create('admin', '+447400900200'));
    expect(duplicate).toMatchObject({
      action: 'contact.create',
      outcome: 'error',
      phone_hash: added.phone_hash,
      details: { status: 409, code: 'RESOURCE_007' },
    });

    const [removed, gone] = await one(() => remove('admin', id));
    expect(gone.status).toBe(204);
    expect(removed).toMatchObject({
      action: 'contact.remove',
      outcome: 'ok',
      contact_id: id,
      phone_hash: added.phone_hash,
      details: { status: 204 },
    });

    const [again] = await one(() => remove('admin', id));
    expect(again).toMatchObject({
      action: 'contact.remove',
      outcome: 'error',
      contact_id: id,
      details: { status: 404, code: 'RESOURCE_001' },
    });
  });

  it('a refused removal of an inherited contact is recorded with the API’s code', async () => {
    const us = DEMO_IDS.pharmacyUs;
    const list = await send('admin', '/v3/contacts?page=1&page_size=50', {}, us);
    const { contacts } = (
      (await list.json()) as { data: { contacts: { id: string; is_inherited: boolean }[] } }
    ).data;
    const inherited = contacts.find((c) => c.is_inherited)?.id ?? '';
    const [entry, res] = await one(() =>
      send('admin', `/v3/contacts/${inherited}`, { method: 'DELETE' }, us),
    );
    expect(res.status).toBe(400);
    expect(entry).toMatchObject({
      action: 'contact.remove',
      outcome: 'error',
      profile_id: us,
      contact_id: inherited,
      details: { status: 400, code: 'VALIDATION_001' },
    });
    expect(entry.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await send('admin', `/v3/contacts/${inherited}`, {}, us)).status).toBe(200);
  });
});
