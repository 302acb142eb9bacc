import type { MeRetrieveResponse } from '@sentdm/sentdm/resources/me';
import type { ProfileDetail, ProfileListResponse } from '@sentdm/sentdm/resources/profiles/profiles';
import { apiGet } from './client';

export type Account = MeRetrieveResponse.Data;
export type Profile = ProfileDetail;

/** The account behind the server-side key (organization, profile or user). Not tied to a child profile. */
export function getMe(signal?: AbortSignal): Promise<Account> {
  return apiGet<Account>('/v3/me', { signal });
}

/** Child profiles of an organization key. */
export async function listProfiles(signal?: AbortSignal): Promise<Profile[]> {
  const data = await apiGet<ProfileListResponse.Data>('/v3/profiles', { signal });
  return data?.profiles ?? [];
}
