// Group and role changes reach signed-in people within SESSION_RECHECK_MINUTES: once a session's last check
// is that old, its next request asks the provider again (oidc.ts `recheck`: refresh token, else userinfo)
// and the groups resolve to a role and profiles afresh. A person the provider no longer confirms, or whose
// groups no longer give access, is signed out. One check per session at a time: within this process by a
// shared promise, across replicas by a claim in the session store (the others carry on meanwhile).
import type { Sessions } from '../sessions/sessions.ts';
import type { SessionRecord } from '../sessions/store.ts';
import type { OidcClient } from './oidc.ts';
import type { Person } from './person.ts';
import { type Policy, resolveAccess } from './policy.ts';

export type RecheckOutcome =
  | { status: 'current'; person: Person; groups?: string[] }
  | { status: 'ended'; reason: 'access_removed' | 'not_confirmed'; person: Person; groups: string[] };

export interface RecheckOptions {
  oidc: Pick<OidcClient, 'recheck'>;
  policy: Policy;
  sessions: Sessions;
  recheckMs: number;
  /** How long a replica may hold a session's check before another may try. */
  claimMs?: number;
}

export function createRecheck(o: RecheckOptions) {
  const inFlight = new Map<string, Promise<RecheckOutcome>>();

  async function ask(id: string, record: SessionRecord & { person: Person }): Promise<RecheckOutcome> {
    const person = record.person;
    if (!(await o.sessions.claim(`recheck:${id}`, o.claimMs ?? 30_000))) return { status: 'current', person };
    let answer: Awaited<ReturnType<OidcClient['recheck']>>;
    try {
      if (!record.tokens) throw new Error('no provider tokens kept for this session');
      answer = await o.oidc.recheck(person.sub, record.tokens);
    } catch {
      await o.sessions.end(id);
      return { status: 'ended', reason: 'not_confirmed', person, groups: [] };
    }
    const { groups } = answer.identity;
    const access = resolveAccess(o.policy, groups);
    if (!access) {
      await o.sessions.end(id);
      return { status: 'ended', reason: 'access_removed', person, groups };
    }
    // Name and email stay as at sign-in (a refreshed ID token may carry fewer claims); access is what changes.
    const updated: Person = { ...person, role: access.role, profiles: access.profiles };
    const saved = await o.sessions.save(id, {
      ...record,
      person: updated,
      tokens: answer.tokens,
      checked: o.sessions.now(),
    });
    return saved ? { status: 'current', person: updated, groups } : { status: 'current', person };
  }

  /** The person as the provider confirms them now, or why the session ended. */
  return function recheck(id: string, record: SessionRecord & { person: Person }): Promise<RecheckOutcome> {
    if (o.sessions.now() - record.checked < o.recheckMs) {
      return Promise.resolve({ status: 'current', person: record.person });
    }
    const running = inFlight.get(id) ?? ask(id, record).finally(() => inFlight.delete(id));
    inFlight.set(id, running);
    return running;
  };
}

export type Recheck = ReturnType<typeof createRecheck>;
