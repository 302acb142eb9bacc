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

/** The query, wanted for server rendering, and marked stale when the screen leaves: asked again next time. */
function useFactsEachTime(
  queryKey: readonly unknown[],
  queryFn: (context: { signal: AbortSignal }) => Promise<NumberFacts>,
  enabled: boolean,
) {
  const queryClient = useQueryClient();
  useWantedOnServer({ queryKey, queryFn, enabled });
  const hash = JSON.stringify(queryKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is what `hash` says
  useEffect(
    () => () => void queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' }),
    [queryClient, hash],
  );
  return useQuery({ queryKey, queryFn, enabled, staleTime: FACTS_STALE_MS });
}

/** A contact's number looked up by the gateway (its Reachability card). */
export function useContactNumber(profileId: ProfileId, contactId: string, enabled = true) {
  return useFactsEachTime(
    keys.contactNumber(profileId, contactId),
    ({ signal }) => lookupContactNumber(contactId, { profileId, signal }),
    enabled,
  );
}

/** A typed number nobody has (the lookup's "no contact"). */
export function useNumberFacts(profileId: ProfileId, phone: string, enabled = true) {
  return useFactsEachTime(
    keys.numberFacts(profileId, phone),
    ({ signal }) => lookupNumber(phone, { profileId, signal }),
    enabled,
  );
}
