// What may be cached, for how long, under which key, and which edits make it stale. Keys never mix API keys
// or profiles; tags name what an edit invalidates (that contact, that profile's lists).
import { createHash } from 'node:crypto';

export interface CachePolicy {
  ttlMs: number;
  tags: string[];
}

/** Account and profiles change rarely; lists and contacts are worth sharing for a few seconds only. */
export const ACCOUNT_TTL_MS = 60_000;
export const CONTACTS_TTL_MS = 5_000;

const CONTACT = /^\/v3\/contacts\/([A-Za-z0-9_-]{1,128})$/;
const LISTS = /^\/v(1|3)\/contacts$/;
const ACCOUNT = /^\/v3\/(me|profiles(\/[A-Za-z0-9_-]{1,128})?)$/;

const listsTag = (profile: string) => `lists:${profile || '-'}`;
const contactTag = (id: string) => `contact:${id}`;

/** How to cache a GET of `pathname` for `profile` (the scope's account, '' for the key's own); null = do not cache. */
export function cachePolicyFor(pathname: string, profile: string): CachePolicy | null {
  if (ACCOUNT.test(pathname)) return { ttlMs: ACCOUNT_TTL_MS, tags: ['account'] };
  if (LISTS.test(pathname)) return { ttlMs: CONTACTS_TTL_MS, tags: [listsTag(profile)] };
  const contact = CONTACT.exec(pathname);
  if (contact?.[1]) return { ttlMs: CONTACTS_TTL_MS, tags: [contactTag(contact[1])] };
  return null;
}

/** Tags a write makes stale: the contact (in every profile) and the lists of the profile it was made in. */
export function invalidationsFor(method: string, pathname: string, profile: string): string[] {
  if (method === 'GET' || method === 'HEAD') return [];
  const contact = CONTACT.exec(pathname);
  if (contact?.[1]) return [contactTag(contact[1]), listsTag(profile)];
  if (LISTS.test(pathname)) return [listsTag(profile)];
  return [];
}

/** A short, non-reversible name for an API key (cache keys, Redis key prefixes, logs). */
export function keyScope(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
}

/** Same key, same scope (../scope.ts: scopeKey), same path, same query in any order → same cache key. */
export function cacheKeyOf(apiKey: string, scope: string, url: URL): string {
  const query = new URLSearchParams(url.search);
  query.sort();
  return createHash('sha256').update([apiKey, scope, url.pathname, query].join('\n')).digest('base64url');
}
