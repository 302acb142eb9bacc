// Which sign-in the console uses, from the environment: none (loopback demo), the shared access secret
// (DASHBOARD_TOKEN), or OpenID Connect. A missing or bad setting stops start-up with a message naming it.
import * as v from 'valibot';
import { ConfigError, isLoopbackHost } from '../config-error.ts';
import { parseSessionSettings } from '../sessions/config.ts';
import { loadPolicy, type Policy } from './policy.ts';

export const MIN_SESSION_SECRET_LENGTH = 32;

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Origin (and optional path prefix) the browser uses, without a trailing slash. */
  publicUrl: string;
  scopes: string;
  groupsClaim: string;
  /** Seal the short-lived sign-in transaction cookie; the first seals, all open (rotation). */
  sessionSecrets: readonly string[];
  idleMs: number;
  absoluteMs: number;
  /** SESSION_RECHECK_MINUTES: the provider confirms groups (and so role and profiles) at least this often. */
  recheckMs: number;
  policy: Policy;
}

export type IdentityConfig = { mode: 'open' } | { mode: 'secret' } | { mode: 'oidc'; oidc: OidcSettings };

// Any of these means the operator is setting up OIDC: then every required one must be there.
const OIDC_MARKERS = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'SESSION_SECRETS',
  'ACCESS_POLICY',
];

const required = (name: string) => v.string(`${name} is required for OpenID Connect sign-in`);

const webUrl = (name: string) =>
  v.pipe(
    required(name),
    v.url(`${name} must be a URL`),
    v.check((raw) => {
      const u = new URL(raw);
      return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
    }, `${name} must use https (http only on a loopback address)`),
  );

const OidcEnvSchema = v.object({
  OIDC_ISSUER: webUrl('OIDC_ISSUER'),
  OIDC_CLIENT_ID: required('OIDC_CLIENT_ID'),
  OIDC_CLIENT_SECRET: required('OIDC_CLIENT_SECRET'),
  PUBLIC_URL: v.pipe(
    webUrl('PUBLIC_URL'),
    v.check((raw) => {
      const u = new URL(raw);
      return !u.search && !u.hash && !u.username;
    }, 'PUBLIC_URL must be a plain address such as https://console.example.com (no query, fragment or user)'),
  ),
  SESSION_SECRETS: v.pipe(
    required('SESSION_SECRETS'),
    v.transform((raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    v.check(
      (list) => list.length > 0 && list.every((s) => s.length >= MIN_SESSION_SECRET_LENGTH),
      `SESSION_SECRETS must be a comma-separated list of secrets of at least ${MIN_SESSION_SECRET_LENGTH} characters each (the first signs)`,
    ),
  ),
  ACCESS_POLICY: required('ACCESS_POLICY'),
  OIDC_GROUPS_CLAIM: v.optional(v.string(), 'groups'),
  OIDC_SCOPES: v.optional(v.string(), 'openid email profile'),
});

export interface IdentityConfigDeps {
  readFile?: (path: string) => string;
}

export function parseIdentityConfig(env: NodeJS.ProcessEnv, deps: IdentityConfigDeps = {}): IdentityConfig {
  // An empty variable counts as unset (`OIDC_ISSUER= npm start`).
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const oidcWanted = OIDC_MARKERS.some((name) => name in set);
  if (oidcWanted && set.DASHBOARD_TOKEN) {
    throw new ConfigError(
      'Set either DASHBOARD_TOKEN (shared access secret) or OIDC_ISSUER (sign-in), not both.',
    );
  }
  if (!oidcWanted) return { mode: set.DASHBOARD_TOKEN ? 'secret' : 'open' };
  // Every setting present (maybe undefined) so a missing one gets its own message, not valibot's "Invalid key".
  const input = Object.fromEntries(Object.keys(OidcEnvSchema.entries).map((name) => [name, set[name]]));
  const result = v.safeParse(OidcEnvSchema, input);
  if (!result.success) {
    const problems = [...new Set(result.issues.map((issue) => issue.message))];
    throw new ConfigError(`OpenID Connect sign-in is not configured: ${problems.join('; ')}.`);
  }
  const e = result.output;
  if (!e.OIDC_SCOPES.split(/\s+/).includes('openid')) {
    throw new ConfigError('OIDC_SCOPES must include "openid".');
  }
  const sessions = parseSessionSettings(env);
  return {
    mode: 'oidc',
    oidc: {
      issuer: new URL(e.OIDC_ISSUER),
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
      scopes: e.OIDC_SCOPES,
      groupsClaim: e.OIDC_GROUPS_CLAIM.trim(),
      sessionSecrets: e.SESSION_SECRETS,
      ...sessions,
      policy: loadPolicy(e.ACCESS_POLICY, deps.readFile),
    },
  };
}

/** The start-up line that says how people get in. */
export function describeIdentity(config: IdentityConfig): string {
  switch (config.mode) {
    case 'open':
      return 'Sign-in: none (loopback demo: anyone who can reach this address uses the console).';
    case 'secret':
      return 'Sign-in: shared access secret (DASHBOARD_TOKEN) at /__signin or a Bearer header.';
    case 'oidc': {
      const groups = Object.keys(config.oidc.policy.groups).length;
      return (
        `Sign-in: OpenID Connect with ${config.oidc.issuer.href} (client ${config.oidc.clientId}); ` +
        `${groups} group${groups === 1 ? '' : 's'} in ACCESS_POLICY; callback ${config.oidc.publicUrl}/auth/callback.`
      );
    }
  }
}
