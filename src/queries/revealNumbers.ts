// Revealing one contact's masked numbers, from its detail screen: a module of its own so the mutation code
// travels in that screen's lazy chunk rather than with the person query every screen needs.
import { useMutation } from '@tanstack/react-query';
import { revealNumbers } from '../api/person';
import type { ProfileId } from './keys';

export function useRevealNumbers(contactId: string, profileId: ProfileId) {
  return useMutation({ mutationFn: () => revealNumbers(contactId, profileId) });
}
