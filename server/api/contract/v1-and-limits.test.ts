import Sent from '@sentdm/sentdm';
import { describe, expect, it } from 'vitest';
import { apiForThisFile, DEMO_IDS, failureOf } from '../../testing/api-contract.ts';
import { withFaultHeaders } from '../../testing/api-faults.ts';
import { startApiServer } from '../server.ts';

const api = apiForThisFile(withFaultHeaders({}));
const key = { 'x-api-key': 'sk_test_org_demo' };

/** The bare v1 list body (Node's fetch types say `unknown` for json()). */
interface V1Page {
  items: { id: string }[];
  totalCount: number;
}

describe('GET /v1/contacts', () => {
  it('answers the bare v1 body: 0-indexed pages and camelCase items', async () => {
    const res = await api.raw('/v1/contacts?pageSize=20', { headers: key });
    const body = (await res.json()) as V1Page;
    expect(Object.keys(body)).toEqual(['items', 'totalCount', 'page', 'pageSize', 'totalPages']);
    expect(body).toMatchObject({ totalCount: 150, page: 0, pageSize: 20, totalPages: 8 });
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(
      [
        'availableChannels',
        'countryCode',
        'defaultChannel',
        'formatE164',
        'formatInternational',
        'formatNational',
        'formatRfc',
        'id',
        'phoneNumber',
        'regionCode',
      ].sort(),
    );
    const v3 = await api.client().contacts.list({ page: 2, page_size: 20 });
    const page1 = (await (
      await api.raw('/v1/contacts?page=1&pageSize=20', { headers: key })
    ).json()) as V1Page;
    expect(page1.items.map((c: { id: string }) => c.id)).toEqual(v3.data?.contacts?.map((c) => c.id));
  });

  it('scopes by x-sender-id and answers errors with an empty body', async () => {
    const scoped = await api.raw('/v1/contacts?pageSize=5', {
      headers: { ...key, 'x-sender-id': DEMO_IDS.ventures },
    });
    expect(((await scoped.json()) as V1Page).totalCount).toBe(0);
    const unauthorized = await api.raw('/v1/contacts');
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.text()).toBe('');
  });
});

describe('GET /v1/contacts x-sender-id, through the SDK', () => {
  interface V1Page {
    items: { id: string }[];
    totalCount: number;
  }
  const v1List = (apiKey: string, senderId: string) =>
    api.client(apiKey).get<V1Page>('/v1/contacts', {
      query: { pageSize: 5 },
      headers: { 'x-sender-id': senderId },
    });

  it("accepts the key's own account id (the v1 docs always send x-sender-id), for every kind of key", async () => {
    for (const [apiKey, ownId] of [
      ['sk_test_org_demo', DEMO_IDS.organization],
      ['sk_test_profile_demo', DEMO_IDS.clinicsUk],
      ['sk_test_user_demo', DEMO_IDS.user],
    ] as const) {
      const unscoped = await (
        await api.raw('/v1/contacts?pageSize=5', { headers: { 'x-api-key': apiKey } })
      ).json();
      const own = await v1List(apiKey, ownId);
      expect(own.totalCount).toBeGreaterThan(0);
      expect(own).toEqual(unscoped);
      expect((await v1List(apiKey, ownId.toUpperCase())).totalCount).toBe(own.totalCount);
    }
  });

  it("refuses another organization's id, or its profile's, with 403 and an empty body", async () => {
    for (const other of [DEMO_IDS.otherOrganization, DEMO_IDS.otherProfile]) {
      const refused = await failureOf(v1List('sk_test_org_demo', other));
      expect(refused.status).toBe(403);
    }
    const raw = await api.raw('/v1/contacts', {
      headers: { ...key, 'x-sender-id': DEMO_IDS.otherOrganization },
    });
    expect(raw.status).toBe(403);
    expect(await raw.text()).toBe('');
    // Only organization keys may name another account (one of their profiles).
    expect((await failureOf(v1List('sk_test_user_demo', DEMO_IDS.organization))).status).toBe(403);
  });
});

describe('fault injection (test controls)', () => {
  it('x-test-fail forces a catalogued error and x-test-latency-ms delays', async () => {
    const failed = await failureOf(
      api.client().contacts.list({ page: 1, page_size: 5 }, { headers: { 'x-test-fail': '500' } }),
    );
    expect(failed.status).toBe(500);
    expect(failed.error.error.code).toBe('INTERNAL_001');
    expect(failed.error.error.message).toContain(failed.error.meta.request_id);
    const started = performance.now();
    await api.client().contacts.list({ page: 1, page_size: 5 }, { headers: { 'x-test-latency-ms': '250' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });
});

describe('rate limit', () => {
  it('allows the burst, then 429 BUSINESS_002 with Retry-After; headers on every response', async () => {
    const limited = await startApiServer({ contactsPerProfile: 20, rateLimit: { perMinute: 60, burst: 3 } });
    try {
      const client = new Sent({ apiKey: 'sk_test_org_demo', baseURL: limited.url, maxRetries: 0 });
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { response } = await client.contacts.list({ page: 1, page_size: 1 }).withResponse();
        expect(response.headers.get('x-ratelimit-limit')).toBe('60');
        remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const blocked = await failureOf(client.contacts.list({ page: 1, page_size: 1 }));
      expect(blocked.status).toBe(429);
      expect(blocked.error.error.code).toBe('BUSINESS_002');
      expect(Number(blocked.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(blocked.headers?.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      const otherKey = new Sent({ apiKey: 'sk_test_user_demo', baseURL: limited.url, maxRetries: 0 });
      expect((await otherKey.contacts.list({ page: 1, page_size: 1 })).success).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
