// The gateway in front of the real embedded API (in-process, as `npm start` runs it by default).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../api/server.ts';
import { withFaultHeaders } from '../testing/api-faults.ts';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.ts';
import { embeddedUpstream } from './upstream.ts';

interface Contact {
  id: string;
  opt_out: boolean;
  is_inherited: boolean;
}
interface Envelope<T> {
  success: boolean;
  data: T;
  error: { code: string } | null;
  meta: { request_id: string };
}

let api: EmbeddedApi;
let gw: TestGateway;
let gwTest: TestGateway;

beforeAll(async () => {
  api = createEmbeddedApi(withFaultHeaders({ contactsPerProfile: 60 }));
  await api.ready;
  const upstream = embeddedUpstream(api);
  gw = await startTestGateway('unused', { upstream });
  gwTest = await startTestGateway('unused', { upstream, testControls: true, timeoutMs: 1_500 });
});
afterAll(async () => {
  await gw.close();
  await gwTest.close();
  api.close();
});

const asProfile = (profile: string, extra: Record<string, string> = {}) => ({
  'x-profile-id': profile,
  ...extra,
});

describe('gateway → embedded API', () => {
  it('uses the server key whatever key the browser sends', async () => {
    const res = await fetch(`${gw.url}/v3/me`, { headers: { 'x-api-key': 'sk_test_org_other' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Envelope<{ id: string; name: string }>;
    expect(body.data.id).toBe(DEMO_IDS.organization);
    expect(res.headers.get('x-request-id')).toBe(body.meta.request_id);
    expect(res.headers.get('x-ratelimit-limit')).toBe('200');
  });

  it('scopes by x-profile-id (inherited contacts included for the inheriting profile)', async () => {
    const res = await fetch(`${gw.url}/v3/contacts?page=1&page_size=200`, {
      headers: asProfile(DEMO_IDS.pharmacyUs),
    });
    const body = (await res.json()) as Envelope<{ contacts: Contact[] }>;
    expect(res.status).toBe(200);
    expect(body.data.contacts.some((c) => c.is_inherited)).toBe(true);
    const own = await fetch(`${gw.url}/v3/contacts?page=1&page_size=200`, {
      headers: asProfile(DEMO_IDS.labsDe),
    });
    const ownBody = (await own.json()) as Envelope<{ contacts: Contact[] }>;
    expect(ownBody.data.contacts.every((c) => !c.is_inherited)).toBe(true);
  });

  it('PATCH persists; POST creates and DELETE removes (through the gateway to the API)', async () => {
    const list = await fetch(`${gw.url}/v3/contacts?page=1&page_size=1`, {
      headers: asProfile(DEMO_IDS.clinicsUk),
    });
    const contact = ((await list.json()) as Envelope<{ contacts: Contact[] }>).data.contacts[0];
    if (!contact) throw new Error('no contact seeded');
    const url = `${gw.url}/v3/contacts/${contact.id}`;
    const headers = asProfile(DEMO_IDS.clinicsUk, { 'content-type': 'application/json' });
    const patched = await fetch(url, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ opt_out: !contact.opt_out }),
    });
    expect(patched.status).toBe(200);
    const again = (await (await fetch(url, { headers })).json()) as Envelope<Contact>;
    expect(again.data.opt_out).toBe(!contact.opt_out);
    const post = await fetch(`${gw.url}/v3/contacts`, {
      method: 'POST',
      headers,
      body: '{"phone_number":"+14155550100"}',
    });
    expect(post.status).toBe(201);
    const created = `${gw.url}/v3/contacts/${((await post.json()) as Envelope<Contact>).data.id}`;
    expect((await fetch(created, { method: 'DELETE', headers })).status).toBe(204);
    expect((await fetch(created, { headers })).status).toBe(404);
  });

  it('forwards x-sender-id for v1', async () => {
    const res = await fetch(`${gw.url}/v1/contacts?page=0&pageSize=5`, {
      headers: { 'x-sender-id': DEMO_IDS.clinicsUk },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: unknown[]; page: number };
    expect(body.items).toHaveLength(5);
    expect(body.page).toBe(0);
  });

  it('passes an API error (status, code, Retry-After) through unchanged in test mode only', async () => {
    const res = await fetch(`${gwTest.url}/v3/profiles`, { headers: { 'x-test-fail': '429' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as Envelope<null>).error?.code).toBe('BUSINESS_002');
    const normal = await fetch(`${gw.url}/v3/profiles`, { headers: { 'x-test-fail': '429' } });
    expect(normal.status).toBe(200);
  });

  it('turns a slow in-process answer into 504', async () => {
    const res = await fetch(`${gwTest.url}/v3/me`, { headers: { 'x-test-latency-ms': '4000' } });
    expect(res.status).toBe(504);
    expect(((await res.json()) as Envelope<null>).error?.code).toBe('GATEWAY_002');
  });
});
