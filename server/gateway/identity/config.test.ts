import { describe, expect, it } from 'vitest';
import { SECRET_A, SECRET_B } from '../../testing/identity-app.ts';
import { TEST_POLICY } from '../../testing/oidc-provider.ts';
import { describeIdentity, parseIdentityConfig } from './config.ts';

const files: Record<string, string> = {
  '/etc/policy.json': JSON.stringify(TEST_POLICY),
  '/etc/bad.json': '{"groups": []}',
};
const readFile = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error('ENOENT: no such file');
  return text;
};

const OIDC = {
  OIDC_ISSUER: 'https://login.example.com/realms/staff',
  OIDC_CLIENT_ID: 'console',
  OIDC_CLIENT_SECRET: 'client-secret',
  PUBLIC_URL: 'https://console.example.com/',
  SESSION_SECRETS: `${SECRET_A}, ${SECRET_B}`,
  ACCESS_POLICY: '/etc/policy.json',
};

const parse = (env: NodeJS.ProcessEnv) => parseIdentityConfig(env, { readFile });

describe('parseIdentityConfig', () => {
  it('chooses the mode and says it', () => {
    expect(parse({})).toEqual({ mode: 'open' });
    expect(parse({ DASHBOARD_TOKEN: 'x'.repeat(20), OIDC_ISSUER: '' })).toEqual({ mode: 'secret' });
    const oidc = parse(OIDC);
    expect(oidc).toMatchObject({
      mode: 'oidc',
      oidc: {
        clientId: 'console',
        publicUrl: 'https://console.example.com',
        groupsClaim: 'groups',
        sessionSecrets: [SECRET_A, SECRET_B],
      },
    });
    expect(describeIdentity(parse({}))).toMatch(/none \(loopback demo/);
    expect(describeIdentity(parse({ DASHBOARD_TOKEN: 'x' }))).toMatch(/shared access secret/);
    expect(describeIdentity(oidc)).toBe(
      'Sign-in: OpenID Connect with https://login.example.com/realms/staff (client console); 4 groups in ' +
        'ACCESS_POLICY; callback https://console.example.com/auth/callback.',
    );
  });

  it('reads the optional settings', () => {
    const c = parse({
      ...OIDC,
      OIDC_GROUPS_CLAIM: 'realm_access.roles',
      SESSION_IDLE_MINUTES: '15',
      SESSION_MAX_MINUTES: '60',
    });
    expect(c).toMatchObject({
      oidc: { groupsClaim: 'realm_access.roles', idleMs: 15 * 60_000, absoluteMs: 60 * 60_000 },
    });
  });

  it.each([
    ['OIDC_CLIENT_ID', { OIDC_CLIENT_ID: undefined }, /OIDC_CLIENT_ID is required/],
    ['OIDC_CLIENT_SECRET', { OIDC_CLIENT_SECRET: '' }, /OIDC_CLIENT_SECRET is required/],
    ['PUBLIC_URL', { PUBLIC_URL: undefined }, /PUBLIC_URL is required/],
    ['OIDC_ISSUER', { OIDC_ISSUER: undefined }, /OIDC_ISSUER is required/],
    ['ACCESS_POLICY', { ACCESS_POLICY: undefined }, /ACCESS_POLICY is required/],
    [
      'a plain-http issuer elsewhere',
      { OIDC_ISSUER: 'http://login.example.com' },
      /OIDC_ISSUER must use https/,
    ],
    [
      'a plain-http public URL elsewhere',
      { PUBLIC_URL: 'http://console.example.com' },
      /PUBLIC_URL must use https/,
    ],
    [
      'a public URL with a query',
      { PUBLIC_URL: 'https://console.example.com/?a=1' },
      /PUBLIC_URL must be a plain address/,
    ],
    [
      'a short secret',
      { SESSION_SECRETS: `${SECRET_A},short` },
      /SESSION_SECRETS must be a comma-separated list/,
    ],
    ['bad minutes', { SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES must be a whole number/],
    [
      'idle longer than max',
      { SESSION_IDLE_MINUTES: '90', SESSION_MAX_MINUTES: '60' },
      /SESSION_IDLE_MINUTES must not be longer/,
    ],
    ['scopes without openid', { OIDC_SCOPES: 'email groups' }, /OIDC_SCOPES must include "openid"/],
    [
      'a missing policy file',
      { ACCESS_POLICY: '/etc/none.json' },
      /^ACCESS_POLICY: cannot read "\/etc\/none\.json"/,
    ],
    [
      'a bad policy file',
      { ACCESS_POLICY: '/etc/bad.json' },
      /^ACCESS_POLICY \(\/etc\/bad\.json\) is not valid: groups/,
    ],
    ['both sign-ins', { DASHBOARD_TOKEN: 'x'.repeat(20) }, /either DASHBOARD_TOKEN .* or OIDC_ISSUER/],
  ])('stops start-up naming the setting: %s', (_what, change, message) => {
    expect(() => parse({ ...OIDC, ...change })).toThrow(message);
  });

  it('accepts http on a loopback address (tests, a local provider)', () => {
    const c = parse({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:9000', PUBLIC_URL: 'http://localhost:5173' });
    expect(c).toMatchObject({ oidc: { publicUrl: 'http://localhost:5173' } });
  });

  it('lists every missing setting at once', () => {
    expect(() => parse({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID is required.*OIDC_CLIENT_SECRET is required.*PUBLIC_URL is required.*SESSION_SECRETS is required.*ACCESS_POLICY is required/,
    );
  });
});
