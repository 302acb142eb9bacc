// The one contact model the screens use, and the page shape both the v3 call and the v1 adapter return.
import type { ContactListResponse, ContactResponse } from '@sentdm/sentdm/resources/contacts';
import type { PaginationMeta } from '@sentdm/sentdm/resources/webhooks';
import type { Channel } from '../shared/contract';

export type { Channel };
export type Contact = ContactResponse;
export type Pagination = PaginationMeta;

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
