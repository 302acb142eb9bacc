import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type ContactListQuery, listContacts } from '../api/contacts';
import type { ApiVersion } from '../api/version';
import { useApiCapabilities } from './capabilities';
import { keys, type ProfileId, profileIdOfKey } from './keys';
import { isSetAside, shouldRetry } from './retry';
import { useWantedOnServer } from './serverRender';

export type { Channel, Contact, ContactPage } from '../api/contacts';

/** `background`: nobody waits for this fetch (the next page's prefetch); the gateway serves people first. */
export function listOptions(
  profileId: ProfileId,
  query: ContactListQuery,
  version: ApiVersion = 'v3',
  background = false,
) {
  return {
    queryKey: keys.list(profileId, query),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      listContacts(query, { profileId, signal, background }, version),
  };
}

/**
 * One page of contacts. The previous page stays on screen while the next one loads, but only within the
 * same profile: after a profile switch there is nothing to show rather than another profile's rows.
 * When the page is real (not placeholder) and there is more, the next page is prefetched so "Next" is
 * instant.
 */
export function useContactsPage(profileId: ProfileId, query: ContactListQuery, enabled = true) {
  const queryClient = useQueryClient();
  const { version } = useApiCapabilities();
  const options = listOptions(profileId, query, version);
  useWantedOnServer({ ...options, enabled });
  const result = useQuery({
    ...options,
    enabled,
    placeholderData: (previous, previousQuery) =>
      previousQuery && profileIdOfKey(previousQuery.queryKey) === profileId ? previous : undefined,
  });

  const hasMore = result.data?.pagination.has_more ?? false;
  const isReal = result.isSuccess && !result.isPlaceholderData;
  const { page, pageSize, search, channel } = query;
  useEffect(() => {
    if (!isReal || !hasMore) return;
    // Marked as background work; if the gateway sets it aside (short budget) it is not retried and shows
    // nothing: the page is fetched as usual if the person does go there.
    void queryClient.prefetchQuery({
      ...listOptions(profileId, { page: page + 1, pageSize, search, channel }, version, true),
      retry: (failures, error) => !isSetAside(error) && shouldRetry(failures, error),
    });
  }, [queryClient, isReal, hasMore, profileId, page, pageSize, search, channel, version]);

  return result;
}
