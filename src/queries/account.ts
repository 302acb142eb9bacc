import { useQuery } from '@tanstack/react-query';
import { getMe, listProfiles } from '../api/account';
import { useApiCapabilities } from './capabilities';
import { keys } from './keys';
import { useWantedOnServer } from './serverRender';

// Who the key belongs to changes rarely; refetching it on every focus would only cost rate limit.
const ACCOUNT_STALE_MS = 5 * 60_000;

export function useMe() {
  const { profiles } = useApiCapabilities();
  const options = {
    queryKey: keys.me(),
    queryFn: ({ signal }: { signal: AbortSignal }) => getMe(signal),
    staleTime: ACCOUNT_STALE_MS,
    // /v3/me does not exist for legacy v1 keys; such accounts have no profiles to choose from either.
    enabled: profiles,
  };
  useWantedOnServer(options);
  return useQuery(options);
}

/**
 * Child profiles; only organization keys have any, so the query waits until we know the key type. Not
 * fetched for server rendering: /v3/me already names the profiles, and a second round trip there would
 * only delay the first rows.
 */
export function useProfiles(enabled: boolean) {
  return useQuery({
    queryKey: keys.profiles(),
    queryFn: ({ signal }) => listProfiles(signal),
    staleTime: ACCOUNT_STALE_MS,
    enabled,
  });
}
