// The audit trail through the real gateway, by direct HTTP against the embedded API: each action writes
// exactly one entry with the right fields; server rendering's own lookup is recorded once, in the page's
// name; an entry that cannot be stored withholds the answer. Who may read the trail: trail-access.test.ts.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import { asProfile, auditGatewayForFile, PROFILE } from '../../testing/audit-gateway.ts';
import { startTestGateway } from '../../testing/gateway-harness.ts';
import { startTempAudit } from '../../testing/temp-audit.ts';
import type { GatewayEnv } from '../env.ts';
import { auditTrail, recordReveal } from '../middleware/audit.ts';
import { embeddedUpstream } from '../upstream.ts';
import { EXPORT_HEADER } from './exports.ts';

const UNKNOWN = '+447700900999';
const h = auditGatewayForFile();

describe('API calls through the gateway', () => {
  it('a lookup hit: one entry naming the contact, the masked number and the request id', async () => {
    let requestId: string | null = null;
    const entry = await h.one(async () => {
      const res = await fetch(
        `${h.gw.url}/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(h.known.phone_number)}`,
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
      contact_id: h.known.id,
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
    const entry = await h.one(() =>
      fetch(`${h.gw.url}/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(UNKNOWN)}`, {
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
    const entry = await h.one(async () => {
      await fetch(`${h.gw.url}/v3/contacts?page=2&page_size=5`, { headers: asProfile });
      await fetch(`${h.gw.url}/v3/contacts/${h.known.id}`, { headers: asProfile });
    });
    expect(entry).toMatchObject({ action: 'contact.open', outcome: 'ok', contact_id: h.known.id });
    expect(entry.phone_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an edit: one entry with the changed field before and after (the GET before it is not an entry)', async () => {
    const entry = await h.one(async () => {
      const res = await fetch(`${h.gw.url}/v3/contacts/${h.known.id}`, {
        method: 'PATCH',
        headers: { ...asProfile, 'content-type': 'application/json' },
        body: JSON.stringify({ opt_out: !h.known.opt_out }),
      });
      expect(res.status).toBe(200);
    });
    expect(entry).toMatchObject({
      action: 'contact.edit',
      outcome: 'ok',
      contact_id: h.known.id,
      details: { before: { opt_out: h.known.opt_out }, after: { opt_out: !h.known.opt_out } },
    });
  });

  it('a refused open is recorded as denied', async () => {
    const entry = await h.one(() =>
      fetch(`${h.gw.url}/v3/contacts/${h.known.id}`, { headers: { 'x-profile-id': DEMO_IDS.otherProfile } }),
    );
    expect(entry).toMatchObject({ action: 'contact.open', outcome: 'denied', details: { status: 403 } });
  });
});

describe('contact exports', () => {
  const post = (path: string, body: unknown) =>
    fetch(h.gw.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('announced, paged and finished: one entry with the filters, the row count and the rows served', async () => {
    const entry = await h.one(async () => {
      const start = await post('/__audit/exports', { filters: { search: '7' }, profile_id: PROFILE });
      expect(start.status).toBe(201);
      const { id } = (await start.json()) as { id: string };
      for (const page of [1, 2]) {
        await fetch(`${h.gw.url}/v3/contacts?page=${page}&page_size=4&search=7`, {
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
    const entry = await h.one(() => h.trail.audit.sweep(true));
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
    const entry = await h.one(async () => {
      const res = await fetch(`${h.gw.url}/?phone=${encodeURIComponent(h.known.phone_number)}`, {
        headers: { accept: 'text/html', 'user-agent': 'page-browser' },
      });
      expect(await res.text()).toContain('<p>200</p>');
    });
    expect(entry).toMatchObject({ action: 'lookup', outcome: 'hit', user_agent: 'page-browser' });
  });
});

describe('the reveal hook', () => {
  it('records a number revealed for whoever the request is from', async () => {
    const app = new Hono<GatewayEnv>().use(auditTrail(h.trail.audit.forApp('loopback')));
    app.post('/reveal', async (c) => {
      await recordReveal(c, { contactId: h.known.id, phone: h.known.phone_number, profileId: PROFILE });
      return c.body(null, 204);
    });
    const entry = await h.one(() => app.request('/reveal', { method: 'POST' }));
    expect(entry).toMatchObject({ action: 'number.reveal', contact_id: h.known.id, profile_id: PROFILE });
  });
});

describe('when the trail cannot store', () => {
  it('withholds the answer: 503 GATEWAY_013 instead of the contact', async () => {
    const broken = await startTempAudit();
    const brokenGw = await startTestGateway('unused', {
      upstream: embeddedUpstream(h.api),
      audit: broken.audit,
    });
    await broken.audit.service.store.close();
    const res = await fetch(`${brokenGw.url}/v3/contacts/${h.known.id}`, { headers: asProfile });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'GATEWAY_013' } });
    await brokenGw.close();
    await broken.close().catch(() => {});
  });
});
