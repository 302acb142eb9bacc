import { Hono } from 'hono';
import type { AccountDirectory, AccountRecord } from '../accounts.ts';
import type { AppEnv } from '../app-env.ts';
import { ok } from '../envelope.ts';
import { ApiFailure } from '../errors.ts';
import { meResponse, profileDetail } from '../present.ts';
import { ProfileIdParam } from '../schemas.ts';
import { validated } from '../validation.ts';

/** Profiles a key can see: an organization's children, a profile itself, none for a standalone user. */
function visibleProfiles(accounts: AccountDirectory, account: AccountRecord): AccountRecord[] {
  if (account.type === 'organization') return accounts.profilesOf(account.id);
  return account.type === 'profile' ? [account] : [];
}

export function profilesRoutes(accounts: AccountDirectory): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    const profiles = visibleProfiles(accounts, c.get('scope').account);
    return ok(c, { profiles: profiles.map(profileDetail) });
  });
  routes.get('/:profileId', validated('param', ProfileIdParam), (c) => {
    const id = c.req.valid('param').profileId;
    const profile = visibleProfiles(accounts, c.get('scope').account).find((p) => p.id === id);
    if (!profile) throw new ApiFailure('AUTH_004', 'The profile does not belong to your organization.');
    return ok(c, profileDetail(profile));
  });
  return routes;
}

/** /v3/me always describes the key's own account, even when x-profile-id scopes the request. */
export function meRoutes(accounts: AccountDirectory): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    const { account } = c.get('scope');
    const profiles = account.type === 'organization' ? accounts.profilesOf(account.id) : [];
    return ok(c, meResponse(account, profiles));
  });
  return routes;
}
