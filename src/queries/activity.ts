// The audit trail for the Activity screen: one page of entries, newest first, paged by the server with
// cursors (older / newer than an entry), and the people the person filter chooses from.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type AuditCursor,
  type AuditFilters,
  auditCsvPath,
  listAuditEntries,
  listAuditPeople,
} from '../api/audit';
import { keys } from './keys';

export type {
  AuditAction,
  AuditCursor,
  AuditEntry,
  AuditFilters,
  AuditPage,
  AuditPerson,
} from '../api/audit';
export { AUDIT_ACTIONS } from '../api/audit';
export { auditCsvPath };

export function useAuditEntries(filters: AuditFilters, cursor: AuditCursor | null, pageSize: number) {
  const query = { ...filters, ...cursor, page_size: pageSize };
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: ({ signal }) => listAuditEntries(query, signal),
    // The trail grows while one watches: always ask again when the screen opens.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** People whose name or id contains `fragment`; nothing is asked for an empty fragment. */
export function useAuditPeople(fragment: string) {
  return useQuery({
    queryKey: keys.audit({ people: fragment }),
    queryFn: ({ signal }) => listAuditPeople(fragment, signal),
    enabled: fragment !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
