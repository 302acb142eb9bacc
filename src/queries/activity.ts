// The audit trail for the Activity screen: one page of entries, newest first, paged by the server.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AuditFilters, auditCsvPath, listAuditEntries } from '../api/audit';
import { keys } from './keys';

export type { AuditAction, AuditEntry, AuditFilters, AuditPage } from '../api/audit';
export { AUDIT_ACTIONS } from '../api/audit';
export { auditCsvPath };

export function useAuditEntries(filters: AuditFilters, page: number, pageSize: number) {
  const query = { ...filters, page, page_size: pageSize };
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: ({ signal }) => listAuditEntries(query, signal),
    // The trail grows while one watches: always ask again when the screen opens.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
