// The session store for `npm start`: Redis when REDIS_URL is set (the engine the replicas already share for
// the team budget), else this process's memory. Not SQLite: a restart then signs everyone out (once, through
// the provider or the secret again), but a sign-in never outlives the process that can check it, and no disk
// write is added per request; replicas need REDIS_URL for the budget anyway. Keys carry a scope derived from
// how people sign in here, so two consoles sharing one Redis never accept each other's sessions, and
// changing DASHBOARD_TOKEN (or the OIDC client) ends every session made under the old one.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { GatewayEnv } from '../env.ts';
import { errorResponse, GatewayErrors } from '../errors.ts';
import { createRedisSessionStore } from './redis-store.ts';
import { createMemorySessionStore, type SessionStore, SessionStoreUnavailable } from './store.ts';

/** What makes this console's sessions its own: the access secret, or the OIDC issuer, client and address. */
export function sessionScope(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 16);
}

export async function openSessionStore(o: { redisUrl: string | null; scope: string }): Promise<SessionStore> {
  if (!o.redisUrl) return createMemorySessionStore();
  return createRedisSessionStore({ url: o.redisUrl, prefix: `sent:gw:sessions:${o.scope}:` });
}

/** A Hono onError for the gateway: a store that cannot be reached is a 503 naming it, never a 500. */
export function sessionStoreErrors(err: Error, c: Context<GatewayEnv>): Response {
  if (err instanceof SessionStoreUnavailable) {
    console.error(`sessions: the session store cannot be reached (${err.message})`);
    c.set('error', GatewayErrors.SESSIONS_UNAVAILABLE.code);
    return errorResponse(
      GatewayErrors.SESSIONS_UNAVAILABLE,
      'Sessions cannot be checked right now (the session store is unreachable); try again shortly.',
      c.get('requestId'),
      c.req.path,
      { 'retry-after': '5' },
    );
  }
  // Hono's own default for everything else.
  if ('getResponse' in err && typeof err.getResponse === 'function') return err.getResponse() as Response;
  console.error(err);
  return c.text('Internal Server Error', 500);
}
