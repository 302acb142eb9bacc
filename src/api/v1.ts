// Legacy v1 (`GET /v1/contacts`): 0-indexed `page`, `pageSize`, camelCase fields and a bare body. Adapted
// here to the one contact model the screens use; fields v1 does not have (opt_out, is_inherited, dates)
// stay undefined and show as "—". Errors (often with empty bodies) become the same ApiError as v3.
import { type ProfileRequest, sendRequest } from './client';
import { type Contact, type ContactListQuery, type ContactPage, toPage } from './contactPage';
import { type ErrorBody, errorFromResponse } from './errors';

export interface ContactV1 {
  id?: string;
  phoneNumber?: string;
  formatE164?: string;
  formatInternational?: string;
  formatNational?: string;
  formatRfc?: string;
  countryCode?: string;
  regionCode?: string;
  availableChannels?: string;
  defaultChannel?: string;
}

export interface ContactPageV1 {
  items?: ContactV1[];
  totalCount?: number;
  page?: number;
  pageSize?: number;
  totalPages?: number;
}

export function fromV1(c: ContactV1): Contact {
  return {
    id: c.id,
    phone_number: c.phoneNumber,
    format_e164: c.formatE164,
    format_international: c.formatInternational,
    format_national: c.formatNational,
    format_rfc: c.formatRfc,
    country_code: c.countryCode,
    region_code: c.regionCode,
    available_channels: c.availableChannels,
    default_channel: c.defaultChannel,
  };
}

/** Pure: a v1 page (0-indexed) as the console's 1-indexed page. */
export function pageFromV1(body: ContactPageV1 | null | undefined, query: ContactListQuery): ContactPage {
  return toPage(
    {
      contacts: (body?.items ?? []).map(fromV1),
      pagination: {
        page: body?.page === undefined ? undefined : body.page + 1,
        page_size: body?.pageSize,
        total_count: body?.totalCount,
        total_pages: body?.totalPages,
      },
    },
    query,
  );
}

/** v1 answers with a bare body, not the {success, data, error, meta} envelope: read here, not in the client. */
export async function listContactsV1(query: ContactListQuery, request: ProfileRequest): Promise<ContactPage> {
  // v1 has no search, channel filter, lookup or profiles (the screens hide them); only paging is sent.
  const { response, body } = await sendRequest('GET', '/v1/contacts', {
    signal: request.signal,
    background: request.background,
    query: { page: query.page - 1, pageSize: query.pageSize },
  });
  if (!response.ok || !body) throw errorFromResponse(response, body as ErrorBody | null);
  return pageFromV1(body as ContactPageV1, query);
}
