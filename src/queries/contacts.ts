import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  type Contact,
  type ContactListQuery,
  type ContactPage,
  getContact,
  listContacts,
} from '../api/contacts';
import { ApiError } from '../api/errors';
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

/** Finds a contact in any cached page of this profile, so the detail screen can open instantly. */
function findInLists(queryClient: QueryClient, profileId: ProfileId, id: string) {
  for (const [key, page] of queryClient.getQueriesData<ContactPage>({ queryKey: keys.lists(profileId) })) {
    const contact = page?.contacts.find((c) => c.id === id);
    if (contact) return { contact, updatedAt: queryClient.getQueryState(key)?.dataUpdatedAt };
  }
  return undefined;
}

/**
 * One contact, for its detail screen. Every opening of the screen asks the gateway once, which is what the
 * audit trail records as "contact opened": seeded from the list it shows at once and is fetched in the
 * background all the same; leaving the screen marks it stale, so the next opening asks again. A
 * server-rendered opening was asked for by the server, and its hydrated data is not fetched a second time.
 */
export function useContact(profileId: ProfileId, id: string, enabled = true) {
  const queryClient = useQueryClient();
  const queryKey = keys.detail(profileId, id);
  const queryFn = ({ signal }: { signal: AbortSignal }) => getContact(id, { profileId, signal });
  useWantedOnServer({ queryKey, queryFn, enabled });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is made of profileId and id
  useEffect(
    () => () => void queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' }),
    [queryClient, profileId, id],
  );
  return useQuery({
    queryKey,
    enabled,
    queryFn,
    initialData: () => findInLists(queryClient, profileId, id)?.contact,
    initialDataUpdatedAt: () => findInLists(queryClient, profileId, id)?.updatedAt,
    // Seeded from a list (never fetched itself): fetch even when the list is fresh.
    refetchOnMount: (query) => (query.state.dataUpdateCount === 0 ? 'always' : true),
  });
}

/**
 * Exact lookup by E.164 number. A miss (404 RESOURCE_001) is an answer, not a failure: it resolves to
 * null so the screen can say "No contact with …" instead of showing an error panel.
 */
export function usePhoneLookup(profileId: ProfileId, phone: string | undefined, enabled = true) {
  const options = {
    ...lookupOptions(useQueryClient(), profileId, phone ?? ''),
    enabled: enabled && Boolean(phone),
  };
  useWantedOnServer(options);
  return useQuery(options);
}

/** The lookup's query (also fetched imperatively, e.g. to find the contact a 409 says is already there). */
export function lookupOptions(queryClient: QueryClient, profileId: ProfileId, phone: string) {
  return {
    queryKey: keys.lookup(profileId, phone),
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Contact | null> => {
      try {
        const page = await listContacts({ page: 1, pageSize: 1, phone }, { profileId, signal });
        const contact = page.contacts[0] ?? null;
        if (contact?.id) queryClient.setQueryData(keys.detail(profileId, contact.id), contact);
        return contact;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.code === 'RESOURCE_001') return null;
        throw error;
      }
    },
  };
}
