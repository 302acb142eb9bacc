import { describe, expect, it } from 'vitest';
import { apiForThisFile, failureOf } from '../../testing/api-contract.ts';

const api = apiForThisFile();

const CONTACT_FIELDS = [
  'available_channels',
  'country_code',
  'created_at',
  'default_channel',
  'format_e164',
  'format_international',
  'format_national',
  'format_rfc',
  'id',
  'is_inherited',
  'opt_out',
  'phone_number',
  'region_code',
  'updated_at',
];

async function allContacts(params: { search?: string; channel?: string } = {}) {
  const res = await api.client().contacts.list({ page: 1, page_size: 1000, ...params });
  return res.data?.contacts ?? [];
}

describe('GET /v3/contacts through the official SDK', () => {
  it('answers the v3 envelope with every contact field and matching request ids', async () => {
    const { data: body, response } = await api
      .client()
      .contacts.list({ page: 1, page_size: 20 })
      .withResponse();
    expect(body.success).toBe(true);
    expect(body.error).toBeNull();
    expect(body.meta?.version).toBe('v3');
    expect(body.meta?.request_id).toMatch(/^req_\w+$/);
    expect(response.headers.get('x-request-id')).toBe(body.meta?.request_id);
    const contacts = body.data?.contacts ?? [];
    expect(contacts).toHaveLength(20);
    for (const contact of contacts) expect(Object.keys(contact).sort()).toEqual(CONTACT_FIELDS);
    expect(body.data?.pagination).toEqual({
      page: 1,
      page_size: 20,
      total_count: 150,
      total_pages: 8,
      has_more: true,
      cursors: null,
    });
  });

  it('computes the last page, a page past the end and has_more', async () => {
    const client = api.client();
    const last = await client.contacts.list({ page: 8, page_size: 20 });
    expect(last.data?.contacts).toHaveLength(10);
    expect(last.data?.pagination).toMatchObject({
      page: 8,
      total_pages: 8,
      has_more: false,
      total_count: 150,
    });
    const past = await client.contacts.list({ page: 9, page_size: 20 });
    expect(past.data?.contacts).toEqual([]);
    expect(past.data?.pagination).toMatchObject({ page: 9, total_count: 150, has_more: false });
  });

  it('pages are disjoint, complete and ordered newest first', async () => {
    const client = api.client();
    const pages = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8].map((page) => client.contacts.list({ page, page_size: 20 })),
    );
    const ids = pages.flatMap((p) => p.data?.contacts?.map((c) => c.id) ?? []);
    expect(new Set(ids).size).toBe(150);
    const dates = pages.flatMap((p) => p.data?.contacts?.map((c) => c.created_at ?? '') ?? []);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('search matches digits anywhere in the number, whatever punctuation was typed', async () => {
    const everyone = await allContacts();
    const sample = everyone[7]?.format_e164 ?? '';
    const digits = sample.slice(4, 9);
    const typed = `(${digits.slice(0, 2)}) ${digits.slice(2)}`;
    const expected = everyone.filter((c) => (c.format_e164 ?? '').includes(digits)).map((c) => c.id);
    const found = await allContacts({ search: typed });
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((c) => c.id).sort()).toEqual(expected.sort());
  });

  it('search also matches the national form with its trunk prefix', async () => {
    const everyone = await allContacts();
    const gb = everyone.find((c) => c.format_national?.startsWith('0'));
    expect(gb).toBeDefined();
    const found = await allContacts({ search: gb?.format_national ?? '' });
    expect(found.map((c) => c.id)).toContain(gb?.id);
  });

  it('short searches (fewer than 3 digits) still match, and a digit-less search matches nothing', async () => {
    const everyone = await allContacts();
    const expected = everyone.filter((c) => (c.format_e164 ?? '').slice(1).includes('77')).length;
    const res = await api.client().contacts.list({ page: 1, page_size: 5, search: '77' });
    expect(res.data?.pagination?.total_count).toBe(expected);
    const none = await api.client().contacts.list({ page: 1, page_size: 5, search: 'anna' });
    expect(none.data?.pagination?.total_count).toBe(0);
  });

  it('channel filters by available channel and combines with search', async () => {
    const everyone = await allContacts();
    for (const channel of ['sms', 'whatsapp']) {
      const found = await allContacts({ channel });
      const expected = everyone.filter((c) => c.available_channels?.split(',').includes(channel));
      expect(found.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    }
    const term = (everyone[3]?.format_e164 ?? '').slice(2, 5);
    const combined = await allContacts({ channel: 'whatsapp', search: term });
    const expected = everyone.filter(
      (c) => c.available_channels?.includes('whatsapp') && (c.format_e164 ?? '').includes(term),
    );
    expect(combined.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
  });

  it('phone lookup accepts any format of the same number and returns that one contact', async () => {
    const everyone = await allContacts();
    const target = everyone[11];
    const e164 = target?.format_e164 ?? '';
    for (const typed of [e164, target?.format_international ?? '', `00${e164.slice(1)}`, e164.slice(1)]) {
      const res = await api.client().contacts.list({ page: 1, page_size: 20, phone: typed });
      expect(res.data?.contacts?.map((c) => c.id)).toEqual([target?.id]);
      expect(res.data?.pagination).toMatchObject({ total_count: 1, total_pages: 1, has_more: false });
    }
  });

  it('phone lookup miss is RESOURCE_001 and a malformed number is VALIDATION_002', async () => {
    const miss = await failureOf(
      api.client().contacts.list({ page: 1, page_size: 20, phone: '+14155550100' }),
    );
    expect(miss.status).toBe(404);
    expect(miss.error.error).toMatchObject({
      code: 'RESOURCE_001',
      message: 'Contact not found with the specified phone number',
      doc_url: 'https://docs.sent.dm/errors/RESOURCE_001',
    });
    const invalid = await failureOf(api.client().contacts.list({ page: 1, page_size: 20, phone: 'call me' }));
    expect(invalid.status).toBe(400);
    expect(invalid.error.error.code).toBe('VALIDATION_002');
  });
});
