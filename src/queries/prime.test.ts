import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keys } from './keys';
import { primeFirstPage } from './prime';

afterEach(() => vi.unstubAllGlobals());

function stubList() {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
    Response.json({
      success: true,
      data: {
        contacts: [{ id: 'c1' }],
        pagination: { page: 2, page_size: 50, total_count: 51, total_pages: 2 },
      },
    }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('primeFirstPage', () => {
  it('starts exactly the query the list page will ask for', async () => {
    const fetch = stubList();
    const client = new QueryClient();
    primeFirstPage(client, { pathname: '/', search: '?page=2&page_size=50&channel=sms&search=44' });
    const key = keys.list(null, { page: 2, pageSize: 50, search: '44', channel: 'sms' });
    await vi.waitFor(() => expect(client.getQueryData(key)).toBeDefined());
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/v3/contacts?page=2&page_size=50&search=44&channel=sms');
  });

  it('leaves profile-scoped lists, lookups and other routes alone', () => {
    const fetch = stubList();
    const client = new QueryClient();
    primeFirstPage(client, { pathname: '/', search: '?profile=7a3d2c10-0000-4000-8000-000000000011' });
    primeFirstPage(client, { pathname: '/', search: '?phone=%2B14155550100' });
    primeFirstPage(client, { pathname: '/contacts/c1', search: '' });
    expect(fetch).not.toHaveBeenCalled();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
