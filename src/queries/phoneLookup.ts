// The exact lookup by number: a module of its own so it travels in the lookup screen's lazy chunk.
import { type QueryClient, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Contact, listContacts } from '../api/contacts';
import { ApiError } from '../api/errors';
import { keys, type ProfileId } from './keys';
import { useAllWantedOnServer, useWantedOnServer } from './serverRender';

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

/**
 * The same lookup in several profiles at once (where else the number lives): one request per profile, sent
 * together, each the person's own and each recorded by the gateway.
 */
export function usePhoneLookups(profileIds: readonly ProfileId[], phone: string, enabled = true) {
  const queryClient = useQueryClient();
  const queries = profileIds.map((profileId) => ({
    ...lookupOptions(queryClient, profileId, phone),
    enabled: enabled && Boolean(phone),
  }));
  useAllWantedOnServer(queries);
  return useQueries({ queries });
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
