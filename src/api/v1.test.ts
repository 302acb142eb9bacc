import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { fromV1, listContactsV1, pageFromV1 } from './v1';

afterEach(() => vi.unstubAllGlobals());

const item = {
  id: 'c1',
  phoneNumber: '+447700900123',
  formatE164: '+447700900123',
  formatInternational: '+44 7700 900123',
  formatNational: '07700 900123',
  formatRfc: 'tel:+44-7700-900123',
  countryCode: '44',
  regionCode: 'GB',
  availableChannels: 'sms,whatsapp',
  defaultChannel: 'sms',
};

describe('v1 adapter', () => {
  it('maps camelCase to the console model and leaves v1-less fields undefined', () => {
    const contact = fromV1(item);
    expect(contact).toMatchObject({
      id: 'c1',
      format_e164: '+447700900123',
      format_international: '+44 7700 900123',
      format_national: '07700 900123',
      format_rfc: 'tel:+44-7700-900123',
      country_code: '44',
      region_code: 'GB',
      available_channels: 'sms,whatsapp',
      default_channel: 'sms',
    });
    expect(contact.opt_out).toBeUndefined();
    expect(contact.created_at).toBeUndefined();
    expect(contact.is_inherited).toBeUndefined();
  });

  it('turns 0-indexed pages into 1-indexed ones', () => {
    const page = pageFromV1(
      { items: [item], totalCount: 45, page: 1, pageSize: 20, totalPages: 3 },
      {
        page: 2,
        pageSize: 20,
      },
    );
    expect(page.pagination).toEqual({
      page: 2,
      page_size: 20,
      total_count: 45,
      total_pages: 3,
      has_more: true,
    });
    expect(
      pageFromV1(
        { items: [], totalCount: 45, page: 2, pageSize: 20, totalPages: 3 },
        { page: 3, pageSize: 20 },
      ).pagination.has_more,
    ).toBe(false);
    expect(pageFromV1(null, { page: 1, pageSize: 10 }).pagination).toMatchObject({ total_count: 0, page: 1 });
  });

  it('requests /v1/contacts with page-1 and pageSize, and reads the bare body', async () => {
    const fetch = vi.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ items: [item], totalCount: 21, page: 1, pageSize: 20, totalPages: 2 })),
    );
    vi.stubGlobal('fetch', fetch);
    const page = await listContactsV1({ page: 2, pageSize: 20, search: '44' }, { profileId: null });
    expect(fetch.mock.calls[0]?.[0]).toBe('/v1/contacts?page=1&pageSize=20');
    expect(page.contacts[0]?.format_international).toBe('+44 7700 900123');
    expect(page.pagination.page).toBe(2);
  });

  it('an empty-bodied error becomes an ApiError with the status', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 401, headers: { 'x-request-id': 'r1' } }));
    const error = await listContactsV1({ page: 1, pageSize: 20 }, { profileId: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_001', requestId: 'r1' });
  });
});
