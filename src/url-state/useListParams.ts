import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ParamsDefinition, Patch } from './defineParams';
import { formFields, type ListParams, listParams, parseListParams } from './listParams';

export interface UpdateOptions {
  /** Replace the history entry instead of pushing one (typing, automatic corrections). */
  replace?: boolean;
}

/**
 * A screen's URL state as React sees it: parsed on every navigation, written back through the definition's
 * `patch` so the page-reset and canonical-URL rules live in one place. Changes push history (Back walks
 * through them); callers pass `replace` for typing and corrections. Keys the definition does not own (e.g.
 * the import's `profile`) are kept only when `keepOthers` says so; the contact list drops them.
 */
export function useUrlParams<T>(
  definition: ParamsDefinition<T>,
  { keepOthers = false } = {},
): [T, (patch: Patch<T>, options?: UpdateOptions) => void, UrlParamLinks<T>] {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => definition.parse(searchParams), [definition, searchParams]);
  const others = useCallback(
    (current: URLSearchParams): [string, string][] => {
      if (!keepOthers) return [];
      const owned = new Set<string>(definition.keys);
      return [...current].filter(([key]) => !owned.has(key));
    },
    [definition, keepOthers],
  );
  const update = useCallback(
    (patch: Patch<T>, options: UpdateOptions = {}) => {
      setSearchParams(
        (current) => {
          const next = definition.serialize(definition.patch(definition.parse(current), patch));
          return new URLSearchParams([...others(current), ...next]);
        },
        { replace: options.replace ?? false },
      );
    },
    [definition, others, setSearchParams],
  );
  const links: UrlParamLinks<T> = {
    href(patch) {
      const next = definition.serialize(definition.patch(params, patch));
      return `?${new URLSearchParams([...others(searchParams), ...next])}`;
    },
    fields: (...own) => [...others(searchParams), ...definition.formFields(params, ...own)],
  };
  return [params, update, links];
}

/** What a screen's links and plain GET forms need of its URL state. */
export interface UrlParamLinks<T> {
  /** The address (`?…`) after this change: for real links that work before the app's JavaScript runs. */
  href(patch: Patch<T>): string;
  /** Hidden fields of a GET form that sets `own` itself (see ParamsDefinition.formFields). */
  fields(...own: (keyof T)[]): [string, string][];
}

/** The contact list's state (see ./listParams). */
export const useListParams = () => useUrlParams(listParams);

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
