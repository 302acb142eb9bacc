import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ListPatch } from '../../url-state/listParams';
import { clampPage, type ListParams, serializeListParams } from '../../url-state/listParams';
import type { UpdateOptions } from '../../url-state/useListParams';

interface NavState {
  from?: string;
  rejectedProfile?: string;
}

/**
 * Keeps the address bar honest, always with `replace` so Back never returns to a broken link:
 * - bad or default values were already ignored by the parser; they leave the URL too;
 * - a profile this key may not use is dropped (its id rides along in history state for the notice);
 * - a page past the end is clamped once the real total is known.
 * Returns the rejected profile id, if any, so the page can say why it shows the organization instead.
 */
export function useCanonicalListUrl(
  params: ListParams,
  update: (patch: ListPatch, options?: UpdateOptions) => void,
  { rejectedProfile, totalPages }: { rejectedProfile: string | null; totalPages: number | undefined },
): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const navState = (location.state ?? null) as NavState | null;

  useEffect(() => {
    // Something navigated after this render (a lookup hit opening its contact): that navigation stands.
    if (window.location.pathname + window.location.search !== location.pathname + location.search) return;
    const canonical = serializeListParams({
      ...params,
      profile: rejectedProfile ? undefined : params.profile,
    });
    if (canonical.toString() === location.search.replace(/^\?/, '')) return;
    const state = rejectedProfile ? { ...navState, rejectedProfile } : navState;
    navigate({ search: canonical.toString() ? `?${canonical}` : '' }, { replace: true, state });
  }, [params, rejectedProfile, location.pathname, location.search, navState, navigate]);

  useEffect(() => {
    if (totalPages === undefined) return;
    const clamped = clampPage(params.page, totalPages);
    if (clamped !== params.page) update({ page: clamped }, { replace: true });
  }, [totalPages, params.page, update]);

  return rejectedProfile ?? navState?.rejectedProfile;
}
