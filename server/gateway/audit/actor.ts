// Who an audit entry names. A signed-in person (the identity middleware's `person`, read loosely here so
// this compiles and works with or without it) carries the role and groups they had at that moment; before
// sign-in exists, the access secret's sign-in session (the start of its public id), else the browser session
// (the team scheduler's `sent_console_sid` cookie, as a short hash: the trail is not a place for session
// tokens) or, without one, the client address.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { RecordInput } from '../../audit/recorder.ts';
import { clientAddress, type GatewayEnv } from '../env.ts';
import { BROWSER_SESSION_COOKIE } from '../team/requester.ts';
import type { AuditPerson } from './types.ts';

/** How people reach this gateway, which is all an entry can say about someone not signed in. */
export type SignInMode = 'loopback' | 'access-secret';

export const signInModeOf = (accessSecret: string | null): SignInMode =>
  accessSecret ? 'access-secret' : 'loopback';

const MODE_LABEL: Record<SignInMode, string> = {
  loopback: 'loopback user (no sign-in)',
  'access-secret': 'access-secret holder',
};

function isPerson(value: unknown): value is AuditPerson {
  const p = value as Partial<AuditPerson> | null;
  return typeof p?.sub === 'string' && typeof p.name === 'string' && typeof p.role === 'string';
}

/** The signed-in person, when the identity middleware set one. */
export function personOf(c: Context<GatewayEnv>): AuditPerson | null {
  const person = (c.var as Record<string, unknown>).person;
  return isPerson(person) ? person : null;
}

const shortHash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 16);

function sessionOf(c: Context<GatewayEnv>): string {
  // A sign-in session (the access secret's): the start of its public id, as the admins' list shows it.
  const signedIn = c.get('session');
  if (signedIn) return `session:${signedIn.slice(0, 16)}`;
  const sid = getCookie(c, BROWSER_SESSION_COOKIE);
  if (sid) return `sid:${shortHash(sid)}`;
  if (c.req.header('authorization')?.toLowerCase().startsWith('bearer ')) return 'bearer';
  return `address:${clientAddress(c)}`;
}

export function actorOf(
  c: Context<GatewayEnv>,
  mode: SignInMode,
  person: AuditPerson | null = personOf(c),
): RecordInput['actor'] {
  if (person) {
    return { id: person.sub, name: person.name, role: person.role, groups: [...(person.groups ?? [])] };
  }
  return { session: sessionOf(c), client: MODE_LABEL[mode] };
}

/** Same actor id as an entry would get: exports are finished by whoever started them. */
export function actorIdOf(actor: RecordInput['actor']): string {
  return 'id' in actor ? actor.id : actor.session;
}

/**
 * The admin check for the trail: a signed-in person needs the admin role; without sign-in (loopback) or with
 * the shared access secret, whoever got this far is the console's one user, and so its admin. Must run
 * after the identity middleware, so that with OIDC a person is always set here.
 */
export function isAuditAdmin(c: Context<GatewayEnv>): boolean {
  const person = personOf(c);
  return person ? person.role === 'admin' : true;
}
