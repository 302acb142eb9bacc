// Shared by the identity tests: settings as parseIdentityConfig would give them, and a gateway-shaped app
// (sign-in routes → requirePerson → enforceAccess → a stub API that echoes who asked) served on 127.0.0.1:0.

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { DEMO_IDS } from '../api/demo.ts';
import type { OidcSettings } from '../gateway/identity/config.ts';
import { enforceAccess, type OwnAccount } from '../gateway/identity/enforce.ts';
import type { OidcClient } from '../gateway/identity/oidc.ts';
import type { Person } from '../gateway/identity/person.ts';
import { parsePolicy } from '../gateway/identity/policy.ts';
import type { Identity, IdentityEnv } from '../gateway/identity/routes.ts';
import { createSessions, type Sessions } from '../gateway/sessions/sessions.ts';
import { createMemorySessionStore } from '../gateway/sessions/store.ts';
import { TEST_CLIENT, TEST_POLICY } from './oidc-provider.ts';

export const SECRET_A = 'first-session-secret-0123456789abcdef';
export const SECRET_B = 'second-session-secret-0123456789abcdef';
export const MINUTE = 60_000;

export function testSettings(
  publicUrl: string,
  issuer = 'http://127.0.0.1:1',
  secrets = [SECRET_A],
): OidcSettings {
  return {
    issuer: new URL(issuer),
    clientId: TEST_CLIENT.id,
    clientSecret: TEST_CLIENT.secret,
    publicUrl,
    scopes: 'openid email profile',
    groupsClaim: 'groups',
    sessionSecrets: secrets,
    idleMs: 30 * MINUTE,
    absoluteMs: 12 * 60 * MINUTE,
    recheckMs: 15 * MINUTE,
    policy: parsePolicy(TEST_POLICY, 'test'),
  };
}

/** Sessions in this process's memory with the settings' lengths, on an optional test clock. */
export function memorySessions(settings: OidcSettings, now: () => number = Date.now): Sessions {
  return createSessions({
    store: createMemorySessionStore(now),
    idleMs: settings.idleMs,
    absoluteMs: settings.absoluteMs,
    now,
  });
}

/**
 * Signs each person in directly (no provider: the session holds no tokens, so a recheck would end it) and
 * returns their cookie values, by key. `sessions` is the gateway's (`staffSignIn.sessions`).
 */
export async function signedIn<K extends string>(
  sessions: Sessions,
  people: Record<K, Person>,
): Promise<Record<K, string>> {
  const entries = await Promise.all(
    Object.entries<Person>(people).map(async ([who, person]) => {
      const opened = await sessions.open({
        kind: 'oidc',
        person,
        tokens: null,
        address: '127.0.0.1',
        userAgent: 'test',
      });
      return [who, opened.handle] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<K, string>;
}

/** For gateways whose tests open sessions directly (signedIn): no provider is ever asked. */
export const noProvider: OidcClient = {
  startSignIn: async () => {
    throw new Error('not used: sessions are sealed directly');
  },
  finishSignIn: async () => {
    throw new Error('not used');
  },
  recheck: async () => {
    throw new Error('no provider to ask');
  },
  endSessionUrl: () => null,
};

const PROFILES = [DEMO_IDS.clinicsUk, DEMO_IDS.pharmacyUs, DEMO_IDS.labsDe, DEMO_IDS.ventures].map((id) => ({
  id,
}));

/** The gateway's order of concerns with a stub API; `/v3/*` echoes the request and the person. */
export function identityTestApp(identity: Identity, ownAccount: OwnAccount = () => DEMO_IDS.organization) {
  const app = new Hono<IdentityEnv>();
  app.route('/', identity.routes);
  app.use(identity.requirePerson);
  app.use(enforceAccess(ownAccount));
  app.get('/v3/profiles', (c) => c.json({ success: true, data: { profiles: PROFILES } }));
  app.all('/v3/*', (c) =>
    c.json({
      success: true,
      data: { method: c.req.method, profile: c.req.header('x-profile-id') ?? null, person: c.get('person') },
    }),
  );
  app.get('*', (c) => c.html('<!doctype html><title>console</title>'));
  return app;
}

export interface Served {
  url: string;
  /** Replaced once the app can be built (the provider needs the URL first). */
  handler: (req: Request) => Response | Promise<Response>;
  close(): Promise<void>;
}

export async function serveOnLoopback(): Promise<Served> {
  const served = {
    handler: (_req: Request): Response | Promise<Response> => new Response('not ready', { status: 503 }),
  };
  const server = serve({ fetch: (req) => served.handler(req), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(served, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
