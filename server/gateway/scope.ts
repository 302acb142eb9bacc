// One effective scope per API request: which account it reads or writes, decided once from the route and the
// headers the upstream will act on. v3 acts on `x-profile-id`, v1 on `x-sender-id` (and ignores the other), a
// profile route on the id in its path; without a header the key's own account. Enforcement (identity/authorize.ts),
// the headers forwarded upstream (headers.ts), the response cache's key (team/cache-policy.ts) and the audit
// entry's profile (middleware/audit.ts) all read this, so none of them can disagree with the upstream.

/** The header an API family scopes by: the only scope header forwarded for that family. */
export function scopeHeaderOf(pathname: string): 'x-profile-id' | 'x-sender-id' {
  return pathname.startsWith('/v1/') ? 'x-sender-id' : 'x-profile-id';
}

const PROFILE_PATH = /^\/v3\/profiles\/([A-Za-z0-9_-]{1,128})$/;

export interface Scope {
  /** The header the upstream will read, and its value (lower case); null: none is sent. */
  header: { name: 'x-profile-id' | 'x-sender-id'; value: string } | null;
  /** The account named (a profile id), or null: the key's own account. */
  account: string | null;
  /** A profile named by the route's path (GET /v3/profiles/{id}), checked besides the header's. */
  pathAccount: string | null;
}

/**
 * The scope of `method pathname` with these request headers. `ownAccountId` (the key's own account, when known)
 * lets v1's `x-sender-id: <own id>` mean what the upstream takes it for: no profile.
 */
export function scopeOf(pathname: string, headers: Headers, ownAccountId: string | null = null): Scope {
  const name = scopeHeaderOf(pathname);
  const value = headers.get(name)?.trim().toLowerCase() || null;
  const own = name === 'x-sender-id' && value !== null && value === ownAccountId;
  return {
    header: value === null ? null : { name, value },
    account: own ? null : value,
    pathAccount: PROFILE_PATH.exec(pathname)?.[1]?.toLowerCase() ?? null,
  };
}

/** A stable name for the scope (cache keys): the header the upstream reads, or the key's own account. */
export function scopeKey(scope: Scope): string {
  return scope.header ? `${scope.header.name}:${scope.header.value}` : 'own';
}
