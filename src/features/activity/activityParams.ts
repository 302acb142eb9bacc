// The Activity screen's state in its URL (/activity?number=…&action=lookup&before=…): filters a link can
// carry ("who has seen this contact": ?contact_id=…), the page as a cursor from the server (older or newer
// than an entry), bad values dropped rather than sent.

import { AUDIT_ACTIONS, type AuditCursor, type AuditFilters } from '../../queries/activity';
import { defineParams, param } from '../../url-state/defineParams';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface ActivityParams {
  filters: AuditFilters;
  /** null: the newest entries. */
  cursor: AuditCursor | null;
  pageSize: PageSize;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^\d{1,15}\.\d{1,15}$/;

const activityParams = defineParams(
  {
    actor: param.text(100),
    contact_id: param.text(100),
    number: param.text(100),
    action: param.oneOf(AUDIT_ACTIONS),
    from: param.pattern(DATE),
    to: param.pattern(DATE),
    before: param.pattern(CURSOR),
    after: param.pattern(CURSOR),
    page_size: param.pageSize(PAGE_SIZES, 50),
  },
  // One cursor or none: "older than A and newer than B" is no page the server can give.
  { tidy: (p) => (p.before && p.after ? { ...p, before: undefined, after: undefined } : p) },
);

export function parseActivityParams(search: URLSearchParams): ActivityParams {
  const { before, after, page_size, ...rest } = activityParams.parse(search);
  const filters: AuditFilters = {};
  for (const [key, value] of Object.entries(rest))
    if (value) filters[key as keyof AuditFilters] = value as never;
  return {
    filters,
    cursor: before ? { before } : after ? { after } : null,
    pageSize: page_size,
  };
}

/** The URL search for these params; defaults left out. */
export function activitySearch({ filters, cursor, pageSize }: ActivityParams): string {
  return activityParams.search({
    ...activityParams.defaults,
    ...filters,
    ...cursor,
    page_size: pageSize,
  });
}
