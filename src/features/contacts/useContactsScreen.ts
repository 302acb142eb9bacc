// Everything the contacts screen decides before it renders: the view from the URL (normalised for the API
// version and a typed number), the page query, where a lookup may look, and the ways to leave for a contact.
import { useCallback, useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { whenIdle } from '../../lib/idle';
import { preloadPhoneLib } from '../../lib/phone';
import { useApiCapabilities } from '../../queries/capabilities';
import { type Contact, useContactsPage } from '../../queries/contacts';
import { usePerson, usePersonProfiles } from '../../queries/person';
import type { ProfileSelection } from '../../queries/profileSelection';
import { serializeListParams } from '../../url-state/listParams';
import { profileOnlySearch, useListParams } from '../../url-state/useListParams';
import { preloadScreens } from './lazyScreens';
import { lookupScopes } from './lookupScopes';
import type { ContactNotice } from './manage/notice';
import { usePhoneParam } from './phoneParam';
import { useCanonicalListUrl } from './useCanonicalListUrl';

export function useContactsScreen(selection: ProfileSelection) {
  const [urlParams, update] = useListParams();
  const { filters } = useApiCapabilities();
  // A number typed into the lookup's plain form arrives raw: normalised here (or explained) like the browser's own.
  const phoneParam = usePhoneParam(urlParams);
  // Legacy v1 has no search, channel filter, lookup or profiles: such URL values are ignored (and cleaned away).
  const params = useMemo(
    () =>
      filters
        ? phoneParam.params
        : { ...urlParams, search: '', channel: undefined, phone: undefined, profile: undefined },
    [urlParams, phoneParam.params, filters],
  );
  // Numbers masked for this role: the gateway refuses digit searches (a match would tell hidden digits).
  const digitsMasked = usePerson().data?.can.seeNumbers === false;
  // Where a lookup may also look: every profile the person may use ("All my profiles", "where it lives").
  const scopes = lookupScopes(selection, usePersonProfiles() === '*');
  const everywhere = params.in === 'all' && scopes.length > 1;

  const query = useContactsPage(
    selection.profileId,
    { page: params.page, pageSize: params.page_size, search: params.search, channel: params.channel },
    selection.ready && !params.phone,
  );
  const realData = query.isSuccess && !query.isPlaceholderData;
  const rejectedProfile = useCanonicalListUrl(params, update, {
    rejectedProfile: selection.rejectedProfile,
    totalPages: realData ? query.data?.pagination.total_pages : undefined,
  });

  // The phone library and the detail screen are not needed for first paint: fetch them on idle once the
  // first rows are on screen, so they are ready before anyone types a number or opens a contact.
  useEffect(() => {
    if (!realData) return;
    preloadPhoneLib();
    whenIdle(preloadScreens);
  }, [realData]);

  const navigate = useNavigate();
  const listSearch = serializeListParams({ ...params, phone: undefined }).toString();
  const detailHref = useCallback(
    (id: string) => `/contacts/${encodeURIComponent(id)}${profileOnlySearch(params.profile)}`,
    [params.profile],
  );
  const open = (contact: Contact, notice?: ContactNotice) => {
    if (contact.id) navigate(detailHref(contact.id), { state: { from: listSearch, notice } });
  };
  const onFound = useCallback(
    (id: string) => navigate(detailHref(id), { replace: true, state: { from: listSearch } }),
    [navigate, detailHref, listSearch],
  );
  const clearFilters = () => update({ search: '', channel: undefined, phone: undefined });

  return {
    urlParams,
    params,
    update,
    filters,
    phoneParam,
    digitsMasked,
    scopes,
    everywhere,
    query,
    rejectedProfile,
    detailHref,
    open,
    onFound,
    clearFilters,
  };
}

export type ContactsScreen = ReturnType<typeof useContactsScreen>;
