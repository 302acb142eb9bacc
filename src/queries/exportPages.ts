// What the CSV export fetches: one page of the filtered list at a time, outside the query cache (a big
// export would otherwise fill it with thousands of rows nobody views).
import { announceExport, EXPORT_HEADER, finishExport } from '../api/audit';
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

/**
 * Fetches pages of the list the filter describes, for the profile it names; with an audit id, each page
 * says which export it belongs to (the gateway counts the rows it serves to it).
 */
export function contactPageFetcher(
  filter: ExportFilter,
  version: ApiVersion = 'v3',
  auditId: string | null = null,
): FetchPage {
  const headers = auditId ? { [EXPORT_HEADER]: auditId } : undefined;
  return (page, pageSize, signal) =>
    listContacts(
      { page, pageSize, search: filter.search, channel: filter.channel },
      // Background work: the gateway serves people first and slows the export down when the budget is short.
      { profileId: filter.profileId, signal, headers, background: true },
      version,
    );
}

export type ExportEnd = 'done' | 'cancelled' | 'failed';

/** An export's entry in the audit trail: announced before its first page, finished once. */
export interface ExportAudit {
  /** null: this gateway keeps no audit trail. */
  id: string | null;
  finish(end: ExportEnd, rowCount: number): Promise<void>;
}

export async function startExportAudit(filter: ExportFilter): Promise<ExportAudit> {
  const filters: Record<string, string> = {};
  if (filter.search) filters.search = filter.search;
  if (filter.channel) filters.channel = filter.channel;
  const id = await announceExport(filters, filter.profileId);
  let finished = false;
  return {
    id,
    async finish(end, rowCount) {
      if (!id || finished) return;
      finished = true;
      await finishExport(id, end, rowCount);
    },
  };
}
