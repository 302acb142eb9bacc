// Gateway configuration from environment variables. Parsing is pure (env in, config or error out) so the
// refusal rules (non-loopback bind without sign-in, half-configured upstream) are unit-testable.
import { ConfigError, isLoopbackHost } from './config-error.ts';
import { type IdentityConfig, parseIdentityConfig } from './identity/config.ts';
import { parseSessionSettings, type SessionSettings } from './sessions/config.ts';
import { parseTrustProxy, type TrustedProxies } from './trust-proxy.ts';

export { ConfigError, isLoopbackHost };

export const DEMO_ORG_KEY = 'sk_test_org_demo';
export const DEFAULT_REMOTE_URL = 'https://api.sent.dm';
export const DEFAULT_TIMEOUT_MS = 15_000;
/** How long a page navigation may wait for server rendering's data before the plain shell is sent. */
export const DEFAULT_RENDER_BUDGET_MS = 1_500;
export const MIN_SECRET_LENGTH = 16;

export type ApiVersion = 'v3' | 'v1';

export type UpstreamConfig =
  | { kind: 'embedded'; dbPath: string }
  | { kind: 'remote'; url: string; apiKey: string };

export interface GatewayConfig {
  host: string;
  port: number;
  upstream: UpstreamConfig;
  apiVersion: ApiVersion;
  /** The access secret, read from DASHBOARD_TOKEN; when set every request must present it (cookie or bearer). */
  accessSecret: string | null;
  /** How people get in: no sign-in (loopback), the access secret, or OpenID Connect. */
  identity: IdentityConfig;
  /** Session lengths (both sign-in methods) and the OIDC recheck interval. */
  sessions: SessionSettings;
  /** TRUST_PROXY: the proxies whose X-Forwarded-For names the client; null trusts none. */
  trustProxy: TrustedProxies | null;
  /** METRICS_TOKEN: a bearer that may read /healthz, /readyz and /metrics from anywhere. */
  metricsToken: string | null;
  timeoutMs: number;
  /** Server rendering's wait for data, in ms; 0 turns server rendering off. */
  renderBudgetMs: number;
  distDir: string;
  log: boolean;
}

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new ConfigError(`PORT must be 0..65535, got "${raw}".`);
  return n;
}

function parseMs(name: string, raw: string | undefined, fallback: number, allowZero: boolean): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !allowZero)) {
    const what = allowZero ? 'a number of milliseconds (0 = off)' : 'a positive number of milliseconds';
    throw new ConfigError(`${name} must be ${what}, got "${raw}".`);
  }
  return n;
}

function parseUpstream(env: NodeJS.ProcessEnv): UpstreamConfig {
  const url = env.SENT_API_URL?.trim() || undefined;
  const key = env.SENT_DM_API_KEY?.trim() || undefined;
  if (!url && !key) return { kind: 'embedded', dbPath: env.SENT_EMBEDDED_DB || '.data/api.sqlite' };
  const base = (url ?? DEFAULT_REMOTE_URL).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new ConfigError(`SENT_API_URL is not a valid URL: "${base}".`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(`SENT_API_URL must be http(s), got "${parsed.protocol}".`);
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    // The key would travel in clear text.
    throw new ConfigError('SENT_API_URL must use https unless it points at a loopback address.');
  }
  if (key) return { kind: 'remote', url: base, apiKey: key };
  // A local `npm run api` needs no secret: default to its public demo key. A remote API needs a real one.
  if (isLoopbackHost(parsed.hostname)) return { kind: 'remote', url: base, apiKey: DEMO_ORG_KEY };
  throw new ConfigError(
    'SENT_API_URL is set but SENT_DM_API_KEY is not: set the API key for that server (it stays on the server), ' +
      'or unset SENT_API_URL to use the embedded demo API.',
  );
}

export function parseConfig(
  env: NodeJS.ProcessEnv = process.env,
  readFile?: (path: string) => string,
): GatewayConfig {
  const host = env.HOST?.trim() || '127.0.0.1';
  const accessSecret = env.DASHBOARD_TOKEN || null;
  const identity = parseIdentityConfig(env, { readFile });
  if (!isLoopbackHost(host) && identity.mode === 'open') {
    throw new ConfigError(
      `Refusing to listen on ${host}: binding a non-loopback address exposes the console (and the API key's ` +
        'data) to the network. Set up sign-in (OIDC_ISSUER and the other OIDC settings), or DASHBOARD_TOKEN ' +
        `to an access secret of at least ${MIN_SECRET_LENGTH} characters, or unset HOST to stay on 127.0.0.1.`,
    );
  }
  if (accessSecret !== null && accessSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`DASHBOARD_TOKEN must be at least ${MIN_SECRET_LENGTH} characters long.`);
  }
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && metricsToken.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`METRICS_TOKEN must be at least ${MIN_SECRET_LENGTH} characters long.`);
  }
  if (metricsToken !== null && metricsToken === accessSecret) {
    throw new ConfigError(
      'METRICS_TOKEN must differ from DASHBOARD_TOKEN (it opens /metrics, not the console).',
    );
  }
  const version = env.SENT_API_VERSION?.trim() || 'v3';
  if (version !== 'v3' && version !== 'v1') {
    throw new ConfigError(`SENT_API_VERSION must be "v3" or "v1", got "${version}".`);
  }
  return {
    host,
    port: parsePort(env.PORT, 5173),
    upstream: parseUpstream(env),
    apiVersion: version,
    accessSecret,
    identity,
    sessions: parseSessionSettings(env),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken,
    timeoutMs: parseMs('SENT_API_TIMEOUT_MS', env.SENT_API_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, false),
    renderBudgetMs: parseMs('SSR_BUDGET_MS', env.SSR_BUDGET_MS, DEFAULT_RENDER_BUDGET_MS, true),
    distDir: env.DIST_DIR || 'dist',
    log: env.GATEWAY_LOG !== 'off',
  };
}
