import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Account, Profile } from '../../api/account';
import { ApiError } from '../../api/client';
import { useMe, useProfiles } from '../../queries/account';
import type { ScopeId } from '../../queries/keys';
import { parseListParams } from '../../url-state/listParams';

const NO_PROFILES: Profile[] = [];

export interface ProfileScope {
  /** Profile id to send as x-profile-id (null = the key's own account). */
  profileId: ScopeId;
  /** False while a profile from the URL still has to be checked against the account. */
  ready: boolean;
  /** The profile in the URL is not one this key may use (shown as a note, the list falls back). */
  rejectedProfile: string | null;
  account: Account | undefined;
  profiles: Profile[];
  isOrganization: boolean;
  authError: ApiError | null;
}

/**
 * Resolves the profile in the URL against the account. Without one, contacts load straight away (no
 * waterfall behind /v3/me). With one, we wait until the key is known to be an organization that owns
 * that profile, so a stale or foreign id never reaches the API as x-profile-id.
 */
export function useProfileScope(): ProfileScope {
  const [searchParams] = useSearchParams();
  const wanted = parseListParams(searchParams).profile ?? null;
  const me = useMe();
  const isOrganization = me.data?.type === 'organization';
  const profilesQuery = useProfiles(isOrganization);
  const profiles = profilesQuery.data ?? NO_PROFILES;

  return useMemo(() => {
    const authError = me.error instanceof ApiError && me.error.isAuth ? me.error : null;
    const base = { account: me.data, profiles, isOrganization, authError, rejectedProfile: null };
    if (!wanted) return { ...base, profileId: null, ready: true };
    if (me.isPending || (isOrganization && profilesQuery.isPending))
      return { ...base, profileId: null, ready: false };
    const known = isOrganization && profiles.some((profile) => profile.id === wanted);
    return known
      ? { ...base, profileId: wanted, ready: true }
      : { ...base, profileId: null, ready: !me.isError, rejectedProfile: wanted };
  }, [
    wanted,
    me.data,
    me.error,
    me.isError,
    me.isPending,
    isOrganization,
    profiles,
    profilesQuery.isPending,
  ]);
}
