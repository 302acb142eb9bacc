// Who may import, enforced here whatever the browser shows: with staff sign-in, people whose role manages
// contacts, and only for profiles they are granted (the same rules, and refusals, as a POST /v3/contacts in
// that profile: identity/authorize.ts). Without sign-in (loopback demo, access secret) everyone may.
import type { Context } from 'hono';
import type { JobFilter } from '../imports/store.ts';
import type { GatewayEnv } from './env.ts';
import { refuse } from './errors.ts';
import { mayUseProfile, roleDenied } from './identity/authorize.ts';
import { type OwnAccount, refusal } from './identity/enforce.ts';

type C = Context<GatewayEnv>;

/** 403 GATEWAY_009 for a role that may not add or remove contacts; null when it may. */
export function roleRefusal(c: C): Response | null {
  const person = c.get('person');
  const denied = person ? roleDenied(person, 'manageContacts') : null;
  return denied ? refuse(c, denied.error, denied.message) : null;
}

/** 403 GATEWAY_009 / GATEWAY_010 unless the person may add contacts to this profile (null: the account's own). */
export function profileRefusal(c: C, ownAccount: OwnAccount, profileId: string | null): Response | null {
  const person = c.get('person');
  if (!person) return null;
  const headers: Record<string, string> = profileId ? { 'x-profile-id': profileId } : {};
  const asIfAdding = new Request('http://gateway.internal/v3/contacts', { method: 'POST', headers });
  const refused = refusal(person, asIfAdding, ownAccount, c.get('requestId'));
  if (!refused) return null;
  c.set('error', refused.code);
  return refused.response;
}

/** The jobs a person may see: those of their profiles (and of the account's own scope when granted it). */
export function visibleJobs(c: C, ownAccount: OwnAccount): Omit<JobFilter, 'limit'> {
  const person = c.get('person');
  if (!person || person.profiles === '*') return { profileIds: null, ownScope: true };
  const own = ownAccount();
  return { profileIds: person.profiles, ownScope: own !== null && mayUseProfile(person, own) };
}
