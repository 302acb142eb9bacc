import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Contact, ContactPage } from '../api/contacts';
import { inverseOf, patchPage, writeContact } from './editContact';
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
    // Another scope's copy is not this profile's business.
    expect(qc.getQueryData<ContactPage>(keys.list(null, { page: 1, pageSize: 20 }))?.contacts[0]).toBe(a);
  });
});
