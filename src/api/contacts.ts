import type { ContactListResponse } from '@sentdm/sentdm/resources/contacts';
import { apiGet, type ProfileRequest } from './client';
import { type Contact, type ContactListQuery, type ContactPage, toPage } from './contactPage';
import type { ApiVersion } from './version';

export type { Channel, Contact, ContactListQuery, ContactPage, Pagination } from './contactPage';

export type { ProfileRequest };

export async function listContacts(
  query: ContactListQuery,
  request: ProfileRequest,
  version: ApiVersion = 'v3',
): Promise<ContactPage> {
  // Legacy v1 accounts are rare: their adapter is a small chunk of its own.
  if (version === 'v1') return (await import('./v1')).listContactsV1(query, request);
  const data = await apiGet<ContactListResponse.Data>('/v3/contacts', {
    ...request,
    query: {
      page: query.page,
      page_size: query.pageSize,
      search: query.search,
      channel: query.channel,
      phone: query.phone,
    },
  });
  return toPage(data, query);
}

export function getContact(id: string, request: ProfileRequest): Promise<Contact> {
  return apiGet<Contact>(`/v3/contacts/${encodeURIComponent(id)}`, request);
}
