// The Activity screen's state in its URL (/activity?number=…&action=lookup&page=2): filters a link can
// carry ("who has seen this contact": ?contact_id=…), bad values dropped rather than sent.
import { AUDIT_ACTIONS, type AuditAction, type AuditFilters } from '../../queries/activity';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface ActivityParams {
  filters: AuditFilters;
  page: number;
  pageSize: PageSize;
}

const TEXT_FILTERS = ['actor', 'contact_id', 'number'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  const page = Number(search.get('page'));
  const size = Number(search.get('page_size'));
  return {
    filters,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(size as PageSize) ? (size as PageSize) : 50,
  };
}

/** The URL search for these params; defaults left out. */
export function activitySearch({ filters, page, pageSize }: ActivityParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  if (page > 1) search.set('page', String(page));
  if (pageSize !== 50) search.set('page_size', String(pageSize));
  const text = search.toString();
  return text ? `?${text}` : '';
}
