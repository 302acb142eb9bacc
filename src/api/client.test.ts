import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiGet, buildPath } from './client';
import { listContacts } from './contacts';
import { ApiError, parseRetryAfter } from './errors';
import { getRateLimit } from './rateLimit';

function stubFetch(response: () => Response) {
  const fn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fn);
  return fn;
}

function envelope(data: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(
    JSON.stringify({ success: status < 400, data, error: null, meta: { request_id: 'req_ok' } }),
    {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    },
  );
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

afterEach(() => vi.unstubAllGlobals());

describe('apiGet', () => {
  it('unwraps the envelope and sends the profile header only when a profile is chosen', async () => {
    const fetch = stubFetch(() => envelope({ id: 'x' }));
    await expect(apiGet('/v3/me')).resolves.toEqual({ id: 'x' });
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).has('x-profile-id')).toBe(false);

    await apiGet('/v3/contacts', { profileId: 'p-1' });
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).get('x-profile-id')).toBe('p-1');
  });

  it('passes the AbortSignal through and rethrows aborts untouched', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.signal).toBe(controller.signal);
      throw new DOMException('aborted', 'AbortError');
    });
    vi.stubGlobal('fetch', fetch);
    controller.abort();
    const error = await caught(apiGet('/v3/contacts', { signal: controller.signal }));
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as unknown as DOMException).name).toBe('AbortError');
  });

  it('turns an error envelope into an ApiError with code, message, request id and details', async () => {
    stubFetch(
      () =>
        new Response(
          JSON.stringify({
            success: false,
            data: null,
            error: {
              code: 'VALIDATION_005',
              message: 'Page must be greater than 0',
              details: { page: ['bad'] },
            },
            meta: { request_id: 'req_7X9' },
          }),
          { status: 400 },
        ),
    );
    const error = await caught(apiGet('/v3/contacts'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_005',
      message: 'Page must be greater than 0',
      requestId: 'req_7X9',
      details: { page: ['bad'] },
    });
  });

  it('handles the empty 401/403 bodies the real API sends', async () => {
    stubFetch(() => new Response(null, { status: 401, headers: { 'x-request-id': 'req_h' } }));
    const unauthorized = await caught(apiGet('/v3/me'));
    expect(unauthorized).toMatchObject({ status: 401, code: 'AUTH_001', requestId: 'req_h', isAuth: true });

    stubFetch(() => new Response('', { status: 403 }));
    const forbidden = await caught(apiGet('/v3/me'));
    expect(forbidden).toMatchObject({ status: 403, isAuth: true, requestId: null });
  });

  it('reads Retry-After on 429 and records X-RateLimit-*', async () => {
    stubFetch(() =>
      envelope(null, 429, {
        'retry-after': '7',
        'x-ratelimit-limit': '200',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1700000000',
      }),
    );
    const error = await caught(apiGet('/v3/contacts'));
    expect(error).toMatchObject({ status: 429, retryAfter: 7 });
    expect(getRateLimit()).toEqual({
      limit: 200,
      remaining: 0,
      reset: 1700000000,
      mode: null,
      windowRemaining: null,
    });
  });

  it("marks background requests for the gateway and records the team budget's mode", async () => {
    const fetch = stubFetch(() =>
      envelope(null, 200, {
        'x-ratelimit-limit': '150',
        'x-ratelimit-remaining': '9',
        'x-ratelimit-window-remaining': '120',
        'x-ratelimit-mode': 'redis',
      }),
    );
    await apiGet('/v3/contacts', { background: true });
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('x-sent-priority')).toBe('background');
    expect(getRateLimit()).toMatchObject({ limit: 150, remaining: 9, windowRemaining: 120, mode: 'redis' });
    await apiGet('/v3/me');
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).has('x-sent-priority')).toBe(false);
  });

  it('reports network failures and non-JSON 5xx bodies as ApiErrors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await caught(apiGet('/v3/me'))).toMatchObject({ status: 0, code: 'NETWORK' });

    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await caught(apiGet('/v3/me'))).toMatchObject({ status: 502, code: 'INTERNAL_001' });
  });
});

describe('helpers', () => {
  it('builds paths without empty parameters', () => {
    expect(
      buildPath('/v3/contacts', { page: 2, page_size: 20, search: '', channel: undefined, phone: null }),
    ).toBe('/v3/contacts?page=2&page_size=20');
    expect(buildPath('/v3/me')).toBe('/v3/me');
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5);
  });
});

describe('listContacts', () => {
  it('maps the query to API parameters and normalises pagination', async () => {
    const fetch = stubFetch(() =>
      envelope({
        contacts: [{ id: 'a' }],
        pagination: { page: 2, page_size: 20, total_count: 150, total_pages: 8 },
      }),
    );
    const page = await listContacts(
      { page: 2, pageSize: 20, search: '415', channel: 'sms' },
      { profileId: null },
    );
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/v3/contacts?page=2&page_size=20&search=415&channel=sms');
    expect(page.pagination).toEqual({
      page: 2,
      page_size: 20,
      total_count: 150,
      total_pages: 8,
      has_more: true,
    });
    expect(page.contacts).toHaveLength(1);
  });
});
