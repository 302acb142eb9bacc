// The audit trail through the real gateway: signing in and out with the access secret is recorded, and
// reading the trail is for admins (a signed-in person's role decides; without the access secret, nobody).
import { describe, expect, it } from 'vitest';
import { asProfile, auditGatewayForFile } from '../../testing/audit-gateway.ts';
import { startTestGateway } from '../../testing/gateway-harness.ts';
import { embeddedUpstream } from '../upstream.ts';

const h = auditGatewayForFile();

describe('sign-in and sign-out with the access secret', () => {
  const SECRET = 'an-access-secret-for-the-audit-test';
  const form = (token: string) => new URLSearchParams({ token, next: '/' });

  it('records a refused sign-in, a sign-in and a sign-out, one entry each', async () => {
    const secretGw = await startTestGateway('unused', {
      upstream: embeddedUpstream(h.api),
      audit: h.trail.audit,
      accessSecret: SECRET,
    });
    const signIn = (token: string) =>
      fetch(`${secretGw.url}/__signin`, { method: 'POST', body: form(token), redirect: 'manual' });
    const refused = await h.one(() => signIn('wrong'));
    let cookie = '';
    const signedIn = await h.one(async () => {
      const res = await signIn(SECRET);
      expect(res.status).toBe(303);
      cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    });
    const signedOut = await h.one(() =>
      fetch(`${secretGw.url}/__signout`, { method: 'POST', headers: { cookie }, redirect: 'manual' }),
    );
    await secretGw.close();
    expect(refused).toMatchObject({ action: 'session.sign_in', outcome: 'denied' });
    expect(signedIn).toMatchObject({
      action: 'session.sign_in',
      outcome: 'ok',
      actor_name: 'access-secret holder',
    });
    // Both name the same sign-in session (its public id's start), not the browser's queue cookie.
    expect(signedOut).toMatchObject({
      action: 'session.sign_out',
      outcome: 'ok',
      actor_id: signedIn.actor_id,
    });
    expect(signedIn.actor_id).toMatch(/^session:[A-Za-z0-9_-]{16}$/);
  });
});

describe('who may read the trail', () => {
  const person = (role: string) => ({ sub: `u-${role}`, name: `A ${role}`, role, groups: ['staff'] });

  it('a signed-in non-admin is refused (403) and an admin is not; entries name the person and groups', async () => {
    const asViewer = await startTestGateway('unused', { audit: h.trail.audit, actingAs: person('viewer') });
    const asAdmin = await startTestGateway('unused', {
      upstream: embeddedUpstream(h.api),
      audit: h.trail.audit,
      actingAs: person('admin'),
    });
    const viewer = await fetch(`${asViewer.url}/__audit`);
    const viewerCsv = await fetch(`${asViewer.url}/__audit/export.csv`);
    const viewerPeople = await fetch(`${asViewer.url}/__audit/people?q=admin`);
    const opened = await h.one(() =>
      fetch(`${asAdmin.url}/v3/contacts/${h.known.id}`, { headers: asProfile }),
    );
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
      audit: h.trail.audit,
      accessSecret: 'another-secret-1234',
    });
    const res = await fetch(`${secretGw.url}/__audit`);
    await secretGw.close();
    expect(res.status).toBe(401);
  });

  it('exporting the trail as CSV is itself recorded', async () => {
    const entry = await h.one(async () => {
      const res = await fetch(`${h.gw.url}/__audit/export.csv?action=lookup`);
      expect(res.headers.get('content-type')).toContain('text/csv');
      await res.text();
    });
    expect(entry).toMatchObject({ action: 'audit.export', details: { filters: { action: 'lookup' } } });
  });
});
