// One key factory for the whole console. Every contact key carries the profile id as its second segment
// (OWN_ACCOUNT when the key acts for its own account), so switching profile can never read another
// profile's cache, and one call (`queryClient.cancelQueries({ queryKey: keys.profile(id) })`) reaches
// everything a profile has in flight.
import type { ProfileId } from '../api/client';
import type { ContactListQuery } from '../api/contacts';

export type { ProfileId };

/** The key segment for the organization (or profile/user key) itself, when no child profile is chosen. */
export const OWN_ACCOUNT = 'self';

function profileSegment(profileId: ProfileId): string {
  return profileId ?? OWN_ACCOUNT;
}

/** Drops empty filters so equal requests always produce equal keys. */
export function normaliseListQuery(query: ContactListQuery): ContactListQuery {
  const out: ContactListQuery = { page: query.page, pageSize: query.pageSize };
  if (query.search) out.search = query.search;
  if (query.channel) out.channel = query.channel;
  if (query.phone) out.phone = query.phone;
  return out;
}

export const keys = {
  all: ['sent'] as const,
  /** Account-level data (not per profile): who the key belongs to and its profiles. */
  me: () => ['sent', 'me'] as const,
  profiles: () => ['sent', 'profiles'] as const,
  /** The signed-in person (GET /__me), not the key's account. */
  person: () => ['sent', 'person'] as const,
  /** The audit trail (the whole account's, not one profile's). */
  audit: (query: object) => ['sent', 'audit', query] as const,
  /** Who is signed in (the gateway's sessions, for admins). */
  sessions: () => ['sent', 'sessions'] as const,
  /** Import jobs (the gateway's, across profiles): the recent list and one job. */
  imports: () => ['sent', 'imports'] as const,
  importJob: (id: string) => ['sent', 'imports', id] as const,
  profile: (profileId: ProfileId) => ['sent', profileSegment(profileId)] as const,
  contacts: (profileId: ProfileId) => [...keys.profile(profileId), 'contacts'] as const,
  lists: (profileId: ProfileId) => [...keys.contacts(profileId), 'list'] as const,
  list: (profileId: ProfileId, query: ContactListQuery) =>
    [...keys.lists(profileId), normaliseListQuery(query)] as const,
  lookup: (profileId: ProfileId, phone: string) => [...keys.contacts(profileId), 'lookup', phone] as const,
  detail: (profileId: ProfileId, id: string) => [...keys.contacts(profileId), 'detail', id] as const,
};

/** Reads the profile id back out of a contact key (null for the account itself, undefined otherwise). */
export function profileIdOfKey(key: readonly unknown[]): ProfileId | undefined {
  if (key[0] !== 'sent' || typeof key[1] !== 'string' || key[2] !== 'contacts') return undefined;
  return key[1] === OWN_ACCOUNT ? null : key[1];
}
