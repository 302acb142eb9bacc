// One key factory for the whole console. Every contact key carries the profile scope as its second
// segment, so switching profile can never read another profile's cache, and one call
// (`queryClient.cancelQueries({ queryKey: keys.scope(id) })`) reaches everything a profile has in flight.
import type { ContactListQuery } from '../api/contacts';

/** The organization (or profile/user key) itself, when no child profile is chosen. */
export const SELF_SCOPE = 'self';

export type ScopeId = string | null;

function scopeSegment(profileId: ScopeId): string {
  return profileId ?? SELF_SCOPE;
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
  /** Account-level data (not profile-scoped): who the key belongs to and its profiles. */
  me: () => ['sent', 'me'] as const,
  profiles: () => ['sent', 'profiles'] as const,
  scope: (profileId: ScopeId) => ['sent', scopeSegment(profileId)] as const,
  contacts: (profileId: ScopeId) => [...keys.scope(profileId), 'contacts'] as const,
  lists: (profileId: ScopeId) => [...keys.contacts(profileId), 'list'] as const,
  list: (profileId: ScopeId, query: ContactListQuery) =>
    [...keys.lists(profileId), normaliseListQuery(query)] as const,
  lookup: (profileId: ScopeId, phone: string) => [...keys.contacts(profileId), 'lookup', phone] as const,
  detail: (profileId: ScopeId, id: string) => [...keys.contacts(profileId), 'detail', id] as const,
};

/** Reads the profile scope back out of a contact key (null for the account itself, undefined otherwise). */
export function scopeOfKey(key: readonly unknown[]): ScopeId | undefined {
  if (key[0] !== 'sent' || typeof key[1] !== 'string' || key[2] !== 'contacts') return undefined;
  return key[1] === SELF_SCOPE ? null : key[1];
}
