// What the CSV export fetches: one page of the filtered list at a time, outside the query cache (a big
// export would otherwise fill it with thousands of rows nobody views).
import type { ProfileId } from '../api/client';
import { type Channel, type ContactPage, listContacts } from '../api/contacts';
import type { ApiVersion } from '../api/version';

export type { Channel, Contact, ContactPage } from '../api/contacts';

export interface ExportFilter {
  profileId: ProfileId;
  search?: string;
  channel?: Channel;
}

export type FetchPage = (page: number, pageSize: number, signal: AbortSignal) => Promise<ContactPage>;

/** Fetches pages of the list the filter describes, for the profile it names. */
export function contactPageFetcher(filter: ExportFilter, version: ApiVersion = 'v3'): FetchPage {
  return (page, pageSize, signal) =>
    listContacts(
      { page, pageSize, search: filter.search, channel: filter.channel },
      // Background work: the gateway serves people first and slows the export down when the budget is short.
      { profileId: filter.profileId, signal, background: true },
      version,
    );
}
