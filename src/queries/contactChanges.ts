// Adding and removing contacts, and what each does to the cache: an added contact is seeded into its detail
// and lookup; a removed one leaves every cached list page, lookup and detail of the profile at once. Lists
// are then refetched (of every profile: a profile may inherit the contacts of the scope that changed).
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createContact, deleteContact, newIdempotencyKey } from '../api/contactChanges';
import type { Contact, ContactPage } from '../api/contacts';
import { ApiError } from '../api/errors';
import { keys, type ProfileId } from './keys';
import { lookupOptions } from './phoneLookup';

export { newIdempotencyKey };

const is = (error: unknown, status: number, code: string) =>
  error instanceof ApiError && error.status === status && error.code === code;

export interface AddVariables {
  e164: string;
  /** One per number the person means to add: a retry of the same number cannot add it twice. */
  idempotencyKey: string;
}

/** The contact added, or (`existed`) the one that already had the number: a 409 is an answer, not a failure. */
export interface Added {
  contact: Contact;
  existed: boolean;
}

/** Pure: the page without one contact (the same object when it is not on it), its total one smaller. */
export function withoutContact(page: ContactPage | undefined, id: string): ContactPage | undefined {
  if (!page?.contacts.some((contact) => contact.id === id)) return page;
  return {
    contacts: page.contacts.filter((contact) => contact.id !== id),
    pagination: { ...page.pagination, total_count: Math.max(0, page.pagination.total_count - 1) },
  };
}

/** Lists of every profile become stale; the ones on screen are fetched again. */
export function refreshLists(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[2] === 'contacts' && query.queryKey[3] === 'list',
  });
}

/** Drops a removed contact from this profile's cache: list pages, lookups (now misses) and its detail. */
export function forgetContact(queryClient: QueryClient, profileId: ProfileId, id: string): void {
  queryClient.setQueriesData<ContactPage>({ queryKey: keys.lists(profileId) }, (page) =>
    withoutContact(page, id),
  );
  queryClient.setQueriesData<Contact | null>(
    { queryKey: [...keys.contacts(profileId), 'lookup'] },
    (found) => (found?.id === id ? null : found),
  );
  queryClient.removeQueries({ queryKey: keys.detail(profileId, id), exact: true });
}

export function addContactOptions(queryClient: QueryClient, profileId: ProfileId) {
  return {
    mutationFn: async ({ e164, idempotencyKey }: AddVariables): Promise<Added> => {
      try {
        return { contact: await createContact(e164, { profileId }, idempotencyKey), existed: false };
      } catch (error) {
        if (!is(error, 409, 'RESOURCE_007')) throw error;
        // The answer does not say which contact has the number; the lookup does.
        const existing = await queryClient.fetchQuery({
          ...lookupOptions(queryClient, profileId, e164),
          staleTime: 0,
        });
        if (!existing?.id) throw error;
        return { contact: existing, existed: true };
      }
    },
    onSuccess: ({ contact }: Added, { e164 }: AddVariables) => {
      if (contact.id) queryClient.setQueryData(keys.detail(profileId, contact.id), contact);
      queryClient.setQueryData(keys.lookup(profileId, e164), contact);
      void refreshLists(queryClient);
    },
  };
}

export function useAddContact(profileId: ProfileId) {
  return useMutation(addContactOptions(useQueryClient(), profileId));
}

/** 'already': the API says it is not there (404), which is what removing wanted, e.g. on a retry. */
export type Removal = 'removed' | 'already';

/** One DELETE (a fresh request each time); the cache is the caller's business (see removeContact). */
export async function deleteOne(profileId: ProfileId, id: string): Promise<Removal> {
  try {
    await deleteContact(id, { profileId });
    return 'removed';
  } catch (error) {
    if (is(error, 404, 'RESOURCE_001')) return 'already';
    throw error;
  }
}

/** One DELETE, then the contact leaves the cache. */
export async function removeContact(
  queryClient: QueryClient,
  profileId: ProfileId,
  id: string,
): Promise<Removal> {
  const outcome = await deleteOne(profileId, id);
  forgetContact(queryClient, profileId, id);
  return outcome;
}

/**
 * Removing several from the list: `remove` one at a time (several may run at once) while the list under the
 * dialog stays as it is (emptied, it would take the dialog with it); `settle` then takes the removed ones
 * out of the cache and refetches the lists.
 */
export function useContactRemoval(profileId: ProfileId) {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      remove: (id: string) => deleteOne(profileId, id),
      settle: (removedIds: readonly string[]) => {
        for (const id of removedIds) forgetContact(queryClient, profileId, id);
        return refreshLists(queryClient);
      },
    }),
    [queryClient, profileId],
  );
}

/** Removing one contact (its detail, a lookup by number). */
export function useRemoveContact(profileId: ProfileId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => removeContact(queryClient, profileId, id),
    onSettled: () => refreshLists(queryClient),
  });
}
