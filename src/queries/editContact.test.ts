import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Contact, ContactPage } from '../api/contacts';
import { editContactOptions, inverseOf, patchPage, writeContact } from './editContact';
import { keys } from './keys';

const P = '7a3d2c10-0000-4000-8000-000000000013';
const a: Contact = { id: 'a', opt_out: false, default_channel: 'sms', available_channels: 'sms,whatsapp' };
const b: Contact = { id: 'b', opt_out: true, default_channel: 'whatsapp' };
const page = (contacts: Contact[]): ContactPage => ({
  contacts,
  pagination: { page: 1, page_size: 20, total_count: contacts.length, total_pages: 1, has_more: false },
});

describe('patchPage', () => {
  it('replaces the fields of the one contact and leaves the others alone', () => {
    const next = patchPage(page([a, b]), 'a', { opt_out: true });
    expect(next?.contacts).toEqual([{ ...a, opt_out: true }, b]);
  });
  it('returns the same page object when the contact is not on it (no needless re-render)', () => {
    const p = page([b]);
    expect(patchPage(p, 'a', { opt_out: true })).toBe(p);
    expect(patchPage(undefined, 'a', { opt_out: true })).toBeUndefined();
  });
});

describe('inverseOf', () => {
  it('remembers only the fields the edit touches, as they were', () => {
    expect(inverseOf(a, { opt_out: true })).toEqual({ opt_out: false });
    expect(inverseOf(b, { default_channel: 'sms' })).toEqual({ default_channel: 'whatsapp' });
    expect(inverseOf({ id: 'c' }, { opt_out: true, default_channel: 'sms' })).toEqual({ opt_out: false });
  });
});

describe('writeContact', () => {
  it('updates the detail, every list page holding the contact and lookups, within the profile only', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.detail(P, 'a'), a);
    qc.setQueryData(keys.list(P, { page: 1, pageSize: 20 }), page([a, b]));
    qc.setQueryData(keys.list(P, { page: 1, pageSize: 10, search: '44' }), page([a]));
    qc.setQueryData(keys.list(P, { page: 2, pageSize: 20 }), page([b]));
    qc.setQueryData(keys.lookup(P, '+447700900123'), a);
    qc.setQueryData(keys.list(null, { page: 1, pageSize: 20 }), page([a]));

    writeContact(qc, P, 'a', { opt_out: true });

    expect(qc.getQueryData<Contact>(keys.detail(P, 'a'))?.opt_out).toBe(true);
    expect(qc.getQueryData<ContactPage>(keys.list(P, { page: 1, pageSize: 20 }))?.contacts[0]?.opt_out).toBe(
      true,
    );
    expect(
      qc.getQueryData<ContactPage>(keys.list(P, { page: 1, pageSize: 10, search: '44' }))?.contacts[0]
        ?.opt_out,
    ).toBe(true);
    expect(qc.getQueryData<ContactPage>(keys.list(P, { page: 2, pageSize: 20 }))?.contacts[0]).toBe(b);
    expect(qc.getQueryData<Contact>(keys.lookup(P, '+447700900123'))?.opt_out).toBe(true);
    // Another profile's copy is not this profile's business.
    expect(qc.getQueryData<ContactPage>(keys.list(null, { page: 1, pageSize: 20 }))?.contacts[0]).toBe(a);
  });
});

describe('the edit mutation (optimistic, rolled back on failure)', () => {
  const setup = () => {
    const qc = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    qc.setQueryData(keys.detail(P, 'a'), a);
    qc.setQueryData(keys.list(P, { page: 1, pageSize: 20 }), page([a, b]));
    const observer = new MutationObserver(qc, editContactOptions(qc, P));
    const optOut = () =>
      qc.getQueryData<ContactPage>(keys.list(P, { page: 1, pageSize: 20 }))?.contacts[0]?.opt_out;
    return { qc, observer, optOut };
  };

  it('shows the change before the server answers and keeps the server copy afterwards', async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const { qc, observer, optOut } = setup();
    const done = observer.mutate({ id: 'a', patch: { opt_out: true }, inverse: { opt_out: false } });
    await vi.waitFor(() => expect(optOut()).toBe(true));
    expect(qc.getQueryData<Contact>(keys.detail(P, 'a'))?.opt_out).toBe(true);
    answer(
      new Response(JSON.stringify({ success: true, data: { ...a, opt_out: true, updated_at: 'now' } }), {
        status: 200,
      }),
    );
    await done;
    expect(qc.getQueryData<Contact>(keys.detail(P, 'a'))?.updated_at).toBe('now');
    expect(qc.getQueryState(keys.list(P, { page: 1, pageSize: 20 }))?.isInvalidated).toBe(true);
    vi.unstubAllGlobals();
  });

  it('writes the old fields back everywhere when the API refuses', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 500 }));
    const { qc, observer, optOut } = setup();
    await expect(
      observer.mutate({ id: 'a', patch: { opt_out: true }, inverse: { opt_out: false } }),
    ).rejects.toMatchObject({ status: 500 });
    expect(optOut()).toBe(false);
    expect(qc.getQueryData<Contact>(keys.detail(P, 'a'))?.opt_out).toBe(false);
    vi.unstubAllGlobals();
  });
});
