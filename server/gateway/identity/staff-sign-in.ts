// OIDC mode put together for the gateway (app.ts): discovery first (a provider that cannot be reached stops
// start-up naming OIDC_ISSUER), then the sign-in routes, `requirePerson` and `enforceAccess`, and what server
// rendering and the person routes need (the upstream key's own account).
import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { GatewayEnv } from '../env.ts';
import { createSessions, type Sessions } from '../sessions/sessions.ts';
import { createMemorySessionStore, type SessionStore } from '../sessions/store.ts';
import type { Upstream } from '../upstream.ts';
import type { OidcSettings } from './config.ts';
import { enforceAccess, type OwnAccount } from './enforce.ts';
import { createOidcClient, type OidcClient } from './oidc.ts';
import { ownAccountOf } from './own-account.ts';
import { createIdentity } from './routes.ts';

/** While the key's own account is unknown (upstream still starting or down), ask again at most this often. */
const OWN_ACCOUNT_RETRY_MS = 10_000;

export interface StaffSignIn {
  /** /auth/sign-in, /auth/callback, /auth/sign-out, /auth/signed-out: before requirePerson. */
  routes: ReturnType<typeof createIdentity>['routes'];
  requirePerson: MiddlewareHandler<GatewayEnv>;
  /** Role and profile checks (after requirePerson), with the key's own account looked up when unknown. */
  enforceAccess: MiddlewareHandler<GatewayEnv>;
  ownAccount: OwnAccount;
  /** Where a form may lead besides this origin: sign-out redirects to the provider's logout page. */
  formTargets: string[];
  /** The live sessions (the admins' list and sign-out: sessions/routes.ts; tests open sessions here). */
  sessions: Sessions;
}

export interface StaffSignInOptions {
  settings: OidcSettings;
  upstream: Pick<Upstream, 'baseUrl' | 'apiKey' | 'fetch'>;
  /** Tests pass a client; otherwise discovery at settings.issuer. */
  oidc?: OidcClient;
  /** Where sessions live (sessions/open.ts); absent: this process's memory. */
  store?: SessionStore;
  now?: () => number;
}

export async function createStaffSignIn(opts: StaffSignInOptions): Promise<StaffSignIn> {
  const oidc = opts.oidc ?? (await createOidcClient(opts.settings));
  const now = opts.now ?? Date.now;
  const sessions = createSessions({
    store: opts.store ?? createMemorySessionStore(now),
    idleMs: opts.settings.idleMs,
    absoluteMs: opts.settings.absoluteMs,
    now,
  });
  const identity = createIdentity({ settings: opts.settings, oidc, sessions });
  const own = ownAccountOf(opts.upstream);
  let lastTry = Number.NEGATIVE_INFINITY;
  const knowOwnAccount: MiddlewareHandler<GatewayEnv> = async (_c, next) => {
    if (own.get() === null && Date.now() - lastTry >= OWN_ACCOUNT_RETRY_MS) {
      lastTry = Date.now();
      await own.refresh();
    }
    await next();
  };
  const logout = oidc.endSessionUrl();
  return {
    routes: identity.routes,
    requirePerson: identity.requirePerson,
    enforceAccess: every(knowOwnAccount, enforceAccess(own.get)),
    ownAccount: own.get,
    formTargets: logout ? [logout.origin] : [],
    sessions,
  };
}
