import type { ContactListResponse, ContactResponse } from '@sentdm/sentdm/resources/contacts';
import type { PaginationMeta } from '@sentdm/sentdm/resources/webhooks';
import { apiGet } from './client';
import { isV1 } from './version';

export type Contact = ContactResponse;
export type Pagination = PaginationMeta;

import type { Channel } from '../shared/contract';

export type { Channel };

export interface ContactPage {
  contacts: Contact[];
  pagination: Required<
    Pick<PaginationMeta, 'page' | 'page_size' | 'total_count' | 'total_pages' | 'has_more'>
  >;
}

export interface ContactListQuery {
  page: number;
  pageSize: number;
  search?: string;
  channel?: Channel;
  /** E.164 number for the exact lookup; the API answers 404 RESOURCE_001 when nobody has it. */
  phone?: string;
}

export interface Scope {
  profileId: string | null;
  signal?: AbortSignal;
}

/** Normalises the list payload (v3, or v1 mapped to it) so screens never deal with optional pagination fields. */
export function toPage(
  data: ContactListResponse.Data | null | undefined,
  query: ContactListQuery,
): ContactPage {
  const contacts = data?.contacts ?? [];
  const p = data?.pagination ?? {};
  const total = p.total_count ?? contacts.length;
  const pageSize = p.page_size ?? query.pageSize;
  const totalPages = p.total_pages ?? Math.ceil(total / pageSize);
  const page = p.page ?? query.page;
  return {
    contacts,
    pagination: {
      page,
      page_size: pageSize,
      total_count: total,
      total_pages: totalPages,
      has_more: p.has_more ?? page < totalPages,
    },
  };
}

export async function listContacts(query: ContactListQuery, scope: Scope): Promise<ContactPage> {
  // Legacy v1 accounts are rare: their adapter is a small chunk of its own.
  if (isV1) return (await import('./v1')).listContactsV1(apiGet, query, scope);
  const data = await apiGet<ContactListResponse.Data>('/v3/contacts', {
    ...scope,
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

export function getContact(id: string, scope: Scope): Promise<Contact> {
  return apiGet<Contact>(`/v3/contacts/${encodeURIComponent(id)}`, scope);
}
