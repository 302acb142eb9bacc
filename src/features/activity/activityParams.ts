// The Activity screen's state in its URL (/activity?number=…&action=lookup&before=…): filters a link can
// carry ("who has seen this contact": ?contact_id=…), the page as a cursor from the server (older or newer
// than an entry), bad values dropped rather than sent.
import { AUDIT_ACTIONS, type AuditAction, type AuditCursor, type AuditFilters } from '../../queries/activity';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface ActivityParams {
  filters: AuditFilters;
  /** null: the newest entries. */
  cursor: AuditCursor | null;
  pageSize: PageSize;
}

const TEXT_FILTERS = ['actor', 'contact_id', 'number'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^\d{1,15}\.\d{1,15}$/;

function cursorOf(search: URLSearchParams): AuditCursor | null {
  const before = search.get('before');
  const after = search.get('after');
  if (before && CURSOR.test(before) && !after) return { before };
  if (after && CURSOR.test(after) && !before) return { after };
  return null;
}

export function parseActivityParams(search: URLSearchParams): ActivityParams {
  const filters: AuditFilters = {};
  for (const key of TEXT_FILTERS) {
    const value = search.get(key)?.trim().slice(0, 100);
    if (value) filters[key] = value;
  }
  const action = search.get('action');
  if (AUDIT_ACTIONS.includes(action as AuditAction)) filters.action = action as AuditAction;
  for (const key of ['from', 'to'] as const) {
    const value = search.get(key);
    if (value && DATE.test(value)) filters[key] = value;
  }
  const size = Number(search.get('page_size'));
  return {
    filters,
    cursor: cursorOf(search),
    pageSize: PAGE_SIZES.includes(size as PageSize) ? (size as PageSize) : 50,
  };
}

/** The URL search for these params; defaults left out. */
export function activitySearch({ filters, cursor, pageSize }: ActivityParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  for (const [key, value] of Object.entries(cursor ?? {})) search.set(key, value);
  if (pageSize !== 50) search.set('page_size', String(pageSize));
  const text = search.toString();
  return text ? `?${text}` : '';
}
