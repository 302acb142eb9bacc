import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  applyPatch,
  formFields,
  type ListParams,
  type ListPatch,
  parseListParams,
  serializeListParams,
} from './listParams';

export interface UpdateOptions {
  /** Replace the history entry instead of pushing one (typing, automatic corrections). */
  replace?: boolean;
}

/**
 * The list state as React sees it: parsed from the URL on every navigation, written back through
 * `applyPatch` so the page-reset and canonical-URL rules live in one place. Page and filter changes push
 * history (back/forward walk through them); callers pass `replace` for typing and corrections.
 */
export function useListParams(): [ListParams, (patch: ListPatch, options?: UpdateOptions) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseListParams(searchParams), [searchParams]);
  const update = useCallback(
    (patch: ListPatch, options: UpdateOptions = {}) => {
      setSearchParams((current) => serializeListParams(applyPatch(parseListParams(current), patch)), {
        replace: options.replace ?? false,
      });
    },
    [setSearchParams],
  );
  return [params, update];
}

/** Query string that keeps only the profile, for links that leave the list (detail, "back to all"). */
export function profileOnlySearch(profile: string | undefined): string {
  return profile ? `?${new URLSearchParams({ profile })}` : '';
}

/** Hidden fields for a GET form that sets `own` (see formFields), from the URL as it is. */
export function useListFormFields(...own: (keyof ListParams)[]): [string, string][] {
  const [params] = useListParams();
  return formFields(params, ...own);
}

/** The profile the URL asks for (`?profile=`), before anyone checked that this key may use it. */
export function useRequestedProfile(): string | null {
  const [searchParams] = useSearchParams();
  return useMemo(() => parseListParams(searchParams).profile ?? null, [searchParams]);
}
