import { useMemo } from 'react';
import type { Account } from '../api/account';
import { useMe, useProfiles } from './account';
import { useApiCapabilities } from './capabilities';
import { type ApiError, authErrorOf } from './errors';
import type { ProfileId } from './keys';

/** What the switcher needs from either /v3/profiles or the profiles embedded in /v3/me. */
export interface ProfileChoice {
  id?: string;
  name?: string;
}

const NO_PROFILES: ProfileChoice[] = [];

/** The profile the console acts for, once the one asked for (in the URL) is checked against the account. */
export interface ProfileSelection {
  /** Profile id to send as x-profile-id (null = the key's own account). */
  profileId: ProfileId;
  /** False while a profile from the URL still has to be checked against the account. */
  ready: boolean;
  /** The profile in the URL is not one this key may use (shown as a note, the list falls back). */
  rejectedProfile: string | null;
  account: Account | undefined;
  profiles: ProfileChoice[];
  isOrganization: boolean;
  authError: ApiError | null;
  /** /v3/me failed (not auth) while a profile from the URL still needed checking: show it with a Retry. */
  checkError: unknown;
  retryCheck: () => void;
}

/**
 * Resolves the profile asked for against the account. Without one, contacts load straight away (no
 * waterfall behind /v3/me). With one, we wait until the key is known to be an organization that owns
 * that profile, so a stale or foreign id never reaches the API as x-profile-id.
 */
export function useProfileSelection(requested: string | null): ProfileSelection {
  const wanted = useApiCapabilities().profiles ? requested : null;
  const me = useMe();
  const isOrganization = me.data?.type === 'organization';
  const profilesQuery = useProfiles(isOrganization);
  // /v3/profiles is the full list; /v3/me already names the profiles, so nothing waits for the second call.
  const profiles: ProfileChoice[] = profilesQuery.data ?? me.data?.profiles ?? NO_PROFILES;

  return useMemo(() => {
    const authError = authErrorOf(me.error);
    const base = {
      account: me.data,
      profiles,
      isOrganization,
      authError,
      rejectedProfile: null,
      checkError: null,
      retryCheck: () => void me.refetch(),
    };
    if (!wanted) return { ...base, profileId: null, ready: true };
    const listKnown = Boolean(profilesQuery.data ?? me.data?.profiles);
    if (me.isError && !authError) return { ...base, profileId: null, ready: false, checkError: me.error };
    if (me.isPending || (isOrganization && !listKnown && profilesQuery.isPending)) {
      return { ...base, profileId: null, ready: false };
    }
    const known = isOrganization && profiles.some((profile) => profile.id === wanted);
    return known
      ? { ...base, profileId: wanted, ready: true }
      : { ...base, profileId: null, ready: !me.isError, rejectedProfile: wanted };
  }, [
    wanted,
    me.refetch,
    me.data,
    me.error,
    me.isError,
    me.isPending,
    isOrganization,
    profiles,
    profilesQuery.data,
    profilesQuery.isPending,
  ]);
}
