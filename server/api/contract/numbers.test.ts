// GET /v3/numbers/lookup/{phone_number} through the official SDK (`client.numbers.lookup`): the facts per line
// type, carriers with their MCC/MNC, every input format the contacts phone filter takes, scopes, errors and the
// rate limit headers. The ported share and the spread over networks (20,000 numbers): numbers/lookup.test.ts.
import Sent from '@sentdm/sentdm';
import { describe, expect, it } from 'vitest';
import { apiForThisFile, DEMO_IDS, failureOf } from '../../testing/api-contract.ts';
import { CARRIERS } from '../numbers/carriers.ts';
import { startApiServer } from '../server.ts';

const api = apiForThisFile({ contactsPerProfile: 100 });
const lookup = (phone: string, apiKey?: string, profile?: string) =>
  api.client(apiKey).numbers.lookup(phone, profile ? { 'x-profile-id': profile } : {});

describe('GET /v3/numbers/lookup/{phone_number}', () => {
  it('answers a mobile with a carrier of its region and that network’s MCC/MNC', async () => {
    const res = await lookup('+4915123456789');
    expect(res.success).toBe(true);
    const data = res.data;
    expect(data).toMatchObject({
      phone_number: '+4915123456789',
      country_code: '49',
      is_valid: true,
      line_type: 'mobile',
      is_voip: false,
    });
    const network = CARRIERS.DE?.mobile.find((n) => n.name === data?.carrier_name);
    expect(network, String(data?.carrier_name)).toBeDefined();
    expect([data?.mobile_country_code, data?.mobile_network_code]).toEqual([network?.mcc, network?.mnc]);
    expect(typeof data?.is_ported).toBe('boolean');
  });

  it('tells landlines, VoIP, toll-free and numbers that may be either apart (libphonenumber’s type)', async () => {
    const cases: [string, Partial<Sent.NumberLookupResponse.Data>][] = [
      [
        '+442079460958',
        { line_type: 'fixed_line', is_voip: false, carrier_name: 'BT', mobile_network_code: null },
      ],
      ['+445612345678', { line_type: 'voip', is_voip: true, carrier_name: null, is_ported: null }],
      ['+33912345678', { line_type: 'voip', is_voip: true }],
      ['+448001234567', { line_type: 'toll_free', is_voip: false, carrier_name: null }],
      [
        '+12025550123',
        { line_type: 'fixed_line_or_mobile', mobile_country_code: expect.stringMatching(/^31\d$/) },
      ],
    ];
    for (const [phone, expected] of cases) {
      expect((await lookup(phone)).data, phone).toMatchObject({ phone_number: phone, ...expected });
    }
  });

  it('answers the demo contacts’ mobiles with a network of their region, the same each time', async () => {
    const page = await api
      .client()
      .contacts.list({ page: 1, page_size: 40, 'x-profile-id': DEMO_IDS.clinicsUk });
    const gb = (page.data?.contacts ?? []).filter((c) => c.region_code === 'GB');
    expect(gb.length).toBeGreaterThan(10);
    const names = CARRIERS.GB?.mobile.map((n) => n.name) ?? [];
    for (const contact of gb) {
      const first = await lookup(contact.format_e164 ?? '');
      if (first.data?.line_type !== 'mobile') continue;
      expect(names, contact.format_e164 ?? '').toContain(first.data?.carrier_name);
      expect(first.data?.mobile_country_code).toBe('234');
      expect((await lookup(contact.format_e164 ?? '')).data).toEqual(first.data);
    }
  });

  it('accepts every format the contacts phone filter does, tel: URIs included', async () => {
    const expected = (await lookup('+442079460958')).data;
    for (const phone of [
      '+44 20 7946 0958',
      '0044 20 7946 0958',
      '442079460958',
      '+44 (20) 7946-0958',
      'tel:+44-20-7946-0958',
      'TEL:+442079460958',
      'tel:+44-20-7946-0958;ext=42',
      'tel:2079460958;phone-context=+44',
    ]) {
      expect((await lookup(phone)).data, phone).toEqual(expected);
    }
  });

  it('answers a bad phone with 400 VALIDATION_002 naming phone_number, never a 500', async () => {
    for (const phone of [
      'abc',
      '12',
      'tel:',
      'tel:+1-CALL-NOW',
      '+999 123 456',
      '+447700900123',
      '+1 202 555 01234',
    ]) {
      const refused = await failureOf(lookup(phone));
      expect(refused.status, phone).toBe(400);
      expect(refused.error.error.code, phone).toBe('VALIDATION_002');
      expect(Object.keys(refused.error.error.details ?? {}), phone).toEqual(['phone_number']);
    }
    // A number that exists nowhere says why, beyond the format hint.
    const unassigned = await failureOf(lookup('+447700900123'));
    expect(unassigned.error.error.details?.phone_number?.[0]).toContain(
      '+447700900123 is not a valid number',
    );
    expect(
      (await api.raw('/v3/numbers/lookup/', { headers: { 'x-api-key': 'sk_test_org_demo' } })).status,
    ).toBe(404);
  });

  it('is scoped like every v3 route: key, x-profile-id of the organization’s own profiles only', async () => {
    expect((await lookup('+4915123456789', 'sk_test_org_demo', DEMO_IDS.clinicsUk)).success).toBe(true);
    expect((await lookup('+4915123456789', 'sk_test_profile_demo')).success).toBe(true);
    const cases: [Promise<unknown>, number, string][] = [
      [lookup('+4915123456789', 'sk_test_nope'), 401, 'AUTH_002'],
      [lookup('+4915123456789', 'sk_test_org_demo', DEMO_IDS.otherProfile), 403, 'AUTH_004'],
      [lookup('+4915123456789', 'sk_test_profile_demo', DEMO_IDS.clinicsUk), 403, 'AUTH_004'],
      [lookup('+4915123456789', 'sk_test_org_demo', 'not-a-uuid'), 400, 'VALIDATION_003'],
    ];
    for (const [request, status, code] of cases) {
      const refused = await failureOf(request);
      expect([refused.status, refused.error.error.code]).toEqual([status, code]);
    }
    const none = await api.raw('/v3/numbers/lookup/+4915123456789');
    expect(none.status).toBe(401);
  });

  it('spends the key’s rate limit like the rest: headers on every answer, 429 BUSINESS_002 past the burst', async () => {
    const limited = await startApiServer({ contactsPerProfile: 20, rateLimit: { perMinute: 60, burst: 2 } });
    try {
      const client = new Sent({ apiKey: 'sk_test_org_demo', baseURL: limited.url, maxRetries: 0 });
      const remaining: (string | null)[] = [];
      for (const phone of ['+4915123456789', 'not a phone']) {
        const res = await fetch(`${limited.url}/v3/numbers/lookup/${encodeURIComponent(phone)}`, {
          headers: { 'x-api-key': 'sk_test_org_demo' },
        });
        expect(res.headers.get('x-ratelimit-limit')).toBe('60');
        remaining.push(res.headers.get('x-ratelimit-remaining'));
      }
      expect(remaining).toEqual(['1', '0']);
      const blocked = await failureOf(client.numbers.lookup('+4915123456789'));
      expect([blocked.status, blocked.error.error.code]).toEqual([429, 'BUSINESS_002']);
      expect(Number(blocked.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});
