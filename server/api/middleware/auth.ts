import type { MiddlewareHandler } from 'hono';
import { isUuid } from '../../../src/shared/contract.ts';
import type { AccountDirectory, AccountRecord } from '../accounts.ts';
import type { AppEnv, Scope } from '../app-env.ts';
import { ApiFailure } from '../errors.ts';

/**
 * Authenticates x-api-key and resolves the scope. `profileHeader` is x-profile-id on v3 and x-sender-id on v1;
 * only organization keys may name one of their own profiles. With `ownIdAllowed` (v1, whose docs send
 * x-sender-id on every call) naming the key's own account is the same as naming none.
 */
export function authenticate(
  accounts: AccountDirectory,
  profileHeader: string,
  { ownIdAllowed = false } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('x-api-key');
    if (!key) throw new ApiFailure('AUTH_001', 'API key is required. Pass it in the x-api-key header.');
    const account = accounts.byKey(key);
    if (!account) throw new ApiFailure('AUTH_002', 'The API key is invalid or has been revoked.');
    const named = c.req.header(profileHeader);
    const own = ownIdAllowed && named?.toLowerCase() === account.id.toLowerCase();
    c.set('scope', resolveScope(accounts, account, own ? undefined : named, profileHeader));
    await next();
  };
}

export function resolveScope(
  accounts: AccountDirectory,
  account: AccountRecord,
  profileId: string | undefined,
  headerName = 'x-profile-id',
): Scope {
  let acting = account;
  if (profileId) {
    if (!isUuid(profileId)) {
      throw new ApiFailure('VALIDATION_003', 'Invalid ID format.', { [headerName]: ['Must be a UUID.'] });
    }
    if (account.type !== 'organization') {
      throw new ApiFailure('AUTH_004', `Only organization API keys can use the ${headerName} header.`);
    }
    const profile = accounts.byId(profileId);
    if (profile?.type !== 'profile' || profile.organizationId !== account.id) {
      throw new ApiFailure('AUTH_004', 'The profile does not belong to your organization.');
    }
    acting = profile;
  }
  const ownerIds = [acting.id];
  if (acting.type === 'profile' && acting.inheritContacts && acting.organizationId) {
    ownerIds.push(acting.organizationId);
  }
  return { account, acting, ownerIds };
}
