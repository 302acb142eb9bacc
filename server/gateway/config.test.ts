import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../testing/gateway-harness.ts';
import { ConfigError, DEMO_ORG_KEY, isLoopbackHost, parseConfig } from './config.ts';

const TOKEN = 'a-long-enough-access-secret';

/** Runs `npm start`'s entry with these settings; its exit code and stderr when it fails, null if it started. */
function startFailure(env: Record<string, string>) {
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/gateway/main.ts'], {
    env: { ...process.env, ...env, PORT: '0' },
    timeout: 30_000,
  });
  return run.then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
}

describe('parseConfig', () => {
  it('defaults: loopback, port 5173, embedded API, v3, 15 s timeout, 1.5 s render budget', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 5173,
      upstream: { kind: 'embedded', dbPath: '.data/api.sqlite' },
      apiVersion: 'v3',
      accessSecret: null,
      timeoutMs: 15_000,
      renderBudgetMs: 1_500,
    });
    expect(c).not.toHaveProperty('testControls'); // test controls live in server/testing, not in a setting
    expect(parseConfig({ SSR_BUDGET_MS: '0' }).renderBudgetMs).toBe(0);
    expect(parseConfig({ SSR_BUDGET_MS: '400' }).renderBudgetMs).toBe(400);
  });

  it('uses the real API when a key is set', () => {
    expect(parseConfig({ SENT_DM_API_KEY: 'sk_live_x' }).upstream).toEqual({
      kind: 'remote',
      url: 'https://api.sent.dm',
      apiKey: 'sk_live_x',
    });
    expect(parseConfig({ SENT_API_URL: 'http://127.0.0.1:4010/', SENT_API_VERSION: 'v1' })).toMatchObject({
      upstream: { kind: 'remote', url: 'http://127.0.0.1:4010', apiKey: DEMO_ORG_KEY },
      apiVersion: 'v1',
    });
  });

  it.each([
    [{ HOST: '0.0.0.0' }, /Refusing to listen on 0\.0\.0\.0.*DASHBOARD_TOKEN/],
    [{ HOST: '192.168.1.5' }, /DASHBOARD_TOKEN/],
    [{ HOST: '::' }, /DASHBOARD_TOKEN/],
    [{ HOST: '0.0.0.0', DASHBOARD_TOKEN: 'short' }, /at least 16/],
    [{ SENT_API_URL: 'https://api.example.com' }, /SENT_DM_API_KEY is not/],
    [{ SENT_API_URL: 'http://api.example.com', SENT_DM_API_KEY: 'k' }, /https/],
    [{ SENT_API_URL: 'not a url', SENT_DM_API_KEY: 'k' }, /not a valid URL/],
    [{ SENT_API_VERSION: 'v2' }, /"v3" or "v1"/],
    [{ PORT: 'abc' }, /PORT/],
    [{ SENT_API_TIMEOUT_MS: '-1' }, /SENT_API_TIMEOUT_MS/],
    [{ SENT_API_TIMEOUT_MS: '0' }, /SENT_API_TIMEOUT_MS must be a positive/],
    [{ SSR_BUDGET_MS: 'soon' }, /SSR_BUDGET_MS must be a number of milliseconds \(0 = off\)/],
  ])('refuses %o', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('accepts a non-loopback bind with an access secret', () => {
    expect(parseConfig({ HOST: '0.0.0.0', DASHBOARD_TOKEN: TOKEN })).toMatchObject({
      host: '0.0.0.0',
      accessSecret: TOKEN,
    });
  });

  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '127.0.0.1.example.com']) {
      expect(isLoopbackHost(h)).toBe(false);
    }
  });
});

describe('sign-in modes', () => {
  const OIDC = {
    OIDC_ISSUER: 'https://idp.example.com',
    OIDC_CLIENT_ID: 'console',
    OIDC_CLIENT_SECRET: 'client-secret',
    PUBLIC_URL: 'https://console.example.com',
    SESSION_SECRETS: 'a-session-secret-of-at-least-32-characters',
    ACCESS_POLICY: '/etc/console/policy.json',
  };
  const policy = (json: string) => () => json;
  const GOOD = policy('{"groups": {"it-admins": {"role": "admin", "profiles": "*"}}}');

  it('picks open, secret or OIDC from the settings', () => {
    expect(parseConfig({}).identity).toEqual({ mode: 'open' });
    expect(parseConfig({ DASHBOARD_TOKEN: TOKEN }).identity).toEqual({ mode: 'secret' });
    expect(parseConfig(OIDC, GOOD).identity.mode).toBe('oidc');
  });

  it('OIDC mode may listen on a non-loopback address', () => {
    expect(parseConfig({ ...OIDC, HOST: '0.0.0.0' }, GOOD).host).toBe('0.0.0.0');
  });

  it('a missing setting or a bad policy stops start-up naming it', () => {
    const { OIDC_CLIENT_SECRET: _, ...missing } = OIDC;
    expect(() => parseConfig(missing, GOOD)).toThrow(/OIDC_CLIENT_SECRET is required/);
    expect(() => parseConfig(OIDC, policy('{"groups": {"x": {"role": "boss", "profiles": "*"}}}'))).toThrow(
      /ACCESS_POLICY \(\/etc\/console\/policy.json\) is not valid: groups\.x\.role/,
    );
  });

  it('`npm start` with a policy file that is not there exits naming ACCESS_POLICY', async () => {
    const err = await startFailure({ ...OIDC, ACCESS_POLICY: '/nonexistent/policy.json' });
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('ACCESS_POLICY: cannot read "/nonexistent/policy.json"');
  });
});

describe('non-loopback refusal', () => {
  it('serving the gateway on 0.0.0.0 without sign-in is refused', async () => {
    await expect(startTestGateway('http://127.0.0.1:1', { host: '0.0.0.0' })).rejects.toThrow(
      /DASHBOARD_TOKEN/,
    );
  });

  it('`npm start` exits with a message saying why', async () => {
    const err = await startFailure({ HOST: '0.0.0.0', DASHBOARD_TOKEN: '' });
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('Refusing to listen on 0.0.0.0');
  });
});

describe('sessions, proxies and the operations token', () => {
  it('defaults: 30 min idle, 12 h at most, the provider asked every 15 min, no trusted proxy, no token', () => {
    const c = parseConfig({});
    expect(c.sessions).toEqual({ idleMs: 30 * 60_000, absoluteMs: 720 * 60_000, recheckMs: 15 * 60_000 });
    expect(c.trustProxy).toBeNull();
    expect(c.metricsToken).toBeNull();
    expect(parseConfig({ SESSION_RECHECK_MINUTES: '5' }).sessions.recheckMs).toBe(5 * 60_000);
    expect(parseConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8' }).trustProxy?.list).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it.each([
    [{ SESSION_RECHECK_MINUTES: '0' }, /SESSION_RECHECK_MINUTES must be a whole number of minutes/],
    [{ SESSION_RECHECK_MINUTES: '15m' }, /SESSION_RECHECK_MINUTES/],
    [{ SESSION_IDLE_MINUTES: '-1' }, /SESSION_IDLE_MINUTES/],
    [{ SESSION_IDLE_MINUTES: '90', SESSION_MAX_MINUTES: '60' }, /SESSION_IDLE_MINUTES must not be longer/],
    [{ TRUST_PROXY: 'proxy.internal' }, /TRUST_PROXY: "proxy.internal" is not an IP address or CIDR/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY: "10.0.0.0\/33"/],
    [{ TRUST_PROXY: '10.0.0.0/8/1' }, /TRUST_PROXY/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16 characters/],
    [{ METRICS_TOKEN: TOKEN, DASHBOARD_TOKEN: TOKEN }, /METRICS_TOKEN must differ from DASHBOARD_TOKEN/],
  ])('%j stops start-up naming the setting', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('`npm start` with a bad SESSION_RECHECK_MINUTES exits naming it', async () => {
    const err = await startFailure({ SESSION_RECHECK_MINUTES: 'soon' });
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('SESSION_RECHECK_MINUTES must be a whole number of minutes');
  });
});
