// What contact imports get from this gateway (server/imports/host.ts). Who may import is enforced here whatever
// the browser shows: with staff sign-in, people whose role manages contacts, and only for profiles they are
// granted (the same rules, and refusals, as a POST /v3/contacts in that profile: identity/authorize.ts). Without
// sign-in (loopback demo, access secret) everyone may.
import type { Context } from 'hono';
import type { ImportsHost, JobScope, Refusal } from '../imports/host.ts';
import { clientAddress, type GatewayEnv } from './env.ts';
import { type GatewayError, GatewayErrors, refuse } from './errors.ts';
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
export function visibleJobs(c: C, ownAccount: OwnAccount): JobScope {
  const person = c.get('person');
  if (!person || person.profiles === '*') return { profileIds: null, ownScope: true };
  const own = ownAccount();
  return { profileIds: person.profiles, ownScope: own !== null && mayUseProfile(person, own) };
}

/** The gateway's code for each of imports' refusals. */
const REFUSALS: Record<Refusal, GatewayError> = {
  invalid: GatewayErrors.INVALID_REQUEST,
  'not-found': GatewayErrors.NOT_FOUND,
  conflict: GatewayErrors.CONFLICT,
  'too-large': GatewayErrors.BODY_TOO_LARGE,
  'audit-unavailable': GatewayErrors.AUDIT_UNAVAILABLE,
};

/** Who a job's entries name: as the trail names this request's person, else the signed-in person or the address. */
function actorOf(c: C): ReturnType<ImportsHost['requester']>['actor'] {
  const person = c.get('person');
  return (
    c.get('audit')?.actor(c) ??
    (person
      ? { id: person.sub, name: person.name, role: person.role, groups: [] }
      : { session: `address:${clientAddress(c)}`, client: null })
  );
}

/** Imports' host in this gateway: `ownAccount` is the key's own account (staff sign-in's; else unknown). */
export function importsHost(ownAccount: OwnAccount): ImportsHost {
  const g = (c: Context) => c as C;
  return {
    roleRefusal: (c) => roleRefusal(g(c)),
    profileRefusal: (c, profileId) => profileRefusal(g(c), ownAccount, profileId),
    visibleJobs: (c) => visibleJobs(g(c), ownAccount),
    requester: (c) => ({ actor: actorOf(g(c)), clientAddress: clientAddress(g(c)) }),
    async record(c, entry) {
      await g(c).get('audit')?.record(g(c), entry);
    },
    refuse: (c, why, message) => refuse(g(c), REFUSALS[why], message),
  };
}
