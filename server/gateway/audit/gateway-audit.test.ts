// The audit trail through the real gateway, by direct HTTP against the embedded API: each action writes
// exactly one entry with the right fields; server rendering's own lookup is recorded once, in the page's
// name; reading the trail is for admins; an entry that cannot be stored withholds the answer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../../api/server.ts';
import type { StoredEntry } from '../../audit/entry.ts';
import { startTempAudit, type TempAudit } from '../../tools/temp-audit.ts';
import type { GatewayEnv } from '../env.ts';
import { auditTrail, recordReveal } from '../middleware/audit.ts';
import type { RunningGateway } from '../server.ts';
import { SSR_DIR, SSR_ENTRY } from '../ssr.ts';
import { makeFixtureDist, startTestGateway } from '../test-helpers.ts';
import { embeddedUpstream } from '../upstream.ts';
import { EXPORT_HEADER } from './exports.ts';

const PROFILE = DEMO_IDS.clinicsUk;
const UNKNOWN = '+447700900999';
// A stand-in server renderer: a lookup page fetches the lookup through the gateway's own API route.
const RENDERER = `
export async function renderPage({ url, api }) {
  const phone = new URL(url, 'http://x').searchParams.get('phone');
  const res = await api('/v3/contacts?page=1&page_size=1&phone=' + encodeURIComponent(phone),
    { headers: { accept: 'application/json', 'x-profile-id': '${PROFILE}' } });
  return { html: '<p>' + res.status + '</p>', state: '{}' };
}`;

let api: EmbeddedApi;
let trail: TempAudit;
let gw: RunningGateway;
let known: { id: string; phone_number: string; opt_out: boolean };

const entries = async (query = ''): Promise<StoredEntry[]> => {
  const res = await fetch(`${gw.url}/__audit?page_size=500${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: StoredEntry[] }).data;
};

/** Runs `act`, checks that it added exactly one entry, and returns that entry. */
async function one(act: () => unknown): Promise<StoredEntry> {
  const before = (await entries())[0]?.seq ?? 0;
  await act();
  const added = (await entries()).filter((e) => e.seq > before);
  expect(added.map((e) => e.action)).toHaveLength(1);
  return added[0] as StoredEntry;
}

const asProfile = { 'x-profile-id': PROFILE, 'user-agent': 'audit-test' };

beforeAll(async () => {
  api = createEmbeddedApi({ contactsPerProfile: 30 });
  await api.ready;
  trail = await startTempAudit();
  const dist = makeFixtureDist();
  mkdirSync(join(dist, SSR_DIR));
  writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
  gw = await startTestGateway('unused', {
    upstream: embeddedUpstream(api),
    audit: trail.audit,
    distDir: dist,
    renderBudgetMs: 600_000,
  });
  const list = await fetch(`${gw.url}/v3/contacts?page=1&page_size=1`, { headers: asProfile });
  [known] = ((await list.json()) as { data: { contacts: [typeof known] } }).data.contacts;
});
afterAll(async () => {
  await gw.close();
  await trail.close();
  api.close();
});

describe('API calls through the gateway', () => {
  it('a lookup hit: one entry naming the contact, the masked number and the request id', async () => {
    let requestId: string | null = null;
    const entry = await one(async () => {
      const res = await fetch(
        `${gw.url}/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(known.phone_number)}`,
        {
          headers: asProfile,
        },
      );
      expect(res.status).toBe(200);
      requestId = res.headers.get('x-request-id');
    });
    expect(entry).toMatchObject({
      action: 'lookup',
      outcome: 'hit',
      contact_id: known.id,
      profile_id: PROFILE,
      request_id: requestId,
      client_address: '127.0.0.1',
      user_agent: 'audit-test',
      actor_kind: 'session',
      actor_name: 'loopback user (no sign-in)',
      details: { status: 200 },
    });
    expect(entry.phone_masked).toMatch(/^\+\d+•+\d\d$/);
    expect(entry.phone_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a lookup miss: one entry with the number asked for and no contact', async () => {
    const entry = await one(() =>
      fetch(`${gw.url}/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(UNKNOWN)}`, {
        headers: asProfile,
      }),
    );
    expect(entry).toMatchObject({
      action: 'lookup',
      outcome: 'miss',
      contact_id: null,
      phone_masked: '+44••••••••99',
      details: { status: 404, code: 'RESOURCE_001' },
    });
  });

  it('a contact opened: one entry; browsing the list is not one', async () => {
    const entry = await one(async () => {
      await fetch(`${gw.url}/v3/contacts?page=2&page_size=5`, { headers: asProfile });
      await fetch(`${gw.url}/v3/contacts/${known.id}`, { headers: asProfile });
    });
    expect(entry).toMatchObject({ action: 'contact.open', outcome: 'ok', contact_id: known.id });
    expect(entry.phone_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an edit: one entry with the changed field before and after (the GET before it is not an entry)', async () => {
    const entry = await one(async () => {
      const res = await fetch(`${gw.url}/v3/contacts/${known.id}`, {
        method: 'PATCH',
        headers: { ...asProfile, 'content-type': 'application/json' },
        body: JSON.stringify({ opt_out: !known.opt_out }),
      });
      expect(res.status).toBe(200);
    });
    expect(entry).toMatchObject({
      action: 'contact.edit',
      outcome: 'ok',
      contact_id: known.id,
      details: { before: { opt_out: known.opt_out }, after: { opt_out: !known.opt_out } },
    });
  });

  it('a refused open is recorded as denied', async () => {
    const entry = await one(() =>
      fetch(`${gw.url}/v3/contacts/${known.id}`, { headers: { 'x-profile-id': DEMO_IDS.otherProfile } }),
    );
    expect(entry).toMatchObject({ action: 'contact.open', outcome: 'denied', details: { status: 403 } });
  });
});

describe('contact exports', () => {
  const post = (path: string, body: unknown) =>
    fetch(gw.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('announced, paged and finished: one entry with the filters, the row count and the rows served', async () => {
    const entry = await one(async () => {
      const start = await post('/__audit/exports', { filters: { search: '7' }, profile_id: PROFILE });
      expect(start.status).toBe(201);
      const { id } = (await start.json()) as { id: string };
      for (const page of [1, 2]) {
        await fetch(`${gw.url}/v3/contacts?page=${page}&page_size=4&search=7`, {
          headers: { ...asProfile, [EXPORT_HEADER]: id },
        });
      }
      const finish = await post(`/__audit/exports/${id}/finish`, { status: 'done', row_count: 8 });
      expect(finish.status).toBe(201);
      // Finished is finished: a second finish finds nothing.
      expect((await post(`/__audit/exports/${id}/finish`, { status: 'done', row_count: 8 })).status).toBe(
        404,
      );
    });
    expect(entry).toMatchObject({
      action: 'contacts.export',
      outcome: 'ok',
      profile_id: PROFILE,
      details: { status: 'done', filters: { search: '7' }, row_count: 8, rows_served: 8, pages: 2 },
    });
  });

  it('an export never finished is recorded as abandoned at shutdown', async () => {
    const start = await post('/__audit/exports', { filters: {}, profile_id: null });
    const { id } = (await start.json()) as { id: string };
    const entry = await one(() => trail.audit.sweep(true));
    expect(entry).toMatchObject({
      action: 'contacts.export',
      outcome: 'error',
      details: { export_id: id, status: 'abandoned', rows_served: 0 },
    });
  });

  it('a malformed announcement is refused with the field named', async () => {
    const res = await post('/__audit/exports', { filters: { search: 7 } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'AUDIT_EXPORT', message: /filters\.search/ } });
  });
});

describe('server rendering', () => {
  it("records the page's own lookup once, in the name of the page request", async () => {
    const entry = await one(async () => {
      const res = await fetch(`${gw.url}/?phone=${encodeURIComponent(known.phone_number)}`, {
        headers: { accept: 'text/html', 'user-agent': 'page-browser' },
      });
      expect(await res.text()).toContain('<p>200</p>');
    });
    expect(entry).toMatchObject({ action: 'lookup', outcome: 'hit', user_agent: 'page-browser' });
  });
});

describe('the reveal hook', () => {
  it('records a number revealed for whoever the request is from', async () => {
    const app = new Hono<GatewayEnv>().use(auditTrail(trail.audit.forApp('loopback')));
    app.post('/reveal', async (c) => {
      await recordReveal(c, { contactId: known.id, phone: known.phone_number, profileId: PROFILE });
      return c.body(null, 204);
    });
    const entry = await one(() => app.request('/reveal', { method: 'POST' }));
    expect(entry).toMatchObject({ action: 'number.reveal', contact_id: known.id, profile_id: PROFILE });
  });
});

describe('when the trail cannot store', () => {
  it('withholds the answer: 503 GATEWAY_013 instead of the contact', async () => {
    const broken = await startTempAudit();
    const brokenGw = await startTestGateway('unused', {
      upstream: embeddedUpstream(api),
      audit: broken.audit,
    });
    await broken.audit.service.store.close();
    const res = await fetch(`${brokenGw.url}/v3/contacts/${known.id}`, { headers: asProfile });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'GATEWAY_013' } });
    await brokenGw.close();
    await broken.close().catch(() => {});
  });
});

describe('sign-in and sign-out with the access secret', () => {
  const SECRET = 'an-access-secret-for-the-audit-test';
  const form = (token: string) => new URLSearchParams({ token, next: '/' });

  it('records a refused sign-in, a sign-in and a sign-out, one entry each', async () => {
    const secretGw = await startTestGateway('unused', {
      upstream: embeddedUpstream(api),
      audit: trail.audit,
      accessSecret: SECRET,
    });
    const signIn = (token: string) =>
      fetch(`${secretGw.url}/__signin`, { method: 'POST', body: form(token), redirect: 'manual' });
    const refused = await one(() => signIn('wrong'));
    const signedIn = await one(async () => expect((await signIn(SECRET)).status).toBe(303));
    const signedOut = await one(() =>
      fetch(`${secretGw.url}/__signout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}` },
        redirect: 'manual',
      }),
    );
    await secretGw.close();
    expect(refused).toMatchObject({ action: 'session.sign_in', outcome: 'denied' });
    expect(signedIn).toMatchObject({
      action: 'session.sign_in',
      outcome: 'ok',
      actor_name: 'access-secret holder',
    });
    expect(signedOut).toMatchObject({ action: 'session.sign_out', outcome: 'ok', actor_id: 'bearer' });
  });
});

describe('who may read the trail', () => {
  const person = (role: string) => ({ sub: `u-${role}`, name: `A ${role}`, role, groups: ['staff'] });

  it('a signed-in non-admin is refused (403) and an admin is not; entries name the person and groups', async () => {
    const asViewer = await startTestGateway('unused', { audit: trail.audit, testPerson: person('viewer') });
    const asAdmin = await startTestGateway('unused', {
      upstream: embeddedUpstream(api),
      audit: trail.audit,
      testPerson: person('admin'),
    });
    const viewer = await fetch(`${asViewer.url}/__audit`);
    const viewerCsv = await fetch(`${asViewer.url}/__audit/export.csv`);
    const viewerPeople = await fetch(`${asViewer.url}/__audit/people?q=admin`);
    const opened = await one(() => fetch(`${asAdmin.url}/v3/contacts/${known.id}`, { headers: asProfile }));
    const admin = await fetch(`${asAdmin.url}/__audit?actor=u-admin`);
    const adminPeople = await fetch(`${asAdmin.url}/__audit/people?q=admin`);
    await Promise.all([asViewer.close(), asAdmin.close()]);
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ error: { code: 'AUDIT_FORBIDDEN' } });
    expect(viewerCsv.status).toBe(403);
    expect(viewerPeople.status).toBe(403); // who appears in the trail is the trail's too
    expect(admin.status).toBe(200);
    expect(await adminPeople.json()).toMatchObject({
      data: [{ id: 'u-admin', kind: 'person', role: 'admin' }],
    });
    expect(opened).toMatchObject({
      actor_kind: 'person',
      actor_id: 'u-admin',
      actor_role: 'admin',
      actor_groups: ['staff'],
    });
  });

  it('without the access secret there is no trail to read (401)', async () => {
    const secretGw = await startTestGateway('unused', {
      audit: trail.audit,
      accessSecret: 'another-secret-1234',
    });
    const res = await fetch(`${secretGw.url}/__audit`);
    await secretGw.close();
    expect(res.status).toBe(401);
  });

  it('exporting the trail as CSV is itself recorded', async () => {
    const entry = await one(async () => {
      const res = await fetch(`${gw.url}/__audit/export.csv?action=lookup`);
      expect(res.headers.get('content-type')).toContain('text/csv');
      await res.text();
    });
    expect(entry).toMatchObject({ action: 'audit.export', details: { filters: { action: 'lookup' } } });
  });
});
