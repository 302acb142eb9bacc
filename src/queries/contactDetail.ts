// One contact for its detail screen: a module of its own so it travels in that screen's lazy chunk.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type ContactPage, getContact } from '../api/contacts';
import { keys, type ProfileId } from './keys';
import { useWantedOnServer } from './serverRender';

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
