import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact, ContactPage } from '../api/contacts';
import { ApiError } from '../api/errors';
import { addContactOptions, forgetContact, removeContact, withoutContact } from './contactChanges';
import { keys } from './keys';

const P = '7a3d2c10-0000-4000-8000-000000000013';
const a: Contact = { id: 'a', format_e164: '+447700900001' };
const b: Contact = { id: 'b', format_e164: '+447700900002' };
const page = (contacts: Contact[], total = contacts.length): ContactPage => ({
  contacts,
  pagination: { page: 1, page_size: 20, total_count: total, total_pages: 1, has_more: false },
});

afterEach(() => vi.unstubAllGlobals());

/** Answers each fetch with the next of `responses`, recording the calls. */
function stubFetch(...responses: Response[]) {
  const fn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next;
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}
const envelope = (status: number, data: unknown, error: object | null = null) =>
  new Response(JSON.stringify({ success: !error, data, error, meta: { request_id: 'req_1' } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('withoutContact', () => {
  it('drops the contact and counts one fewer; another page is returned as it was', () => {
    expect(withoutContact(page([a, b], 30), 'a')).toEqual(page([b], 29));
    const other = page([b]);
    expect(withoutContact(other, 'a')).toBe(other);
    expect(withoutContact(undefined, 'a')).toBeUndefined();
  });
});

describe('forgetContact', () => {
  it('removes it from this profile’s lists, lookups (now misses) and detail; other profiles untouched', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.list(P, { page: 1, pageSize: 20 }), page([a, b]));
    qc.setQueryData(keys.lookup(P, '+447700900001'), a);
    qc.setQueryData(keys.lookup(P, '+447700900002'), b);
    qc.setQueryData(keys.detail(P, 'a'), a);
    qc.setQueryData(keys.list(null, { page: 1, pageSize: 20 }), page([a]));
    forgetContact(qc, P, 'a');
    expect(qc.getQueryData<ContactPage>(keys.list(P, { page: 1, pageSize: 20 }))?.contacts).toEqual([b]);
    expect(qc.getQueryData(keys.lookup(P, '+447700900001'))).toBeNull();
    expect(qc.getQueryData(keys.lookup(P, '+447700900002'))).toBe(b);
    expect(qc.getQueryState(keys.detail(P, 'a'))).toBeUndefined();
    expect(qc.getQueryData<ContactPage>(keys.list(null, { page: 1, pageSize: 20 }))?.contacts).toEqual([a]);
  });
});

describe('removeContact', () => {
  it('one DELETE, then the cache forgets it; a 404 RESOURCE_001 is "already" (done), not a failure', async () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.list(P, { page: 1, pageSize: 20 }), page([a, b]));
    const fetch = stubFetch(
      new Response(null, { status: 204 }),
      envelope(404, null, { code: 'RESOURCE_001', message: 'Contact not found' }),
    );
    await expect(removeContact(qc, P, 'a')).resolves.toBe('removed');
    await expect(removeContact(qc, P, 'b')).resolves.toBe('already');
    expect(fetch.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['DELETE', '/v3/contacts/a'],
      ['DELETE', '/v3/contacts/b'],
    ]);
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('x-profile-id')).toBe(P);
    expect(qc.getQueryData<ContactPage>(keys.list(P, { page: 1, pageSize: 20 }))?.contacts).toEqual([]);
  });

  it('any other refusal is thrown with its code and request id, and the contact stays cached', async () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.list(P, { page: 1, pageSize: 20 }), page([a]));
    stubFetch(envelope(400, null, { code: 'VALIDATION_001', message: 'This contact is read-only' }));
    const error = await removeContact(qc, P, 'a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_001', requestId: 'req_1' });
    expect(qc.getQueryData<ContactPage>(keys.list(P, { page: 1, pageSize: 20 }))?.contacts).toEqual([a]);
  });
});

describe('adding a contact', () => {
  const run = (qc: QueryClient, e164: string) =>
    new MutationObserver(qc, addContactOptions(qc, P)).mutate({ e164, idempotencyKey: 'key-1' });

  it('POSTs the number with the key; the new contact is seeded into its detail and lookup', async () => {
    const qc = new QueryClient();
    const fetch = stubFetch(envelope(201, a));
    await expect(run(qc, '+447700900001')).resolves.toEqual({ contact: a, existed: false });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect([init?.method, url, init?.body]).toEqual([
      'POST',
      '/v3/contacts',
      '{"phone_number":"+447700900001"}',
    ]);
    expect(new Headers(init?.headers).get('idempotency-key')).toBe('key-1');
    expect(qc.getQueryData(keys.detail(P, 'a'))).toEqual(a);
    expect(qc.getQueryData(keys.lookup(P, '+447700900001'))).toEqual(a);
  });

  it('a 409 RESOURCE_007 is answered with the contact that has the number (found by a lookup)', async () => {
    const qc = new QueryClient();
    const fetch = stubFetch(
      envelope(409, null, {
        code: 'RESOURCE_007',
        message: 'A contact with this phone number already exists.',
      }),
      envelope(200, {
        contacts: [b],
        pagination: { page: 1, page_size: 1, total_count: 1, total_pages: 1, has_more: false },
      }),
    );
    await expect(run(qc, '+447700900002')).resolves.toEqual({ contact: b, existed: true });
    expect(String(fetch.mock.calls[1]?.[0])).toBe('/v3/contacts?page=1&page_size=1&phone=%2B447700900002');
  });

  it('other failures stay failures', async () => {
    const qc = new QueryClient();
    stubFetch(envelope(400, null, { code: 'VALIDATION_002', message: 'Phone number must be valid' }));
    await expect(run(qc, '+1555')).rejects.toMatchObject({ code: 'VALIDATION_002' });
  });
});
