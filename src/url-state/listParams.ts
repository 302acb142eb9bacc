// The console's view state lives in the URL. This module is the single reader and writer: every value is
// parsed by a schema whose fields fall back to a safe default, so a hand-edited or stale link
// (page=-3, page_size=9999, channel=fax, profile=not-a-uuid) can never break the page.
import * as v from 'valibot';
import { CHANNELS, MAX_SEARCH, UUID_PATTERN } from '../shared/contract';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;
const MAX_PAGE = 1_000_000;

// Valibot rather than zod: the same schema costs about 1 kB gzip instead of 6 in the initial bundle.
// Every URL value arrives as a string (or not at all); each field falls back on its own.
const optional = <T extends v.GenericSchema<string, string>>(schema: T) =>
  v.fallback(v.optional(schema), undefined);
const pattern = (regex: RegExp) => optional(v.pipe(v.string(), v.regex(regex)));
const number = v.pipe(v.string(), v.transform(Number));
const MAX_PHONE_TEXT = 40;
const cleanPhoneText = (text: string) => text.trim().slice(0, MAX_PHONE_TEXT);

/** A lookup already in E.164 form: needs no phone library (and no region) to be used. */
export const E164_PATTERN = /^\+[1-9]\d{5,14}$/;

const schema = v.object({
  page: v.fallback(v.pipe(number, v.integer(), v.minValue(1), v.maxValue(MAX_PAGE)), 1),
  page_size: v.fallback(
    v.pipe(
      number,
      v.check((n) => PAGE_SIZES.includes(n as PageSize)),
    ),
    DEFAULT_PAGE_SIZE,
  ),
  // Search is free text: anything goes, trimmed and capped below rather than rejected.
  search: v.fallback(v.string(), ''),
  channel: optional(v.picklist(CHANNELS)),
  // A lookup: E.164 once the browser normalised it, or the raw text a plain GET form sent (before the app's
  // JavaScript runs), with the form's default `region`. Screens normalise it (features/contacts/phoneParam).
  phone: optional(v.pipe(v.string(), v.transform(cleanPhoneText), v.nonEmpty())),
  region: pattern(/^[A-Z]{2}$/),
  profile: pattern(UUID_PATTERN),
  /** `all`: a lookup looks in every profile the person may see at once, not just this one. */
  in: optional(v.literal('all')),
});

export type ListParams = Omit<v.InferOutput<typeof schema>, 'page_size'> & { page_size: PageSize };
export type { Channel } from '../shared/contract';
export { CHANNELS };
export const DEFAULT_PARAMS: ListParams = parseListParams('');

/** Reads the list state from a query string; every bad value falls back on its own. */
export function parseListParams(search: URLSearchParams | string): ListParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw: Record<string, string> = {};
  // First occurrence wins, like most servers; repeated keys must not turn into arrays.
  for (const key of Object.keys(schema.entries)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = v.parse(schema, raw);
  return {
    ...parsed,
    page_size: parsed.page_size as PageSize,
    search: parsed.search.trim().slice(0, MAX_SEARCH),
  };
}

/** Writes the state back, leaving defaults out so URLs stay short and canonical. */
export function serializeListParams(params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.profile) out.set('profile', params.profile);
  if (params.phone) out.set('phone', params.phone);
  // The region only matters for a number that still has to be normalised.
  if (params.phone && params.region && !E164_PATTERN.test(params.phone)) out.set('region', params.region);
  if (params.phone && params.in) out.set('in', params.in);
  if (params.search) out.set('search', params.search);
  if (params.channel) out.set('channel', params.channel);
  if (params.page_size !== DEFAULT_PAGE_SIZE) out.set('page_size', String(params.page_size));
  if (params.page !== 1) out.set('page', String(params.page));
  return out;
}

export type ListPatch = Partial<{ [K in keyof ListParams]: ListParams[K] | undefined }>;

/**
 * Applies a change the way users expect: changing a filter, the page size or the profile goes back to
 * page 1 (unless the patch sets the page itself). Values pass through the schema again.
 */
export function applyPatch(current: ListParams, patch: ListPatch): ListParams {
  const merged = { ...current, ...patch };
  const resetsPage = (['page_size', 'search', 'channel', 'phone', 'profile'] as const).some(
    (key) => key in patch && patch[key] !== current[key],
  );
  if (resetsPage && !('page' in patch)) merged.page = 1;
  return parseListParams(serializeListParams(merged as ListParams));
}

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
  const search = serializeListParams(params).toString();
  return search ? `/?${search}` : '/';
}

/**
 * The current params as hidden fields of a plain GET form that sets `own` itself: submitted before the app's
 * JavaScript runs (or without it), the form keeps the rest of the view. The page always starts over.
 */
export function formFields(params: ListParams, ...own: (keyof ListParams)[]): [string, string][] {
  return [...serializeListParams(params)].filter(
    ([key]) => key !== 'page' && !own.includes(key as keyof ListParams),
  );
}
