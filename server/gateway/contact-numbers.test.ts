// GET /__numbers/contact/{id} through the wired gateway (server/testing/numbers-gateway.ts): a contact's number looked up by
// the gateway for its Reachability card, for every role (masked for viewers), held to the contact's rules,
// recorded naming the contact, also during server rendering; and both number routes behind the access secret.
import { describe, expect, it } from 'vitest';
import { MASK } from '../../src/shared/mask.ts';
import { startTestGateway } from '../testing/gateway-harness.ts';
import {
  DE,
  factsOf,
  inProfile,
  lookupPath,
  MOBILE,
  numbersGateway,
  UK,
} from '../testing/numbers-gateway.ts';
import { answerOf } from '../testing/test-browser.ts';
import { embeddedUpstream } from './upstream.ts';

const gateway = numbersGateway();
const { send, entries, recorded, upstreamLookups } = gateway;

describe('GET /__numbers/contact/{id}: a contact’s number, for its Reachability card', () => {
  it('looks the contact’s number up for every role, masked for viewers, recorded naming the contact', async () => {
    const admin = await factsOf(
      await send('admin', `/__numbers/contact/${gateway.ukContact.id}`, inProfile(UK)),
    );
    expect(admin).toMatchObject({ phone_number: gateway.ukContact.format_e164 });
    const added = await recorded(async () => {
      const res = await send('viewer', `/__numbers/contact/${gateway.ukContact.id}`, inProfile(UK));
      expect(res.status).toBe(200);
      const data = await factsOf(res);
      expect(data.phone_number).toContain(MASK);
      expect(data.phone_number).not.toBe(gateway.ukContact.format_e164);
      expect(data.line_type).toBe(admin.line_type);
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor_id: 'vic',
      contact_id: gateway.ukContact.id,
      profile_id: UK,
      outcome: 'ok',
    });
    const adminEntry = (await entries()).find(
      (e) => e.actor_id === 'ida' && e.contact_id === gateway.ukContact.id,
    );
    expect(added[0]?.phone_hash).toBe(adminEntry?.phone_hash);
  });

  it('holds the person to the contact’s rules: another profile is refused and recorded, nothing looked up', async () => {
    const before = upstreamLookups.length;
    const added = await recorded(async () => {
      const res = await send('agent', `/__numbers/contact/${gateway.ukContact.id}`, inProfile(DE));
      expect(res.status).toBe(403);
      expect((await answerOf(res)).error.code).toBe('GATEWAY_010');
    });
    expect(added.map((e) => [e.outcome, e.contact_id])).toEqual([['denied', gateway.ukContact.id]]);
    // Where the contact is not, the API's 404 stands and nothing is looked up.
    const missing = await send('admin', `/__numbers/contact/${gateway.ukContact.id}`, inProfile(DE));
    expect(missing.status).toBe(404);
    // An encoded '/' in the id is refused before routing (canonical-path.ts).
    const encoded = await send('admin', '/__numbers/contact/a%2Fb', inProfile(UK));
    expect([encoded.status, (await answerOf(encoded)).error.code]).toEqual([400, 'GATEWAY_014']);
    expect((await send(null, `/__numbers/contact/${gateway.ukContact.id}`, inProfile(UK))).status).toBe(401);
    expect(upstreamLookups.length).toBe(before);
  });

  it('is server-rendered for the page’s person: masked for a viewer, recorded in their name', async () => {
    const added = await recorded(async () => {
      const page = await send('viewer', `/contacts/${gateway.ukContact.id}?profile=${UK}`, {
        headers: { accept: 'text/html' },
      });
      const html = await page.text();
      expect(html).toMatch(/<p>200 \+\d+•+\d\d (mobile|fixed_line_or_mobile|\w+)<\/p>/);
      expect(html).not.toContain(gateway.ukContact.format_e164);
    });
    expect(added.map((e) => [e.actor_id, e.contact_id])).toEqual([['vic', gateway.ukContact.id]]);
  });
});

describe('with the shared access secret instead of staff sign-in', () => {
  it('answers both routes only to holders of the secret', async () => {
    const secret = 'correct-horse-battery-staple';
    const guarded = await startTestGateway('http://unused', {
      upstream: embeddedUpstream({ fetch: (req) => gateway.api.fetch(req), close: () => {} }),
      accessSecret: secret,
    });
    try {
      for (const path of [lookupPath(MOBILE), `/__numbers/contact/${gateway.ukContact.id}`]) {
        const headers = { 'x-profile-id': UK };
        expect((await fetch(guarded.url + path, { headers })).status, path).toBe(401);
        const held = await fetch(guarded.url + path, {
          headers: { ...headers, authorization: `Bearer ${secret}` },
        });
        expect(held.status, path).toBe(200);
        expect((await factsOf(held)).line_type, path).toMatch(/mobile|fixed_line/);
      }
    } finally {
      await guarded.close();
    }
  });
});
