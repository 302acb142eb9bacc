import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey, updateContact } from './contactEdits';
import { ApiError } from './errors';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(response: () => Response) {
  const fn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fn);
  return fn;
}

const ok = (data: unknown) =>
  new Response(JSON.stringify({ success: true, data, error: null, meta: { request_id: 'req_1' } }), {
    headers: { 'content-type': 'application/json' },
  });

describe('updateContact', () => {
  it('PATCHes the JSON body with the profile and a fresh Idempotency-Key per call', async () => {
    const fetch = stubFetch(() => ok({ id: 'c/1', opt_out: true }));
    await expect(updateContact('c/1', { opt_out: true }, { profileId: 'p-1' })).resolves.toEqual({
      id: 'c/1',
      opt_out: true,
    });
    await updateContact('c/1', { default_channel: 'sms' }, { profileId: null });
    const [first, second] = fetch.mock.calls;
    expect(first?.[0]).toBe('/v3/contacts/c%2F1');
    expect(first?.[1]?.method).toBe('PATCH');
    expect(first?.[1]?.body).toBe('{"opt_out":true}');
    const h1 = new Headers(first?.[1]?.headers);
    const h2 = new Headers(second?.[1]?.headers);
    expect(h1.get('x-profile-id')).toBe('p-1');
    expect(h1.get('content-type')).toBe('application/json');
    expect(h2.has('x-profile-id')).toBe(false);
    expect(h1.get('idempotency-key')).toMatch(/^[A-Za-z0-9_-]{16,255}$/);
    expect(h1.get('idempotency-key')).not.toBe(h2.get('idempotency-key'));
  });

  it('reuses a given key (a retry of the same edit) and surfaces failures as ApiError', async () => {
    const fetch = stubFetch(
      () =>
        new Response(
          JSON.stringify({
            success: false,
            data: null,
            error: { code: 'BUSINESS_003', message: 'Inherited contacts cannot be updated' },
            meta: { request_id: 'req_x' },
          }),
          { status: 422 },
        ),
    );
    const error = await updateContact('c1', { opt_out: false }, { profileId: null }, 'key-1').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'BUSINESS_003', requestId: 'req_x' });
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('idempotency-key')).toBe('key-1');
  });

  it('makes keys in the API format even without randomUUID (plain-http LAN access)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    try {
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
