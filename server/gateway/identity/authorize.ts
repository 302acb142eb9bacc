// What a signed-in person may do, decided in the gateway whatever the browser sends: the role's permission for
// each API route and method, what one request may read (reading.ts), and the profile scope (scope.ts: the
// account the upstream will act on). Pure functions; the request is forwarded only on { ok: true }.
import { checkRoute } from '../allowlist.ts';
import { GatewayErrors } from '../errors.ts';
import { scopeOf } from '../scope.ts';
import type { Person } from './person.ts';
import { type Permissions, permissions } from './policy.ts';
import { readingDenied } from './reading.ts';

export type Denied = {
  ok: false;
  error: typeof GatewayErrors.ROLE_FORBIDDEN | typeof GatewayErrors.PROFILE_FORBIDDEN;
  message: string;
};
export type Decision = { ok: true } | Denied;

/** How a route is scoped: by its scope header (or the key's account), by the profile id in its path, or not. */
type Scoped = 'header' | 'path' | 'none';

interface Rule {
  pattern: RegExp;
  method: string;
  need: keyof Permissions;
  scope: Scoped;
}

const ID = '([A-Za-z0-9_-]{1,128})';
const CONTACTS = /^\/v3\/contacts$/;
const CONTACT = new RegExp(`^/v3/contacts/${ID}$`);

// Every allowlisted route and method needs a rule here (an allowlisted route without one is refused).
const RULES: readonly Rule[] = [
  { pattern: CONTACTS, method: 'GET', need: 'browse', scope: 'header' },
  { pattern: CONTACTS, method: 'POST', need: 'manageContacts', scope: 'header' },
  { pattern: CONTACT, method: 'GET', need: 'browse', scope: 'header' },
  { pattern: CONTACT, method: 'PATCH', need: 'edit', scope: 'header' },
  { pattern: CONTACT, method: 'DELETE', need: 'manageContacts', scope: 'header' },
  // Answered filtered to the person's profiles (filterProfiles), so listing them needs no scope check.
  { pattern: /^\/v3\/profiles$/, method: 'GET', need: 'browse', scope: 'none' },
  { pattern: new RegExp(`^/v3/profiles/${ID}$`), method: 'GET', need: 'browse', scope: 'path' },
  { pattern: /^\/v3\/me$/, method: 'GET', need: 'browse', scope: 'none' },
  // v1 reads x-sender-id's profile, or the key's own account (scope.ts).
  { pattern: /^\/v1\/contacts$/, method: 'GET', need: 'browse', scope: 'header' },
];

const ACTIONS: Record<keyof Permissions, string> = {
  browse: 'browse contacts',
  seeNumbers: 'see full numbers',
  edit: 'edit contacts',
  export: 'export contacts',
  manageContacts: 'add or remove contacts',
  readAudit: 'read the audit trail',
};

export function mayUseProfile(person: Person, profileId: string | null): boolean {
  if (person.profiles === '*') return true;
  return profileId !== null && person.profiles.includes(profileId.toLowerCase());
}

const roleForbidden = (person: Person, action: string): Denied => ({
  ok: false,
  error: GatewayErrors.ROLE_FORBIDDEN,
  message: `Your role (${person.role}) may not ${action}.`,
});

/** The refusal when the person's role lacks `need` (also for the gateway's own routes, e.g. imports). */
export function roleDenied(person: Person, need: keyof Permissions): Denied | null {
  return permissions(person.role)[need] ? null : roleForbidden(person, ACTIONS[need]);
}

function profileDenied(person: Person, what: string): Denied {
  return {
    ok: false,
    error: GatewayErrors.PROFILE_FORBIDDEN,
    message: `${what} is not one of the profiles you may use (${person.profiles.length} allowed; choose one of them).`,
  };
}

/**
 * API requests. `ownAccountId` is the upstream key's own account (the scope of a request without a scope
 * header); null when unknown, which only people with every profile ('*') may then use.
 */
export function authorizeApi(person: Person, req: Request, ownAccountId: string | null): Decision {
  const url = new URL(req.url);
  const path = url.pathname;
  // Routes the allowlist refuses keep its 404/405 answer.
  if (!checkRoute(req.method, path).ok) return { ok: true };
  const rule = RULES.find((r) => r.method === req.method && r.pattern.test(path));
  if (!rule) return roleForbidden(person, `${req.method} ${path}`);
  const denied = roleDenied(person, rule.need);
  if (denied) return denied;
  const unreadable = readingDenied(person, req.method, url);
  if (unreadable) return { ok: false, error: GatewayErrors.ROLE_FORBIDDEN, message: unreadable };
  const scope = scopeOf(path, req.headers, ownAccountId);
  // A foreign scope header is refused on every route, scoped or not.
  if (scope.account !== null && !mayUseProfile(person, scope.account))
    return profileDenied(person, 'That profile');
  if (rule.scope === 'header' && !mayUseProfile(person, scope.account ?? ownAccountId)) {
    return profileDenied(person, scope.account ? 'That profile' : "The account's own scope");
  }
  if (rule.scope === 'path' && !mayUseProfile(person, scope.pathAccount)) {
    return profileDenied(person, 'That profile');
  }
  return { ok: true };
}

export type PageDecision = { ok: true } | { ok: false; redirect: string };

/**
 * Page navigations (server-rendered with the `?profile=` of their URL): a person limited to some profiles who
 * asks for another one, or for the account's own scope, is sent to their first profile instead.
 */
export function authorizePage(person: Person, url: URL, ownAccountId: string | null): PageDecision {
  const wanted = url.searchParams.get('profile');
  if (mayUseProfile(person, wanted ?? ownAccountId)) return { ok: true };
  const to = new URL(url);
  to.searchParams.set('profile', person.profiles[0] ?? '');
  to.searchParams.delete('page'); // another scope's page number means nothing here
  return { ok: false, redirect: to.pathname + to.search };
}

const LISTS_PROFILES = new Set(['/v3/profiles', '/v3/me']);

/**
 * GET /v3/profiles and /v3/me list the account's profiles (the switcher's choices): answered with only the
 * person's. Other responses, errors and people with every profile pass through untouched.
 */
export async function filterProfiles(person: Person, path: string, res: Response): Promise<Response> {
  if (person.profiles === '*' || !LISTS_PROFILES.has(path) || res.status !== 200) return res;
  const body = (await res.json()) as { data?: { profiles?: { id: string }[] } };
  const listed = body.data?.profiles;
  if (Array.isArray(listed))
    body.data = { ...body.data, profiles: listed.filter((p) => mayUseProfile(person, p.id)) };
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: res.status, headers });
}
