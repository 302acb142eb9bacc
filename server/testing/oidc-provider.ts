// A real OpenID provider for tests (oidc-provider 9; it warns about Node 20 but runs): a static confidential
// client, the development login form (any password) and consent page, and test users in four groups plus one
// in none. Refresh tokens are issued unless a test turns them off (then a recheck uses userinfo). A test may
// change a user's groups or remove the user (`users`), as an administrator would at the provider. Listens on a
// free loopback port and stops with stop().
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { DEMO_IDS } from '../api/demo.ts';

export const TEST_CLIENT = { id: 'sent-console', secret: 'test-client-secret-0123456789abcdef' };

export interface TestUser {
  name: string;
  email: string;
  groups: string[];
}

/** Logins accepted by the provider's form, by account id. */
export const TEST_USERS: Record<string, TestUser> = {
  ana: { name: 'Ana Agent', email: 'ana@northwind.example', groups: ['uk-support', 'staff'] },
  vic: { name: 'Vic Viewer', email: 'vic@northwind.example', groups: ['viewers'] },
  ida: { name: 'Ida Admin', email: 'ida@northwind.example', groups: ['it-admins'] },
  uma: { name: 'Uma UK Admin', email: 'uma@northwind.example', groups: ['uk-admins'] },
  nob: { name: 'Nobody', email: 'nob@northwind.example', groups: ['staff'] },
  // Signed out everywhere by an admin in e2e (one each, so no other test's session ends with theirs).
  rex: { name: 'Rex Removed', email: 'rex@northwind.example', groups: ['viewers'] },
  rue: { name: 'Rue Removed', email: 'rue@northwind.example', groups: ['viewers'] },
};

/** The ACCESS_POLICY that goes with TEST_USERS. */
export const TEST_POLICY = {
  groups: {
    'uk-support': { role: 'agent', profiles: [DEMO_IDS.clinicsUk] },
    viewers: { role: 'viewer', profiles: '*' },
    'it-admins': { role: 'admin', profiles: '*' },
    'uk-admins': { role: 'admin', profiles: [DEMO_IDS.clinicsUk] },
  },
};

export interface TestProvider {
  issuer: string;
  /** This provider's own copy of TEST_USERS: change groups or delete a user to see the console follow. */
  users: Record<string, TestUser>;
  stop(): Promise<void>;
}

export async function startTestProvider(opts: {
  publicUrl: string;
  groupsInIdToken?: boolean;
  /** false: no refresh tokens (the console then asks userinfo with the access token). */
  refreshTokens?: boolean;
}): Promise<TestProvider> {
  const users: Record<string, TestUser> = structuredClone(TEST_USERS);
  const refresh = opts.refreshTokens !== false;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${opts.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${opts.publicUrl}/auth/signed-out`],
        grant_types: refresh ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Groups travel with the profile scope; in the ID token too unless a test wants them from userinfo only.
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'groups'] },
    conformIdTokenClaims: opts.groupsInIdToken === false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    // Explicit lifetimes (seconds) so the provider does not print a notice per artifact.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, RefreshToken: 3600 },
    // Without asking for offline_access: the console asks again every SESSION_RECHECK_MINUTES.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    async findAccount(_ctx, id) {
      const user = users[id];
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...user }) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    users,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
