// The access secret (env DASHBOARD_TOKEN): scripts send `Authorization: Bearer <secret>`; a browser signs in
// once at /__signin and gets its own server-side session (sessions/), the cookie a random handle: HttpOnly,
// SameSite=Strict, ending idle or at the absolute limit, on sign-out, or when an admin signs it out. The
// secret itself is never stored in the browser.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { clientAddress, type GatewayEnv } from './env.ts';
import { sessionCookie } from './sessions/cookie.ts';
import type { Sessions } from './sessions/sessions.ts';

export const ACCESS_COOKIE = 'sent_console_access';

/** 'guess' is a wrong bearer secret: a guess worth throttling, unlike a missing or ended session. */
export type AccessVerdict = 'ok' | 'missing' | 'guess';

export interface AccessSecret {
  /** Sets `session` for a browser's session; throws when the session store cannot be reached. */
  check(c: Context<GatewayEnv>): Promise<AccessVerdict>;
  matches(given: unknown): boolean;
  openSession(c: Context<GatewayEnv>): Promise<void>;
  /** Ends the session the request carries (if any); true if there was one. */
  closeSession(c: Context<GatewayEnv>): Promise<boolean>;
  sessions: Sessions;
}

function sameSecret(a: string, b: string): boolean {
  // Hash first so lengths match and the comparison time does not depend on where the strings differ.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Behind a TLS-terminating proxy the cookie must still be Secure. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function createAccessSecret(secret: string, sessions: Sessions): AccessSecret {
  const cookie = sessionCookie(ACCESS_COOKIE, { sameSite: 'Strict', secure: isHttps });
  return {
    sessions,
    async check(c) {
      const auth = c.req.header('authorization');
      if (auth?.toLowerCase().startsWith('bearer '))
        return sameSecret(auth.slice(7).trim(), secret) ? 'ok' : 'guess';
      const state = await sessions.read(cookie.get(c));
      if (state.status !== 'valid' || state.record.kind !== 'secret') {
        if (cookie.get(c)) cookie.clear(c);
        return 'missing';
      }
      c.set('session', state.id);
      return 'ok';
    },
    matches: (given) => typeof given === 'string' && sameSecret(given, secret),
    async openSession(c) {
      // Signing in again replaces this browser's session rather than leaving the old one alive beside it.
      const previous = await sessions.read(cookie.get(c));
      if (previous.status === 'valid') await sessions.end(previous.id);
      const { handle, id } = await sessions.open({
        kind: 'secret',
        person: null,
        tokens: null,
        address: clientAddress(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      c.set('session', id);
      cookie.set(c, handle, sessions.absoluteMs);
    },
    async closeSession(c) {
      const state = await sessions.read(cookie.get(c));
      cookie.clear(c);
      if (state.status !== 'valid') return false;
      c.set('session', state.id);
      await sessions.end(state.id);
      return true;
    },
  };
}
