// Number lookups through the wired gateway (server/testing/numbers-gateway.ts) over direct HTTP, as an attacker or a browser
// would send them: who may ask in which profile, masking for viewers, one upstream request per number (day-long
// cache), every answer recorded (cache hits too), and the paths the allowlist refuses.
import { describe, expect, it } from 'vitest';
import { MASK } from '../../src/shared/mask.ts';
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

const { send, recorded, upstreamLookups } = numbersGateway();

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
    const bad = await send('admin', lookupPath('not-a-number-1'), inProfile(UK));
    expect(bad.status).toBe(400);
    expect((await answerOf(bad)).error.code).toBe('VALIDATION_002');
    // Spaces are not a canonical path: the gateway refuses them before the API (canonical-path.ts).
    const spaced = await send('admin', lookupPath('+44 20 7946 0958'), inProfile(UK));
    expect([spaced.status, (await answerOf(spaced)).error.code]).toEqual([400, 'GATEWAY_014']);
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
    ['/v3/numbers/lookup/%2e%2e', 404, 'GATEWAY_003'], // the URL parser resolves it to /v3/numbers
    ['/v3/numbers/lookup/abc', 404, 'GATEWAY_003'],
    ['/v3/numbers/lookup', 404, 'GATEWAY_003'],
    // An encoded '/' is refused before any route is matched (canonical-path.ts).
    ['/v3/numbers/lookup/..%2F..%2Fcontacts', 400, 'GATEWAY_014'],
    ['/v3/numbers/lookup/a%2Fb1', 400, 'GATEWAY_014'],
    ['/v3/numbers/lookup/%2B44%2F1', 400, 'GATEWAY_014'],
    ['/v3/numbers/lookup/%2B44%25201', 400, 'GATEWAY_014'], // double encoding
  ])('answers GET %s itself (%i %s), never upstream', async (path, status, code) => {
    const before = upstreamLookups.length;
    const res = await send('admin', path, inProfile(UK));
    expect(res.status).toBe(status);
    expect((await answerOf(res)).error.code).toBe(code);
    expect(upstreamLookups.length).toBe(before);
  });

  it('sends an encoded spelling of a number to its one canonical path, never upstream', async () => {
    const before = upstreamLookups.length;
    const res = await send('admin', '/v3/numbers/lookup/%2B442079460958?x=1', inProfile(UK));
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/v3/numbers/lookup/+442079460958?x=1');
    expect(upstreamLookups.length).toBe(before);
  });

  it('allows only GET', async () => {
    const res = await send('admin', lookupPath(MOBILE), {
      method: 'POST',
      headers: { 'x-profile-id': UK },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});
