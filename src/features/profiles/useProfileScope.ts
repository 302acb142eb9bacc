import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Account } from '../../api/account';
import { ApiError } from '../../api/client';
import { isV1 } from '../../api/version';
import { useMe, useProfiles } from '../../queries/account';
import type { ScopeId } from '../../queries/keys';
import { parseListParams } from '../../url-state/listParams';

/** What the switcher needs from either /v3/profiles or the profiles embedded in /v3/me. */
export interface ProfileChoice {
  id?: string;
  name?: string;
}

const NO_PROFILES: ProfileChoice[] = [];

export interface ProfileScope {
  /** Profile id to send as x-profile-id (null = the key's own account). */
  profileId: ScopeId;
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
 * Resolves the profile in the URL against the account. Without one, contacts load straight away (no
 * waterfall behind /v3/me). With one, we wait until the key is known to be an organization that owns
 * that profile, so a stale or foreign id never reaches the API as x-profile-id.
 */
export function useProfileScope(): ProfileScope {
  const [searchParams] = useSearchParams();
  const wanted = useMemo(
    () => (isV1 ? null : (parseListParams(searchParams).profile ?? null)),
    [searchParams],
  );
  const me = useMe();
  const isOrganization = me.data?.type === 'organization';
  const profilesQuery = useProfiles(isOrganization);
  // /v3/profiles is the full list; /v3/me already names the profiles, so nothing waits for the second call.
  const profiles: ProfileChoice[] = profilesQuery.data ?? me.data?.profiles ?? NO_PROFILES;

  return useMemo(() => {
    const authError = me.error instanceof ApiError && me.error.isAuth ? me.error : null;
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
