// What a number is, for the contact's Reachability card and a lookup with no contact: modules of the lazy
// detail and lookup chunks. The gateway caches the answer a day and records every answer it gives, so each
// opening of a contact asks it again (as the contact itself is asked again): the trail sees every viewing.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { lookupContactNumber, lookupNumber, type NumberFacts } from '../api/numbers';
import { keys, type ProfileId } from './keys';
import { useWantedOnServer } from './serverRender';

export type { NumberFacts };

/** A number's facts hardly change; within one opening of a screen they are not asked for again. */
const FACTS_STALE_MS = 10 * 60_000;

export function useContactNumber(profileId: ProfileId, contactId: string, enabled = true) {
  const queryClient = useQueryClient();
  const queryKey = keys.contactNumber(profileId, contactId);
  const queryFn = ({ signal }: { signal: AbortSignal }) =>
    lookupContactNumber(contactId, { profileId, signal });
  useWantedOnServer({ queryKey, queryFn, enabled });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is made of profileId and contactId
  useEffect(
    () => () => void queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' }),
    [queryClient, profileId, contactId],
  );
  return useQuery({ queryKey, queryFn, enabled, staleTime: FACTS_STALE_MS });
}

export function useNumberFacts(profileId: ProfileId, phone: string, enabled = true) {
  const options = {
    queryKey: keys.numberFacts(profileId, phone),
    queryFn: ({ signal }: { signal: AbortSignal }) => lookupNumber(phone, { profileId, signal }),
    enabled,
    staleTime: FACTS_STALE_MS,
  };
  useWantedOnServer(options);
  return useQuery(options);
}
