// The contact list's view state in the URL (./defineParams: every value falls back on its own, so a
// hand-edited or stale link such as page=-3, page_size=9999, channel=fax, profile=not-a-uuid never breaks it).
import * as v from 'valibot';
import { CHANNELS, MAX_SEARCH, UUID_PATTERN } from '../shared/contract';
import { defineParams, type Patch, param } from './defineParams';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;
const MAX_PHONE_TEXT = 40;

/** A lookup already in E.164 form: needs no phone library (and no region) to be used. */
export const E164_PATTERN = /^\+[1-9]\d{5,14}$/;

// Valibot rather than zod: the same schema costs about 1 kB gzip instead of 6 in the initial bundle.
// The order here is the order in the URL.
export const listParams = defineParams(
  {
    profile: param.pattern(UUID_PATTERN),
    // A lookup: E.164 once the browser normalised it, or the raw text a plain GET form sent (before the app's
    // JavaScript runs), with the form's default `region`. Screens normalise it (features/contacts/phoneParam).
    phone: param.optional(
      v.pipe(
        v.string(),
        v.transform((text) => text.trim().slice(0, MAX_PHONE_TEXT)),
        v.nonEmpty(),
      ),
    ),
    region: param.pattern(/^[A-Z]{2}$/),
    /** `all`: a lookup looks in every profile the person may see at once, not just this one. */
    in: param.oneOf(['all']),
    // Search is free text: anything goes, trimmed and capped rather than rejected.
    search: param.text(MAX_SEARCH),
    channel: param.oneOf(CHANNELS),
    page_size: param.pageSize(PAGE_SIZES, DEFAULT_PAGE_SIZE),
    page: param.page(),
  },
  {
    resetsPage: ['page_size', 'search', 'channel', 'phone', 'profile'],
    // The region only matters for a number that still has to be normalised; "all profiles" only for a lookup.
    tidy: (params) => ({
      ...params,
      region: params.phone && !E164_PATTERN.test(params.phone) ? params.region : undefined,
      in: params.phone ? params.in : undefined,
    }),
  },
);

export type ListParams = typeof listParams.defaults;
export type { Channel } from '../shared/contract';
export { CHANNELS };
export const DEFAULT_PARAMS: ListParams = listParams.defaults;
export const parseListParams = listParams.parse;
export const serializeListParams = listParams.serialize;
export const applyPatch = listParams.patch;
export const formFields = listParams.formFields;
export type ListPatch = Patch<ListParams>;

/** True when any filter narrows the list (drives "no contacts match" vs the onboarding empty state). */
export function hasFilters(params: ListParams): boolean {
  return Boolean(params.search || params.channel || params.phone);
}

/** Clamps a page to the last existing page once the total is known (at least page 1). */
export function clampPage(page: number, totalPages: number): number {
  return Math.min(Math.max(1, page), Math.max(1, totalPages));
}

/** The list's address for these params: "/" plus the canonical query string. */
export function listHref(params: ListParams): string {
  return `/${listParams.search(params)}`;
}
