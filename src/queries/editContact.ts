// Editing a contact (opt-out, default channel) from the detail screen. The change shows at once in the
// detail and in every cached list page of the profile, and is undone there if the API refuses it.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ContactPatch, updateContact } from '../api/contactEdits';
import type { Contact, ContactPage } from '../api/contacts';
import { keys, type ProfileId } from './keys';

export type { ContactPatch };

export interface EditVariables {
  id: string;
  patch: ContactPatch;
  /** The same fields as they were before this edit: what Undo and a rollback write back. */
  inverse: ContactPatch;
  /** True for the request Undo sends (the screen then offers no further undo). */
  isUndo?: boolean;
}

/** Pure: the page with one contact's fields replaced (the same page object when it is not on it). */
export function patchPage(page: ContactPage | undefined, id: string, patch: ContactPatch) {
  if (!page?.contacts.some((contact) => contact.id === id)) return page;
  return {
    ...page,
    contacts: page.contacts.map((contact) => (contact.id === id ? { ...contact, ...patch } : contact)),
  };
}

/** Pure: the fields of `contact` that `patch` would change, as they are now (for Undo/rollback). */
export function inverseOf(contact: Contact, patch: ContactPatch): ContactPatch {
  const inverse: ContactPatch = {};
  if (patch.opt_out !== undefined) inverse.opt_out = Boolean(contact.opt_out);
  if (patch.default_channel !== undefined && contact.default_channel) {
    inverse.default_channel = contact.default_channel as ContactPatch['default_channel'];
  }
  return inverse;
}

/** Writes fields into every cached copy of the contact in this profile: detail, list pages, lookups. */
export function writeContact(
  queryClient: QueryClient,
  profileId: ProfileId,
  id: string,
  patch: ContactPatch,
) {
  queryClient.setQueryData<Contact>(keys.detail(profileId, id), (contact) =>
    contact ? { ...contact, ...patch } : contact,
  );
  queryClient.setQueriesData<ContactPage>({ queryKey: keys.lists(profileId) }, (page) =>
    patchPage(page, id, patch),
  );
  queryClient.setQueriesData<Contact | null>(
    { queryKey: [...keys.contacts(profileId), 'lookup'] },
    (contact) => (contact?.id === id ? { ...contact, ...patch } : contact),
  );
}

/** The mutation's options, apart from React so the optimistic flow can be tested on a bare QueryClient. */
export function editContactOptions(queryClient: QueryClient, profileId: ProfileId) {
  return {
    mutationFn: ({ id, patch }: EditVariables) => updateContact(id, patch, { profileId }),
    onMutate: async ({ id, patch }: EditVariables) => {
      // A fetch already in flight would land after the optimistic write and undo it on screen.
      await queryClient.cancelQueries({ queryKey: keys.contacts(profileId) });
      writeContact(queryClient, profileId, id, patch);
    },
    // Writing back the old fields (not a whole snapshot) keeps any other edit that landed meanwhile; the
    // detail is then re-read, in case the server changed something after all (e.g. a timeout after commit).
    onError: (_error: unknown, { id, inverse }: EditVariables) => {
      writeContact(queryClient, profileId, id, inverse);
      void queryClient.invalidateQueries({ queryKey: keys.detail(profileId, id) });
    },
    onSuccess: (contact: Contact, { id }: EditVariables) => {
      queryClient.setQueryData(keys.detail(profileId, id), contact);
    },
    onSettled: () =>
      // Lists are refetched when next shown (the server may order or filter by what changed).
      queryClient.invalidateQueries({ queryKey: keys.lists(profileId), refetchType: 'none' }),
  };
}

export function useEditContact(profileId: ProfileId) {
  return useMutation(editContactOptions(useQueryClient(), profileId));
}
