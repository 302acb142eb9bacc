// The OpenID Connect relying party (openid-client 6): discovery, the authorization code flow with PKCE, state
// and nonce, asking again for a signed-in person's groups (refresh token, else userinfo), and RP-initiated
// logout where the provider offers it.
import * as client from 'openid-client';
import { ConfigError, isLoopbackHost } from '../config-error.ts';
import type { ProviderTokens } from '../sessions/store.ts';
import type { OidcSettings } from './config.ts';
import type { LoginTransaction } from './login.ts';

export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/auth/signed-out';

export interface SignedInIdentity {
  sub: string;
  name: string;
  email: string | null;
  groups: string[];
}

/** A sign-in's identity and the tokens to ask again with (kept server-side in the session). */
export interface ProviderAnswer {
  identity: SignedInIdentity;
  tokens: ProviderTokens;
}

export interface OidcClient {
  /** Where to send the browser, and what the callback must check (kept in the login cookie). */
  startSignIn(next: string): Promise<{ url: URL; transaction: LoginTransaction }>;
  /** `search` is the callback's query string; throws on any protocol or validation failure. */
  finishSignIn(search: string, tx: LoginTransaction): Promise<ProviderAnswer>;
  /**
   * The person's current claims: a refresh token grant when there is a refresh token, else userinfo with the
   * access token. Throws when the provider does not confirm `sub` (token revoked or expired, person removed).
   */
  recheck(sub: string, tokens: ProviderTokens): Promise<ProviderAnswer>;
  /** The provider's logout URL, or null when it has no end_session_endpoint. */
  endSessionUrl(): URL | null;
}

type OidcClientSettings = Pick<
  OidcSettings,
  'issuer' | 'clientId' | 'clientSecret' | 'publicUrl' | 'scopes' | 'groupsClaim'
>;

/** A claim such as `groups`, or a dotted path into nested claims (`realm_access.roles`). */
export function groupsFrom(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims;
  for (const part of claim.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function identityOf(sub: string, claims: Record<string, unknown>, groupsClaim: string): SignedInIdentity {
  const email = str(claims.email);
  return {
    sub,
    name: str(claims.name) ?? str(claims.preferred_username) ?? email ?? sub,
    email,
    groups: groupsFrom(claims, groupsClaim),
  };
}

/** Discovers the provider once; a failure stops start-up naming OIDC_ISSUER. */
export async function createOidcClient(s: OidcClientSettings): Promise<OidcClient> {
  // Plain http only for a provider on this machine (tests, a local IdP); config.ts refuses it elsewhere.
  const insecure = s.issuer.protocol === 'http:' && isLoopbackHost(s.issuer.hostname);
  let config: client.Configuration;
  try {
    config = await client.discovery(s.issuer, s.clientId, s.clientSecret, undefined, {
      execute: insecure ? [client.allowInsecureRequests] : [],
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`OIDC_ISSUER: discovery at ${s.issuer.href} failed (${why}).`);
  }
  const redirectUri = s.publicUrl + CALLBACK_PATH;
  /** Many providers leave groups out of the ID token; the userinfo endpoint (checked against `sub`) has them. */
  const withUserInfo = async (claims: Record<string, unknown>, accessToken: string, sub: string) =>
    groupsFrom(claims, s.groupsClaim).length === 0 && config.serverMetadata().userinfo_endpoint
      ? { ...claims, ...(await client.fetchUserInfo(config, accessToken, sub)) }
      : claims;

  return {
    async startSignIn(next) {
      const transaction = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        next,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: s.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: 'S256',
        state: transaction.state,
        nonce: transaction.nonce,
      });
      return { url, transaction };
    },

    async finishSignIn(search, tx) {
      // The redirect URI as registered, whatever address the request reached this process on (proxies).
      const current = new URL(redirectUri + search);
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: tx.codeVerifier,
        expectedState: tx.state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the provider sent no ID token');
      const claims = await withUserInfo(idClaims, tokens.access_token, idClaims.sub);
      return {
        identity: identityOf(idClaims.sub, claims, s.groupsClaim),
        tokens: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? null },
      };
    },

    async recheck(sub, previous) {
      let tokens = previous;
      let claims: Record<string, unknown> = {};
      if (previous.refreshToken) {
        const answer = await client.refreshTokenGrant(config, previous.refreshToken);
        tokens = {
          accessToken: answer.access_token,
          refreshToken: answer.refresh_token ?? previous.refreshToken,
        };
        claims = answer.claims() ?? {};
        if (claims.sub !== undefined && claims.sub !== sub)
          throw new Error('the provider named another person');
      } else if (!config.serverMetadata().userinfo_endpoint) {
        throw new Error('the provider has neither a refresh token for this session nor a userinfo endpoint');
      }
      claims = await withUserInfo(claims, tokens.accessToken, sub);
      return { identity: identityOf(sub, claims, s.groupsClaim), tokens };
    },

    endSessionUrl() {
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, { post_logout_redirect_uri: s.publicUrl + SIGNED_OUT_PATH });
    },
  };
}
